// The HTML report as an inspector reads it: parsed from the written file, asserting on the text a reader sees.

import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import * as cheerio from 'cheerio';
import { Parser } from 'htmlparser2';
import { cli, FIXTURES, jsonl, tempDir, writeFiles } from '../helpers/cli.js';

const POSTS = path.join(FIXTURES, 'demo', 'posts.jsonl');
const dir = tempDir();
const ROSTER = path.join(dir, 'pegawai.csv');
// The demo roster and one employee whose accounts posted nothing.
writeFiles(dir, {
  'pegawai.csv': `${readFileSync(path.join(FIXTURES, 'roster', 'pegawai.csv'), 'utf8').trimEnd()}\n200001012020011001,Budi Santoso,Dinas Sosial,Staf,,budi.santoso,,,,\n`,
  // A regency race of the user's own: the reports name its pairs from this pack.
  'pilbup.yml': `pack: pilbup-sukamaju-2029
kind: election
election:
  id: pilbup-sukamaju-2029
  name: { id: "Pilbup Sukamaju 2029", en: "Sukamaju regent election 2029" }
  level: bupati
  region: Kabupaten Sukamaju
  dates:
    campaign: { start: 2029-09-01, end: 2029-11-20 }
    voting: 2029-11-25
  words: [pilbup sukamaju, cabup sukamaju]
  candidates:
    - { number: 1, names: [Hendra Gunawan, Wati Susilawati, Hendra-Wati], hashtags: [HendraWati] }
    - { number: 2, names: [Yusuf Maulana, Rini Astuti, Yusuf-Rini], hashtags: [YusufRini] }
`,
  'pilbup.jsonl': jsonl([{ id: 'p1', platform: 'x', author: 'warga', text: 'Ayo coblos nomor 2 Yusuf-Rini! #YusufRini', created_at: '2029-10-01T10:00:00+07:00' }]),
});

async function report(args: string[]): Promise<{ doc: string; $: cheerio.CheerioAPI }> {
  const out = path.join(dir, `r-${Math.random().toString(36).slice(2)}.html`);
  const r = await cli(['scan', ...args, '-f', 'html', '-o', out]);
  expect(r.exitCode, r.stderr).toBe(0);
  const doc = readFileSync(out, 'utf8');
  return { doc, $: cheerio.load(doc) };
}

/** Each attribute written twice on one element, as `<tag attr>`: invalid HTML and SVG. */
function duplicateAttributes(doc: string): string[] {
  const found: string[] = [];
  let tag = '';
  let seen = new Set<string>();
  const p = new Parser({
    onopentagname(name) {
      tag = name;
      seen = new Set();
    },
    onattribute(name) {
      if (seen.has(name)) found.push(`<${tag} ${name}>`);
      seen.add(name);
    },
  });
  p.end(doc);
  return found;
}

const text = ($: cheerio.CheerioAPI, sel: string) => $(sel).map((_, e) => $(e).text().replace(/\s+/g, ' ').trim()).get();

/** The finding by `rule` of the demo post on `line`. */
const finding = ($: cheerio.CheerioAPI, line: number, rule: string) =>
  $('article.finding').filter((_, a) => $(a).find('dd').filter((__, dd) => $(dd).text() === `${POSTS}:${line}`).length === 1 && $(a).find('.meta').eq(1).text().startsWith(rule));

