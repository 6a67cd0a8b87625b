// `netral explain` in both languages: the words of its text output follow --lang (or LANG); rule ids, categories,
// list names, entity types and modifier kinds stay as the engine writes them, and the JSON form does not change.

import { describe, expect, it } from 'vitest';
import { bin, cli } from '../helpers/cli.js';

const NOTICE = ['explain', 'ASN dilarang mendukung paslon 02 dengan pose dua jari', '--date', '2024-01-20'];
// 132 days after the end of pilpres-2024's window (applies until 2024-04-30): downgraded, with the engine's own cue.
const LATE = ['explain', 'Dukung Prabowo-Gibran lanjutkan', '--date', '2024-09-10'];
const AMBIGUOUS = ['explain', 'Ayo c0bl0s 02 ✌️', '--date', '2025-06-10'];

describe('netral explain in Indonesian', () => {
  it('--lang id: headings, token kinds, strengths, severities, verdict and context modifiers in Indonesian', async () => {
    const r = await cli([...NOTICE, '--lang', 'id']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Teks\n  ASN dilarang mendukung/);
    expect(r.stdout).toContain('\nToken\n  asn (kata, huruf kapital) ← "ASN"\n');
    expect(r.stdout).toContain('\nPetunjuk konteks\n');
    // List names are ids of rules/context.yaml: kept.
    expect(r.stdout).toContain('  prohibition: dilarang\n');
    expect(r.stdout).toMatch(/\n {2}masa kampanye: .*pilpres-2024\n/);
    expect(r.stdout).toMatch(/\nRujukan yang dihitung\n/);
    expect(r.stdout).toMatch(/02 → .*pilpres-2024:2 \[candidate\/ballot_number, sedang\]/);
    expect(r.stdout).toContain('\nTemuan\n  (tidak ada)\n');
    expect(r.stdout).toContain('\nDiabaikan karena konteks\n  diabaikan endorsement.support-near-candidate (endorsement) → pilpres-2024:2 keyakinan 0.85\n');
    expect(r.stdout).toContain('    kata yang cocok: "mendukung paslon 02"\n    prohibition: diabaikan — larangan atau imbauan netralitas (dilarang)\n');
    expect(r.stdout).toMatch(/\nPutusan: bersih\n$/);
    for (const en of ['Tokens', 'Context cues', 'Findings', 'Verdict', 'suppress ', 'confidence', 'matched', '(word', 'medium]']) expect(r.stdout).not.toContain(en);
  });

  it("translates the cues the engine writes itself, not the post's words; ids and factors stay", async () => {
    const late = (await cli([...LATE, '--lang', 'id'])).stdout;
    expect(late).toContain('  TINGGI endorsement.support-near-candidate (endorsement) → pilpres-2024:2 keyakinan 0.51\n');
    expect(late).toContain('    out_of_window: keyakinan diturunkan ×0.6 — jauh dari waktu pemilihan (132 hari di luar periode pilpres-2024)\n');
    expect(late).toMatch(/\nPutusan: perlu ditinjau\n$/);
    const ambiguous = (await cli([...AMBIGUOUS, '--lang', 'id'])).stdout;
    expect(ambiguous).toContain('coblos (kata, samaran diurai) ← "c0bl0s"');
    expect(ambiguous).toMatch(/ {4}ambiguous_candidate: keyakinan diturunkan ×0\.85 — paslon tidak pasti \(pilkada-dki-2017:2, .*pilpres-2024:2\)\n/);
    expect(ambiguous).toMatch(/\nPutusan: pelanggaran\n$/);
  });

  it('follows an Indonesian locale (LANG, LC_ALL) without --lang, and --lang en wins over it', async () => {
    const byLang = await cli(LATE, { env: { LANG: 'id_ID.UTF-8' } });
    expect(byLang.stdout).toContain('jauh dari waktu pemilihan (132 hari di luar periode pilpres-2024)');
    expect((await cli(LATE, { env: { LANG: 'en_US.UTF-8', LC_ALL: 'id_ID.UTF-8' } })).stdout).toMatch(/^Teks\n/);
    const en = await cli([...LATE, '--lang', 'en'], { env: { LANG: 'id_ID.UTF-8' } });
    expect(en.stdout).toContain('    out_of_window: downgrade ×0.6 (132 days outside pilpres-2024)\n');
  });

  it('in English, as before: the same lines, the engine values as they are', async () => {
    const notice = (await cli(NOTICE)).stdout;
    expect(notice).toMatch(/^Text\n/);
    expect(notice).toContain('\nTokens\n  asn (word, caps) ← "ASN"\n');
    expect(notice).toContain('\nSuppressed by context\n  suppressed endorsement.support-near-candidate (endorsement) → pilpres-2024:2 confidence 0.85\n');
    expect(notice).toContain('    matched: "mendukung paslon 02"\n    prohibition: suppress (dilarang)\n');
    expect(notice).toMatch(/\nVerdict: clean\n$/);
    expect((await cli(LATE)).stdout).toContain('  HIGH endorsement.support-near-candidate (endorsement) → pilpres-2024:2 confidence 0.51\n');
  });

  it('the JSON form is the same in both languages: engine values, English cues', async () => {
    const id = await cli([...LATE, '-f', 'json', '--lang', 'id']);
    expect(id.stdout).toBe((await cli([...LATE, '-f', 'json'])).stdout);
    const j = JSON.parse(id.stdout);
    expect(j.findings[0].modifiers).toEqual([{ kind: 'out_of_window', effect: 'downgrade', cue: '132 days outside pilpres-2024', factor: 0.6 }]);
    expect(j.verdict).toBe('review');
  });

  it('in a real process, with an Indonesian LANG', async () => {
    const r = await bin(NOTICE, { env: { LANG: 'id_ID.UTF-8' } });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('prohibition: diabaikan — larangan atau imbauan netralitas (dilarang)');
    expect(r.stderr).toBe('');
  });
});
