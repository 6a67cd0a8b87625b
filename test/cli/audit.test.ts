import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { BIN, bin, cli, FIXTURES, ROOT, tempDir, writeFiles } from '../helpers/cli.js';

const POSTS = path.join(FIXTURES, 'demo', 'posts.jsonl');
const lines = readFileSync(POSTS, 'utf8').trim().split('\n');
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

const CONFIG = `# the audit of the demo regency
title: Audit netralitas ASN Kabupaten Sukamaju
sources:
  - data/
roster: pegawai.csv
period:
  since: 2023-11-01
timezone: Asia/Jakarta
lang: id
fail_on: high
baseline:
  file: state/baseline.yml
outputs:
  - format: html
    file: reports/audit-{date}.html
  - format: csv
    file: reports/temuan.csv
    excel: true
  - format: csv
    per: employee
    file: reports/pegawai.csv
  - format: json
    file: reports/audit.json
`;

function setup(config = CONFIG): string {
  const dir = tempDir('netral-audit-');
  writeFiles(dir, { 'audit.yml': config, 'data/2024-01.jsonl': lines.slice(0, 20).join('\n') + '\n' });
  copyFileSync(path.join(FIXTURES, 'roster', 'pegawai.csv'), path.join(dir, 'pegawai.csv'));
  return dir;
}

/** The JSON summary: the last line on stderr. */
function summaryOf(stderr: string): Record<string, any> {
  const last = stderr.trim().split('\n').at(-1)!;
  return JSON.parse(last);
}

const leftovers = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && (e.name.endsWith('.tmp') || e.name.endsWith('.lock')))
    .map((e) => e.name);

