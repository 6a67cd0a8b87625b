// The last step of every platform reader: a built post becomes a 'post' item (its warning, if any, goes to the
// user), anything else a 'skip' item with its reason — so every record read is accounted for.

import type { SourceRef } from '../model.js';
import type { Built } from './record.js';
import type { ReadItem, ReadOptions } from './types.js';
import { sourceText } from '../report/record.js';

export function skipItem(source: SourceRef, reason: string): ReadItem {
  return { type: 'skip', source, reason };
}

/** A record that could not be read at all (its JSON, CSV or bytes are broken, or it is not a record). */
export function unreadableItem(source: SourceRef, reason: string): ReadItem {
  return { type: 'skip', source, reason, unreadable: true };
}

/** A collector's record saying it got nothing for one of its inputs (an account it could not scrape). */
export function sourceFailedItem(source: SourceRef, reason: string): ReadItem {
  return { type: 'skip', source, reason, unreadable: 'source' };
}

export function* emit(b: Built, source: SourceRef, opts: ReadOptions): Generator<ReadItem> {
  if ('skip' in b) {
    yield b.unreadable ? unreadableItem(source, b.skip) : skipItem(source, b.skip);
    return;
  }
  if (b.warning) opts.warn(`${sourceText(source)}: ${b.warning}`);
  yield { type: 'post', post: b.post };
}
