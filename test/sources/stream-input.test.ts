// Inputs that can be read only once: standard input, named pipes (`netral scan <(zcat a.gz)`, /dev/stdin), and a
// compressed standard input. Detection reads their head, and the reader must get the same bytes without a
// second read of the source.

import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { readAll } from '../helpers/read.js';
import { ROOT, tempDir } from '../helpers/cli.js';

/** `n` JSONL posts whose text does not compress, so a gzip of them is larger than the detection head (64 KiB). */
function incompressible(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += `${JSON.stringify({ id: String(i + 1), text: `catatan ${randomBytes(24).toString('base64')}` })}\n`;
  return s;
}

/** A named pipe that a separate process fills with `content` once a reader opens it; `done` when that process ends. */
function fifoWriter(dir: string, name: string, content: string | Buffer): { fifo: string; done: Promise<void> } {
  const src = path.join(dir, `${name}.src`);
  writeFileSync(src, content);
  const fifo = path.join(dir, name);
  execFileSync('mkfifo', [fifo]);
  const writer = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', src, fifo], { stdio: 'ignore' });
  return { fifo, done: new Promise((resolve) => writer.once('exit', () => resolve())) };
}

const fifoWith = (dir: string, name: string, content: string | Buffer): string => fifoWriter(dir, name, content).fifo;

describe('inputs read once', () => {
  it('reads a gzipped standard input larger than the detection head, every record once', async () => {
    const gz = gzipSync(incompressible(3000));
    expect(gz.length).toBeGreaterThan(64 * 1024);
    const r = await readAll(['-'], { stdin: gz });
    expect(r.counts).toEqual([{ input: '-', format: 'jsonl', read: 3000, scanned: 0, skipped: 0 }]);
    expect(r.posts.map((p) => p.id)).toEqual(Array.from({ length: 3000 }, (_, i) => String(i + 1)));
  });

  it('reports a truncated gzipped standard input, with the records before the break counted', async () => {
    const gz = gzipSync(incompressible(3000));
    const r = await readAll(['-'], { stdin: gz.subarray(0, gz.length - 5000) });
    expect(r.counts[0].error).toBe('the gzip data ends early (truncated download?)');
    expect(r.counts[0].read).toBe(r.posts.length);
    expect(r.posts.length).toBeGreaterThan(2000);
  });

  it('reads a named pipe as an input, large and gzipped ones too', async () => {
    const dir = tempDir();
    const plain = fifoWith(dir, 'plain', incompressible(2000));
    const zipped = fifoWith(dir, 'zipped.jsonl.gz', gzipSync(incompressible(2500)));
    const r = await readAll([plain, zipped]);
    expect(r.counts.map((c) => [path.basename(c.input), c.format, c.read, c.error])).toEqual([
      ['plain', 'jsonl', 2000, undefined],
      ['zipped.jsonl.gz', 'jsonl', 2500, undefined],
    ]);
  });

  it('names a pipe that holds no format netral reads, and lets its writer go', async () => {
    const dir = tempDir();
    // More than a pipe holds: the writer ends only when netral closes its end (it would wait forever otherwise).
    const { fifo, done } = fifoWriter(dir, 'noise', randomBytes(1_000_000));
    const r = await readAll([fifo]);
    expect(r.counts[0].error).toMatch(/^not a format netral reads/);
    await done;
  });

  it('reads an xz-compressed standard input larger than the detection head', async () => {
    const xz = execFileSync('xz', ['-c'], { input: incompressible(3000) });
    expect(xz.length).toBeGreaterThan(64 * 1024);
    const r = await readAll(['-'], { stdin: xz });
    expect(r.counts).toEqual([{ input: '-', format: 'jsonl', read: 3000, scanned: 0, skipped: 0 }]);
  });

  it('reads a character device as a stream (/dev/null is empty) and refuses a socket with what to do instead', async () => {
    const dir = tempDir();
    const sock = path.join(dir, 'netral.sock');
    const server = createServer().listen(sock);
    await once(server, 'listening');
    try {
      const r = await readAll(['/dev/null', sock]);
      expect(r.counts).toEqual([
        { input: '/dev/null', format: 'empty', read: 0, scanned: 0, skipped: 0 },
        { input: sock, format: '', read: 0, scanned: 0, skipped: 0, error: 'is a socket: pipe its content into standard input instead' },
      ]);
    } finally {
      server.close();
    }
  });

  it('lists a named pipe and a link to a folder inside a folder as not read, instead of waiting on them or passing over them silently', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'posts.jsonl'), '{"id":"1","text":"Apel pagi"}\n');
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    // A link to a folder is not followed (links can loop), and said so.
    symlinkSync(tempDir(), path.join(dir, 'elsewhere'));
    const r = await readAll([dir]);
    expect(r.posts.map((p) => p.id)).toEqual(['1']);
    expect(r.ignored).toEqual([
      { input: path.join(dir, 'elsewhere'), reason: 'a link to a folder, not followed' },
      { input: path.join(dir, 'pipe'), reason: 'not a regular file' },
    ]);
  });

  it('scans /dev/stdin given as a path when a shell pipes into it (real processes)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'posts.jsonl'), '{"id":"1","text":"Ayo coblos nomor 2, Prabowo-Gibran!"}\n');
    const netral = path.join(ROOT, 'bin', 'netral.js');
    const r = execFileSync('sh', ['-c', `cat posts.jsonl | "${process.execPath}" "${netral}" scan /dev/stdin --format jsonl 2>err.txt`], { cwd: dir, encoding: 'utf8' });
    expect(readFileSync(path.join(dir, 'err.txt'), 'utf8')).toContain('read 1 = scanned 1 + skipped 0');
    expect(r).toContain('"post_id":"1"');
  });
});