describe('netral audit --config', () => {
  it('with include_open: false, the second run reports only what is new', async () => {
    const dir = setup(CONFIG.replace('  file: state/baseline.yml\n', '  file: state/baseline.yml\n  include_open: false\n'));
    // cron starts in $HOME: every path in the config is relative to the config file, not the working folder
    const first = await bin(['audit', '--config', path.join(dir, 'audit.yml')], { cwd: '/' });
    expect(first.stdout).toBe('');
    const s1 = summaryOf(first.stderr);
    expect(s1).toMatchObject({ netral: 'audit', status: 'findings', exit_code: 1, read: 20, scanned: 20, skipped: 0, known: 0, dismissed: 0 });
    expect(first.exitCode).toBe(1);
    expect(s1.new).toBe(s1.findings);
    expect(s1.new).toBeGreaterThan(0);
    expect(s1.outputs).toEqual([
      path.join(dir, `reports/audit-${today}.html`),
      path.join(dir, 'reports/temuan.csv'),
      path.join(dir, 'reports/pegawai.csv'),
      path.join(dir, 'reports/audit.json'),
    ]);
    expect(s1.baseline).toEqual({ file: path.join(dir, 'state/baseline.yml'), total: s1.new, added: s1.new, merged: false });
    for (const f of s1.outputs) expect(existsSync(f)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
    const run1 = JSON.parse(readFileSync(path.join(dir, 'reports/audit.json'), 'utf8'));
    const firstPrints = new Set(run1.findings.map((f: { fingerprint: string }) => f.fingerprint));

    // A night later, a new export arrives.
    writeFileSync(path.join(dir, 'data/2024-11.jsonl'), lines.slice(20).join('\n') + '\n');
    const second = await bin(['audit', '--config', path.join(dir, 'audit.yml')], { cwd: '/' });
    const s2 = summaryOf(second.stderr);
    expect(s2).toMatchObject({ read: 38, scanned: 38, known: s1.new, dismissed: 0 });
    const run2 = JSON.parse(readFileSync(path.join(dir, 'reports/audit.json'), 'utf8'));
    const newIds = new Set(lines.slice(20).map((l) => JSON.parse(l).id));
    expect(run2.findings.length).toBe(s2.new);
    expect(run2.findings.length).toBeGreaterThan(0);
    for (const f of run2.findings) {
      expect(newIds.has(f.post_id)).toBe(true);
      expect(firstPrints.has(f.fingerprint)).toBe(false);
      expect(f.review.status).toBe('new');
    }
    const csv = readFileSync(path.join(dir, 'reports/temuan.csv'), 'utf8');
    expect(csv.startsWith('\ufeffsidik_jari;')).toBe(true);
    expect(parseCsv(csv, { bom: true, delimiter: ';', columns: true })).toHaveLength(s2.new);
    const baseline = parseYaml(readFileSync(path.join(dir, 'state/baseline.yml'), 'utf8'));
    expect(baseline.temuan).toHaveLength(s1.new + s2.new);

    // Nothing new the third night: nothing reported, and --fail-on is not tripped by known findings.
    const third = await bin(['audit', '--config', path.join(dir, 'audit.yml')]);
    expect(summaryOf(third.stderr)).toMatchObject({ status: 'ok', exit_code: 0, new: 0, known: s1.new + s2.new, findings: 0, fail_on_hits: 0 });
    expect(third.exitCode).toBe(0);
  });

  it('by default keeps reporting findings nobody has decided on, until an analyst decides', async () => {
    const dir = setup();
    const first = await bin(['audit', '--config', path.join(dir, 'audit.yml')]);
    const s1 = summaryOf(first.stderr);
    expect(s1.new).toBeGreaterThan(0);
    expect(s1.fail_on_hits).toBeGreaterThan(0);
    const firstPrints = new Set(JSON.parse(readFileSync(path.join(dir, 'reports/audit.json'), 'utf8')).findings.map((f: { fingerprint: string }) => f.fingerprint));

    // The same night, someone runs it again by hand: the day's report is replaced, and still lists every finding
    // waiting for a decision, marked as such; only new ones fail the run.
    const again = await bin(['audit', '--config', path.join(dir, 'audit.yml')]);
    expect(summaryOf(again.stderr)).toMatchObject({ status: 'ok', exit_code: 0, new: 0, known: s1.new, findings: s1.new, fail_on_hits: 0 });
    const shown = JSON.parse(readFileSync(path.join(dir, 'reports/audit.json'), 'utf8')).findings as { fingerprint: string; review: { status: string } }[];
    expect(new Set(shown.map((f) => f.fingerprint))).toEqual(firstPrints);
    for (const f of shown) expect(f.review.status).toBe('open');
    expect(readFileSync(path.join(dir, `reports/audit-${today}.html`), 'utf8')).toContain('belum diputuskan');

    // A night later a new export arrives: new findings and the undecided ones, each marked.
    writeFileSync(path.join(dir, 'data/2024-11.jsonl'), lines.slice(20).join('\n') + '\n');
    const second = await bin(['audit', '--config', path.join(dir, 'audit.yml')]);
    const s2 = summaryOf(second.stderr);
    expect(s2).toMatchObject({ status: 'findings', exit_code: 1, known: s1.new });
    expect(s2.findings).toBe(s2.new + s1.new);
    const run2 = JSON.parse(readFileSync(path.join(dir, 'reports/audit.json'), 'utf8')).findings as { fingerprint: string; review: { status: string } }[];
    expect(run2.filter((f) => f.review.status === 'open').every((f) => firstPrints.has(f.fingerprint))).toBe(true);
    expect(run2.filter((f) => f.review.status === 'new')).toHaveLength(s2.new);

    // The analysts decide on every finding: nothing is left to show.
    const file = path.join(dir, 'state/baseline.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('keputusan: terbuka', 'keputusan: dikonfirmasi'));
    const decided = await bin(['audit', '--config', path.join(dir, 'audit.yml')]);
    expect(summaryOf(decided.stderr)).toMatchObject({ status: 'ok', exit_code: 0, new: 0, known: s1.new + s2.new, findings: 0 });
  });

  it('an unreadable input makes the exit code 2, and the log still counts the findings that would fail the run', async () => {
    const dir = setup(CONFIG.replace('  - data/\n', '  - data/\n  - missing.jsonl\n'));
    const r = await bin(['audit', '--config', path.join(dir, 'audit.yml')]);
    const s = summaryOf(r.stderr);
    expect(r.exitCode).toBe(2);
    expect(s).toMatchObject({ status: 'input_errors', exit_code: 2, inputs_failed: 1 });
    expect(s.fail_on_hits).toBeGreaterThan(0);
    expect(s.fail_on_hits).toBe(s.by_severity.high);
  });

  it('writes the per-employee CSV and the HTML report in the language of the config', async () => {
    const dir = setup();
    await bin(['audit', '--config', path.join(dir, 'audit.yml')]);
    const rows = parseCsv(readFileSync(path.join(dir, 'reports/pegawai.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.nip === '198501012010011001')).toMatchObject({ nama_pegawai: 'Rudi Hartono', putusan_terburuk: 'violation' });
    const html = readFileSync(path.join(dir, `reports/audit-${today}.html`), 'utf8');
    expect(html).toMatch(/<html lang="id">/);
    expect(html).toMatch(/<title>Audit netralitas ASN Kabupaten Sukamaju<\/title>/);
    expect(html).toMatch(/Per pegawai/);
  });

  it('a second run while the first holds the lock exits 3 and changes nothing', async () => {
    const dir = setup();
    mkdirSync(path.join(dir, 'state'));
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    await new Promise((r) => holder.once('spawn', r));
    try {
      writeFileSync(path.join(dir, 'state/baseline.yml.lock'), JSON.stringify({ pid: holder.pid, host: (await import('node:os')).hostname(), started: new Date().toISOString(), command: 'netral audit' }));
      const r = await bin(['audit', '--config', path.join(dir, 'audit.yml')]);
      expect(r.exitCode).toBe(3);
      expect(r.stderr).toMatch(new RegExp(`another run holds the lock .*baseline\\.yml\\.lock \\(process ${holder.pid} on .*\\); it is still running, so this run stops without changing anything`));
      expect(summaryOf(r.stderr.split('\n').filter((l) => l.startsWith('{')).join('\n'))).toMatchObject({ status: 'locked', exit_code: 3 });
      // The summary is the last line, after the message (docs/audit.md: a log's last line is the run's summary).
      expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(/^\{"netral":"audit",.*"status":"locked"/);
      expect(existsSync(path.join(dir, 'reports'))).toBe(false);
      expect(existsSync(path.join(dir, 'state/baseline.yml'))).toBe(false);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('recovers from a run that was killed: reports untouched, the stale lock taken over', async () => {
    const dir = setup();
    // Enough posts that the run is still scanning when it is killed (ordinary work posts: few findings).
    const big: string[] = [];
    for (let i = 0; i < 30_000; i++) big.push(JSON.stringify({ ...JSON.parse(lines[0]), id: `big-${i}` }));
    writeFileSync(path.join(dir, 'data/big.jsonl'), big.join('\n') + '\n');
    const lockFile = path.join(dir, 'state/baseline.yml.lock');
    const run = spawn(process.execPath, [BIN, 'audit', '--config', path.join(dir, 'audit.yml')], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise((r) => run.once('exit', r));
    for (let i = 0; i < 200 && !existsSync(lockFile); i++) await new Promise((r) => setTimeout(r, 25));
    expect(existsSync(lockFile)).toBe(true);
    run.kill('SIGKILL');
    await exited;
    expect(existsSync(lockFile)).toBe(true);
    // A killed run leaves no report and no baseline behind, only (at most) its temporary files.
    expect(existsSync(path.join(dir, 'reports/audit.json'))).toBe(false);
    expect(existsSync(path.join(dir, 'state/baseline.yml'))).toBe(false);

    const next = await bin(['audit', '--config', path.join(dir, 'audit.yml')], { timeoutMs: 120_000 });
    expect(next.stderr).toMatch(new RegExp(`took over the stale lock .*baseline\\.yml\\.lock of process ${run.pid}`));
    expect(summaryOf(next.stderr)).toMatchObject({ status: 'findings', read: 30_020 });
    expect(existsSync(lockFile)).toBe(false);
  });

  it('a report that cannot be written: exit 2, the baseline left as it was, the findings reported again next time', async () => {
    const dir = setup();
    const config = path.join(dir, 'audit.yml');
    const first = await cli(['audit', '--config', config]);
    expect(first.exitCode, first.stderr).toBe(1);
    const baselineFile = path.join(dir, 'state/baseline.yml');
    const baselineBefore = readFileSync(baselineFile, 'utf8');
    const jsonBefore = readFileSync(path.join(dir, 'reports/audit.json'), 'utf8');

    // A new export arrives, but one report cannot be written (a folder stands where the file goes).
    writeFileSync(path.join(dir, 'data/2024-11.jsonl'), lines.slice(20).join('\n') + '\n');
    rmSync(path.join(dir, 'reports/temuan.csv'));
    mkdirSync(path.join(dir, 'reports/temuan.csv'));
    const failed = await cli(['audit', '--config', config]);
    expect(failed.exitCode).toBe(2);
    expect(failed.stderr).toMatch(/cannot write .*temuan\.csv: it is a folder/);
    const sf = summaryOf(failed.stderr.split('\n').filter((l) => l.startsWith('{')).join('\n'));
    expect(sf).toMatchObject({ status: 'error', exit_code: 2, error: expect.stringMatching(/temuan\.csv/) });
    expect(sf.baseline).toBeUndefined();
    expect(readFileSync(baselineFile, 'utf8')).toBe(baselineBefore);
    expect(readFileSync(path.join(dir, 'reports/audit.json'), 'utf8')).toBe(jsonBefore);
    expect(leftovers(dir)).toEqual([]);

    // Once the folder is gone, the next run reports the new export's findings as new: none was lost.
    rmSync(path.join(dir, 'reports/temuan.csv'), { recursive: true });
    const next = await cli(['audit', '--config', config]);
    const s = summaryOf(next.stderr);
    expect(s).toMatchObject({ status: 'findings', read: 38, known: summaryOf(first.stderr).new });
    expect(s.new).toBeGreaterThan(0);
    expect(s.baseline).toMatchObject({ added: s.new, merged: false });
  });

  it('baseline: FILE is short for update: true; update: false leaves the file alone; include_known shows known findings', async () => {
    const dir = setup(CONFIG.replace('baseline:\n  file: state/baseline.yml', 'baseline: state/baseline.yml'));
    const config = path.join(dir, 'audit.yml');
    const first = await cli(['audit', '--config', config]);
    const s1 = summaryOf(first.stderr);
    expect(s1.baseline).toMatchObject({ added: s1.new });
    expect(s1.new).toBeGreaterThan(0);
    const baselineFile = path.join(dir, 'state/baseline.yml');
    const before = readFileSync(baselineFile, 'utf8');

    writeFileSync(config, CONFIG.replace('  file: state/baseline.yml', '  file: state/baseline.yml\n  update: false\n  include_known: true'));
    writeFileSync(path.join(dir, 'data/2024-11.jsonl'), lines.slice(20).join('\n') + '\n');
    const second = await cli(['audit', '--config', config]);
    const s2 = summaryOf(second.stderr);
    expect(s2).toMatchObject({ known: s1.new });
    expect(s2.new).toBeGreaterThan(0);
    expect(s2.baseline).toBeUndefined();
    expect(readFileSync(baselineFile, 'utf8')).toBe(before);
    // include_known: the report shows the known findings too, with their decision; findings counts them.
    const report = JSON.parse(readFileSync(path.join(dir, 'reports/audit.json'), 'utf8'));
    expect(report.findings.filter((f: { review: { status: string } }) => f.review.status === 'open')).toHaveLength(s1.new);
    expect(s2.findings).toBe(s1.new + s2.new);
  });

  it('without a baseline the lock is audit.yml.lock; -q silences warnings but not the summary', async () => {
    const dir = setup(`sources:
  - data/
roster: pegawai.csv
outputs:
  - format: json
    file: out.json
`);
    writeFileSync(path.join(dir, 'pegawai.csv'), readFileSync(path.join(dir, 'pegawai.csv'), 'utf8').replace(/^nip,/, 'golongan,nip,').replace(/\n(?=.)/g, '\nIII/a,'));
    const config = path.join(dir, 'audit.yml');
    const loud = await cli(['audit', '--config', config]);
    expect(loud.stderr).toMatch(/roster: .*golongan/);
    const quiet = await cli(['audit', '--config', config, '-q']);
    expect(quiet.stderr.trim().split('\n')).toHaveLength(1);
    expect(summaryOf(quiet.stderr)).toMatchObject({ netral: 'audit', status: 'ok', read: 20 });

    writeFileSync(`${config}.lock`, JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), started: new Date().toISOString(), command: 'netral audit' }));
    const locked = await cli(['audit', '--config', config, '-q']);
    expect(locked.exitCode).toBe(3);
    expect(locked.stderr).toMatch(/another run holds the lock .*audit\.yml\.lock/);
    rmSync(`${config}.lock`);
  });

  it('a YAML mistake is reported once, with how to mend it, also in the log line', async () => {
    const dir = setup(`sources:
  - data/
outputs: [{format: json, file: reports/audit-{date}.json}]
`);
    const r = await bin(['audit', '--config', path.join(dir, 'audit.yml')]);
    expect(r.exitCode).toBe(2);
    const hint = 'inside [ ] or { }, put a value holding { } [ ] or a comma in quotes (file: "reports/audit-{date}.html")';
    expect(r.stderr).toMatch(/audit\.yml: the audit config has a mistake; nothing was run:\n {2}\S*audit\.yml:3:\d+: YAML: .*: inside \[ \] or \{ \}/);
    expect(r.stderr).toContain(hint);
    const log = summaryOf(r.stderr);
    expect(log).toMatchObject({ status: 'error', exit_code: 2 });
    expect(log.error).toMatch(/the audit config has a mistake; nothing was run: \S*audit\.yml:3:\d+: YAML: /);
    expect(log.error).toContain(hint);
    writeFileSync(path.join(dir, 'audit.yml'), readFileSync(path.join(dir, 'audit.yml'), 'utf8').replace('reports/audit-{date}.json', '"reports/audit-{date}.json"'));
    expect(summaryOf((await bin(['audit', '--config', path.join(dir, 'audit.yml')])).stderr)).toMatchObject({ status: 'ok' });
  });

  it('a period day that does not exist is a mistake in the config, with its line; a time with an offset is taken', async () => {
    const dir = setup(`sources:
  - data/
period:
  since: 2024-02-30
  until: 2024-11-01T25:00:00+07:00
outputs:
  - format: json
    file: out.json
`);
    const r = await cli(['audit', '--config', path.join(dir, 'audit.yml')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/audit\.yml: the audit config has 2 mistakes; nothing was run/);
    expect(r.stderr).toMatch(/audit\.yml:4:10: period\.since must be a date YYYY-MM-DD/);
    expect(r.stderr).toMatch(/audit\.yml:5:10: period\.until must be a date YYYY-MM-DD/);
    writeFileSync(path.join(dir, 'audit.yml'), readFileSync(path.join(dir, 'audit.yml'), 'utf8').replace('2024-02-30', '2024-01-20T10:00:00+07:00').replace('T25:', 'T23:'));
    expect(summaryOf((await cli(['audit', '--config', path.join(dir, 'audit.yml')])).stderr)).toMatchObject({ status: 'ok' });
  });

  it('prints a human summary instead of JSON on a terminal', async () => {
    const dir = setup();
    const r = await cli(['audit', '--config', path.join(dir, 'audit.yml')], { stderrIsTTY: true });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).not.toMatch(/^\{/m);
    expect(r.stderr).toMatch(/netral: read 20 = scanned 20 \+ skipped 0 \+ outside the period 0; \d+ findings/);
    expect(r.stderr).toMatch(/netral: wrote .*audit-\d{4}-\d{2}-\d{2}\.html, .*temuan\.csv/);
  });

  it('reports every mistake in the config with its line, and runs nothing', async () => {
    const dir = setup(`sources:
  - data/
  - fetch: mastodon:@rudi@kota.social
outputs:
  - format: pdf
    file: out.pdf
  - format: csv
    excel: yes please
timezone: Asia/Bandung
min_severity: severe
peroid:
  since: 2024-01-01
`);
    const r = await bin(['audit', '--config', path.join(dir, 'audit.yml')]);
    expect(r.exitCode).toBe(2);
    const msg = r.stderr;
    expect(msg).toMatch(/audit\.yml: the audit config has 6 mistakes; nothing was run/);
    expect(msg).toMatch(/audit\.yml:5:13: an output's format must be one of csv, jsonl, json, html, not "pdf"/);
    expect(msg).toMatch(/audit\.yml:7:5: an output needs file:/);
    expect(msg).toMatch(/audit\.yml:8:12: excel must be true or false/);
    expect(msg).toMatch(/audit\.yml:9:11: unknown time zone "Asia\/Bandung"/);
    expect(msg).toMatch(/audit\.yml:10:15: min_severity must be one of info, low, medium, high/);
    expect(msg).toMatch(/audit\.yml:11:1: audit config: unknown key "peroid" \(did you mean "period"\?\)/);
    expect(summaryOf(msg.split('\n').filter((l) => l.startsWith('{')).join('\n'))).toMatchObject({ status: 'error', exit_code: 2 });
    expect(msg.trimEnd().split('\n').at(-1)).toMatch(/^\{"netral":"audit",.*"status":"error"/);
    expect(statSync(dir).isDirectory() && !existsSync(path.join(dir, 'out.pdf'))).toBe(true);
  });

  it('checks an output format once: missing, empty or unknown, one message with its place and the formats allowed', async () => {
    const dir = setup(`sources:
  - data/
outputs:
  - file: a.json
  - format: ""
    file: b.json
  - format: terminal
    file: c.txt
  - { format: xlsx, file: d.xlsx }
  - format: json
    file: e.json
`);
    const r = await cli(['audit', '--config', path.join(dir, 'audit.yml')]);
    expect(r.exitCode).toBe(2);
    const formats = 'an output\'s format must be one of csv, jsonl, json, html';
    expect(r.stderr.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      `  ${dir}/audit.yml:4:5: ${formats}`,
      `  ${dir}/audit.yml:5:13: ${formats}`,
      `  ${dir}/audit.yml:7:13: ${formats}, not "terminal"`,
      `  ${dir}/audit.yml:9:15: ${formats}, not "xlsx"`,
    ]);
    expect(r.stderr).toMatch(/audit\.yml: the audit config has 4 mistakes; nothing was run/);
    expect(existsSync(path.join(dir, 'e.json'))).toBe(false);
  });

  describe('values only the readers and rule packs know are mistakes in the config, at their line and column', () => {
    /** Runs a config of data/, these keys and one JSON report; the report must not be written. */
    const mistake = async (keys: string) => {
      const dir = setup(`sources:\n  - data/\n${keys}outputs:\n  - format: json\n    file: out.json\n`);
      const r = await cli(['audit', '--config', path.join(dir, 'audit.yml')]);
      expect(r.exitCode).toBe(2);
      expect(existsSync(path.join(dir, 'out.json'))).toBe(false);
      expect(summaryOf(r.stderr)).toMatchObject({ status: 'error', exit_code: 2 });
      return r.stderr.split('\n').filter((l) => !l.startsWith('{')).join('\n').replaceAll(dir, 'DIR');
    };

    it('read.from', async () => {
      expect(await mistake('read:\n  from: tweets-v9\n')).toMatch(
        /^netral: error: DIR\/audit\.yml: the audit config has a mistake; nothing was run:\n  DIR\/audit\.yml:4:9: read\.from: unknown format "tweets-v9"; known: jsonl, json, csv, /,
      );
    });

    it('elections, each unknown one at its place', async () => {
      const msg = await mistake('elections: [pilpres-2024, pilpres-2029, pilkada-bali-2024]\n');
      expect(msg).toMatch(/^netral: error: DIR\/audit\.yml: the audit config has 2 mistakes; nothing was run:\n/);
      expect(msg).toMatch(/\n  DIR\/audit\.yml:3:27: elections: unknown election "pilpres-2029"; known: party-2024, .*pilpres-2024\n/);
      expect(msg).toMatch(/\n  DIR\/audit\.yml:3:41: elections: unknown election "pilkada-bali-2024"; known: /);
    });

    it('period.campaign, against the elections the config loads', async () => {
      expect(await mistake('elections:\n  - pilkada-jabar-2024\nperiod:\n  campaign: pilpres-2024\n')).toBe(
        'netral: error: DIR/audit.yml: the audit config has a mistake; nothing was run:\n  DIR/audit.yml:6:13: period.campaign: unknown election "pilpres-2024"; loaded: pilkada-jabar-2024\n',
      );
    });

    it('period.campaign naming an election whose pack gives no campaign dates', async () => {
      const pack = path.join(tempDir(), 'pilkades-2029.yaml');
      writeFileSync(pack, 'pack: pilkades-2029\nkind: election\nelection:\n  id: pilkades-2029\n  name: { id: Pilkades Sukamaju 2029, en: Sukamaju village head election 2029 }\n  dates:\n    voting: 2029-11-25\n  candidates:\n    - { number: 1, names: [Hendra Gunawan] }\n');
      expect(await mistake(`rules:\n  packs: [${pack}]\nperiod:\n  campaign: pilkades-2029\n`)).toBe(
        `netral: error: DIR/audit.yml: the audit config has a mistake; nothing was run:\n  DIR/audit.yml:6:13: period.campaign: the pack (${pack}:4) gives no campaign dates (dates.campaign)\n`,
      );
    });
  });
});
