// A run stopped by Ctrl+C (SIGINT) or a cron job's timeout (SIGTERM) leaves nothing of its own behind: not the
// temporary file of an evidence body it was saving (fetch --archive). A run killed outright (SIGKILL) leaves it,
// and the next run clears it. The outputs' own temporary files are in interrupted.test.ts.

import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { bin, ROOT, tempDir } from '../helpers/cli.js';
import { EXIT_OF, stopWhen } from '../helpers/signals.js';
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
