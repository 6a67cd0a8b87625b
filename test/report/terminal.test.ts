import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import stringWidth from 'string-width';
import { bin, cli, FIXTURES, jsonl, tempDir, writeFiles } from '../helpers/cli.js';

const DEMO = path.join(FIXTURES, 'demo');
const ROSTER = path.join(FIXTURES, 'roster', 'pegawai.csv');
const ESC = /\u001b\[[0-9;]*m/g;

const linesOf = (s: string) => s.replace(/\n$/, '').split('\n');
/** The widest line, leaving out those that are one word (a rule id, a URL): a word is never cut, so it may overflow. */
const widest = (s: string) => Math.max(...linesOf(s).filter((l) => /\S\s+\S/.test(l.trim())).map((l) => stringWidth(l)));
const indentOf = (l: string) => l.length - l.trimStart().length;
/** The words of a report, whatever its width: wrapping may only move line breaks (and drop the "·" it breaks at). */
const words = (s: string) => s.split(/\s+/).filter((w) => w !== '' && w !== '·');
const body = (s: string) => s.slice(0, s.indexOf('\nSummary\n'));

const dir = tempDir();
writeFiles(dir, {
  // One rule with a long title and legal basis, so that every part of a finding has to wrap at 40 columns.
  'lebar.yml': `pack: lebar
kind: rules
rules:
  - id: lebar.kopi
    title: { id: "Judul aturan yang sengaja dibuat panjang sekali supaya tidak muat di satu baris", en: "A rule title made long on purpose so that it cannot fit on one line of the report" }
    category: endorsement
    severity: high
    legal_basis: "SKB 2022 Lampiran II SM-1, SM-2; PP 94/2021 ps. 5 huruf n; SE MenPANRB B/71/M.SM.00.00/2017"
    match: { term: kopi }
    examples: { flag: ["kopi"], pass: ["teh"] }
`,
  'lebar.jsonl': jsonl([
    // CJK takes 2 columns a character; counted as 1, these lines would overflow.
    { id: 'cjk', author: 'a', text: `kopi ${Array(30).fill('中文中文').join(' ')}` },
    // A combining accent takes none; counted as 1, these lines would break too early.
    { id: 'mark', author: 'b', text: `kopi ${Array(30).fill('cafe\u0301s').join(' ')}` },
    // An emoji with a skin tone is 4 UTF-16 units and 2 columns.
    { id: 'emoji', author: 'c', text: `kopi ${Array(30).fill('👍🏽👍🏽').join(' ')}` },
    { id: 'url', author: 'd', url: `https://example.com/${'a'.repeat(120)}`, text: 'kopi pagi' },
  ]),
});
const PACK = ['--no-default-rules', '--rules', path.join(dir, 'lebar.yml'), path.join(dir, 'lebar.jsonl')];

describe('the terminal report fits the width', () => {
  it('80 columns when stdout is not a terminal: the demo, with every part of a finding on lines of its own', async () => {
    const r = await cli(['scan', DEMO]);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    // Severity and title; then rule · category; then candidate and confidence, under a hanging indent.
    expect(r.stdout).toContain(
      [
        '     HIGH  Taking part in a campaign',
        '      campaign_activity.first-person · campaign activity',
        '        Candidate: party-2024:3 (PDI Perjuangan) · confidence 0.85',
        '      «Hadir dina Rakorcab» PDI Perjuangan, milu nyusun program pemenangan',
        '        Pemilu 2024. Merdeka!…',
        '      Legal basis: SKB 2022 Lampiran II (tim pemenangan/tim sukses/relawan:',
        '        berat); PP 94/2021 ps. 5 huruf n (ikut kampanye)',
      ].join('\n'),
    );
    // A highlight that crosses a line break keeps its marks.
    expect(r.stdout).toContain('Urang «menangkeun\n        nomer tilu» di Sukamaju! 🤟🔥');
    expect(r.stdout).toContain('Note: netral proposes, the analyst decides. Check every finding against the\noriginal post.\n');
  });

  it('loses and reorders nothing: the words are the same at any width', async () => {
    const wide = (await cli(['scan', DEMO, '--explain'], { env: { COLUMNS: '400' } })).stdout;
    // At 400 columns nothing wraps: one line per part, as the report was before it was fitted.
    expect(wide).toMatch(/\n {5}HIGH {2}Taking part in a campaign\n {6}campaign_activity\.first-person · campaign activity · Candidate: party-2024:3 \(PDI Perjuangan\) · confidence 0\.85\n/);
    for (const cols of ['40', '57', '80', '123']) {
      const r = await cli(['scan', DEMO, '--explain'], { env: { COLUMNS: cols } });
      expect(widest(r.stdout), cols).toBeLessThanOrEqual(Number(cols));
      expect(words(body(r.stdout))).toEqual(words(body(wide)));
    }
  });

  it('counts display columns: CJK and emoji as 2, combining marks as 0; a long URL overflows whole', async () => {
    const r = await cli(['scan', ...PACK], { env: { COLUMNS: '40' } });
    const lines = linesOf(r.stdout);
    const url = `  https://example.com/${'a'.repeat(120)}`;
    expect(lines).toContain(url);
    for (const l of lines) if (l !== url) expect(stringWidth(l), l).toBeLessThanOrEqual(40);
    // Every excerpt fills its lines: a line breaks only where the next word would not fit.
    for (const id of ['cjk', 'mark', 'emoji']) {
      const start = lines.findIndex((l) => l.startsWith('      «kopi» ') && lines.slice(0, lines.indexOf(l)).some((x) => x.includes(`  ${id}  `)));
      const para = [lines[start]];
      for (let i = start + 1; indentOf(lines[i]) === 8; i++) para.push(lines[i]);
      expect(para.length, id).toBeGreaterThan(1);
      for (let i = 0; i + 1 < para.length; i++) expect(stringWidth(para[i]) + 1 + stringWidth(para[i + 1].trim().split(' ')[0]), `${id}: ${para[i]}`).toBeGreaterThan(40);
    }
    // The title continues under itself, right of the severity.
    expect(r.stdout).toContain('     HIGH  A rule title made long on\n           purpose so that it cannot fit\n           on one line of the report\n');
  });

  it('on a terminal, its width; COLUMNS wins; a report written to a file is 80 wide', async () => {
    const tty = await cli(['scan', ...PACK], { stdoutIsTTY: true, stdoutColumns: 50, env: { NO_COLOR: '1' } });
    expect(widest(tty.stdout)).toBeLessThanOrEqual(50);
    expect(tty.stdout).toBe((await cli(['scan', ...PACK], { env: { COLUMNS: '50' } })).stdout);
    const env = await cli(['scan', ...PACK], { stdoutIsTTY: true, stdoutColumns: 50, env: { NO_COLOR: '1', COLUMNS: '120' } });
    expect(env.stdout).toContain('     HIGH  A rule title made long on purpose so that it cannot fit on one line of the report\n');
    const junk = await cli(['scan', ...PACK], { stdoutIsTTY: true, stdoutColumns: 50, env: { NO_COLOR: '1', COLUMNS: 'lebar' } });
    expect(junk.stdout).toBe(tty.stdout);
    const notTty = await cli(['scan', ...PACK], { stdoutColumns: 50 });
    expect(notTty.stdout).toBe((await cli(['scan', ...PACK], { env: { COLUMNS: '80' } })).stdout);
    expect(notTty.stdout).toContain('     HIGH  A rule title made long on purpose so that it cannot fit on one line\n           of the report\n');
    const file = path.join(dir, 'report.txt');
    await cli(['scan', ...PACK, '-o', file], { stdoutIsTTY: true, stdoutColumns: 50, env: { NO_COLOR: '1' } });
    expect(readFileSync(file, 'utf8')).toBe(notTty.stdout);
  });

  it('colour codes do not count, and a highlight or colour never runs into the next line or its indent', async () => {
    const r = await cli(['scan', DEMO, '--explain'], { stdoutIsTTY: true, stdoutColumns: 60, env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\u001b[7m'); // highlighted matches
    const plain = r.stdout.replace(ESC, '');
    expect(widest(plain)).toBeLessThanOrEqual(60);
    // Some lines are only this wide with their colour codes: the codes were not counted.
    expect(linesOf(r.stdout).some((l) => l.length > 60)).toBe(true);
    // The same words as without colour, where the matches are «marked».
    expect(words(body(plain))).toEqual(words(body((await cli(['scan', DEMO, '--explain'], { env: { COLUMNS: '60' } })).stdout)).map((w) => w.replace(/[«»]/g, '')).filter((w) => w !== ''));
    for (const l of linesOf(r.stdout)) {
      // The indent is never painted, and every style opened on a line is closed on it.
      // (The one painted space allowed there is the padding of the severity badge, " HIGH " on red.)
      expect(indentOf(l.replace(ESC, '')) - indentOf(l), l).toBeLessThanOrEqual(1);
      const opened = (l.match(/\u001b\[7m/g) ?? []).length;
      expect((l.match(/\u001b\[27m/g) ?? []).length, l).toBe(opened);
    }
  });

  it('the summary table stacks its columns when they do not fit side by side', async () => {
    const wide = await cli(['scan', DEMO], { env: { COLUMNS: '80' } });
    expect(wide.stdout).toMatch(/\n {2}posts by verdict {4}findings by severity {4}findings by category\n {2}violation {5}15 {4}high {14}31 {4}endorsement {7}10\n/);
    const narrow = await cli(['scan', DEMO], { env: { COLUMNS: '50' } });
    expect(narrow.stdout).toMatch(/\n {2}posts by verdict {4}findings by severity\n {2}violation {5}15 {4}high {14}31\n[^]*\n {2}clean {9}28 {4}low {16}0\n {22}info {15}3\n\n {2}findings by category\n {2}endorsement {7}10\n/);
    expect(widest(narrow.stdout)).toBeLessThanOrEqual(50);
  });

  it('in Indonesian, and per employee, too', async () => {
    const id = await cli(['scan', DEMO, '--lang', 'id', '--roster', ROSTER], { env: { COLUMNS: '60' } });
    expect(widest(id.stdout)).toBeLessThanOrEqual(60);
    // The pair's name may wrap; the id stays whole.
    expect(id.stdout).toContain('     TINGGI  Ikut kegiatan kampanye / tim pemenangan\n      campaign_activity.first-person · kegiatan kampanye\n        Paslon: party-2024:3 (PDI Perjuangan)\n          keyakinan 0.85\n');
    expect(id.stdout).toContain('        Paslon: pilpres-2024:3 (Ganjar Pranowo – Mahfud MD)\n          keyakinan 0.92\n');
    const per = await cli(['scan', DEMO, '--roster', ROSTER, '--per', 'employee']);
    expect(widest(per.stdout)).toBeLessThanOrEqual(80);
    expect(per.stdout).toContain('  findings by category: endorsement 3, candidate symbol 3, campaign hashtag 2,\n    campaign slogan 2, repost 1, campaign activity 1\n');
  });

  it('in a real process: 80 columns on a pipe, COLUMNS when exported', async () => {
    const pipe = await bin(['scan', DEMO]);
    expect(widest(pipe.stdout)).toBeLessThanOrEqual(80);
    expect(pipe.stdout).toBe((await cli(['scan', DEMO])).stdout);
    const cols = await bin(['scan', DEMO], { env: { COLUMNS: '64' } });
    expect(widest(cols.stdout)).toBeLessThanOrEqual(64);
    expect(widest(cols.stdout)).toBeGreaterThan(60);
  });
});

describe('the modifier lines --explain adds, in the report language', () => {
  const d = tempDir();
  writeFiles(d, {
    'posts.jsonl': jsonl([
      { id: '1', author: 'a', text: 'ASN dilarang mendukung paslon 02 Prabowo-Gibran', created_at: '2024-01-10T10:00:00Z' },
      { id: '2', author: 'a', text: 'Dukung Prabowo-Gibran lanjutkan', created_at: '2024-09-10T10:00:00Z' },
    ]),
  });
  const scan = (lang: string) => cli(['scan', '--explain', '--lang', lang, path.join(d, 'posts.jsonl')], { env: { COLUMNS: '200' } });

  it('in Indonesian: what the modifier means and does, its kind id kept, the engine\'s own cue translated', async () => {
    const r = await scan('id');
    expect(r.stdout).toContain('      ↳ larangan atau imbauan netralitas (prohibition; diabaikan): dilarang\n');
    expect(r.stdout).toContain('      ↳ jauh dari waktu pemilihan (out_of_window; keyakinan diturunkan ×0.6): 133 hari di luar periode pilpres-2024\n');
    expect(r.stdout).not.toMatch(/suppress|downgrade|days outside/);
  });

  it('in English, as before', async () => {
    const r = await scan('en');
    expect(r.stdout).toContain('      ↳ prohibition (suppress): dilarang\n');
    expect(r.stdout).toContain('      ↳ out_of_window (downgrade ×0.6): 133 days outside pilpres-2024\n');
  });
});
