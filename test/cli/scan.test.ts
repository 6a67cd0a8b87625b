import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { bin, cli, FIXTURES, jsonl, tempDir, writeFiles } from '../helpers/cli.js';
import { MAPPABLE } from '../../src/cli/run.js';
import { COLUMN_ALIASES } from '../../src/sources/formats/generic-csv.js';

const dir = tempDir();
const JAN = '2024-01-20T10:00:00+07:00';
const posts = [
  { id: '1', author: 'budi', text: 'Ayo coblos 02 tanggal 14! ✌️', created_at: JAN, platform: 'x' },
  { id: '2', author: 'budi', text: 'Rapat koordinasi di kantor pukul 9', created_at: JAN, platform: 'x' },
  { id: '3', author: 'sri', text: 'Tadi lihat Ganjar di televisi', created_at: JAN, platform: 'facebook' },
];
writeFiles(dir, {
  'posts.jsonl': jsonl(posts),
  'bad.jsonl': `${JSON.stringify(posts[0])}\n{not json\n{"id": "9"}\n{"id": 5, "text": ["x"]}\n\n${JSON.stringify({ ...posts[1], id: '10' })}\n`,
  'sheet.csv': 'No;Akun;Isi Komentar;Tanggal\n1;@rina;"Yuk dukung Prabowo-Gibran!\nSatu putaran";20/01/2024 09:15\n2;@rina;Selamat pagi semua;20/01/2024 09:20\n',
  'tweets.csv': 'No,User,Tweet\n1,ani,Dukung terus Anies-Muhaimin!\n',
  'nested/deeper/more.jsonl': jsonl([{ id: 'n1', author: 'dodi', text: 'Dukung terus Ganjar-Mahfud!' }]),
  'nested/notes.txt': 'not posts',
  'hostile.jsonl': jsonl([{ id: 'h1', author: 'x\u001b]0;pwned\u0007', text: 'Dukung Prabowo-Gibran \u001b[2J\u001b]8;;http://evil\u0007klik\u001b]8;;\u0007 \u202Eterbalik', created_at: JAN }]),
});
const f = (name: string) => path.join(dir, name);

