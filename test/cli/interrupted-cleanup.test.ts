// A run stopped by Ctrl+C (SIGINT) or a cron job's timeout (SIGTERM) leaves nothing of its own behind: not the
// temporary file of an evidence body it was saving (fetch --archive), not the lock of the baseline or audit it was
// running (which the next run would otherwise have to take over). A run killed outright (SIGKILL) leaves them, and
// the next run clears them. The outputs' own temporary files are in interrupted.test.ts.

import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { bin, cli, FIXTURES, ROOT, tempDir, writeFiles } from '../helpers/cli.js';
import { bigInput, EXIT_OF, stopWhen } from '../helpers/signals.js';
import { mastodonAlice, TestServer } from '../helpers/http-server.js';

const HOLD_LINK = ['--import', path.join(ROOT, 'test', 'helpers', 'hold-link.mjs')];

/** Every file under `dir` that netral writes on the side: temporary files and locks. */
const leftovers = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && (e.name.endsWith('.tmp') || e.name.endsWith('.lock')))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));

const server = await TestServer.start();
mastodonAlice(server);
const alice = `mastodon:@alice@${server.host}`;

/** The temporary file of an evidence body, as it is being saved. */
const savingBody = (archive: string) => () => existsSync(path.join(archive, 'bodies')) && readdirSync(path.join(archive, 'bodies')).some((n) => n.endsWith('.tmp'));

describe('netral fetch --archive stopped while saving an evidence body', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('by %s: the body’s temporary file is removed, and not named as an output', async (signal) => {
    const archive = path.join(tempDir('netral-stopped-archive-'), 'bukti');
    const r = await stopWhen(['fetch', alice, '--rate', '1000', '--archive', archive], ROOT, savingBody(archive), signal, () => {}, HOLD_LINK);
    expect([r.exitCode, r.signal]).toEqual([EXIT_OF[signal], null]);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(`netral: stopped by ${signal}`);
    expect(leftovers(archive)).toEqual([]);
  });

  it('killed (SIGKILL): the next run removes the temporary file the killed one left, and keeps the evidence whole', async () => {
    const archive = path.join(tempDir('netral-killed-archive-'), 'bukti');
    const killed = await stopWhen(['fetch', alice, '--rate', '1000', '--archive', archive], ROOT, savingBody(archive), 'SIGKILL', () => {}, HOLD_LINK);
    const left = leftovers(archive);
    expect(left).toHaveLength(1);
    // Named like every temporary file netral writes: the body it was for, the machine and the process.
    expect(left[0]).toMatch(new RegExp(`^bodies/\\.[0-9a-f]{64}\\.${hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-${killed.pid}\\.[0-9a-f]{12}\\.tmp$`));

    const next = await bin(['fetch', alice, '--rate', '1000', '--archive', archive]);
    expect(next.exitCode).toBe(0);
    expect(leftovers(archive)).toEqual([]);
    const manifest = readFileSync(path.join(archive, 'manifest.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { body: string });
    for (const e of manifest) expect(existsSync(path.join(archive, e.body)), e.body).toBe(true);
  });
});

describe.each(['SIGINT', 'SIGTERM'] as const)('stopped by %s, a run releases the lock it holds', (signal) => {
  it('baseline create: no lock, no baseline; the next run takes no lock over', async () => {
    const dir = tempDir('netral-stopped-baseline-');
    const input = bigInput(dir, 8_000);
    const file = path.join(dir, 'baseline.yml');
    const r = await stopWhen(['baseline', 'create', input, '-o', file], ROOT, () => existsSync(`${file}.lock`), signal);
    expect([r.exitCode, r.signal]).toEqual([EXIT_OF[signal], null]);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(`netral: stopped by ${signal}`);
    expect(leftovers(dir)).toEqual([]);
    expect(existsSync(file)).toBe(false);
    const next = await bin(['baseline', 'create', input, '-o', file], { timeoutMs: 120_000 });
    expect(next.exitCode).toBe(0);
    expect(next.stderr).not.toContain('took over');
  });

  it('baseline update: no lock; the baseline and its decisions as they were', async () => {
    const dir = tempDir('netral-stopped-baseline-');
    const file = path.join(dir, 'baseline.yml');
    expect((await bin(['baseline', 'create', path.join(FIXTURES, 'demo', 'posts.jsonl'), '-o', file])).exitCode).toBe(0);
    writeFileSync(file, readFileSync(file, 'utf8').replace('decision: open\n    note: ""', 'decision: dismissed\n    note: "berita, bukan dukungan"'));
    const decided = readFileSync(file, 'utf8');
    const input = bigInput(dir, 8_000);
    const r = await stopWhen(['baseline', 'update', input, '-o', file], ROOT, () => existsSync(`${file}.lock`), signal);
    expect([r.exitCode, r.signal]).toEqual([EXIT_OF[signal], null]);
    expect(leftovers(dir)).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(decided);
  });

  it('audit: no lock, no report, no baseline; the next run takes no lock over', async () => {
    const dir = tempDir('netral-stopped-audit-');
    bigInput(dir, 20_000);
    writeFiles(dir, { 'audit.yml': 'sources: [posts.jsonl]\nbaseline: state/baseline.yml\noutputs:\n  - format: csv\n    file: reports/temuan.csv\n' });
    const config = path.join(dir, 'audit.yml');
    const lock = path.join(dir, 'state', 'baseline.yml.lock');
    const r = await stopWhen(['audit', '--config', config], ROOT, () => existsSync(lock), signal);
    expect([r.exitCode, r.signal]).toEqual([EXIT_OF[signal], null]);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(`netral: stopped by ${signal}`);
    expect(leftovers(dir)).toEqual([]);
    expect(existsSync(path.join(dir, 'reports', 'temuan.csv'))).toBe(false);
    expect(existsSync(path.join(dir, 'state', 'baseline.yml'))).toBe(false);
    const next = await bin(['audit', '--config', config], { timeoutMs: 120_000 });
    expect(next.stderr).not.toContain('took over');
    expect(existsSync(lock)).toBe(false);
  });
});

describe('a stopped run releases only its own lock', () => {
  it('a lock another run took in the meantime is left to that run', async () => {
    const dir = tempDir('netral-stopped-baseline-');
    const input = bigInput(dir, 8_000);
    const file = path.join(dir, 'baseline.yml');
    const lock = `${file}.lock`;
    // Someone deleted the lock while the run went on, and another run (this test's process: alive) took it.
    const other = JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString(), command: 'netral audit' });
    const r = await stopWhen(['baseline', 'create', input, '-o', file], ROOT, () => existsSync(lock) && (writeFileSync(lock, other), true), 'SIGTERM');
    expect(r.exitCode).toBe(143);
    expect(readFileSync(lock, 'utf8')).toBe(other);
  });
});

describe('audit and baseline in-process (run(argv, io))', () => {
  it('install no signal handlers: releasing locks on a signal belongs to the process (bin/netral.js)', async () => {
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const dir = tempDir('netral-in-process-');
    writeFiles(dir, { 'audit.yml': `sources: [${path.join(FIXTURES, 'demo', 'posts.jsonl')}]\nbaseline: baseline.yml\noutputs:\n  - format: json\n    file: audit.json\n` });
    expect((await cli(['audit', '--config', path.join(dir, 'audit.yml')])).exitCode).toBe(0);
    expect((await cli(['baseline', 'update', path.join(FIXTURES, 'demo', 'posts.jsonl'), '-o', path.join(dir, 'baseline.yml')])).exitCode).toBe(0);
    expect(existsSync(path.join(dir, 'baseline.yml'))).toBe(true);
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
  });
});