describe('the HTML case file', () => {
  it('writes no attribute twice anywhere, charts included, in either language', async () => {
    for (const lang of ['en', 'id']) {
      const { doc, $ } = await report([POSTS, '--roster', ROSTER, '--lang', lang]);
      expect($('figure svg text').length).toBeGreaterThan(0);
      expect(duplicateAttributes(doc)).toEqual([]);
    }
    // The check finds what it looks for.
    expect(duplicateAttributes('<svg><text font-size="11" font-size="13">a</text></svg>')).toEqual(['<text font-size>']);
  });

  it('gives the chart titles one font size, larger than the labels', async () => {
    const { $ } = await report([POSTS]);
    const title = $('#chart-time svg > text').first();
    expect(title.text()).toMatch(/^Findings over time/);
    expect(title.attr('font-size')).toBe('13');
    expect($('#chart-category svg > text').first().attr('font-size')).toBe('13');
  });

  it('says severities, post kinds and image text in Indonesian inside its sentences', async () => {
    const { $ } = await report([POSTS, '--lang', 'id', '--min-severity', 'medium']);
    const summary = text($, '#summary li');
    expect(summary).toContain('2 temuan di bawah tingkat sedang tidak ditampilkan');
    expect($('body').text()).not.toMatch(/tingkat (high|medium|low|info)\b/);
    // A repost is "berbagi ulang", as the category of the same name says it.
    const repost = finding($, 2, 'repost.');
    expect(repost.find('.meta').first().text()).toContain('x @rudi.hartono_ · berbagi ulang');
    expect(text($, 'blockquote.evidence > span.muted').filter((t) => /image|media/.test(t))).toEqual([]);
    const en = await report([POSTS, '--lang', 'en', '--min-severity', 'medium']);
    expect(text(en.$, '#summary li')).toContain('2 findings below medium not shown');
  });

  it('lists every input with what was read of it, and the totals add up', async () => {
    // The same file twice in the campaign period: the second copy's posts with findings are repeats.
    const { $ } = await report([POSTS, POSTS, '--campaign', 'pilpres-2024', '--lang', 'en']);
    const items = text($, '#summary ul.inputs > li');
    expect(items).toEqual([
      `${POSTS} — jsonl: read 38 = scanned 16 + skipped 0 + outside the period 22`,
      `${POSTS} — jsonl: read 38 = scanned 8 + skipped 8 (8 of them read more than once) + outside the period 22`,
    ]);
    expect(text($, '#summary > ul > li')).toContain('read 76 = scanned 24 + skipped 8 (8 of them read more than once) + outside the period 44');
    const id = await report([POSTS, '--lang', 'id']);
    expect(text(id.$, '#summary ul.inputs > li')).toEqual([`${POSTS} — jsonl: dibaca 38 = dipindai 38 + dilewati 0`]);
  });

  it('lists the files of a given folder that were not read, with why, escaped; the JSON summary too', async () => {
    const folder = path.join(dir, 'berkas');
    writeFiles(folder, {
      'posts.jsonl': jsonl([{ id: 'b1', author: 'warga', text: 'Apel pagi di kantor' }]),
      'catatan <b>&amp;.txt': 'bukan unggahan, hanya catatan rapat\n',
      'kosong.json': '',
    });
    const notes = path.join(folder, 'catatan <b>&amp;.txt');
    const { doc, $ } = await report([folder, '--lang', 'en']);
    expect(text($, '#summary ul.inputs > li')).toEqual([
      `${path.join(folder, 'posts.jsonl')} — jsonl: read 1 = scanned 1 + skipped 0`,
      `${notes} — not read: not a format netral reads`,
      `${path.join(folder, 'kosong.json')} — not read: empty`,
    ]);
    expect($('#summary ul.inputs > li.ignored')).toHaveLength(2);
    // The name is text, not markup: no <b> element, and the & is escaped once.
    expect($('#summary ul.inputs b')).toHaveLength(0);
    expect(doc).toContain('catatan &lt;b&gt;&amp;amp;.txt — not read');
    const id = await report([folder, '--lang', 'id']);
    expect(text(id.$, '#summary ul.inputs > li.ignored')).toEqual([`${notes} — tidak dibaca: bukan format yang dibaca netral`, `${path.join(folder, 'kosong.json')} — tidak dibaca: kosong`]);
    const json = await cli(['scan', folder, '-f', 'json']);
    expect(JSON.parse(json.stdout).summary.ignored).toEqual([
      { input: notes, reason: 'not a format netral reads' },
      { input: path.join(folder, 'kosong.json'), reason: 'empty' },
    ]);
    // stderr still names them as before.
    expect(json.stderr).toContain(`note: 2 file(s) in the given folders were not read: ${notes} (not a format netral reads), ${path.join(folder, 'kosong.json')} (empty)`);
  });

  it('says an employee with no posts read had none, rather than showing a clean record', async () => {
    const { $ } = await report([POSTS, '--roster', ROSTER, '--lang', 'en']);
    const row = $('#overview tbody tr').filter((_, r) => $(r).find('td').first().text().startsWith('Budi Santoso'));
    expect(row).toHaveLength(1);
    expect(row.find('td').map((_, td) => $(td).text()).get()).toEqual(['Budi SantosoNIP 200001012020011001', 'Dinas Sosial', '0', 'no posts were read for this employee']);
    // An employee with posts and findings keeps every column.
    const rudi = $('#overview tbody tr').filter((_, r) => $(r).find('td').first().text().startsWith('Rudi Hartono'));
    expect(rudi.find('td')).toHaveLength(10);
    const id = await report([POSTS, '--roster', ROSTER, '--lang', 'id']);
    expect(id.$('#overview td.no-posts').text()).toBe('tidak ada unggahan yang terbaca untuk pegawai ini');
  });

  it('quotes every field the match covers: the text and the image description, each with its words marked', async () => {
    const { $ } = await report([POSTS, '--lang', 'en']);
    const f = finding($, 5, 'candidate_symbol.gesture-with-candidate');
    expect(f).toHaveLength(1);
    const quotes = f.find('blockquote.evidence');
    expect(quotes).toHaveLength(2);
    expect($(quotes[0]).find('span.muted')).toHaveLength(0);
    expect($(quotes[0]).find('mark').map((_, m) => $(m).text()).get()).toEqual(['KDM', 'nomer opat!\n#KDM #DediErwan']);
    expect($(quotes[1]).text()).toMatch(/^\[image text\] Foto bersama Dedi Mulyadi di panggung kampanye/);
    expect($(quotes[1]).find('mark').map((_, m) => $(m).text()).get()).toEqual(['Dedi Mulyadi', "empat jari, latar spanduk 'DEDI – ERWAN No. 4"]);
    const id = await report([POSTS, '--lang', 'id']);
    expect(finding(id.$, 5, 'candidate_symbol.gesture-with-candidate').find('blockquote.evidence').eq(1).text()).toMatch(/^\[teks gambar\] Foto bersama/);
  });

  it("names each candidate next to its id, from the run's packs, shipped or the user's own; JSON and CSV keep the id", async () => {
    const { $ } = await report([POSTS, '--lang', 'en']);
    const meta = text($, 'article.finding .meta');
    expect(meta.some((m) => m.includes('Candidate: pilpres-2024:2 (Prabowo Subianto – Gibran Rakabuming Raka) · confidence'))).toBe(true);
    expect(meta.some((m) => m.includes('Candidate: party-2024:3 (PDI Perjuangan)'))).toBe(true);
    expect(meta.filter((m) => /Candidate: [a-z0-9-]+:\d+ ·/.test(m))).toEqual([]);
    const own = await report([path.join(dir, 'pilbup.jsonl'), '--rules', path.join(dir, 'pilbup.yml'), '--lang', 'id']);
    expect(text(own.$, 'article.finding .meta').some((m) => m.includes('Paslon: pilbup-sukamaju-2029:2 (Yusuf Maulana – Rini Astuti) · keyakinan'))).toBe(true);
    const json = JSON.parse((await cli(['scan', POSTS, '-f', 'json'])).stdout) as { findings: { candidate: string | null }[] };
    expect(json.findings.map((f) => f.candidate)).toContain('pilpres-2024:2');
    expect(json.findings.every((f) => f.candidate === null || /^[a-z0-9-]+:\d+$/.test(f.candidate))).toBe(true);
    const csv = (await cli(['scan', POSTS, '-f', 'csv', '--lang', 'id'])).stdout;
    expect(csv).toMatch(/,pilpres-2024:2,/);
    expect(csv).not.toContain('Prabowo Subianto – Gibran');
  });
});