describe('netral scan: formats and stdout', () => {
  it('terminal report: groups by author, highlights matches, ends with a summary; nothing on stderr', async () => {
    const r = await cli(['scan', f('posts.jsonl')]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ASN neutrality report\n/);
    expect(r.stdout).toMatch(/@budi — \d findings? · violation/);
    expect(r.stdout).toContain('«coblos 02»');
    expect(r.stdout).toMatch(/read 3 = scanned 3 \+ skipped 0/);
    // The summary table: posts by verdict, findings by severity and category, side by side.
    expect(r.stdout).toMatch(/ {2}posts by verdict {4}findings by severity {4}findings by category\n {2}violation +1 {4}high +\d+ {4}endorsement +\d+\n {2}review +1 {4}medium +\d+/);
    expect(r.stdout).toMatch(/\n {2}clean +1 {4}low +\d+/);
    expect(r.stdout).not.toMatch(/\u001b\[/); // not a TTY: no colour
  });

  it('json: a summary and findings with the documented keys; stdout is only the JSON', async () => {
    const r = await cli(['scan', f('posts.jsonl'), '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['summary', 'findings']);
    expect(doc.summary).toMatchObject({ read: 3, scanned: 3, skipped: 0, by_verdict: { violation: 1, review: 1, clean: 1 } });
    expect(doc.summary.findings).toBe(doc.findings.length);
    const keys = ['post_id', 'platform', 'author', 'created_at', 'url', 'rule_id', 'category', 'severity', 'confidence', 'candidate', 'matched', 'evidence', 'legal_basis', 'source', 'verdict', 'fingerprint'];
    for (const k of keys) expect(doc.findings[0]).toHaveProperty(k);
    expect(doc.findings.find((x: { rule_id: string }) => x.rule_id === 'endorsement.vote-call')).toMatchObject({ post_id: '1', candidate: 'pilpres-2024:2', verdict: 'violation', source: { file: f('posts.jsonl'), line: 1 } });
    expect(r.stderr).toMatch(/^netral: read 3 = scanned 3 \+ skipped 0; \d+ findings/);
  });

  it('jsonl: one finding per line, each with its post verdict', async () => {
    const r = await cli(['scan', f('posts.jsonl'), '-f', 'jsonl', '-q']);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(new Set(lines.map((l) => l.verdict))).toEqual(new Set(['violation', 'review']));
    expect(r.stderr).toBe('');
  });

  it('csv: stable columns, formula cells neutralised, newlines survive a round trip', async () => {
    const r = await cli(['scan', f('sheet.csv'), '-f', 'csv', '-q']);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]).slice(0, 6)).toEqual(['fingerprint', 'verdict', 'severity', 'confidence', 'category', 'rule_id']);
    expect(rows[0].post_text).toBe('Yuk dukung Prabowo-Gibran!\nSatu putaran');
    expect(rows[0].author).toBe('rina');
    expect(rows[0].created_at).toBe('2024-01-20T02:15:00Z');
    expect(rows[0].source).toBe(`${f('sheet.csv')}:2`);
    const excel = await cli(['scan', f('sheet.csv'), '-f', 'csv', '--excel', '-q']);
    expect(excel.stdout.startsWith('\ufefffingerprint;verdict;severity;confidence')).toBe(true);
    expect(excel.stdout).toMatch(/;0,\d\d;/);
    expect(excel.stdout).toContain('\r\n');
  });

  it('maps CSV columns automatically and with --map', async () => {
    const auto = await cli(['scan', f('tweets.csv'), '-f', 'json']);
    // "No" is the sheet's running number, not an id: the post is known by its account, time and text.
    expect(JSON.parse(auto.stdout).findings[0]).toMatchObject({ post_id: expect.stringMatching(/^csv-[0-9a-f]{12}$/), author: 'ani' });
    expect(auto.stderr).not.toMatch(/warning/);
    writeFiles(dir, { 'odd.csv': 'Nomor Baris,Pemilik,Isian\n7,joko,Coblos Ganjar-Mahfud!\n' });
    const none = await cli(['scan', f('odd.csv')]);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toMatch(/odd\.csv: no text column found; use --map text=COLUMN \(the columns are: "Nomor Baris", "Pemilik", "Isian"\)/);
    const mapped = await cli(['scan', f('odd.csv'), '--map', 'text=Isian,id=Nomor Baris,author=Pemilik', '-f', 'json']);
    expect(mapped.exitCode).toBe(0);
    expect(JSON.parse(mapped.stdout).findings[0]).toMatchObject({ post_id: '7', author: 'joko' });
    const wrong = await cli(['scan', f('odd.csv'), '--map', 'text=Tweet']);
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toMatch(/--map text=Tweet: no column "Tweet"/);
    const badField = await cli(['scan', f('odd.csv'), '--map', 'body=Isian']);
    expect(badField.exitCode).toBe(2);
    expect(badField.stderr).toMatch(/--map: unknown field "body"/);
  });

  it('gives different posts at the same row of two sheets different ids and fingerprints, the same post the same', async () => {
    writeFiles(dir, {
      'jan.csv': 'No,Akun,Tanggal,Isi,Platform\n1,budi,20/01/2024 10:00,"Ayo coblos 02, Prabowo Gibran!",x\n',
      'feb.csv': 'No,Akun,Tanggal,Isi,Platform\n1,budi,05/02/2024 10:00,"Ayo coblos 02 semua, menangkan Prabowo!",x\n',
      // January's post again, in another sheet at another row, with its cells in another order
      'again.csv': 'Isi,Platform,Akun,Tanggal\nmakan siang dulu,x,budi,20/01/2024 12:00\n"Ayo coblos 02, Prabowo Gibran!",x,budi,20/01/2024 10:00\n',
    });
    const prints = async (file: string) => (JSON.parse((await cli(['scan', f(file), '-f', 'json'])).stdout).findings as { fingerprint: string; post_id: string }[]).map((x) => [x.post_id, x.fingerprint]);
    const [jan, feb, again] = [await prints('jan.csv'), await prints('feb.csv'), await prints('again.csv')];
    expect(jan.length).toBeGreaterThan(0);
    expect(feb.length).toBeGreaterThan(0);
    expect(new Set(feb.map(([id]) => id)).has(jan[0][0])).toBe(false);
    expect(feb.some(([, fp]) => jan.some(([, j]) => j === fp))).toBe(false);
    expect(again).toEqual(jan);
    // An id column with an empty cell: that row is known by what it says too, and said once.
    writeFiles(dir, { 'gaps.csv': 'id,Akun,Isi\nt1,budi,Coblos 02!\n,budi,Coblos 02 ya!\n,ani,Coblos 02 juga!\n' });
    const gaps = await cli(['scan', f('gaps.csv'), '-f', 'json']);
    expect(JSON.parse(gaps.stdout).findings.map((x: { post_id: string }) => x.post_id)).toEqual(expect.arrayContaining(['t1', expect.stringMatching(/^csv-/)]));
    expect(gaps.stderr.match(/no id in this row/g)).toHaveLength(1);
    expect(gaps.stderr).toContain(`${f('gaps.csv')}:3: no id in this row; rows without one are identified by their account, time and text (csv-`);
  });

  it('the --map field list matches the CSV reader', () => {
    expect([...MAPPABLE].sort()).toEqual(Object.keys(COLUMN_ALIASES).sort());
  });
});

