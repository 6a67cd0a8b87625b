// Streaming the elements of a JSON array without parsing the whole document: a byte-level scanner tracks strings
// and nesting, cuts out each element's bytes, and hands them to JSON.parse one at a time. Memory stays bounded by
// the largest element; each element keeps its line number, and its raw text (so ids above 2^53 can be kept exact).
//
// The array may be the document itself (`[…]`), follow a prefix (`window.YTD.tweets.part0 = […]`), or be the value
// of a top-level key (`{"orderedItems": […]}`, `{"data": […]}`).

import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';

export const MAX_ELEMENT_BYTES = 16 * 1024 * 1024;

export type Element =
  | { index: number; line: number; text: string }
  | { index: number; line: number; error: string };

export interface ElementOptions {
  /** Top-level keys whose array value holds the records; undefined means the document is the array. */
  keys?: string[];
  /** Skip bytes before the first `[` (JS assignment prefixes). */
  skipPrefix?: boolean;
  maxBytes?: number;
}

/** Thrown when the document is not shaped as expected: the message says what was found and where. */
export class ShapeError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const WS = new Uint8Array(256);
WS[0x20] = WS[0x09] = WS[0x0a] = WS[0x0d] = 1;

export async function* jsonElements(stream: Readable, opts: ElementOptions = {}): AsyncGenerator<Element> {
  const maxBytes = opts.maxBytes ?? MAX_ELEMENT_BYTES;
  const keys = opts.keys ? new Set(opts.keys) : null;
  // Phase: 'prefix' (before the array), 'items' (inside the target array), 'done'.
  let phase: 'prefix' | 'top' | 'items' | 'done' = opts.skipPrefix ? 'prefix' : keys ? 'top' : 'prefix';
  let line = 1;
  let depth = 0; // nesting depth relative to the document
  let itemDepth = 1; // depth at which elements of the target array live
  let inString = false;
  let escape = false;
  let index = 0;
  let bom = true;
  // Element capture.
  let parts: Buffer[] = [];
  let partBytes = 0;
  let capturing = false;
  let tooBig = false;
  let elemLine = 0;
  // Top-level object scanning: the last string key seen at depth 1, and whether the scanner is in a key.
  let keyBytes: number[] = [];
  let inKey = false;
  let lastKey = '';
  let expectValueFor: string | null = null;
  let sawTopLevel = false;
  let foundKey = false;

  const finish = function* (chunk: Buffer, end: number): Generator<Element> {
    // Close the current element at chunk position `end` (exclusive).
    if (!tooBig) parts.push(chunk.subarray(capStart, end));
    const i = index++;
    if (tooBig) yield { index: i, line: elemLine, error: `record larger than ${maxBytes / 1024 / 1024} MB` };
    else {
      const buf = parts.length === 1 ? parts[0] : Buffer.concat(parts);
      if (!isUtf8(buf)) yield { index: i, line: elemLine, error: 'invalid UTF-8' };
      else yield { index: i, line: elemLine, text: buf.toString('utf8') };
    }
    parts = [];
    partBytes = 0;
    capturing = false;
    tooBig = false;
  };
  let capStart = 0;

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let i = 0;
    if (bom && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    bom = false;
    capStart = 0;
    for (; i < chunk.length; i++) {
      const c = chunk[i];
      if (c === 0x0a) line++;
      if (inString) {
        if (inKey && !escape && c !== 0x22 && c !== 0x5c && keyBytes.length < 256) keyBytes.push(c);
        if (escape) escape = false;
        else if (c === 0x5c) escape = true;
        else if (c === 0x22) {
          inString = false;
          if (inKey) {
            inKey = false;
            lastKey = Buffer.from(keyBytes).toString('utf8');
          }
        }
        continue;
      }
      if (phase === 'done') {
        if (!WS[c] && c !== 0x3b /* ; */) throw new ShapeError('unexpected content after the array', line);
        continue;
      }
      if (phase === 'prefix') {
        if (c === 0x5b /* [ */) {
          phase = 'items';
          depth = 1;
          itemDepth = 1;
          sawTopLevel = true;
        } else if (!opts.skipPrefix && !WS[c]) {
          throw new ShapeError(c === 0x7b ? 'the file holds a JSON object, not a list of records' : 'not a JSON list', line);
        }
        continue;
      }
      if (phase === 'top') {
        // Scanning a top-level object for the key that holds the records.
        if (c === 0x22) {
          inString = true;
          if (depth === 1 && expectValueFor === null) {
            inKey = true;
            keyBytes = [];
          }
        } else if (c === 0x7b || c === 0x5b) {
          if (depth === 0 && c === 0x5b) throw new ShapeError('the file holds a JSON list, expected an object', line);
          if (depth === 0) sawTopLevel = true;
          depth++;
          if (depth === 2 && c === 0x5b && expectValueFor !== null && keys!.has(expectValueFor)) {
            phase = 'items';
            itemDepth = 2;
            expectValueFor = null;
            foundKey = true;
            continue;
          }
        } else if (c === 0x7d || c === 0x5d) {
          depth--;
          if (depth === 1) expectValueFor = null;
          if (depth === 0) phase = 'done';
        } else if (c === 0x3a && depth === 1) {
          expectValueFor = lastKey;
        } else if (c === 0x2c && depth === 1) {
          expectValueFor = null;
        } else if (!WS[c] && depth === 0) {
          throw new ShapeError('not a JSON object', line);
        }
        continue;
      }
      // phase === 'items'
      if (c === 0x22) {
        inString = true;
        if (!capturing && depth === itemDepth) startCapture(i);
        continue;
      }
      if (c === 0x7b || c === 0x5b) {
        if (!capturing && depth === itemDepth) startCapture(i);
        depth++;
        continue;
      }
      if (c === 0x7d || c === 0x5d) {
        if (depth === itemDepth) {
          // The end of the target array.
          if (capturing) yield* finish(chunk, i);
          depth--;
          phase = keys && itemDepth === 2 ? 'top' : 'done';
          continue;
        }
        depth--;
        if (capturing && depth === itemDepth) {
          yield* finish(chunk, i + 1);
        }
        continue;
      }
      if (c === 0x2c /* , */ && depth === itemDepth) {
        if (capturing) yield* finish(chunk, i);
        continue;
      }
      if (!WS[c] && !capturing && depth === itemDepth) startCapture(i);
    }
    if (capturing && !tooBig) {
      const piece = chunk.subarray(capStart);
      partBytes += piece.length;
      if (partBytes > maxBytes) {
        tooBig = true;
        parts = [];
      } else parts.push(Buffer.from(piece));
    }
  }
  if (inString || (phase === 'items' && depth > 0) || (phase === 'top' && depth > 0)) {
    if (capturing) {
      index++;
      yield { index: index - 1, line: elemLine, error: 'the file ends in the middle of this record (truncated?)' };
    }
    throw new ShapeError('the file ends before the JSON is complete (truncated?)', line);
  }
  if (!sawTopLevel) throw new ShapeError(phase === 'top' ? 'empty file: no JSON object' : 'empty file: no JSON list', line);
  if (keys && !foundKey) throw new ShapeError(`no list of records under ${[...keys].map((k) => `"${k}"`).join(' or ')}`, line);

  function startCapture(at: number): void {
    capturing = true;
    capStart = at;
    elemLine = line;
    parts = [];
    partBytes = 0;
    tooBig = false;
  }
}
