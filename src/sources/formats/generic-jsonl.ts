// netral's own record format as JSON Lines: one object per line with `id` and `text` (see README "Post record").

import type { Format, InputFile, ReadItem, ReadOptions } from '../types.js';
import { linesOf } from '../lines.js';
import { recordToPost } from '../record.js';
import { parseRecordJson } from './json-text.js';

export const genericJsonl: Format = {
  id: 'jsonl',
  description: 'JSON Lines, one post per line (keys id, text, author, created_at, …)',
  detect(head, name) {
    const lower = name.toLowerCase();
    const s = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
    if (!s.startsWith('{')) return lower.endsWith('.jsonl') || lower.endsWith('.ndjson') ? 0.5 : 0;
    // A second object starting on a new line means JSON Lines, whatever the extension says.
    const multi = /\}\s*\r?\n\s*\{/.test(s);
    if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 0.9;
    // A single record on one line (`netral convert one.jsonl | netral scan`) reads the same either way; without
    // this, a nameless stream holding one record would be read by no format at all.
    if (!multi && /^\{[^\n]*\}\s*$/.test(s)) return 0.3;
    return multi ? 0.7 : 0.1;
  },
  async *read(input: InputFile, opts: ReadOptions): AsyncIterable<ReadItem> {
    let record = 0;
    for await (const l of linesOf(input)) {
      const source = { file: input.name, line: l.line };
      if ('error' in l) {
        record++;
        yield { type: 'skip', source, reason: l.error, unreadable: true };
        continue;
      }
      if (l.text.trim() === '') continue;
      record++;
      const parsed = parseRecordJson(l.text);
      if ('error' in parsed) {
        yield { type: 'skip', source, reason: parsed.error, unreadable: true };
        continue;
      }
      const b = recordToPost(parsed.value, { source, listSplit: null, naiveZone: opts.timeZone });
      if ('skip' in b) yield { type: 'skip', source, reason: b.skip, ...(b.unreadable ? { unreadable: true } : {}) };
      else {
        if (b.warning) opts.warn(`${input.name}:${l.line}: ${b.warning}`);
        yield { type: 'post', post: b.post };
      }
    }
  },
};
