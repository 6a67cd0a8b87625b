// Posts built to make a scan slow or large: a 1 MB post, thousands of combining marks on one letter, endless ZWJ
// emoji sequences, 100k emoji, a single 1 MB "word", the same words repeated until the text is full. Each must be
// scanned in bounded time and memory. Bounds are generous and checked from outside: the real CLI in a child
// process with a small heap and a timeout (a hang or a blow-up fails the test; speed itself is bench/'s business).

import { describe, expect, it } from 'vitest';
import { createWriteStream, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bin, jsonl, tempDir } from '../helpers/cli.js';

const dir = tempDir('netral-pathological-');
const MB = 1_000_000;

function post(id: string, text: string) {
  return { id, platform: 'x', author: 'budi', created_at: '2024-01-20T10:00:00+07:00', text };
}

const POSTS = [
  post('campaign-1mb', 'Ayo coblos 02 Prabowo Gibran! '.repeat(MB / 30)),
  // No sentence break: every "coblos" is near every "02" (quadratic before rule matching looked only nearby).
  post('one-sentence-1mb', 'coblos 02 prabowo gibran '.repeat(MB / 25)),
  post('one-sentence-1mb-b', 'dukung 02 pilih prabowo '.repeat(MB / 24)),
  post('quoted-1mb', '"coblos 02" '.repeat(MB / 12)),
  post('marks-on-one-letter', `coblos 02 a${'\u0301'.repeat(10_000)} dukung`),
  post('zwj-sequence', `coblos 02 ${'👨\u200d'.repeat(20_000)}👨`),
  post('emoji-100k', `coblos 02 ${'✌️'.repeat(100_000)}`),
  post('word-1mb', `coblos 02 ${'a'.repeat(MB)}`),
  post('hashtag-1mb', `#${'Coblos'.repeat(MB / 6)}`),
];

describe('pathological posts', () => {
  it('are each scanned, all of them in bounded time and memory', async () => {
    const file = path.join(dir, 'pathological.jsonl');
    writeFileSync(file, jsonl(POSTS));
    // One such post needs up to ~250 MB of heap while it is scanned (hits × rule leaves over 50,000 tokens); it
    // is freed after, so the bound holds for any number of them.
    const r = await bin(['scan', '-f', 'jsonl', file], { env: { NODE_OPTIONS: '--max-old-space-size=512' }, timeoutMs: 45_000 });
    expect(r.signal, 'killed: the scan took longer than 45 s').toBeNull();
    expect(r.stderr).not.toMatch(/heap out of memory|internal error/);
    expect(r.stderr).toMatch(new RegExp(`read ${POSTS.length} = scanned ${POSTS.length} \\+ skipped 0`));
    const flagged = new Set(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { post_id: string }).post_id));
    // The campaign text is found, however long the post around it.
    for (const id of ['campaign-1mb', 'one-sentence-1mb', 'marks-on-one-letter', 'zwj-sequence', 'emoji-100k', 'word-1mb']) expect(flagged).toContain(id);
  });

  it('leave nothing behind: memory stays flat over many large posts with words of their own', async () => {
    // Words cached for later must not keep the post they were cut from alive (a V8 slice keeps its parent).
    const file = path.join(dir, 'many-large.jsonl');
    const out = createWriteStream(file);
    for (let i = 0; i < 200; i++) out.write(`${JSON.stringify(post(`p${i}`, `kata${String(i).padStart(16, '0')}x ${' '.repeat(500_000)} coblos`))}\n`);
    await new Promise((resolve) => out.end(resolve));
    // 100 MB of posts through a 80 MB heap.
    const r = await bin(['scan', '-f', 'jsonl', file], { env: { NODE_OPTIONS: '--max-old-space-size=80' }, timeoutMs: 60_000 });
    expect(r.stderr).not.toMatch(/heap out of memory/);
    expect(r.stderr).toMatch(/read 200 = scanned 200 \+ skipped 0/);
    expect(r.exitCode).toBe(0);
  });
});
