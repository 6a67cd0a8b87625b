// Splitting a byte stream into lines without holding the input in memory. Lines are validated as UTF-8 (a bad
// byte sequence is reported, never silently replaced) and bounded in size, so one huge line cannot exhaust memory.

import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';

export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export type Line = { line: number; text: string } | { line: number; error: string };

export async function* readLines(stream: Readable, maxBytes = MAX_LINE_BYTES): AsyncGenerator<Line> {
  let pending: Buffer | null = null;
  let lineNo = 0;
  let skipping = false; // inside an over-long line: drop bytes until its end
  let first = true;
  /** The line buf[s, e); `valid` when those bytes are known to be UTF-8. */
  const emit = (buf: Buffer, s: number, e: number, valid: boolean): Line => {
    lineNo++;
    if (e > s && buf[e - 1] === 13) e--;
    if (first) {
      first = false;
      if (e - s >= 3 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3;
    }
    if (!valid && !isUtf8(buf.subarray(s, e))) return { line: lineNo, error: 'invalid UTF-8' };
    // Decoded line by line: lines cut from one string of the whole chunk would keep the chunk alive through the
    // strings JSON.parse makes from them (V8 makes them slices), and peak memory rose by a third.
    return { line: lineNo, text: buf.toString('utf8', s, e) };
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let buf: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
    pending = null;
    let start = 0;
    // When the chunk's complete lines are all valid UTF-8, each is (0x0A is never inside a character): one check.
    const last = skipping ? -1 : buf.lastIndexOf(10);
    const validTo = last > 0 && isUtf8(buf.subarray(0, last)) ? last : 0;
    for (;;) {
      const nl = buf.indexOf(10, start);
      if (nl === -1) break;
      if (skipping) {
        skipping = false;
        lineNo++;
        first = false;
        yield { line: lineNo, error: `line longer than ${maxBytes / 1024 / 1024} MB` };
      } else yield emit(buf, start, nl, nl <= validTo);
      start = nl + 1;
    }
    const rest = buf.subarray(start);
    if (skipping) continue;
    if (rest.length > maxBytes) {
      skipping = true;
      continue;
    }
    // Copy so the (possibly large) chunk the remainder came from can be freed.
    pending = rest.length > 0 ? Buffer.from(rest) : null;
    buf = Buffer.alloc(0);
  }
  if (skipping) {
    lineNo++;
    yield { line: lineNo, error: `line longer than ${maxBytes / 1024 / 1024} MB` };
  } else if (pending && pending.length > 0) yield emit(pending, 0, pending.length, false);
}
