// Splitting a byte stream into lines without holding the input in memory. Lines are validated as UTF-8 (a bad
// byte sequence is reported, never silently replaced) and bounded in size, so one huge line cannot exhaust memory.

import { isUtf8 } from 'node:buffer';
import { chunksOf } from './file-input.js';
import type { InputFile } from './types.js';

export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export type Line = { line: number; text: string } | { line: number; error: string };

/** The lines of `input`, read from its reused chunks where it has them (nothing of a chunk is kept past it). */
export function linesOf(input: InputFile): AsyncGenerator<Line> {
  return readLines(chunksOf(input));
}

export async function* readLines(stream: AsyncIterable<Buffer>, maxBytes = MAX_LINE_BYTES): AsyncGenerator<Line> {
  // The start of a line that continues in a later chunk: copies of its pieces (never the whole chunk they were in).
  let pending: Buffer[] = [];
  let pendingBytes = 0;
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
  const tooLong = (): Line => {
    lineNo++;
    first = false;
    return { line: lineNo, error: `line longer than ${maxBytes / 1024 / 1024} MB` };
  };
  // Chunks are read in place: only a line that spans two chunks is copied. Joining every chunk to the line left over
  // from the one before doubled the buffers made per chunk, and buffers the garbage collector has not yet freed
  // are most of what the process holds beyond its heap when the machine is busy.
  for await (const chunk of stream) {
    let start = 0;
    if (skipping || pendingBytes > 0) {
      const nl = chunk.indexOf(10);
      if (nl === -1) {
        if (skipping) continue;
        if (pendingBytes + chunk.length > maxBytes) {
          skipping = true;
          pending = [];
          pendingBytes = 0;
        } else {
          pending.push(Buffer.from(chunk));
          pendingBytes += chunk.length;
        }
        continue;
      }
      if (skipping) {
        skipping = false;
        yield tooLong();
      } else if (pendingBytes + nl > maxBytes) {
        // The line's start fitted, but with its end in this chunk it is over the limit after all.
        pending = [];
        pendingBytes = 0;
        yield tooLong();
      } else {
        pending.push(chunk.subarray(0, nl));
        const line = Buffer.concat(pending, pendingBytes + nl);
        pending = [];
        pendingBytes = 0;
        yield emit(line, 0, line.length, false);
      }
      start = nl + 1;
    }
    // When the chunk's complete lines are all valid UTF-8, each is (0x0A is never inside a character): one check.
    const last = chunk.lastIndexOf(10);
    const validTo = last >= start && isUtf8(chunk.subarray(start, last)) ? last : -1;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl === -1) break;
      yield nl - start > maxBytes ? tooLong() : emit(chunk, start, nl, nl <= validTo);
      start = nl + 1;
    }
    const rest = chunk.length - start;
    if (rest > maxBytes) skipping = true;
    else if (rest > 0) {
      // Copied, so the chunk the remainder came from can be freed.
      pending.push(Buffer.from(chunk.subarray(start)));
      pendingBytes = rest;
    }
  }
  if (skipping) yield tooLong();
  else if (pendingBytes > 0) {
    const line = Buffer.concat(pending, pendingBytes);
    yield emit(line, 0, line.length, false);
  }
}
