// A run killed with SIGKILL mid-way (the machine rebooted, cron's timeout, an OOM killer) loses nothing: the
// output file it was writing is either the previous complete one or absent, never a part; the fetch state and
// the baseline are never half-written; and the next run produces the complete output and clears what the killed
// run left behind. (`netral audit` killed mid-run is in test/cli/audit.test.ts.) A run stopped by Ctrl+C (SIGINT)
// or a cron job's timeout (SIGTERM) also leaves the output untouched, and removes its temporary file itself.

import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { bin, cli, FIXTURES, jsonl, ROOT, tempDir } from '../helpers/cli.js';
import { bigInput, EXIT_OF, stopWhen, writing } from '../helpers/signals.js';
import { send, TestServer } from '../helpers/http-server.js';

const demo = readFileSync(path.join(FIXTURES, 'demo', 'posts.jsonl'), 'utf8').trim().split('\n');

/** Files netral writes on the side: temporary files and locks. */
const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'));

/** Starts netral, kills it with SIGKILL as soon as `ready()` holds, and waits for it to end. */
async function killWhen(args: string[], cwd: string, ready: () => boolean, during: () => void = () => {}): Promise<number> {
  return (await stopWhen(args, cwd, ready, 'SIGKILL', during)).pid;
}

describe.each([
  ['scan -o', 15_000, (input: string, out: string) => ['scan', '-f', 'jsonl', '-o', out, input]],
  ['convert -o', 60_000, (input: string, out: string) => ['convert', '-o', out, input]],
])('netral %s killed mid-way', (_name, posts, args) => {
  it('leaves the previous output untouched, and the next run writes the complete one and clears the leftovers', async () => {
    const dir = tempDir('netral-killed-');
    const input = bigInput(dir, posts);
    const out = path.join(dir, 'out.jsonl');
    writeFileSync(out, 'the report of the previous run\n');
    await killWhen(args(input, out), ROOT, writing(out));
    expect(readFileSync(out, 'utf8')).toBe('the report of the previous run\n');
    expect(leftovers(dir).length).toBeGreaterThan(0); // what the killed run was writing

    const next = await bin(args(input, out), { timeoutMs: 120_000 });
    expect(next.exitCode).toBe(0);
    const complete = path.join(dir, 'reference.jsonl');
    await bin(args(input, complete), { timeoutMs: 120_000 });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(complete, 'utf8'));
    expect(readFileSync(out, 'utf8').split('\n').length).toBeGreaterThan(1000);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe.each([
  ['scan -o', 15_000, (input: string, out: string) => ['scan', '-f', 'jsonl', '-o', out, input]],
  ['convert -o', 60_000, (input: string, out: string) => ['convert', '-o', out, input]],
])('netral %s stopped mid-way', (_name, posts, args) => {
  it.each(['SIGINT', 'SIGTERM'] as const)('by %s: exits 128 + the signal, says so, removes its temporary file and leaves the output as it was', async (signal) => {
    const dir = tempDir('netral-stopped-');
    const input = bigInput(dir, posts);
    const out = path.join(dir, 'out.jsonl');
    writeFileSync(out, 'the report of the previous run\n');
    const r = await stopWhen(args(input, out), ROOT, writing(out), signal);
    expect([r.exitCode, r.signal]).toEqual([EXIT_OF[signal], null]);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(`netral: stopped by ${signal}: ${out} was not written (left as it was before this run)`);
    expect(readFileSync(out, 'utf8')).toBe('the report of the previous run\n');
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('a run in-process (run(argv, io), as tests and embedders use it)', () => {
  it('installs no signal handlers: they belong to the process (bin/netral.js), and would outlive the run', async () => {
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const out = path.join(tempDir('netral-stopped-'), 'out.jsonl');
    const r = await cli(['scan', '-f', 'jsonl', '-o', out, path.join(FIXTURES, 'demo', 'posts.jsonl')]);
    expect(r.exitCode).toBe(0);
    expect(readFileSync(out, 'utf8').length).toBeGreaterThan(0);
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
  });
});

describe('netral scan to stdout stopped mid-way', () => {
  it('by SIGTERM: exits 143 and says so (there is no file to leave alone)', async () => {
    const dir = tempDir('netral-stopped-');
    const input = bigInput(dir, 15_000);
    const r = await stopWhen(['scan', '-f', 'jsonl', input], ROOT, (stdout) => stdout.length > 0, 'SIGTERM');
    expect([r.exitCode, r.signal]).toEqual([143, null]);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('netral: stopped by SIGTERM');
    expect(readdirSync(dir)).toEqual(['posts.jsonl']);
  });
});

/** A Mastodon account with `statuses` statuses, served in pages of 40 after `delay` ms. */
async function mastodon(): Promise<{ host: string; statuses: number; delay: number; pages(): number }> {
  const server = await TestServer.start();
  const status = (i: number) => ({
    id: String(1_000_000 + i),
    created_at: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    visibility: 'public',
    url: `https://mastodon.example/@alice/${1_000_000 + i}`,
    content: `<p>Status ${i}: rapat koordinasi</p>`,
    reblog: null,
    account: { id: '42', username: 'alice', acct: 'alice', display_name: 'Alice' },
    media_attachments: [],
    mentions: [],
    tags: [],
  });
  const m = { host: server.host, statuses: 50, delay: 0, pages: () => server.hits('/api/v1/accounts/42/statuses').length };
  server.on('/api/v1/accounts/lookup', (_req, res) => send(res, 200, 'application/json', JSON.stringify({ id: '42', username: 'alice', acct: 'alice', display_name: 'Alice' })));
  server.on('/api/v1/accounts/42/statuses', (_req, res: ServerResponse, url) => {
    const max = Number(url.searchParams.get('max_id') ?? Infinity);
    const page: unknown[] = [];
    for (let i = m.statuses - 1; i >= 0 && page.length < 40; i--) if (1_000_000 + i < max) page.push(status(i));
    setTimeout(() => send(res, 200, 'application/json', JSON.stringify(page)), m.delay);
  });
  return m;
}

describe('netral fetch -o --state killed mid-way', () => {
  it('never half-writes the state or the output; the next run fetches what the killed one did not', async () => {
    const m = await mastodon();
    const dir = tempDir('netral-killed-fetch-');
    const out = path.join(dir, 'posts.jsonl');
    const state = path.join(dir, 'state.json');
    const args = ['fetch', `mastodon:@alice@${m.host}`, '--rate', '1000', '-o', out, '--state', state];

    const first = await bin(args, { timeoutMs: 60_000 });
    expect(first.exitCode).toBe(0);
    const firstOut = readFileSync(out, 'utf8');
    const firstState = readFileSync(state, 'utf8');
    expect(firstOut.trim().split('\n')).toHaveLength(50);

    // 2,000 new statuses, slowly: killed after a few pages. The state is whole at every moment it is looked at.
    m.statuses = 2050;
    m.delay = 150;
    const before = m.pages();
    await killWhen(args, ROOT, () => m.pages() >= before + 5, () => expect(JSON.parse(readFileSync(state, 'utf8'))).toEqual(JSON.parse(firstState)));
    expect(readFileSync(state, 'utf8')).toBe(firstState);
    expect(readFileSync(out, 'utf8')).toBe(firstOut);

    m.delay = 0;
    const third = await bin(args, { timeoutMs: 60_000 });
    expect(third.exitCode).toBe(0);
    const ids = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l).id as string);
    expect(ids).toHaveLength(2000);
    expect(ids).toContain(String(1_000_000 + 2049));
    expect(ids).not.toContain(String(1_000_000 + 49));
    expect(JSON.parse(readFileSync(state, 'utf8'))).not.toEqual(JSON.parse(firstState));
    expect(leftovers(dir)).toEqual([]);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('stopped by %s: exits 128 + the signal, says so, removes its temporary file, output and state as they were', async (signal) => {
    const m = await mastodon();
    const dir = tempDir('netral-stopped-fetch-');
    const out = path.join(dir, 'posts.jsonl');
    const state = path.join(dir, 'state.json');
    const args = ['fetch', `mastodon:@alice@${m.host}`, '--rate', '1000', '-o', out, '--state', state];
    expect((await bin(args, { timeoutMs: 60_000 })).exitCode).toBe(0);
    const firstOut = readFileSync(out, 'utf8');
    const firstState = readFileSync(state, 'utf8');

    m.statuses = 2050;
    m.delay = 150;
    const before = m.pages();
    const temp = writing(out);
    const r = await stopWhen(args, ROOT, () => m.pages() >= before + 3 && temp(), signal);
    expect([r.exitCode, r.signal]).toEqual([EXIT_OF[signal], null]);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(`netral: stopped by ${signal}: ${out} was not written (left as it was before this run)`);
    expect(readFileSync(out, 'utf8')).toBe(firstOut);
    expect(readFileSync(state, 'utf8')).toBe(firstState);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('netral baseline killed mid-way', () => {
  it('create: no baseline and a stale lock are left; the next create takes the lock over and writes it whole', async () => {
    const dir = tempDir('netral-killed-baseline-');
    const input = bigInput(dir, 8_000);
    const file = path.join(dir, 'baseline.yml');
    const pid = await killWhen(['baseline', 'create', input, '-o', file], ROOT, () => existsSync(`${file}.lock`));
    expect(existsSync(file)).toBe(false);
    const next = await bin(['baseline', 'create', input, '-o', file], { timeoutMs: 120_000 });
    expect(next.exitCode).toBe(0);
    expect(next.stderr).toContain(`took over the stale lock of process ${pid}`);
    expect(readFileSync(file, 'utf8')).toMatch(/^netral_baseline: 1$/m);
    expect(leftovers(dir)).toEqual([]);
  });

  it('update: the baseline and its decisions are untouched; the next update keeps them', async () => {
    const dir = tempDir('netral-killed-baseline-');
    const small = path.join(dir, 'small.jsonl');
    writeFileSync(small, jsonl(demo.map((l) => JSON.parse(l))));
    const file = path.join(dir, 'baseline.yml');
    expect((await bin(['baseline', 'create', small, '-o', file])).exitCode).toBe(0);
    // An analyst's decision on the first finding.
    writeFileSync(file, readFileSync(file, 'utf8').replace('decision: open\n    note: ""', 'decision: dismissed\n    note: "berita, bukan dukungan"'));
    const decided = readFileSync(file, 'utf8');
    const input = bigInput(dir, 8_000);
    await killWhen(['baseline', 'update', input, '-o', file], ROOT, () => existsSync(`${file}.lock`), () => expect(readFileSync(file, 'utf8')).toBe(decided));
    expect(readFileSync(file, 'utf8')).toBe(decided);
    const next = await bin(['baseline', 'update', input, '-o', file], { timeoutMs: 120_000 });
    expect(next.exitCode).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('decision: dismissed\n    note: "berita, bukan dukungan"');
    expect(leftovers(dir)).toEqual([]);
  });
});
