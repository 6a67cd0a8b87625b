// The last step of every platform reader: a built post becomes a 'post' item (its warning, if any, goes to the
// user), anything else a 'skip' item with its reason — so every record read is accounted for.

import type { SourceRef } from '../model.js';
import type { Built } from './record.js';
import type { ReadItem, ReadOptions } from './types.js';

/** "file:line" or "file#record", as warnings name a record. */
export function sourceLabel(s: SourceRef): string {
  if (s.line !== undefined) return `${s.file}:${s.line}`;
  if (s.record !== undefined) return `${s.file}#${s.record}`;
  return s.file;
}

export function skipItem(source: SourceRef, reason: string): ReadItem {
  return { type: 'skip', source, reason };
}

export function* emit(b: Built, source: SourceRef, opts: ReadOptions): Generator<ReadItem> {
  if ('skip' in b) {
    yield skipItem(source, b.skip);
    return;
  }
  if (b.warning) opts.warn(`${sourceLabel(source)}: ${b.warning}`);
  yield { type: 'post', post: b.post };
}
