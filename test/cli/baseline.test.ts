import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync, writeFileSync, existsSync, readdirSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { parse as parseYaml } from 'yaml';
import { cli, FIXTURES, tempDir } from '../helpers/cli.js';

const POSTS = path.join(FIXTURES, 'demo', 'posts.jsonl');
const ROSTER = path.join(FIXTURES, 'roster', 'pegawai.csv');
const dir = tempDir();
const FIRST = path.join(dir, 'first.jsonl');
// The first 20 demo posts (Rudi, Yulia, Dadang); the full file adds Sinta, Agung and Euis.
writeFileSync(FIRST, readFileSync(POSTS, 'utf8').split('\n').slice(0, 20).join('\n') + '\n');
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

interface Entry {
  fingerprint: string;
  decision: string;
  note: string;
  date: string;
  first_seen: string;
  details: Record<string, string>;
}
const entries = (file: string) => (parseYaml(readFileSync(file, 'utf8')) as { findings: Entry[] }).findings;

async function findingsOf(args: string[]): Promise<{ fingerprint: string; review?: { status: string; note: string; date: string | null; by: string | null } }[]> {
  const r = await cli(['scan', ...args, '-f', 'json']);
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout).findings;
}

describe('netral baseline and review decisions', () => {
  const file = path.join(dir, 'baseline.yml');

  it('create writes one entry per finding, with the evidence to decide on', async () => {
    const r = await cli(['baseline', 'create', FIRST, '--roster', ROSTER, '-o', file]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/wrote .*baseline\.yml: (\d+) findings, \1 added/);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# netral baseline: findings already seen/);
    expect(text).toMatch(/decision \/ keputusan: {2}open \| confirmed \| dismissed/);
    const all = await findingsOf([FIRST]);
    const list = entries(file);
    expect(list.map((e) => e.fingerprint).sort()).toEqual(all.map((f) => f.fingerprint).sort());
    const e = list.find((x) => x.details.account.startsWith('x @rudi.hartono_') && x.details.rule.startsWith('repost.candidate-account'))!;
    expect(e).toMatchObject({ decision: 'open', note: '', date: '', first_seen: today });
    expect(e.details).toMatchObject({ employee: 'Rudi Hartono · NIP 198501012010011001 · Dinas PUPR', posted: '2024-01-16 20:41 WIB', severity: 'high', candidate: 'pilpres-2024:2 (Prabowo Subianto – Gibran Rakabuming Raka)', matched: '@prabowo' });
    expect(e.details.source).toMatch(/first\.jsonl:2$/);
    // no temporary files left next to it; the lock is gone
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual([]);
  });

  it('create refuses to replace an existing baseline without --force', async () => {
    const r = await cli(['baseline', 'create', FIRST, '-o', file]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/already exists; use netral baseline update/);
  });

  it('--baseline hides known findings; dismissed ones stay quiet even with --include-known', async () => {
    expect(await findingsOf([FIRST, '--baseline', file])).toEqual([]);
    // An analyst edits the file: one dismissed (with a comment of their own), one confirmed with a day-first date.
    const list = entries(file);
    const [dismiss, confirm] = [list[0].fingerprint, list[1].fingerprint];
    let text = readFileSync(file, 'utf8');
    text = text.replace(`fingerprint: ${dismiss}\n    decision: open\n    note: ""`, `fingerprint: ${dismiss}\n    # dibahas di rapat 5 Feb\n    decision: dismissed\n    note: bukan dukungan, berita biasa`);
    text = text.replace(`fingerprint: ${confirm}\n    decision: open\n    note: ""\n    date: ""\n    by: ""`, `fingerprint: ${confirm}\n    decision: Confirmed\n    note: kaos relawan jelas terlihat\n    date: 3/2/2024\n    by: Bu Ani`);
    writeFileSync(file, text);

    const known = await findingsOf([FIRST, '--baseline', file, '--include-known']);
    expect(known.map((f) => f.fingerprint)).not.toContain(dismiss);
    expect(known.find((f) => f.fingerprint === confirm)!.review).toEqual({ status: 'confirmed', note: 'kaos relawan jelas terlihat', date: '2024-02-03', by: 'Bu Ani' });
    expect(known.filter((f) => f.review!.status === 'open')).toHaveLength(list.length - 2);
    // --include-open: only the undecided ones, not the confirmed one
    const open = await findingsOf([FIRST, '--baseline', file, '--include-open']);
    expect(open.map((f) => f.review!.status)).toEqual(Array(list.length - 2).fill('open'));
    const bare = await cli(['scan', FIRST, '--include-open']);
    expect([bare.exitCode, bare.stderr]).toEqual([2, expect.stringContaining('--include-open needs --baseline FILE')]);

    // The full file: only findings of the posts not in the first 20 are new.
    const full = await findingsOf([POSTS, '--baseline', file]);
    expect(full.length).toBeGreaterThan(0);
    expect(full.every((f) => f.review!.status === 'new' && !list.some((e) => e.fingerprint === f.fingerprint))).toBe(true);

    const term = await cli(['scan', FIRST, '--baseline', file, '--include-known']);
    expect(term.stdout).toMatch(/Decision: confirmed \(2024-02-03, by Bu Ani\): kaos relawan jelas terlihat/);
    expect(term.stdout).toMatch(new RegExp(`baseline: 0 new findings; ${list.length - 1} already known \\(${list.length - 1} shown\\); 1 dismissed by analysts`));
    // per employee: the review standing of what is shown
    const per = JSON.parse((await cli(['scan', FIRST, '--roster', ROSTER, '--baseline', file, '--include-known', '--per', 'employee', '-f', 'json'])).stdout);
    const reviews = per.employees.map((e: { by_review: Record<string, number> }) => e.by_review);
    expect(reviews.reduce((n: number, r: Record<string, number>) => n + r.confirmed, 0)).toBe(1);
    expect(reviews.reduce((n: number, r: Record<string, number>) => n + r.open, 0)).toBe(list.length - 2);
    expect(reviews.every((r: Record<string, number>) => r.dismissed === 0 && r.new === 0)).toBe(true);
    // --fail-on counts new findings only
    expect((await cli(['scan', FIRST, '--baseline', file, '--fail-on', 'high', '-q'])).exitCode).toBe(0);
    // … also when --include-known shows the known ones (the table in docs/audit.md: they do not count)
    expect((await cli(['scan', FIRST, '--baseline', file, '--include-known', '--fail-on', 'info', '-q'])).exitCode).toBe(0);
    expect((await cli(['scan', POSTS, '--baseline', file, '--fail-on', 'high', '-q'])).exitCode).toBe(1);
    // the JSON summary says how many findings failed the run: new ones only
    const all = JSON.parse((await cli(['scan', POSTS, '--baseline', file, '--include-known', '--fail-on', 'high', '-f', 'json'])).stdout);
    expect(all.summary.fail_on.level).toBe('high');
    expect(all.summary.fail_on.hits).toBe(all.findings.filter((f: { severity: string; review: { status: string } }) => f.severity === 'high' && f.review.status === 'new').length);
    expect(all.summary.fail_on.hits).toBeGreaterThan(0);
  });

  it('update appends new findings and keeps decisions, notes and comments; undated decisions get today', async () => {
    const before = entries(file);
    const r = await cli(['baseline', 'update', POSTS, '--roster', ROSTER, '-o', file]);
    expect(r.exitCode, r.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# dibahas di rapat 5 Feb');
    const after = entries(file);
    expect(after.slice(0, before.length).map((e) => e.fingerprint)).toEqual(before.map((e) => e.fingerprint));
    const added = after.slice(before.length);
    expect(added.length).toBe((await findingsOf([POSTS])).length - before.length);
    expect(added.every((e) => e.decision === 'open' && e.first_seen === today)).toBe(true);
    expect(after[0]).toMatchObject({ decision: 'dismissed', note: 'bukan dukungan, berita biasa', date: today });
    expect(after[1]).toMatchObject({ decision: 'Confirmed', date: '3/2/2024' });
    // details follow the latest scan (the post now comes from the full file)
    expect(after[1].details.source).toMatch(/posts\.jsonl:\d+$/);
    expect(r.stderr).toMatch(new RegExp(`${added.length} added, 1 decision dated today`));
    expect(await findingsOf([POSTS, '--baseline', file])).toEqual([]);
  });

  it('reads and writes a baseline in Indonesian', async () => {
    const idFile = path.join(dir, 'baseline-id.yml');
    const r = await cli(['baseline', 'create', FIRST, '--roster', ROSTER, '-o', idFile, '--lang', 'id']);
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = parseYaml(readFileSync(idFile, 'utf8')) as { temuan: Record<string, any>[] };
    const e = doc.temuan[0];
    expect(Object.keys(e)).toEqual(['sidik_jari', 'keputusan', 'catatan', 'tanggal', 'oleh', 'pertama_terlihat', 'unggahan', 'rincian']);
    expect(e.keputusan).toBe('terbuka');
    expect(Object.keys(e.rincian)).toEqual(expect.arrayContaining(['pegawai', 'akun', 'waktu', 'aturan', 'tingkat', 'kutipan']));
    writeFileSync(idFile, readFileSync(idFile, 'utf8').replace(`sidik_jari: ${e.sidik_jari}\n    keputusan: terbuka`, `sidik_jari: ${e.sidik_jari}\n    keputusan: diabaikan`));
    const known = await findingsOf([FIRST, '--baseline', idFile, '--include-known']);
    expect(known.map((f) => f.fingerprint)).not.toContain(e.sidik_jari);
  });

  it('reports mistakes in the file with their line, and runs nothing', async () => {
    const bad = path.join(dir, 'bad.yml');
    const list = entries(file);
    writeFileSync(
      bad,
      [
        'netral_baseline: 1',
        'findings:',
        `  - fingerprint: ${list[0].fingerprint}`,
        '    decision: dismised',
        `  - fingerprint: ${list[1].fingerprint}`,
        '    decison: confirmed',
        `  - fingerprint: ${list[1].fingerprint}`,
        '    date: 31/02/2024',
        '  - fingerprint: not-a-fingerprint',
        `  - fingerprint: ${list[2].fingerprint}`,
        '    date: kemarin',
      ].join('\n'),
    );
    const r = await cli(['scan', FIRST, '--baseline', bad]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad\.yml: the baseline has 6 mistakes; nothing was run/);
    expect(r.stderr).toMatch(/bad\.yml:11:11: date "kemarin" must be a day written YYYY-MM-DD \(or DD\/MM\/YYYY\)/);
    expect(r.stderr).toMatch(/bad\.yml:4:15: decision "dismised" must be one of open, confirmed, dismissed/);
    expect(r.stderr).toMatch(/bad\.yml:6:5: finding: unknown key "decison" \(did you mean "decision"\?\)/);
    expect(r.stderr).toMatch(/bad\.yml:8:11: date "31\/02\/2024": there is no such day \(day first: DD\/MM\/YYYY, or YYYY-MM-DD\)/);
    expect(r.stderr).toMatch(/bad\.yml:7:5: fingerprint \w+ is already listed on line 5/);
    expect(r.stderr).toMatch(/bad\.yml:9:18: fingerprint "not-a-fingerprint" is not one netral wrote/);
  });

  it('says how to mend a note typed with a colon in it', async () => {
    const bad = path.join(dir, 'colon.yml');
    writeFileSync(bad, ['netral_baseline: 1', 'findings:', `  - fingerprint: ${entries(file)[0].fingerprint}`, '    decision: dismissed', '    note: alasan: berita netral'].join('\n'));
    const r = await cli(['scan', FIRST, '--baseline', bad]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('colon.yml:5:11: YAML: Nested mappings are not allowed in compact mappings: a value holding ": " must be put in quotes (note: "alasan: berita netral")');
  });

  it('scan --baseline and baseline update need an existing file', async () => {
    const missing = path.join(dir, 'nope.yml');
    const a = await cli(['scan', FIRST, '--baseline', missing]);
    expect(a.exitCode).toBe(2);
    expect(a.stderr).toMatch(/nope\.yml: cannot read the baseline: no such file or folder \(create one with netral baseline create\)/);
    const b = await cli(['baseline', 'update', FIRST, '-o', missing]);
    expect(b.exitCode).toBe(2);
    expect(existsSync(missing)).toBe(false);
  });

  it('update --fail-on exits 1 only when a new finding reaches the level', async () => {
    const f = path.join(dir, 'fail-on.yml');
    expect((await cli(['baseline', 'create', FIRST, '-o', f, '-q'])).exitCode).toBe(0);
    expect((await cli(['baseline', 'update', FIRST, '-o', f, '--fail-on', 'high', '-q'])).exitCode).toBe(0);
    const high = (await findingsOf([POSTS, '--baseline', f])).filter((x) => (x as { severity?: string }).severity === 'high');
    expect(high.length).toBeGreaterThan(0);
    expect((await cli(['baseline', 'update', POSTS, '-o', f, '--fail-on', 'high', '-q'])).exitCode).toBe(1);
    // Recorded now: the same findings are no longer new.
    expect((await cli(['baseline', 'update', POSTS, '-o', f, '--fail-on', 'high', '-q'])).exitCode).toBe(0);
  });

  it('create and update take the lock shared with netral audit: a held lock is exit 3, nothing written', async () => {
    const f = path.join(dir, 'locked.yml');
    // A lock held by a live process of this machine (this one).
    writeFileSync(`${f}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString(), command: 'netral audit' }));
    const create = await cli(['baseline', 'create', FIRST, '-o', f]);
    expect(create.exitCode).toBe(3);
    expect(create.stderr).toMatch(/another run holds the lock .*locked\.yml\.lock \(process \d+ on /);
    expect(existsSync(f)).toBe(false);
    unlinkSync(`${f}.lock`);
    expect((await cli(['baseline', 'create', FIRST, '-o', f])).exitCode).toBe(0);
    const before = readFileSync(f, 'utf8');
    writeFileSync(`${f}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString(), command: 'netral audit' }));
    expect((await cli(['baseline', 'update', POSTS, '-o', f])).exitCode).toBe(3);
    expect(readFileSync(f, 'utf8')).toBe(before);
    unlinkSync(`${f}.lock`);
  });
});

describe('the roster line with a baseline', () => {
  it('counts employees with findings in this report, which leaves out the known ones, and says so', async () => {
    const file = path.join(tempDir(), 'baseline.yml');
    expect((await cli(['baseline', 'create', POSTS, '--roster', ROSTER, '-o', file])).exitCode).toBe(0);
    const known = await cli(['scan', POSTS, '--roster', ROSTER, '--baseline', file]);
    expect(known.stdout).toMatch(/roster: 5 employees, 5 with posts, 0 with findings in this report/);
    const id = await cli(['scan', POSTS, '--roster', ROSTER, '--baseline', file, '--lang', 'id']);
    expect(id.stdout).toMatch(/0 dengan temuan di laporan ini/);
    // Without a baseline every finding is in the report, and the line says no more.
    const plain = await cli(['scan', POSTS, '--roster', ROSTER]);
    expect(plain.stdout).toMatch(/roster: 5 employees, 5 with posts, [1-9]\d* with findings\n/);
  });
});
