import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { utf16Of } from '../../src/sources/encoding.js';
import { HEAD_BYTES } from '../../src/sources/head.js';
import type { InputFile } from '../../src/sources/types.js';
import { utf8Input } from '../../src/sources/utf8-input.js';
import { reusedChunks } from '../helpers/chunks.js';
import { prng } from '../helpers/prng.js';

/** Bytes as a file is read: chunks of the given sizes in one reused buffer, a stream, and a head. */
function bytesInput(bytes: Buffer, sizes: number[]): InputFile {
  return {
    name: 'mem',
    rereadable: true,
    open: () => Readable.from(copies(bytes, sizes), { objectMode: false }),
    chunks: () => reusedChunks(bytes, sizes),
    head: async (n) => bytes.subarray(0, n),
  };
}

/** The same chunks, each its own buffer (as a stream gives them). */
function* copies(bytes: Buffer, sizes: number[]): Generator<Buffer> {
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const n = Math.min(sizes[k % sizes.length], bytes.length - at);
    yield Buffer.from(bytes.subarray(at, at + n));
    at += n;
  }
}

/** The bytes read, as a string of one character per byte (compared much faster than buffers). */
async function all(chunks: AsyncIterable<Buffer>): Promise<string> {
  const out: Buffer[] = [];
  for await (const c of chunks) out.push(Buffer.from(c));
  return Buffer.concat(out).toString('latin1');
}

/** What the reader must see: UTF-8, with a byte that is not UTF-8 (0xFF) for each lone surrogate. */
function expected(s: string): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out.push(Buffer.from(s.slice(i, i + 2), 'utf8'));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) out.push(Buffer.from([0xff]));
    else out.push(Buffer.from(s[i], 'utf8'));
  }
  return Buffer.concat(out);
}

const PIECES = ['a', 'Ayo coblos ', '\n', '\r\n', '{"id":"1"}', 'é', '\u2019', '\u2013', '\u{1F91F}', '\u270c\ufe0f', '\u2000', '\ud83e', '\udd1f'];

describe('utf8Input', () => {
  it('turns UTF-16 (either order, with or without a byte-order mark) into the same UTF-8 by head, stream and chunks, however it is cut', async () => {
    const rand = prng(1616);
    for (let round = 0; round < 60; round++) {
      // Mostly text, as UTF-16 detection without a byte-order mark needs; some inputs longer than the head.
      const long = round % 4 === 0;
      let s = '';
      while (s.length < (long ? 40000 : 10 + Math.floor(rand() * 3000))) s += rand() < 0.8 ? PIECES[Math.floor(rand() * 5)] : PIECES[Math.floor(rand() * PIECES.length)];
      const bom = round % 3 !== 0;
      const le = round % 2 === 0;
      const units = le ? Buffer.from(s, 'utf16le') : Buffer.from(s, 'utf16le').swap16();
      const bytes = bom ? Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), units]) : units;
      // Marked as UTF-8 with or without UTF-16's mark (see utf8-input.ts).
      const want = Buffer.concat([Buffer.from('\ufeff'), expected(s)]).toString('latin1');
      const sizes = Array.from({ length: 5 }, () => 1 + Math.floor(rand() * 40));
      const input = utf8Input(bytesInput(bytes, sizes));
      expect(await all(input.chunks!()), `round ${round}`).toBe(want);
      expect(await all(input.open()), `round ${round}`).toBe(want);
      // (A head that ends before the input keeps only whole characters: not a broken one at the very end.)
      const n = 1 + Math.floor(rand() * (long ? HEAD_BYTES : want.length));
      expect((await input.head(n)).toString('latin1'), `round ${round}`).toBe(want.slice(0, n));
    }
  });

  it('passes other input through untouched, a file\'s reused chunks included', async () => {
    const text = Buffer.from(`${'{"id":"1","text":"caf\u00e9 \u{1F91F}"}\n'.repeat(5000)}caf\xe9`, 'latin1');
    const input = utf8Input(bytesInput(text, [7, HEAD_BYTES, 100000]));
    expect(await all(input.chunks!())).toBe(text.toString('latin1'));
    expect(await all(input.open())).toBe(text.toString('latin1'));
    expect(await input.head(10)).toEqual(text.subarray(0, 10));
  });
});

describe('utf16Of', () => {
  const text = '{"id":"1","text":"Ayo coblos 02 \u2019 \u{1F91F}"}\r\n'.repeat(50);
  it('knows UTF-16 by its byte-order mark, or by NULs always on one side of the characters', () => {
    expect(utf16Of(Buffer.from([0xff, 0xfe, 0x7b, 0x00]))).toBe('utf-16le');
    expect(utf16Of(Buffer.from([0xfe, 0xff, 0x00, 0x7b]))).toBe('utf-16be');
    expect(utf16Of(Buffer.from(text, 'utf16le'))).toBe('utf-16le');
    expect(utf16Of(Buffer.from(text, 'utf16le').swap16())).toBe('utf-16be');
    // Characters whose low byte is 0 (U+2000, U+3000) put a few NULs on the other side.
    expect(utf16Of(Buffer.from(`${text}\u2000\u3000`, 'utf16le'))).toBe('utf-16le');
    // Cut at an odd byte, as a head can be.
    expect(utf16Of(Buffer.from(text, 'utf16le').subarray(0, 101))).toBe('utf-16le');
  });

  it('says "unclear" for NULs in no such pattern, and nothing for text without them', () => {
    const u32 = Buffer.alloc(text.length * 4);
    for (let i = 0; i < text.length; i++) u32.writeUInt32LE(text.charCodeAt(i), i * 4);
    expect(utf16Of(u32)).toBe('unclear');
    expect(utf16Of(Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), u32]))).toBe('unclear');
    expect(utf16Of(Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64), Buffer.from('IHDR')]))).toBe('unclear');
    expect(utf16Of(Buffer.from(text))).toBeNull();
    // A stray NUL in a UTF-8 file is that line's problem, not the file's.
    expect(utf16Of(Buffer.from(`${text}\u0000${text}`))).toBeNull();
  });
});
