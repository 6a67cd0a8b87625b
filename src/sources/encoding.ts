// Text encodings of spreadsheet exports. JSON is UTF-8 by definition, but a CSV comes from whatever saved it: Excel's
// "CSV (Comma delimited)" writes the Windows code page (Windows-1252 on Indonesian Windows), "Unicode Text" writes
// UTF-16 with a byte-order mark. Read as UTF-8, the first turns curly quotes (which mark reported speech) and
// apostrophes (Ma’ruf) into U+FFFD, and the second is not recognised at all.

import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * The encoding of a text file from its first bytes: a byte-order mark decides; without one, UTF-8 when the bytes
 * are valid UTF-8 (`complete` false: the head may end inside a character) or mostly so, else Windows-1252.
 */
export function sniffEncoding(head: Buffer, complete: boolean): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const bytes = complete ? head : head.subarray(0, incompleteTail(head));
  return isUtf8(bytes) || mostlyUtf8(bytes) ? 'utf-8' : 'windows-1252';
}

/**
 * True when UTF-8 characters outnumber the bytes that are not UTF-8. A UTF-8 file with one stray byte (a cell
 * pasted from a Windows-1252 file) read as Windows-1252 would garble every other character — emoji and dashes a
 * rule matches on included — while read as UTF-8 only that byte is lost, and its line is reported.
 */
function mostlyUtf8(buf: Buffer): boolean {
  let chars = 0;
  let stray = 0;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (n > 1 && isUtf8(buf.subarray(i, i + n))) {
      chars++;
      i += n;
    } else {
      stray++;
      i++;
    }
  }
  return chars > stray;
}

/** Where the character cut off at the end of `buf` starts (buf.length when none is cut off). */
function incompleteTail(buf: Buffer): number {
  for (let i = buf.length - 1; i >= 0 && i >= buf.length - 3; i--) {
    const b = buf[i];
    if (b < 0x80) return buf.length;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return buf.length - i < need ? i : buf.length;
    }
  }
  return buf.length;
}

// 0x80–0x9F of Windows-1252 (WHATWG index); the rest of the code page is Latin-1. Node 20's TextDecoder decodes
// these bytes as C1 control characters (Node 22 and later decode them right), so netral maps them itself.
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const C1 = /[\u0080-\u009f]/g;

function decodeWindows1252(buf: Buffer): string {
  return buf.toString('latin1').replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** A whole buffer as text (a byte-order mark is dropped). */
export function decodeText(buf: Buffer, encoding: TextEncoding): string {
  if (encoding === 'windows-1252') return decodeWindows1252(buf);
  return new TextDecoder(encoding).decode(buf);
}

/**
 * A stream that turns a file in `encoding` into UTF-8 bytes, for parsers that read UTF-8. UTF-8 passes through
 * checked: the first invalid bytes are reported through `warn` with their line (they become U+FFFD, as JSON Lines
 * skips such a line but a CSV row cannot be cut out of the stream safely).
 */
export function utf8Stream(encoding: TextEncoding, warn: (line: number) => void): Transform {
  if (encoding === 'utf-8') return new CheckedUtf8(warn);
  const decoder = encoding === 'windows-1252' ? null : new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, Buffer.from(decoder ? decoder.decode(chunk, { stream: true }) : decodeWindows1252(chunk), 'utf8'));
    },
    flush(done) {
      const rest = decoder ? decoder.decode() : '';
      done(null, rest === '' ? undefined : Buffer.from(rest, 'utf8'));
    },
  });
}

class CheckedUtf8 extends Transform {
  /** Bytes of a character cut off at the end of the previous chunk. */
  private tail: Buffer | null = null;
  /** Newlines passed so far, to name the line of the first invalid byte. */
  private lines = 0;
  private warned = false;

  constructor(private readonly warn: (line: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const buf = this.tail ? Buffer.concat([this.tail, chunk]) : chunk;
    const end = incompleteTail(buf);
    this.tail = end < buf.length ? Buffer.from(buf.subarray(end)) : null;
    done(null, this.checked(buf.subarray(0, end)));
  }

  override _flush(done: TransformCallback): void {
    done(null, this.tail ? this.checked(this.tail) : undefined);
  }

  private checked(buf: Buffer): Buffer {
    if (!this.warned && !isUtf8(buf)) {
      this.warned = true;
      this.warn(this.lines + newlines(buf, firstInvalid(buf)) + 1);
    }
    if (!this.warned) this.lines += newlines(buf, buf.length);
    return buf;
  }
}

function newlines(buf: Buffer, end: number): number {
  let n = 0;
  for (let i = buf.indexOf(10); i !== -1 && i < end; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

/** Offset of the first byte that does not start a valid UTF-8 character (buf is known to be invalid). */
function firstInvalid(buf: Buffer): number {
  // Valid prefixes only grow: the first invalid byte is where the longest valid prefix ends.
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (isUtf8(buf.subarray(0, incompleteTail(buf.subarray(0, mid))))) lo = mid;
    else hi = mid - 1;
  }
  return incompleteTail(buf.subarray(0, lo));
}
