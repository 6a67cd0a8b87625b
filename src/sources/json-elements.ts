// Streaming the elements of a JSON array without parsing the whole document: a byte-level scanner tracks strings
// and nesting, cuts out each element's bytes, and hands them to JSON.parse one at a time. Memory stays bounded by
// the largest element; each element keeps its line number, and its raw text (so ids above 2^53 can be kept exact).
//
// The array may be the document itself (`[…]`), follow a prefix (`window.YTD.tweets.part0 = […]`), be the value
// of a top-level key (`{"orderedItems": […]}`, `{"data": […]}`), or sit deeper in the document at a path of keys
// (`{"Post": {"Posts": {"VideoList": […]}}}`); an object found at such a path is handed over whole.

import { isUtf8 } from 'node:buffer';

export const MAX_ELEMENT_BYTES = 16 * 1024 * 1024;

export type Element =
  | { index: number; line: number; text: string; path?: number }
  | { index: number; line: number; error: string; path?: number };

export interface ElementOptions {
  /** Top-level keys whose array value holds the records; undefined means the document is the array. */
  keys?: string[];
  /**
   * Paths of keys from the top-level object to the values wanted: an array there yields its elements, an object
   * is yielded whole. Each element says which path it came from (`path`, an index into this list). A path that
   * is not in the document is not an error; `found` receives the indexes of those that were.
   */
  paths?: string[][];
  /** Compare keys in `paths` without regard to case (exports whose key spelling varies by version). */
  ignoreCase?: boolean;
  found?: Set<number>;
  /**
   * Skip bytes before the document (JS assignment prefixes): before the first `[`, or with `keys`/`paths` before
   * the first `{` (`window.__THAR_CONFIG = {…}`).
   */
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

const OBJ = 0;
const ARR = 1;

export async function* jsonElements(stream: AsyncIterable<Buffer>, opts: ElementOptions = {}): AsyncGenerator<Element> {
  const maxBytes = opts.maxBytes ?? MAX_ELEMENT_BYTES;
  const fold = opts.ignoreCase ? (s: string) => s.toLowerCase() : (s: string) => s;
  const targets: string[][] | null = opts.paths ?? opts.keys?.map((k) => [k]) ?? null;
  const wanted = targets ? targets.map((p) => p.map(fold).join('\u0000')) : [];
  // Deeper than the longest path nothing is wanted: the key path is not even built there, so that hostile nesting
  // ([[[[…) costs linear time, not quadratic.
  const deepest = targets ? Math.max(0, ...targets.map((p) => p.length)) : 0;
  const found = opts.found ?? new Set<number>();
  // Phases: 'prefix' (before the array that is the document), 'top' (walking objects for the target paths),
  // 'items' (inside a target array), 'whole' (inside a target object), 'done' (after the document).
  let phase: 'prefix' | 'top' | 'items' | 'whole' | 'done' = targets ? 'top' : 'prefix';
  let line = 1;
  // Containers open while walking ('top'): their kinds and the keys they were opened under.
  const stack: number[] = [];
  const keyPath: string[] = [];
  let depth = 0; // nesting inside 'items'/'whole', counted from the document root
  let itemDepth = 1; // depth at which elements of the target array live
  let target = -1; // the path index of the array or object being read
  let inString = false;
  let escape = false;
  let index = 0;
  let bom = true;
  // Keys of objects while walking: the bytes of the key being read, and the key whose value comes next.
  let keyBytes: number[] = [];
  let inKey = false;
  let lastKey = '';
  let pendingKey: string | null = null;
  let sawTopLevel = false;
  // Element capture.
  let parts: Buffer[] = [];
  let partBytes = 0;
  let capturing = false;
  let tooBig = false;
  let elemLine = 0;
  let capStart = 0;
  // The line of the last byte that is not white space: where a cut-off file ends, for a person opening it (the line
  // after a final newline is empty, and naming it sends them one line past the cut).
  let contentLine = 1;

  const finish = function* (chunk: Buffer, end: number): Generator<Element> {
    // Close the current element at chunk position `end` (exclusive).
    if (!tooBig) parts.push(chunk.subarray(capStart, end));
    const i = index++;
    const at = target >= 0 && opts.paths ? { path: target } : {};
    if (tooBig) yield { index: i, line: elemLine, error: `record larger than ${maxBytes / 1024 / 1024} MB`, ...at };
    else {
      const buf = parts.length === 1 ? parts[0] : Buffer.concat(parts);
      if (!isUtf8(buf)) yield { index: i, line: elemLine, error: 'invalid UTF-8', ...at };
      else yield { index: i, line: elemLine, text: buf.toString('utf8'), ...at };
    }
    parts = [];
    partBytes = 0;
    capturing = false;
    tooBig = false;
  };
  const startCapture = (at: number): void => {
    capturing = true;
    capStart = at;
    elemLine = line;
    parts = [];
    partBytes = 0;
    tooBig = false;
  };

  for await (const chunk of stream) {
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
          stack.push(ARR);
          keyPath.push('');
          depth = 1;
          itemDepth = 1;
          sawTopLevel = true;
        } else if (!opts.skipPrefix && !WS[c]) {
          throw new ShapeError(c === 0x7b ? 'the file holds a JSON object, not a list of records' : 'not a JSON list', line);
        }
        continue;
      }
      if (phase === 'top') {
        // An assignment's left side, before the object that is the document.
        if (opts.skipPrefix && !sawTopLevel && c !== 0x7b) continue;
        // Walking objects for the key paths that hold the records.
        const inObject = stack.length > 0 && stack[stack.length - 1] === OBJ;
        if (c === 0x22) {
          inString = true;
          if (inObject && pendingKey === null) {
            inKey = true;
            keyBytes = [];
          }
        } else if (c === 0x7b || c === 0x5b) {
          if (stack.length === 0) {
            if (c === 0x5b) throw new ShapeError('the file holds a JSON list, expected an object', line);
            sawTopLevel = true;
            stack.push(OBJ);
            keyPath.push('');
            pendingKey = null;
            continue;
          }
          const key = inObject ? (pendingKey ?? '') : '#';
          // With `keys` only arrays are wanted (an object under "data" is a record, not a list of them).
          const t = inObject && (c === 0x5b || opts.paths) && stack.length <= deepest ? wanted.indexOf([...keyPath.slice(1), fold(key)].join('\u0000')) : -1;
          pendingKey = null;
          if (t >= 0) {
            found.add(t);
            target = t;
            if (c === 0x5b) {
              stack.push(ARR);
              keyPath.push(key);
              phase = 'items';
              depth = stack.length;
              itemDepth = depth;
            } else {
              phase = 'whole';
              depth = 1;
              startCapture(i);
            }
            continue;
          }
          stack.push(c === 0x7b ? OBJ : ARR);
          keyPath.push(fold(key));
        } else if (c === 0x7d || c === 0x5d) {
          stack.pop();
          keyPath.pop();
          pendingKey = null;
          if (stack.length === 0) phase = 'done';
        } else if (c === 0x3a && inObject) {
          pendingKey = lastKey;
        } else if (c === 0x2c) {
          pendingKey = null;
        } else if (!WS[c] && stack.length === 0) {
          throw new ShapeError('not a JSON object', line);
        }
        continue;
      }
      if (phase === 'whole') {
        if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d) {
          depth--;
          if (depth === 0) {
            yield* finish(chunk, i + 1);
            target = -1;
            phase = 'top';
          }
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
          stack.pop();
          keyPath.pop();
          target = -1;
          phase = stack.length === 0 ? 'done' : 'top';
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
    // Found from the chunk's end, so the loop above does no extra work per byte.
    let k = chunk.length - 1;
    let after = 0;
    for (; k >= 0 && WS[chunk[k]]; k--) if (chunk[k] === 0x0a) after++;
    if (k >= 0) contentLine = line - after;
    if (capturing && !tooBig) {
      const piece = chunk.subarray(capStart);
      partBytes += piece.length;
      if (partBytes > maxBytes) {
        tooBig = true;
        parts = [];
      } else parts.push(Buffer.from(piece));
    }
  }
  if (inString || phase === 'items' || phase === 'whole' || (phase === 'top' && stack.length > 0)) {
    if (capturing) {
      index++;
      yield { index: index - 1, line: elemLine, error: 'the file ends in the middle of this record (truncated?)', ...(target >= 0 && opts.paths ? { path: target } : {}) };
    }
    throw new ShapeError('the file ends before the JSON is complete (truncated?)', contentLine);
  }
  if (!sawTopLevel) throw new ShapeError(phase === 'top' ? 'empty file: no JSON object' : 'empty file: no JSON list', contentLine);
  if (opts.keys && !opts.paths && !opts.skipPrefix && found.size === 0) throw new ShapeError(`no list of records under ${opts.keys.map((k) => `"${k}"`).join(' or ')}`, contentLine);
}
