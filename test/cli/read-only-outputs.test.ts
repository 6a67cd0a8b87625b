// A file made read-only (chmod 444: a report filed as evidence) is never replaced, whoever runs netral: every
// writer refuses it with exit 2, naming the file and what to do, before doing any work (and, should the file become
// read-only during the run, still before putting anything in its place). Root may write any file, so the tests
// hold whether they run as root (CI) or not.

import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, bin, cli, FIXTURES, ROOT, tempDir, writeFiles } from '../helpers/cli.js';
import { bigInput, writing } from '../helpers/signals.js';
import { mastodonAlice, TestServer } from '../helpers/http-server.js';

const POSTS = path.join(FIXTURES, 'demo', 'posts.jsonl');
const isRoot = process.getuid?.() === 0;

const refusal = (file: string, verb = 'replace', other = 'another file name') =>
  `netral: error: will not ${verb} ${file}: the file is read-only. Make it writable first if it may be changed (chmod u+w ${file}), or choose ${other}\n`;

/** A file with `content`, made read-only. */
function readOnly(file: string, content = 'filed as evidence\n'): string {
  writeFileSync(file, content);
  chmodSync(file, 0o444);
  return file;
}

/** The file's content and mode, unchanged: and no temporary file or lock left beside it. */
function expectUntouched(file: string, content = 'filed as evidence\n'): void {
  expect(readFileSync(file, 'utf8')).toBe(content);
  expect(statSync(file).mode & 0o777).toBe(0o444);
  expect(readdirSync(path.dirname(file)).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual([]);
}

const server = await TestServer.start();
mastodonAlice(server);
const alice = `mastodon:@alice@${server.host}`;

describe('an output file that is read-only is refused, with exit 2, before any work', () => {
  it('scan -o', async () => {
    const out = readOnly(path.join(tempDir(), 'report.csv'));
    const r = await cli(['scan', POSTS, '-o', out]);
    expect([r.exitCode, r.stderr]).toEqual([2, refusal(out)]);
    expectUntouched(out);
  });

  it('convert -o (the real process: the message is the last word)', async () => {
    const out = readOnly(path.join(tempDir(), 'posts.jsonl'));
    const r = await bin(['convert', POSTS, '-o', out]);
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([2, '', refusal(out)]);
    expectUntouched(out);
  });

  it('fetch -o and --state: nothing is requested', async () => {
    const dir = tempDir();
    const out = readOnly(path.join(dir, 'posts.jsonl'));
    const before = server.log.length;
    const r = await cli(['fetch', alice, '--rate', '1000', '-o', out]);
    expect([r.exitCode, r.stderr]).toEqual([2, refusal(out)]);
    expectUntouched(out);

    const state = readOnly(path.join(dir, 'state.json'), '{}\n');
    const s = await cli(['fetch', alice, '--rate', '1000', '--state', state]);
    expect([s.exitCode, s.stdout, s.stderr]).toEqual([2, '', refusal(state)]);
    expectUntouched(state, '{}\n');
    expect(server.log.length).toBe(before);
  });

  it('fetch --archive whose manifest is read-only: nothing is added to the evidence', async () => {
    const archive = path.join(tempDir(), 'bukti');
    writeFiles(archive, { 'bodies/.keep': '' });
    const manifest = readOnly(path.join(archive, 'manifest.jsonl'));
    const before = server.log.length;
    const r = await cli(['fetch', alice, '--rate', '1000', '--archive', archive]);
    expect([r.exitCode, r.stderr]).toEqual([2, refusal(manifest, 'add to', 'another archive folder')]);
    expectUntouched(manifest);
    expect(readdirSync(path.join(archive, 'bodies'))).toEqual(['.keep']);
    expect(server.log.length).toBe(before);
  });

  it('baseline update and create --force: the baseline (and its decisions) as it was', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'baseline.yml');
    expect((await cli(['baseline', 'create', POSTS, '-o', file])).exitCode).toBe(0);
    const content = readFileSync(file, 'utf8');
    chmodSync(file, 0o444);
    for (const args of [['update'], ['create', '--force']]) {
      const r = await cli(['baseline', ...args, POSTS, '-o', file]);
      expect([r.exitCode, r.stderr]).toEqual([2, refusal(file)]);
      expectUntouched(file, content);
    }
  });

  it('audit: one read-only report stops the run before it starts; no report or baseline is written', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'audit.yml': `sources: [${POSTS}]\nbaseline: baseline.yml\noutputs:\n  - format: json\n    file: audit.json\n  - format: csv\n    file: temuan.csv\n` });
    const csv = readOnly(path.join(dir, 'temuan.csv'));
    const r = await cli(['audit', '--config', path.join(dir, 'audit.yml')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(refusal(csv).trimEnd());
    expect(JSON.parse(r.stderr.trim().split('\n').at(-1)!)).toMatchObject({ status: 'error', exit_code: 2 });
    expectUntouched(csv);
    expect(existsSync(path.join(dir, 'audit.json'))).toBe(false);
    expect(existsSync(path.join(dir, 'baseline.yml'))).toBe(false);
  });

  it('audit: a read-only baseline stops the run before it starts; no report is written', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'audit.yml': `sources: [${POSTS}]\nbaseline: baseline.yml\noutputs:\n  - format: json\n    file: audit.json\n` });
    const baseline = path.join(dir, 'baseline.yml');
    expect((await cli(['baseline', 'create', POSTS, '-o', baseline])).exitCode).toBe(0);
    const content = readFileSync(baseline, 'utf8');
    chmodSync(baseline, 0o444);
    const r = await cli(['audit', '--config', path.join(dir, 'audit.yml')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(refusal(baseline).trimEnd());
    expectUntouched(baseline, content);
    expect(existsSync(path.join(dir, 'audit.json'))).toBe(false);
  });

  it('a name that needs quoting in a shell is quoted in the advice', async () => {
    const out = readOnly(path.join(tempDir(), "laporan Pak Budi's.csv"));
    const r = await cli(['scan', POSTS, '-o', out]);
    expect(r.stderr).toContain(`(chmod u+w '${out.replace("'", `'\\''`)}')`);
    expectUntouched(out);
  });

  it('a writable file is replaced, and a new one created, as before', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.csv');
    writeFileSync(out, 'old\n');
    chmodSync(out, 0o644);
    expect((await cli(['scan', POSTS, '-o', out])).exitCode).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toBe('old\n');
    const fresh = path.join(dir, 'new.csv');
    expect((await cli(['scan', POSTS, '-o', fresh])).exitCode).toBe(0);
    expect(existsSync(fresh)).toBe(true);
  });
});

describe('an output made read-only while the run is writing it', () => {
  it('is still not replaced: exit 2 with the same message, the temporary file removed', async () => {
    const dir = tempDir();
    const input = bigInput(dir, 15_000);
    const out = path.join(dir, 'out.jsonl');
    writeFileSync(out, 'filed as evidence\n');
    const child = spawn(process.execPath, [BIN, 'scan', '-f', 'jsonl', '-o', out, input], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    const temp = writing(out);
    for (let i = 0; i < 3000 && child.exitCode === null && !temp(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(child.exitCode, 'the run ended before the file was made read-only: make its input larger').toBe(null);
    chmodSync(out, 0o444);
    expect(await exited).toBe(2);
    expect(stderr.endsWith(refusal(out))).toBe(true);
    expectUntouched(out);
  });
});

// Another user's file in a folder this user may write: the rename would replace it (it needs only the folder's
// permission). Only root can make such a file and run netral as another user.
// As root that user must also be able to run this node and read netral: not so when node comes from root's own
// npx cache (CI's Node 24 run), where spawning it as that user fails with EACCES.
const nobodyRuns = isRoot && spawnSync(process.execPath, [BIN, '--version'], { uid: 65534, gid: 65534, stdio: 'ignore', timeout: 30_000 }).status === 0;

describe.runIf(nobodyRuns)('a file this user may not write (run as another user)', () => {
  it('is refused, saying so', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const out = path.join(dir, 'report.csv');
    writeFileSync(out, 'root’s report\n');
    chmodSync(out, 0o644);
    const input = path.join(dir, 'posts.jsonl');
    copyFileSync(POSTS, input);
    chownSync(input, 65534, 65534);
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const c = spawn(process.execPath, [BIN, 'scan', input, '-o', out], { cwd: dir, uid: 65534, gid: 65534, env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8' }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      c.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
      c.once('close', (code) => resolve({ code, stderr }));
      c.once('error', (e) => resolve({ code: null, stderr: String(e) }));
    });
    expect(r).toEqual({
      code: 2,
      stderr: `netral: error: will not replace ${out}: you have no permission to write the file. Choose another file name, or ask the file's owner to let you write it\n`,
    });
    expect(readFileSync(out, 'utf8')).toBe('root’s report\n');
  });
});
