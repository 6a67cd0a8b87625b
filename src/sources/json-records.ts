// Records of collector outputs, which come as a JSON array or as JSON Lines (Apify offers both, snscrape and
// twarc write lines): one interface for both, streamed, each record parsed with its big ids kept exact and
// located by line and record number.

import type { SourceRef } from '../model.js';
import { InputError } from '../errors.js';
import { jsonElements, ShapeError, type ElementOptions } from './json-elements.js';
import { chunksOf } from './file-input.js';
import { linesOf } from './lines.js';
import { parseRecordJson } from './formats/json-text.js';
import type { InputFile } from './types.js';
import { HEAD_BYTES } from './head.js';
import { text as streamText } from 'node:stream/consumers';

const MAX_SINGLE = 16 * 1024 * 1024;

export type JsonRecord = { source: SourceRef; value: unknown } | { source: SourceRef; error: string };

export type JsonShape = 'array' | 'lines' | 'object' | null;

/**
 * How a JSON file is laid out, from its first bytes: a list, one record (or page of records) per line, or one
 * (pretty-printed) object.
 * A single compact object on one line reads the same as JSON Lines.
 */
export function jsonShape(head: Buffer | string): JsonShape {
  const s = (typeof head === 'string' ? head : head.toString('utf8')).replace(/^\uFEFF/, '').trimStart();
  // A list on each line (API pages saved one per line) is JSON Lines; a list over many lines is one document.
  if (s.startsWith('[')) return /^\[[^\n]*\]\s*\r?\n\s*[[{]/.test(s) ? 'lines' : 'array';
  if (!s.startsWith('{')) return null;
  const nl = s.indexOf('\n');
  if (nl === -1) return 'lines';
  const first = s.slice(0, nl).trim();
  return first === '{' || !first.endsWith('}') ? 'object' : 'lines';
}

/** The list under the first of `keys` that an object holds, or null. */
function keyedList(value: unknown, keys: string[]): unknown[] | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  for (const k of keys) {
    const v = (value as Record<string, unknown>)[k];
    if (Array.isArray(v)) return v;
  }
  return null;
}

/** First non-space character of the document. */
function firstChar(head: Buffer): string {
  return head.toString('utf8', 0, Math.min(head.length, 4096)).replace(/^\uFEFF/, '').trimStart().charAt(0);
}

/**
 * Records of `input`: the elements of a top-level array, the lines of a JSON Lines file, or (for an object
 * document) the elements of the array under one of `keys` — or, without keys, that object as the one record.
 */
export async function* jsonRecords(input: InputFile, keys?: string[]): AsyncGenerator<JsonRecord> {
  const head = await input.head(HEAD_BYTES);
  const shape = jsonShape(head);
  if (shape === 'lines') {
    let record = 0;
    for await (const l of linesOf(input)) {
      if ('error' in l) {
        record++;
        yield { source: { file: input.name, line: l.line, record }, error: l.error };
        continue;
      }
      if (l.text.trim() === '') continue;
      const parsed = parseRecordJson(l.text);
      // A document of the keyed kind written on one line ({"comments_v2": […]}): its list is the records.
      const list = record === 0 && keys?.length && !('error' in parsed) ? keyedList(parsed.value, keys) : null;
      if (list) {
        for (const value of list) yield { source: { file: input.name, line: l.line, record: ++record }, value };
        continue;
      }
      record++;
      const source = { file: input.name, line: l.line, record };
      yield 'error' in parsed ? { source, error: parsed.error } : { source, value: parsed.value };
    }
    return;
  }
  if (shape === null) {
    // An empty file holds no record: a download may have one (Instagram's reels.json, zero bytes) among real ones.
    // An input that is empty as a whole is reported before it gets here.
    if (firstChar(head) === '' && head.length < HEAD_BYTES) return;
    throw new InputError(`${input.name}: not JSON (starts with ${JSON.stringify(firstChar(head))})`);
  }
  if (shape === 'object' && !keys?.length) {
    if (input.size !== undefined && input.size > MAX_SINGLE) throw new InputError(`${input.name}: a single JSON object larger than 16 MB`);
    const parsed = parseRecordJson(await streamText(input.open()));
    const source = { file: input.name, line: 1, record: 1 };
    yield 'error' in parsed ? { source, error: parsed.error } : { source, value: parsed.value };
    return;
  }
  yield* parsedElements(input, shape === 'object' ? { keys: keys ?? [] } : {});
}

/**
 * The elements jsonElements finds in `input`, each parsed (ids above 2^53 kept exact) and located by line and
 * record number — or by record number only with `lines: false`, for documents written on one line. A document of
 * the wrong shape is an InputError naming the file and line.
 */
export async function* parsedElements(input: InputFile, opts: ElementOptions, lines = true): AsyncGenerator<JsonRecord & { path?: number }> {
  try {
    for await (const el of jsonElements(chunksOf(input), opts)) {
      const source = lines ? { file: input.name, line: el.line, record: el.index + 1 } : { file: input.name, record: el.index + 1 };
      const at = el.path !== undefined ? { path: el.path } : {};
      if ('error' in el) {
        yield { source, error: el.error, ...at };
        continue;
      }
      const parsed = parseRecordJson(el.text);
      yield 'error' in parsed ? { source, error: parsed.error, ...at } : { source, value: parsed.value, ...at };
    }
  } catch (e) {
    if (e instanceof ShapeError) throw new InputError(e.message, { file: input.name, line: e.line });
    throw e;
  }
}
