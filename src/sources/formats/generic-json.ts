// netral's own record format as a JSON document: a list of records, or an object holding one under a common key
// (data, posts, items, records, results), or a single record.

import type { Format, InputFile, ReadItem, ReadOptions } from '../types.js';
import { chunksOf } from '../file-input.js';
import { jsonElements, ShapeError } from '../json-elements.js';
import { recordToPost } from '../record.js';
import { parseRecordJson } from './json-text.js';
import { InputError } from '../../errors.js';
import { text as streamText } from 'node:stream/consumers';

const WRAPPER_KEYS = ['data', 'posts', 'items', 'records', 'results', 'statuses', 'tweets'];
const MAX_SINGLE = 16 * 1024 * 1024;

export const genericJson: Format = {
  id: 'json',
  description: 'JSON list of posts (or {"data": [...]}), same keys as jsonl',
  detect(head, name) {
    const s = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
    const isJson = name.toLowerCase().endsWith('.json');
    if (s.startsWith('[')) return isJson ? 0.6 : 0.5;
    // An object: one record or a wrapper. JSON Lines (several objects on their own lines) scores higher there.
    if (s.startsWith('{')) return isJson ? 0.4 : 0.3;
    return 0;
  },
  async *read(input: InputFile, opts: ReadOptions): AsyncIterable<ReadItem> {
    const head = (await input.head(4096)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    const isObject = head.startsWith('{');
    try {
      for await (const el of jsonElements(chunksOf(input), isObject ? { keys: WRAPPER_KEYS } : {})) {
        yield* toItems(input, opts, el.line, el.index, 'error' in el ? el : parseRecordJson(el.text));
      }
    } catch (e) {
      if (!(e instanceof ShapeError)) throw e;
      if (isObject && /^no list of records/.test(e.message)) {
        // A single record.
        if (input.size !== undefined && input.size > MAX_SINGLE) throw new InputError(`${input.name}: a JSON object larger than 16 MB that holds no list of records`);
        const parsed = parseRecordJson(await streamText(input.open()));
        yield* toItems(input, opts, 1, 0, parsed);
        return;
      }
      throw new InputError(e.message, { file: input.name, line: e.line });
    }
  },
};

function* toItems(input: InputFile, opts: ReadOptions, line: number, index: number, parsed: { value: unknown } | { error: string }): Generator<ReadItem> {
  const source = { file: input.name, line, record: index + 1 };
  if ('error' in parsed) {
    yield { type: 'skip', source, reason: parsed.error, unreadable: true };
    return;
  }
  const b = recordToPost(parsed.value, { source, listSplit: null, naiveZone: opts.timeZone });
  if ('skip' in b) yield { type: 'skip', source, reason: b.skip, ...(b.unreadable ? { unreadable: true } : {}) };
  else {
    if (b.warning) opts.warn(`${input.name}:${line}: ${b.warning}`);
    yield { type: 'post', post: b.post };
  }
}
