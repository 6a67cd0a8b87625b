// Reading inputs the way `netral scan` does (InputSet over real files), collecting posts, skips, counts and
// warnings, so reader tests assert on exactly what the rest of netral would receive.

import { Readable } from 'node:stream';
import path from 'node:path';
import type { IgnoredInput, InputCounts, Post, SourceRef } from '../../src/model.js';
import { InputSet } from '../../src/sources/inputs.js';
import { FIXTURES } from './cli.js';

export interface ReadResult {
  posts: Post[];
  skips: { source: SourceRef; reason: string }[];
  counts: InputCounts[];
  ignored: IgnoredInput[];
  warnings: string[];
}

export interface ReadOpts {
  from?: string;
  includePrivate?: boolean;
  timeZone?: string;
  stdin?: Buffer | string;
  map?: Record<string, string>;
}

export async function readAll(specs: string[], o: ReadOpts = {}): Promise<ReadResult> {
  const warnings: string[] = [];
  const set = new InputSet(specs, {
    map: o.map ?? {},
    includePrivate: o.includePrivate ?? false,
    timeZone: o.timeZone ?? 'Asia/Jakarta',
    ...(o.from ? { from: o.from } : {}),
    stdin: Readable.from(o.stdin !== undefined ? [Buffer.from(o.stdin)] : []),
    warn: (_input, m) => warnings.push(m),
  });
  const posts: Post[] = [];
  const skips: ReadResult['skips'] = [];
  for await (const { item } of set.items()) {
    if (item.type === 'post') posts.push(item.post);
    else skips.push({ source: item.source, reason: item.reason });
  }
  return { posts, skips, counts: set.counts, ignored: set.ignored, warnings };
}

/** A fixture path under fixtures/exports, relative to the repository root as the CLI would be given it. */
export function exportsPath(...parts: string[]): string {
  return path.join(FIXTURES, 'exports', ...parts);
}

/** A post record with the defaults every reader fills, overridden by `p`. */
export function post(p: Partial<Post> & Pick<Post, 'id' | 'platform' | 'text' | 'source'>): Post {
  return {
    author: '',
    author_name: null,
    created_at: null,
    created_at_raw: null,
    url: null,
    hashtags: [],
    mentions: [],
    links: [],
    media_text: [],
    kind: 'post',
    repost_of: null,
    reply_to: null,
    ...p,
  };
}

/** The same posts with their source files moved under another root (a folder and its zip hold the same posts). */
export function moved(posts: Post[], from: string, to: string): Post[] {
  return posts.map((p) => ({ ...p, source: { ...p.source, file: p.source.file.replace(from, to) } }));
}
