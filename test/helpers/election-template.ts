// What an analyst does with the template of `netral rules init-election`: edit each placeholder in place. Every
// edit must find its placeholder, so a test using this fails when the template changes rather than testing a file
// that was never filled in.

import { expect } from 'vitest';

/** The pairs of the Sukamaju regent race the tests fill in (fictional region). */
export const PAIRS = [
  { name: 'Hendra Gunawan – Wati Suryani', names: 'Hendra Gunawan, Wati Suryani, Hendra-Wati', hashtags: 'HendraWati2029' },
  { name: 'Yusuf Maulana – Rini Astuti', names: 'Yusuf Maulana, Rini Astuti, Yusuf-Rini', hashtags: 'YusufRini' },
  { name: 'Bambang Sutrisno – Dewi Lestari', names: 'Bambang Sutrisno, Dewi Lestari, Bambang-Dewi', hashtags: 'BambangDewi' },
];

function edit(text: string, from: string, to: string): string {
  expect(text, `the template no longer holds ${from}`).toContain(from);
  return text.replace(from, to);
}

/** The template with its placeholders filled in; `except` leaves some untouched (by the field's name). */
export function fillTemplate(text: string, pairs: number, except: string[] = []): string {
  const edits: [string, string, string][] = [
    ['title', '"Pilkada ... (replace)"', '"Pilbup Sukamaju 2029"'],
    // A real source may abbreviate with "...": that is not a placeholder.
    ['sources', '"Keputusan KPU Kabupaten/Kota ... tentang penetapan nomor urut pasangan calon (replace)"', '"Keputusan KPU Kabupaten Sukamaju Nomor 123 Tahun 2029 tentang Penetapan Nomor Urut ... Pasangan Calon"'],
    ['name', '{ id: "Pemilihan Bupati dan Wakil Bupati ... (replace)", en: "... regent election (replace)" }', '{ id: "Pemilihan Bupati dan Wakil Bupati Sukamaju 2029", en: "Sukamaju regent election 2029" }'],
    ['region', '"Kabupaten ... (replace)"', 'Kabupaten Sukamaju'],
    ['words', '[pilbup ..., pilkada ..., cabup ..., bupati ... 1]', '[pilbup sukamaju, pilkada sukamaju, cabup sukamaju, bupati sukamaju 1]'],
    ['region_words', 'region_words: []', 'region_words: [sukamaju, cikaret]'],
  ];
  for (let n = 1; n <= pairs; n++) {
    const p = PAIRS[n - 1];
    edits.push(['pair name', `name: "Nama Calon ${n} – Nama Wakil ${n}"`, `name: "${p.name}"`]);
    edits.push(['names', `names: [Nama Calon ${n}, Nama Wakil ${n}, Calon${n}-Wakil${n}]`, `names: [${p.names}]`]);
    // Each pair's first `hashtags: []` is the next one still empty.
    edits.push(['hashtags', 'hashtags: []', `hashtags: [${p.hashtags}]`]);
  }
  let out = text;
  for (const [field, from, to] of edits) if (!except.includes(field)) out = edit(out, from, to);
  return out;
}