describe('netral scan: inputs, skipped records and exit codes', () => {
  it('warns about bad records with file:line and reason, counts them, and goes on', async () => {
    const r = await cli(['scan', f('bad.jsonl'), '-f', 'json']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(`netral: warning: ${f('bad.jsonl')}:2: skipped: invalid JSON`);
    expect(r.stderr).toContain(`netral: warning: ${f('bad.jsonl')}:3: skipped: no text`);
    expect(r.stderr).toContain(`netral: warning: ${f('bad.jsonl')}:4: skipped: text must be text, not a list`);
    const s = JSON.parse(r.stdout).summary;
    expect(s).toMatchObject({ read: 5, scanned: 2, skipped: 3 });
    expect(s.read).toBe(s.scanned + s.skipped);
  });

  it('recurses into folders, reads every known format and lists the files it does not read', async () => {
    const r = await cli(['scan', f('nested'), '-f', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.inputs.map((i: { input: string; format: string }) => [path.relative(dir, i.input), i.format])).toEqual([['nested/deeper/more.jsonl', 'jsonl']]);
    expect(doc.summary.ignored).toEqual([{ input: f('nested/notes.txt'), reason: 'not a format netral reads' }]);
    expect(r.stderr).toMatch(/note: 1 file\(s\) in the given folders were not read: .*notes\.txt \(not a format netral reads\)/);
  });

  it('an unreadable input is an error with its path (exit 2); the other inputs are still scanned', async () => {
    const r = await cli(['scan', f('missing.jsonl'), f('posts.jsonl'), '-f', 'json']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`netral: error: ${f('missing.jsonl')}: cannot read: no such file or folder`);
    expect(JSON.parse(r.stdout).summary.scanned).toBe(3);
  });

  it('--fail-on gives exit 1 when a finding reaches the level, 0 otherwise', async () => {
    expect((await cli(['scan', f('posts.jsonl'), '--fail-on', 'high', '-q'])).exitCode).toBe(1);
    expect((await cli(['scan', f('sheet.csv'), '--fail-on', 'high', '-q'])).exitCode).toBe(1);
    const clean = jsonl([{ id: '1', text: 'Selamat pagi, apel jam 7' }]);
    expect((await cli(['scan', '--fail-on', 'info', '-q'], { stdin: clean })).exitCode).toBe(0);
    const bad = await cli(['scan', f('posts.jsonl'), '--fail-on', 'urgent']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/--fail-on must be one of info, low, medium, high/);
  });

  it('--min-severity hides lower findings and counts them as filtered', async () => {
    const r = await cli(['scan', f('posts.jsonl'), '--min-severity', 'high', '-f', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.every((x: { severity: string }) => x.severity === 'high')).toBe(true);
    expect(doc.summary.filtered).toBeGreaterThan(0);
  });

  it('reads stdin when piped, with - or with no input at all', async () => {
    const input = jsonl(posts);
    const a = await cli(['scan', '-', '-f', 'json'], { stdin: input });
    const b = await cli(['scan', '-f', 'json'], { stdin: input });
    expect(JSON.parse(a.stdout).summary.scanned).toBe(3);
    expect(JSON.parse(b.stdout).findings).toEqual(JSON.parse(a.stdout).findings);
  });

  it('with no input and stdin on a terminal, says how to give input (exit 2)', async () => {
    const r = await cli(['scan']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/no input: give files or folders to scan, or pipe posts into standard input/);
  });

  it('a broken rule pack stops the run before any post is read, naming file:line:col', async () => {
    writeFiles(dir, { 'broken.yaml': 'pack: broken\nkind: rules\nrules:\n  - id: x\n    title: { id: a, en: b }\n    category: endorsement\n    severity: extreme\n' });
    const r = await cli(['scan', f('posts.jsonl'), '--rules', f('broken.yaml')]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f('broken.yaml')}:7:15: rule x: severity must be one of info, low, medium, high`);
    expect(r.stderr).toMatch(/legal_basis is required/);
  });
});

describe('netral scan: the same post read twice', () => {
  const vote = { id: '1', platform: 'x', author: 'budi', created_at: '2024-02-01T10:00:00+07:00', text: 'Ayo coblos nomor 2 Prabowo-Gibran di TPS 14 Februari!' };
  const lunch = { id: '2', platform: 'x', author: 'budi', text: 'makan siang dulu' };

  it('reports a post with findings once, and counts the copy as skipped with the reason', async () => {
    const d = tempDir();
    writeFiles(d, { 'a.jsonl': jsonl([vote, lunch]), 'b.jsonl': jsonl([lunch, { ...vote, author: 'BUDI' }]) });
    const r = await cli(['scan', path.join(d, 'a.jsonl'), path.join(d, 'b.jsonl'), '-f', 'json']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.map((x: { source: { file: string } }) => path.basename(x.source.file))).toEqual(['a.jsonl']);
    // A clean copy changes no finding and is scanned again; the copy with findings is skipped.
    expect(doc.summary).toMatchObject({ read: 4, scanned: 3, skipped: 1, repeated: 1 });
    expect(doc.summary.by_verdict.violation).toBe(1);
    expect(doc.summary.inputs.map((i: { repeated?: number }) => i.repeated)).toEqual([undefined, 1]);
    expect(r.stderr).toContain(`${path.join(d, 'b.jsonl')}:2: skipped: the same post (platform, author, id, time and text) was read before in this run`);
    expect(r.stderr).toContain('netral: note: 1 post(s) were read more than once');
  });

  it('counts an undated post read twice once among the undated of a period', async () => {
    const d = tempDir();
    const undated = { ...vote, id: '3', created_at: undefined };
    writeFiles(d, { 'a.jsonl': jsonl([undated]), 'b.jsonl': jsonl([undated]) });
    const r = await cli(['scan', path.join(d, 'a.jsonl'), path.join(d, 'b.jsonl'), '-f', 'json', '--campaign', 'pilpres-2024']);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toMatchObject({ read: 2, scanned: 1, skipped: 1, repeated: 1 });
    expect(doc.summary.period).toMatchObject({ before: 0, after: 0, undated: 1 });
  });

  it('keeps posts that share only an id: row numbers of two spreadsheets, another day, another server', async () => {
    const d = tempDir();
    // Spreadsheets without an id column number their posts by line: row2 in each is a different post.
    writeFiles(d, {
      'jan.csv': 'platform,author,text\nx,budi,Ayo coblos nomor 2 Prabowo-Gibran!\n',
      'feb.csv': 'platform,author,text\nx,budi,Pilih nomor 2 Prabowo-Gibran ya!\n',
      'again.jsonl': jsonl([vote, { ...vote, created_at: '2024-02-02T10:00:00+07:00' }, { ...vote, author: 'budi@other.example' }]),
    });
    const r = await cli(['scan', path.join(d, 'jan.csv'), path.join(d, 'feb.csv'), path.join(d, 'again.jsonl'), '-f', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toMatchObject({ read: 5, scanned: 5, skipped: 0 });
    expect(doc.summary.repeated).toBeUndefined();
    expect(new Set(doc.findings.map((x: { source: { file: string; line: number } }) => `${path.basename(x.source.file)}:${x.source.line}`))).toEqual(
      new Set(['jan.csv:2', 'feb.csv:2', 'again.jsonl:1', 'again.jsonl:2', 'again.jsonl:3']),
    );
    expect(r.stderr).not.toContain('read more than once');
  });
});

describe('netral scan -o: atomic output files', () => {
  it('writes the report to the file, nothing to stdout, and leaves no temporary file', async () => {
    const out = path.join(dir, 'reports', 'out.json');
    const r = await cli(['scan', f('posts.jsonl'), '-f', 'json', '-o', out]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.scanned).toBe(3);
    expect(readdirSync(path.dirname(out))).toEqual(['out.json']);
  });

  it('keeps the previous report when a run fails before completing', async () => {
    const out = path.join(dir, 'keep.json');
    await cli(['scan', f('posts.jsonl'), '-f', 'json', '-o', out]);
    const before = readFileSync(out, 'utf8');
    const r = await cli(['scan', f('posts.jsonl'), '-f', 'json', '-o', out, '--rules', f('broken.yaml')]);
    expect(r.exitCode).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('without -f, the report format follows the file extension; an explicit -f wins', async () => {
    const d = tempDir();
    const at = (name: string) => path.join(d, name);
    for (const args of [['-o', at('r.csv')], ['-o', at('r.XLS.CSV'), '--excel'], ['-o', at('r.json')], ['-o', at('r.jsonl')], ['-o', at('r.html')], ['-o', at('r.txt')], ['-f', 'terminal', '-o', at('t.csv')]])
      expect((await cli(['scan', f('posts.jsonl'), '-q', ...args])).exitCode, args.join(' ')).toBe(0);
    expect(readFileSync(at('r.csv'), 'utf8')).toMatch(/^fingerprint,verdict,severity/);
    expect(readFileSync(at('r.XLS.CSV'), 'utf8')).toMatch(/^\ufefffingerprint;verdict;severity/);
    expect(JSON.parse(readFileSync(at('r.json'), 'utf8')).summary.scanned).toBe(3);
    expect(JSON.parse(readFileSync(at('r.jsonl'), 'utf8').split('\n')[0]).rule_id).toBeTypeOf('string');
    expect(readFileSync(at('r.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    for (const name of ['r.txt', 't.csv']) expect(readFileSync(at(name), 'utf8')).not.toMatch(/^fingerprint|^<!DOCTYPE|^\{/);
  });
});

describe('netral scan: colour and hostile text', () => {
  it('colours only a terminal without NO_COLOR; FORCE_COLOR forces it', async () => {
    const tty = await cli(['scan', f('posts.jsonl')], { stdoutIsTTY: true });
    expect(tty.stdout).toMatch(/\u001b\[/);
    const noColor = await cli(['scan', f('posts.jsonl')], { stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(/\u001b\[/);
    const forced = await cli(['scan', f('posts.jsonl')], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\u001b\[/);
  });

  it('strips escape sequences and bidi overrides from post text even with colour forced on', async () => {
    const r = await cli(['scan', f('hostile.jsonl')], { env: { FORCE_COLOR: '3' } });
    expect(r.stdout).not.toContain('\u001b]');
    expect(r.stdout).not.toContain('\u001b[2J');
    expect(r.stdout).not.toContain('\u202E');
    expect(r.stdout).toMatch(/Dukung Prabowo\u001b\[[0-9;]*m.*-Gibran|Dukung Prabowo-Gibran/);
    expect(r.stdout).toContain('\ufffdterbalik');
    // Our own colour codes remain: only SGR sequences, no cursor or screen control.
    const escapes = r.stdout.match(/\u001b\[[0-9;]*[A-Za-z]/g) ?? [];
    expect(escapes.length).toBeGreaterThan(0);
    expect(escapes.every((e) => e.endsWith('m'))).toBe(true);
  });
});

describe('the real process', () => {
  it('scans the bundled demo: exit 0, report on stdout, nothing on stderr', async () => {
    const r = await bin(['scan', path.join(FIXTURES, 'demo')]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/ASN neutrality report/);
    expect(r.stdout).toMatch(/violation/);
  });

  it('pipes: stdin JSONL in, JSONL findings out, summary on stderr', async () => {
    const r = await bin(['scan', '--format', 'jsonl'], { stdin: jsonl(posts) });
    expect(r.exitCode).toBe(0);
    for (const line of r.stdout.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(r.stderr).toMatch(/^netral: read 3 = scanned 3 \+ skipped 0/);
  });

  it('stops quietly when the reader of stdout goes away', async () => {
    // A closed pipe is simulated by a shell pipeline into head.
    const { spawnSync } = await import('node:child_process');
    const res = spawnSync('sh', ['-c', `"${process.execPath}" bin/netral.js scan fixtures/labelled | head -1`], { cwd: path.join(FIXTURES, '..'), encoding: 'utf8' });
    expect(res.stdout).toBe('ASN neutrality report\n');
    expect(res.stderr).not.toMatch(/EPIPE|Error/);
  });

  it.runIf(existsSync('/dev/full'))('an stdout that cannot be written (a full disk) is exit 2 with the reason, not a stack trace', async () => {
    const { spawnSync } = await import('node:child_process');
    const res = spawnSync('sh', ['-c', `"${process.execPath}" bin/netral.js scan fixtures/demo -f jsonl > /dev/full`], { cwd: path.join(FIXTURES, '..'), encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(res.stderr).toBe('netral: error: cannot write the standard output: ENOSPC: no space left on device, write\n');
  });

  it('leaves no files behind in the working folder', () => {
    expect(existsSync(path.join(FIXTURES, 'demo', 'out.json'))).toBe(false);
  });
});

describe('netral scan: quiet days and progress', () => {
  it('empty stdin or an empty file is zero posts, not an error (cron pipes on a quiet day)', async () => {
    const a = await cli(['scan', '-f', 'json'], { stdin: '' });
    expect(a.exitCode).toBe(0);
    expect(JSON.parse(a.stdout).summary).toMatchObject({ read: 0, scanned: 0, skipped: 0 });
    expect(a.stderr).toContain('netral: warning: -: empty, no posts to read');
    writeFiles(dir, { 'empty.jsonl': '\n  \n' });
    const b = await cli(['scan', f('empty.jsonl'), '--fail-on', 'info', '-q']);
    expect(b.exitCode).toBe(0);
    // A folder with nothing to read says so too (the day's export did not arrive).
    writeFiles(dir, { 'quiet/notes.txt': 'nothing here\n' });
    const c = await cli(['scan', f('quiet'), '-f', 'json']);
    expect(c.exitCode).toBe(0);
    expect(JSON.parse(c.stdout).summary).toMatchObject({ read: 0 });
    expect(c.stderr).toContain(`netral: warning: ${f('quiet')}: no file netral reads in this folder, no posts to read`);
  });

  it('shows a spinner on a terminal stderr and clears it for warnings; none without a terminal or with NO_COLOR', async () => {
    const tty = await cli(['scan', f('bad.jsonl'), '-f', 'json'], { stderrIsTTY: true });
    expect(tty.stderr).toMatch(/netral: warning: .*bad\.jsonl:2: skipped: invalid JSON/);
    const plain = await cli(['scan', f('bad.jsonl'), '-f', 'json'], { stderrIsTTY: true, env: { NO_COLOR: '1' } });
    expect(plain.stderr).not.toMatch(/\u001b\[/);
    expect(plain.stderr.split('\n').filter((l) => l.startsWith('netral: warning:'))).toHaveLength(3);
  });
});
