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
  const emit = (buf: Buffer): Line => {
    lineNo++;
    let b = buf;
    if (b.length > 0 && b[b.length - 1] === 13) b = b.subarray(0, b.length - 1);
    if (first) {
      first = false;
      if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
    }
    if (!isUtf8(b)) return { line: lineNo, error: 'invalid UTF-8' };
    return { line: lineNo, text: b.toString('utf8') };
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let buf: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
    pending = null;
    let start = 0;
    // The chunk's complete lines, when they are all valid UTF-8 (0x0A is never inside a character): decoded in
    // one call and cut as strings, rather than checked and decoded line by line.
    const last = skipping ? -1 : buf.lastIndexOf(10);
    if (last > 0 && isUtf8(buf.subarray(0, last))) {
      const text = buf.toString('utf8', 0, last + 1);
      for (let from = 0; from < text.length; ) {
        const nl = text.indexOf('\n', from);
        lineNo++;
        let line = text.slice(from, text.charCodeAt(nl - 1) === 13 && nl > from ? nl - 1 : nl);
        if (first) {
          first = false;
          if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
        }
        yield { line: lineNo, text: line };
        from = nl + 1;
      }
      start = last + 1;
    }
    for (;;) {
      const nl = buf.indexOf(10, start);
      if (nl === -1) break;
      if (skipping) {
        skipping = false;
        lineNo++;
        first = false;
        yield { line: lineNo, error: `line longer than ${maxBytes / 1024 / 1024} MB` };
      } else yield emit(buf.subarray(start, nl));
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
  } else if (pending && pending.length > 0) yield emit(pending);
}
