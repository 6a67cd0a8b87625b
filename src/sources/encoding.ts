// Text encodings of files people save by hand. JSON is UTF-8 by definition and a platform writes it so, but a CSV
// comes from whatever saved it, and a JSON or JSON Lines file someone opened and saved again may have changed too:
// Excel's "CSV (Comma delimited)" writes the Windows code page (Windows-1252 on Indonesian Windows); Excel's
// "Unicode Text" and Notepad's "Unicode" write UTF-16 with a byte-order mark. Read as UTF-8, the first turns curly
// quotes (which mark reported speech) and apostrophes (Ma’ruf) into U+FFFD, and the second is not recognised at all.

import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';

export type Utf16Encoding = 'utf-16le' | 'utf-16be';
export type TextEncoding = 'utf-8' | Utf16Encoding | 'windows-1252';

/**
 * Whether a text file was saved as UTF-16, from its first bytes. A byte-order mark decides. Without one, the NUL
 * bytes do: text in UTF-8 or a Windows code page never holds NUL, while UTF-16 writes one for every character below
 * U+0100 — all of JSON's and CSV's syntax, and most of Indonesian text — always on the same side of the character.
 * 'unclear' when the head holds NULs (more than 1 byte in 100) in no such pattern: a binary file, UTF-32, or UTF-16
 * of mostly other scripts, which netral does not guess at. null for any other input.
 */
export function utf16Of(head: Buffer): Utf16Encoding | 'unclear' | null {
  // FF FE 00 00 is UTF-32's mark (little-endian); no UTF-16 text starts with U+0000.
  if (head[0] === 0xff && head[1] === 0xfe) return head[2] === 0 && head[3] === 0 ? 'unclear' : 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head.indexOf(0) === -1) return null;
  // Two-byte units with the NUL on the second byte (A\0: little-endian), on the first (\0A: big-endian), on both
  // (U+0000, which no text holds; half of every character in UTF-32).
  let le = 0;
  let be = 0;
  let zero = 0;
  let nul = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    const a = head[i];
    const b = head[i + 1];
    if (a === 0 && b === 0) zero++;
    else if (b === 0) le++;
    else if (a === 0) be++;
    nul += (a === 0 ? 1 : 0) + (b === 0 ? 1 : 0);
  }
  const units = head.length >> 1;
  // Characters from U+0100 up whose low byte is 0 (U+2000, U+3000) put a NUL on the other side: a few are allowed.
  if (zero * 100 <= units) {
    if (le * 2 >= units && be * 20 <= le) return 'utf-16le';
    if (be * 2 >= units && le * 20 <= be) return 'utf-16be';
  }
  return nul * 100 > head.length ? 'unclear' : null;
}

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
  const utf16 = encoding === 'windows-1252' ? null : new Utf16Decoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, utf16 ? utf16.push(chunk) : Buffer.from(decodeWindows1252(chunk), 'utf8'));
    },
    flush(done) {
      const rest = utf16?.end();
      done(null, rest?.length ? rest : undefined);
    },
  });
}

const EMPTY = Buffer.alloc(0);
/** A byte that is never part of UTF-8. */
const NOT_UTF8 = Buffer.from([0xff]);
// Without the u flag, so that it matches UTF-16 code units.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * UTF-16 to UTF-8, chunk by chunk: a character cut between two chunks waits for its other half. A lone surrogate
 * (half of an emoji, in a file cut or edited badly) and a lone byte at the end become a byte that is not UTF-8 rather
 * than U+FFFD, so the readers, which check UTF-8, report the line it is on instead of reading a changed character.
 */
export class Utf16Decoder {
  /** Bytes of a character cut off at the end of the previous chunk. */
  private carry: Buffer | null = null;

  constructor(private readonly encoding: Utf16Encoding) {}

  /** The UTF-8 of `chunk` (which the caller may reuse afterwards), but for a character it cuts off. */
  push(chunk: Buffer): Buffer {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    let end = buf.length - (buf.length % 2);
    if (end >= 2) {
      const last = this.encoding === 'utf-16le' ? buf.readUInt16LE(end - 2) : buf.readUInt16BE(end - 2);
      if (last >= 0xd800 && last <= 0xdbff) end -= 2;
    }
    this.carry = end < buf.length ? Buffer.from(buf.subarray(end)) : null;
    return this.utf8(buf.subarray(0, end));
  }

  /** The UTF-8 of what is left when the input ends: a character cut off there is not UTF-8. */
  end(): Buffer {
    const rest = this.carry;
    this.carry = null;
    if (!rest) return EMPTY;
    const whole = rest.length - (rest.length % 2);
    return rest.length % 2 === 0 ? this.utf8(rest) : Buffer.concat([this.utf8(rest.subarray(0, whole)), NOT_UTF8]);
  }

  private utf8(units: Buffer): Buffer {
    if (units.length === 0) return EMPTY;
    const s = (this.encoding === 'utf-16le' ? units : Buffer.from(units).swap16()).toString('utf16le');
    // Node would write a lone surrogate as U+FFFD.
    if (!LONE_SURROGATE.test(s)) return Buffer.from(s, 'utf8');
    const parts = s.split(new RegExp(LONE_SURROGATE, 'g')).map((p) => Buffer.from(p, 'utf8'));
    return Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [NOT_UTF8, p])));
  }
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
