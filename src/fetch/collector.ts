// What every collector (Mastodon, Bluesky, feeds, pages) gets and gives. A collector pages through one account,
// newest first, and yields posts (with the time that orders them, for incremental runs) or skips with a reason;
// it throws FetchError when the account cannot be collected further, and AccountSkipped when it must not be.

import type { Post, SourceRef } from '../model.js';
import { buildPost, type PostInput } from '../sources/record.js';
import type { Fetched } from './http.js';
import type { Window } from './state.js';

export type Collected = { type: 'post'; post: Post; at: number | null } | { type: 'skip'; source: SourceRef; reason: string };

/** The account is deliberately not collected (e.g. it asks not to be shown to logged-out users). Not a failure. */
export class AccountSkipped extends Error {
  override readonly name = 'AccountSkipped';
}

export interface CollectContext {
  window: Window;
  /** IANA zone for times written without an offset. */
  timeZone: string;
  blueskyApi: string;
  /** GETs for this account; `page` false for lookups that are not pages of posts (progress counts pages). */
  get(url: string, accept: string, page?: boolean): Promise<Fetched>;
  /** A note for the user about this account (stderr). */
  note(message: string): void;
  /** The next record reference for this account: `{file: source key, record: n}`. */
  ref(): SourceRef;
}

export const ACCEPT_JSON = 'application/json';
export const ACCEPT_FEED = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1';
export const ACCEPT_HTML = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1';

/** The post's link to the archived response it was read from (`--archive`), when there is one. */
export function evidenceOf(res: Fetched): { evidence_sha256?: string } {
  return res.evidence ? { evidence_sha256: res.evidence } : {};
}

/** Builds a post (buildPost: the same record every reader makes) and wraps it for the collector's caller. */
export function collected(input: Omit<PostInput, 'source'>, ref: SourceRef, at: number | null, ctx: CollectContext): Collected {
  const b = buildPost({ ...input, source: ref });
  if ('skip' in b) return { type: 'skip', source: ref, reason: b.skip };
  if (b.warning) ctx.note(`${ref.file}#${ref.record}: ${b.warning}`);
  return { type: 'post', post: b.post, at };
}

/** Epoch ms of a timestamp the platform wrote in ISO form, or null. */
export function timeOf(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}
