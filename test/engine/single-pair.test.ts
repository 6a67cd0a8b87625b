// A race with a single pair runs against the empty column (kotak kosong): campaigning for the column is a stance
// against the pair, while KPU's explainers about it, news of its camp and the everyday words are not. The pack is
// what `rules init-election --candidates 1` writes, filled in as an analyst would: no `against` phrase of its own.

import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { loadRuleSet } from '../../src/rules/load.js';
import { compile } from '../../src/rules/compile.js';
import { electionTemplate } from '../../src/rules/template.js';
import { Scanner } from '../../src/engine/scan.js';
import { fillTemplate } from '../helpers/election-template.js';
import { post } from '../helpers/engine.js';
import { tempDir } from '../helpers/cli.js';

const ID = 'pilbup-sukamaju-2029';
const PAIR = `${ID}:1`;
const IN_CAMPAIGN = '2029-10-15T19:00:00+07:00';

async function scanner(pairs: number): Promise<Scanner> {
  const file = path.join(tempDir(), `${ID}.yaml`);
  writeFileSync(file, fillTemplate(electionTemplate(ID, pairs), pairs));
  return new Scanner(compile(await loadRuleSet({ extra: [file], elections: [ID] })), { explain: true });
}

describe('a race with a single pair', () => {
  it('reads a call for the empty column as a stance against the pair, with no phrase in the pack', async () => {
    const s = await scanner(1);
    for (const t of [
      'Ayo warga Sukamaju, menangkan kotak kosong! Lawan politik dinasti',
      'Saya pilih kotak kosong saja, udah bosen janji2',
      'Bismillah #KotakKosong',
      'Malam ini rapat relawan kotak kosong di posko Cikaret, hadir ya dulur',
      'Daripada dinasti, mending kotak kosong',
      'Tgl 25 nanti mencoblos kolom kosong aja gaes',
      'Wis to, coblos sing kosong wae, luwih apik timbang calon karbitan',
    ]) {
      const r = s.scan(post(t, { date: IN_CAMPAIGN }));
      expect(r.verdict, t).toBe('violation');
      expect(r.findings.map((f) => [f.rule_id, f.candidate, f.stance]), t).toContainEqual(['endorsement.against-phrase', PAIR, 'against']);
    }
    // Voter-education words do not excuse the column's own campaign: its hashtag, or words away from the call.
    for (const t of ['Kolom kosong bukan golput! Datang ke TPS, coblos kolom kosong #KotakKosong', 'Menangkan kolom kosong! Lihat surat suara, pilih yang bersih']) {
      expect(s.scan(post(t, { date: IN_CAMPAIGN })).verdict, t).toBe('violation');
    }
    // Telling people not to vote for the column takes the pair's side: the post does not name both options evenly.
    const pair = s.scan(post('Urang sasarengan nyoblos Hendra-Wati di TPS. Tong golput, tong milih kolom kosong nya', { date: IN_CAMPAIGN }));
    expect(pair.findings.map((f) => [f.candidate, f.stance])).toContainEqual([PAIR, 'support']);
    // Refusing the column ("jangan coblos kotak kosong") takes the pair's side: the stance turns, the verdict stays.
    const refusal = s.scan(post('Jangan coblos kotak kosong ya warga Sukamaju!', { date: IN_CAMPAIGN }));
    expect(refusal.verdict).toBe('violation');
    expect(refusal.findings.map((f) => [f.candidate, f.stance, f.modifiers.map((x) => x.kind)])).toContainEqual([PAIR, 'support', ['refusal']]);
    // The pair's own supporters still support it.
    expect(s.scan(post('Coblos Hendra-Wati, jangan kotak kosong!', { date: IN_CAMPAIGN })).findings.map((f) => [f.candidate, f.stance])).toContainEqual([PAIR, 'support']);
  });

  it('leaves voter education, the ballot explained with both options, news of the camp and everyday words clean', async () => {
    const s = await scanner(1);
    for (const t of [
      'Pemilih boleh mencoblos kolom kosong, suaranya sah. Simak tata cara pencoblosan dari KPU Sukamaju',
      'Info KPU: surat suara pilbup sukamaju hanya memuat satu paslon. Coblos kotak kosong juga sah',
      'Surat suara memuat foto paslon Hendra-Wati dan kolom kosong. Coblos salah satu, keduanya sah. Ayo ke TPS!',
      'ASN dilarang mengkampanyekan paslon maupun kotak kosong. Jaga netralitas!',
      'Kotak kosong bekas printer di gudang kantor numpuk, tolong dirapikan',
      'Jangan ada kolom kosong di form SPJ ya, nanti dikembalikan bagian keuangan',
      'Jumlah pemilih kotak kosong di TPS 5 capai 120 suara, lanjut rekap di kecamatan',
      'Buat berkas mutasi, pilih kotak kosong yg di rak atas aja, yg bawah udah penuh arsip',
      'Kursinya penuh, pilih yang kosong aja di belakang',
      "Sosialisasi pemilih pemula bareng KPU. Anak2 nanya: 'Bu, kalau nyoblos kotak kosong sah gak?' Sah dong nak",
    ]) {
      const r = s.scan(post(t, { date: IN_CAMPAIGN }));
      expect(r.verdict, t).toBe('clean');
    }
    // A camp's own phrase under a news link is reported, as a pair's slogan is; its hashtag is the poster's own.
    const news = s.scan(post('Ribuan warga deklarasi relawan kotak kosong di alun-alun Sukamaju', { date: IN_CAMPAIGN, links: ['https://www.detik.com/jateng/berita/d-1'] }));
    expect(news.verdict).toBe('clean');
    expect(news.suppressed.flatMap((f) => f.modifiers.map((m) => m.kind))).toContain('news');
    expect(s.scan(post('Ribuan warga deklarasi di alun-alun #KotakKosong', { date: IN_CAMPAIGN, links: ['https://www.detik.com/jateng/berita/d-1'] })).verdict).toBe('violation');
  });

  it('only a race with one pair runs against the empty column', async () => {
    const s = await scanner(2);
    const r = s.scan(post('Ayo warga Sukamaju, menangkan kotak kosong! Lawan politik dinasti', { date: IN_CAMPAIGN }));
    expect(r.findings.filter((f) => f.stance === 'against')).toEqual([]);
  });
});
