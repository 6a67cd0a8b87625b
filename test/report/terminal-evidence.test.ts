// What the terminal report says of a finding and of the run, in the reader's language: severities and kinds in its
// words, every field the match covers quoted, the candidate named beside its id.

import { describe, expect, it } from 'vitest';
import path from 'node:path';
import stringWidth from 'string-width';
import { bin, cli, FIXTURES, tempDir, writeFiles } from '../helpers/cli.js';

const POSTS = path.join(FIXTURES, 'demo', 'posts.jsonl');
const ESC = /\u001b\[[0-9;]*m/g;

/** The lines of the finding by `rule` on the demo post `postId`: from its badge to the next badge or post. */
function findingLines(report: string, postId: string, rule: string): string[] {
  const lines = report.split('\n');
  const post = lines.findIndex((l) => new RegExp(`(^|\\s)${postId}(\\s|$)`).test(l));
  expect(post).toBeGreaterThanOrEqual(0);
  const at = lines.findIndex((l, i) => i > post && l.trimStart().startsWith(rule));
  expect(at).toBeGreaterThan(post);
  const end = lines.findIndex((l, i) => i > at && (/^ {5}\S/.test(l) || /^ {2}\S/.test(l) || l === ''));
  return lines.slice(at - 1, end);
}

describe('the terminal report in the reader’s words', () => {
  it('says the --min-severity level in the report language', async () => {
    const id = await cli(['scan', POSTS, '--lang', 'id', '--min-severity', 'medium']);
    expect(id.stdout).toContain('\n  2 temuan di bawah tingkat sedang tidak ditampilkan\n');
    expect(id.stdout).not.toMatch(/tingkat (high|medium|low|info)\b/);
    const en = await cli(['scan', POSTS, '--lang', 'en', '--min-severity', 'high']);
    expect(en.stdout).toContain('\n  4 findings below high not shown\n');
  });

  it('says the kind of a post in the report language', async () => {
    const id = await cli(['scan', POSTS, '--lang', 'id'], { env: { COLUMNS: '200' } });
    expect(id.stdout).toMatch(/\n {2}2024-01-16 20:41 WIB {2}x · berbagi ulang {2}demo-002 {2}pelanggaran\n/);
    expect(id.stdout).toMatch(/\n {2}2024-02-02 22:05 WIB {2}x · balasan {2}demo-003 {2}pelanggaran\n/);
    const en = await cli(['scan', POSTS, '--lang', 'en'], { env: { COLUMNS: '200' } });
    expect(en.stdout).toMatch(/\n {2}2024-01-16 20:41 WIB {2}x · repost {2}demo-002 {2}violation\n/);
  });

  it('quotes the image description too when the match covers it, marked as image text, its words highlighted', async () => {
    const en = await cli(['scan', POSTS, '--lang', 'en'], { env: { COLUMNS: '200' } });
    const lines = findingLines(en.stdout, 'demo-005', 'candidate_symbol.gesture-with-candidate');
    expect(lines).toContain('      Alhamdulillah kasampeur «KDM» di alun-alun, bapa urang sadaya 🙏 27 Nopember urang kawal «nomer opat! #KDM #DediErwan»');
    expect(lines).toContain("      [image text] Foto bersama «Dedi Mulyadi» di panggung kampanye, keduanya mengacungkan «empat jari, latar spanduk 'DEDI – ERWAN No. 4»'");
    const id = await cli(['scan', POSTS, '--lang', 'id'], { env: { COLUMNS: '200' } });
    expect(findingLines(id.stdout, 'demo-005', 'candidate_symbol.gesture-with-candidate')).toContain(
      "      [teks gambar] Foto bersama «Dedi Mulyadi» di panggung kampanye, keduanya mengacungkan «empat jari, latar spanduk 'DEDI – ERWAN No. 4»'",
    );
    // In colour, the image's words are highlighted like the text's.
    const colour = await cli(['scan', POSTS, '--lang', 'en'], { env: { COLUMNS: '200', FORCE_COLOR: '1' }, stdoutIsTTY: true });
    const media = colour.stdout.split('\n').find((l) => l.replace(ESC, '').startsWith('      [image text] Foto bersama Dedi Mulyadi'))!;
    expect(media).toMatch(/\u001b\[7m(\u001b\[1m)?Dedi Mulyadi/);
  });

  it('names the candidate beside its id; at a narrow width the name wraps and the id stays whole', async () => {
    const wide = await cli(['scan', POSTS, '--lang', 'en'], { env: { COLUMNS: '200' } });
    expect(findingLines(wide.stdout, 'demo-002', 'campaign_hashtag.candidate-tag').join('\n')).toContain(
      'campaign_hashtag.candidate-tag · campaign hashtag · Candidate: pilpres-2024:2 (Prabowo Subianto – Gibran Rakabuming Raka) · confidence',
    );
    for (const [lang, label] of [
      ['en', 'Candidate'],
      ['id', 'Paslon'],
    ]) {
      const narrow = await cli(['scan', POSTS, '--lang', lang], { env: { COLUMNS: '40' } });
      const lines = findingLines(narrow.stdout, 'demo-002', 'campaign_hashtag.candidate-tag');
      // "Candidate: pilpres-2024:2" unbroken; the pair's name after it on the same line or continued under it.
      const i = lines.findIndex((l) => l.startsWith(`        ${label}: pilpres-2024:2`));
      expect(i, lines.join('\n')).toBeGreaterThan(0);
      expect(lines.slice(i, i + 3).join(' ').replace(/\s+/g, ' ')).toContain(`${label}: pilpres-2024:2 (Prabowo Subianto – Gibran Rakabuming Raka)`);
      for (const l of lines) if (/\S\s+\S/.test(l.trim())) expect(stringWidth(l), l).toBeLessThanOrEqual(40);
    }
  });
});

describe('the terminal summary of the inputs', () => {
  const dir = tempDir();
  writeFiles(dir, { 'putus.json': '[\n{"id":"1","text":"a"},\n{"id":"2","text":"b"}\n' });

  it('gives each input its counts, those read before a failure too, and keeps the place of the failure on one line', async () => {
    for (const width of ['80', '60']) {
      const r = await bin(['scan', 'putus.json', POSTS], { cwd: dir, env: { COLUMNS: width } });
      expect(r.exitCode).toBe(2);
      const inputs = r.stdout.slice(r.stdout.indexOf('  inputs:\n'), r.stdout.indexOf('\nNote:'));
      expect(inputs.replace(/\s+/g, ' ')).toContain(
        `putus.json — json: read 2 = scanned 2 + skipped 0; could not be read: line 3: the file ends before the JSON is complete (truncated?) ${POSTS} — jsonl: read 38 = scanned 38 + skipped 0`,
      );
      expect(inputs).not.toMatch(/line\n/);
    }
  });

  it('never parts a count from its label when a line wraps', async () => {
    for (const width of ['40', '60', '80']) {
      for (const lang of ['en', 'id']) {
        const r = await cli(['scan', POSTS, POSTS, '--campaign', 'pilpres-2024', '--lang', lang], { env: { COLUMNS: width } });
        const summary = r.stdout.slice(r.stdout.lastIndexOf(lang === 'en' ? '\nSummary\n' : '\nRingkasan\n'));
        expect(summary, `${lang} ${width}`).not.toMatch(/(read|scanned|skipped|period|dibaca|dipindai|dilewati|periode)\n\s+\d/);
        expect(summary.replace(/\s+/g, ' ')).toContain(lang === 'en' ? 'read 38 = scanned 8 + skipped 8 (8 of them read more than once) + outside the period 22' : 'dibaca 38 = dipindai 8 + dilewati 8 (8 di antaranya terbaca lebih dari sekali) + di luar periode 22');
      }
    }
  });
});
