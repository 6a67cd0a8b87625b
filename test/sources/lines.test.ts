// readLines/readLineBatches: every line of a stream, numbered, decoded as UTF-8 (bad bytes reported per line), CR
// and a leading BOM removed, whatever the chunk boundaries — checked against a whole-buffer definition.

import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileInput } from '../../src/sources/file-input.js';
import { MAX_LINE_BYTES, linesOf, readLines, type Line } from '../../src/sources/lines.js';
import { tempDir } from '../helpers/cli.js';
import { reusedChunks } from '../helpers/chunks.js';
import { prng } from '../helpers/prng.js';

/** The definition on the whole input at once: a line of more than `maxBytes` bytes (before its LF) is reported. */
function reference(input: Buffer, maxBytes = MAX_LINE_BYTES): Line[] {
  const out: Line[] = [];
  const pieces: Buffer[] = [];
  let s = 0;
  for (let nl = input.indexOf(10); nl !== -1; nl = input.indexOf(10, s)) {
    pieces.push(input.subarray(s, nl));
    s = nl + 1;
  }
  if (s < input.length) pieces.push(input.subarray(s));
  pieces.forEach((p, i) => {
    if (p.length > maxBytes) return out.push({ line: i + 1, error: `line longer than ${maxBytes / 1024 / 1024} MB` });
    let b = p;
    if (b.length > 0 && b[b.length - 1] === 13) b = b.subarray(0, -1);
    if (i === 0 && b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
    out.push(isUtf8(b) ? { line: i + 1, text: b.toString('utf8') } : { line: i + 1, error: 'invalid UTF-8' });
  });
  return out;
}

async function lines(input: Buffer, chunkSizes: number[], maxBytes?: number): Promise<Line[]> {
  const chunks: Buffer[] = [];
  for (let at = 0, k = 0; at < input.length; k++) {
    const n = chunkSizes[k % chunkSizes.length];
    chunks.push(input.subarray(at, at + n));
    at += n;
  }
  const out: Line[] = [];
  for await (const l of readLines(Readable.from(chunks), maxBytes)) out.push(l);
  return out;
}

const PARTS = ['{"id":"1","text":"ayo"}', 'dukung 02 ✌️', 'é', '中文', '😀', '', ' ', '\r', '\n', '\n', '\n', '\r\n', '\ufeff'];
const BAD = [Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xe2, 0x82])];

describe('readLines', () => {
  it('reads BOM, CRLF, blank and unterminated lines', async () => {
    const input = Buffer.from('\ufeff{"a":1}\r\n\r\nsecond\nlast');
    expect(await lines(input, [3])).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: '' },
      { line: 3, text: 'second' },
      { line: 4, text: 'last' },
    ]);
  });

  it('reports only the lines with bad bytes, keeping the rest', async () => {
    const input = Buffer.concat([Buffer.from('good\nba'), Buffer.from([0xff]), Buffer.from('d\ngood again\n')]);
    expect(await lines(input, [64 * 1024])).toEqual([
      { line: 1, text: 'good' },
      { line: 2, error: 'invalid UTF-8' },
      { line: 3, text: 'good again' },
    ]);
  });

  it('reports an over-long line once and goes on after it', async () => {
    const input = Buffer.from(`short\n${'x'.repeat(50)}\nok\n`);
    const got = await lines(input, [8], 10);
    expect(got.map((l) => ('text' in l ? l.text : 'error'))).toEqual(['short', 'error', 'ok']);
    expect(got[1]).toMatchObject({ line: 2, error: expect.stringMatching(/^line longer than/) });
  });

  it('reads a real file in its reused chunks, lines across the chunk edges included', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'posts.jsonl');
    // ~1 MB of lines of many lengths, so that lines cross the 256 KB chunk edges at every offset.
    const r = prng(13);
    let text = '';
    for (let i = 0; text.length < 1_000_000; i++) text += `${JSON.stringify({ id: String(i), text: 'é✌️'.repeat(1 + Math.floor(r() * 400)) })}\n`;
    writeFileSync(file, text);
    const got: Line[] = [];
    for await (const l of linesOf(fileInput(file))) got.push(l);
    expect(got).toEqual(reference(Buffer.from(text)));
  });

  it('equals the whole-buffer definition on 2,000 random inputs in random chunks, fresh or in one reused buffer', async () => {
    const r = prng(11);
    for (let i = 0; i < 2000; i++) {
      const bufs: Buffer[] = [];
      const n = Math.floor(r() * 30);
      for (let k = 0; k < n; k++) bufs.push(r() < 0.05 ? BAD[Math.floor(r() * BAD.length)] : Buffer.from(PARTS[Math.floor(r() * PARTS.length)]));
      const input = Buffer.concat(bufs);
      const sizes = [1 + Math.floor(r() * 7), 1 + Math.floor(r() * 40), 1 + Math.floor(r() * 300)];
      // Every third input with a small cap on line length, so lines cross it within a chunk and across chunks.
      const max = i % 3 === 0 ? 1 + Math.floor(r() * 40) : undefined;
      const expected = reference(input, max);
      expect(await lines(input, sizes, max), JSON.stringify(input.toString('latin1'))).toEqual(expected);
      // A reader that kept any part of a chunk after asking for the next would see it overwritten.
      const fromReused: Line[] = [];
      for await (const l of readLines(reusedChunks(input, sizes), max)) fromReused.push(l);
      expect(fromReused, JSON.stringify(input.toString('latin1'))).toEqual(expected);
    }
  });
});
