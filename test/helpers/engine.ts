// Scanning single posts with the shipped packs, for engine tests.

import { loadRuleSet } from '../../src/rules/load.js';
import { compile } from '../../src/rules/compile.js';
import { Scanner, type PostResult } from '../../src/engine/scan.js';
import type { Post, PostKind } from '../../src/model.js';
import { normaliseTimestamp } from '../../src/sources/time.js';

let scanner: Scanner | null = null;

export async function shippedScanner(): Promise<Scanner> {
  scanner ??= new Scanner(compile(await loadRuleSet()), { explain: true });
  return scanner;
}

export interface PostOpts {
  date?: string;
  kind?: PostKind;
  repost_of?: string;
  reply_to?: string;
  links?: string[];
  media_text?: string[];
  hashtags?: string[];
  id?: string;
  author?: string;
  platform?: string;
}

export function post(text: string, o: PostOpts = {}): Post {
  return {
    id: o.id ?? 'p1',
    platform: o.platform ?? 'x',
    author: o.author ?? 'budi',
    author_name: null,
    created_at: o.date ? normaliseTimestamp(o.date).utc : null,
    created_at_raw: o.date ?? null,
    url: null,
    text,
    hashtags: o.hashtags ?? [],
    mentions: [],
    links: o.links ?? [],
    media_text: o.media_text ?? [],
    kind: o.kind ?? (o.repost_of ? 'repost' : o.reply_to ? 'reply' : 'post'),
    repost_of: o.repost_of ?? null,
    reply_to: o.reply_to ?? null,
    source: { file: 'test', line: 1 },
  };
}

export async function scan(text: string, o: PostOpts = {}): Promise<PostResult> {
  return (await shippedScanner()).scan(post(text, o));
}
