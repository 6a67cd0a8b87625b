// The normalised post record: validation and coercion shared by every reader. Readers of platform formats build
// a PostInput from their own structure; the generic JSON/JSONL/CSV readers pass the user's object through
// `recordToPost`. Either way the result is a Post or a reason to skip the record.

import { isPostKind, POST_KINDS, type Post, type PostKind, type SourceRef } from '../model.js';
import { normaliseTimestamp } from './time.js';

export interface PostInput {
  id: string;
  platform: string;
  author?: string | null;
  author_name?: string | null;
  /** Any timestamp form normaliseTimestamp reads; `naiveZone` says how to read one without an offset. */
  created_at?: unknown;
  /** The source's own value when `created_at` was already normalised (a record netral wrote); else taken from it. */
  created_at_raw?: string | null;
  naiveZone?: string;
  url?: string | null;
  text: string;
  hashtags?: string[];
  mentions?: string[];
  links?: string[];
  media_text?: string[];
  kind?: PostKind;
  repost_of?: string | null;
  reply_to?: string | null;
  deleted?: boolean;
  evidence_sha256?: string;
  source: SourceRef;
}

export type Built = { post: Post; warning?: string } | { skip: string; unreadable?: true };

const RT = /^RT @([A-Za-z0-9_]{1,30}):/;

/** Why a like is skipped when the download names neither the liked post's words nor whose post it was. */
export const LIKE_WITHOUT_CONTENT = "a like that names neither the liked post's text nor whose post it was: nothing to scan";
const MAX_TEXT = 1_000_000;

function clean(list: string[] | undefined, strip: RegExp): string[] {
  if (!list || list.length === 0) return [];
  const out: string[] = [];
  for (const x of list) {
    const v = x.trim().replace(strip, '');
    if (v !== '' && !out.includes(v)) out.push(v);
  }
  return out;
}

function handle(h: string | null | undefined): string | null {
  if (h === null || h === undefined) return null;
  const v = h.trim().replace(/^@/, '');
  return v === '' ? null : v;
}

/** Builds a Post from reader-supplied fields: fills defaults, reads the timestamp, recognises "RT @x:" reposts. */
export function buildPost(p: PostInput): Built {
  if (p.id === '') return { skip: 'empty id' };
  const media = clean(p.media_text, /^$/);
  if (p.text.trim() === '' && media.length === 0 && !p.repost_of?.trim()) return { skip: p.kind === 'like' ? LIKE_WITHOUT_CONTENT : 'no text' };
  let warning: string | undefined;
  const ts = normaliseTimestamp(p.created_at, p.naiveZone ?? 'Asia/Jakarta');
  if (ts.error) warning = `created_at ignored: ${ts.error}`;
  let kind: PostKind = p.kind ?? 'post';
  let repostOf = handle(p.repost_of);
  const replyTo = handle(p.reply_to);
  if (!p.kind) {
    if (repostOf) kind = 'repost';
    else if (replyTo) kind = 'reply';
  }
  // X and many exports mark a repost only by its text. A liked post that is itself "RT @x: …" is x's words: the
  // like stays a like, of x's post.
  const rt = RT.exec(p.text);
  if (rt && (kind === 'post' || kind === 'repost' || kind === 'like')) {
    if (kind !== 'like') kind = 'repost';
    repostOf ??= rt[1];
  }
  let text = p.text;
  if (text.length > MAX_TEXT) {
    text = text.slice(0, MAX_TEXT);
    warning = `text longer than ${MAX_TEXT} characters; the rest was not scanned`;
  }
  const post: Post = {
    id: p.id,
    platform: p.platform || 'unknown',
    author: handle(p.author) ?? '',
    author_name: p.author_name?.trim() || null,
    created_at: ts.utc,
    created_at_raw: p.created_at_raw ?? ts.raw,
    url: p.url?.trim() || null,
    text,
    hashtags: clean(p.hashtags, /^#/),
    mentions: clean(p.mentions, /^@/),
    links: clean(p.links, /^$/),
    media_text: media,
    kind,
    repost_of: repostOf,
    reply_to: replyTo,
    source: p.source,
  };
  if (p.deleted) post.deleted = true;
  if (p.evidence_sha256) post.evidence_sha256 = p.evidence_sha256;
  return warning ? { post, warning } : { post };
}

// ---- generic records (JSON, JSONL, CSV rows mapped to our keys) ----

type Obj = Record<string, unknown>;

function asString(v: unknown, key: string): string | null | { error: string } {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return { error: `${key} must be text, not ${Array.isArray(v) ? 'a list' : typeof v}` };
}

function asList(v: unknown, key: string, split: RegExp | null): string[] | { error: string } {
  if (v === undefined || v === null || v === '') return [];
  if (typeof v === 'string') return split ? v.split(split).filter((x) => x !== '') : [v];
  if (Array.isArray(v)) {
    const out: string[] = [];
    for (const x of v) {
      if (typeof x === 'string') out.push(x);
      else if (typeof x === 'number') out.push(String(x));
      else return { error: `${key} must be a list of text` };
    }
    return out;
  }
  return { error: `${key} must be a list of text` };
}

/** asString of r[key]; an error is kept in `bad` (the first one only) and read as null. */
function strAt(r: Obj, key: string, bad: { error: string | null }): string | null {
  const v = asString(r[key], key);
  if (typeof v === 'string' || v === null) return v;
  bad.error ??= v.error;
  return null;
}

const isErr = (v: unknown): v is { error: string } => typeof v === 'object' && v !== null && 'error' in v && !Array.isArray(v);

function sourceOf(v: unknown): SourceRef | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as Obj;
  if (typeof o.file !== 'string' || o.file === '') return null;
  const s: SourceRef = { file: o.file };
  // Lines and records are counted from 1; anything else cannot point at a place in the file.
  if (typeof o.line === 'number' && Number.isInteger(o.line) && o.line >= 1) s.line = o.line;
  if (typeof o.record === 'number' && Number.isInteger(o.record) && o.record >= 1) s.record = o.record;
  return s;
}

export interface GenericContext {
  source: SourceRef;
  /** How lists in a text cell are separated (CSV); null for JSON, where lists are arrays. */
  listSplit: RegExp | null;
  naiveZone: string;
}

/**
 * A record in netral's own format (`netral convert` output, `netral fetch` output, hand-made JSONL/CSV):
 * `id` and `text` required; other keys optional; unknown keys ignored. A `source` already in the record is kept,
 * so that converted or fetched records still point at where they first came from.
 */
export function recordToPost(o: unknown, ctx: GenericContext): Built {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return { skip: `record is ${Array.isArray(o) ? 'a list' : o === null ? 'null' : typeof o}, not an object`, unreadable: true };
  const r = o as Obj;
  const id = asString(r.id, 'id');
  if (isErr(id)) return { skip: id.error };
  if (id === null || id.trim() === '') return { skip: 'no id' };
  const text = asString(r.text, 'text');
  if (isErr(text)) return { skip: text.error };
  const media = asList(r.media_text, 'media_text', null);
  if (isErr(media)) return { skip: media.error };
  // Read key by key into locals, in this order (the first bad key is the one reported): a record built from
  // dynamic keys was a dictionary-mode object, and reading it back cost more per post than the checks themselves.
  const bad: { error: string | null } = { error: null };
  const platform = strAt(r, 'platform', bad);
  const author = strAt(r, 'author', bad);
  const authorName = strAt(r, 'author_name', bad);
  const url = strAt(r, 'url', bad);
  const repostOf = strAt(r, 'repost_of', bad);
  const replyTo = strAt(r, 'reply_to', bad);
  const kindRaw = strAt(r, 'kind', bad);
  const shaRaw = strAt(r, 'evidence_sha256', bad);
  const createdRaw = strAt(r, 'created_at_raw', bad);
  if (bad.error !== null) return { skip: bad.error };
  // A repost or a like may have no text of its own (a Mastodon boost in an archive, a Facebook like): buildPost
  // keeps it, so must this.
  if (text === null && media.length === 0 && !repostOf?.trim()) return { skip: kindRaw?.trim().toLowerCase() === 'like' ? LIKE_WITHOUT_CONTENT : 'no text' };
  const hashtags = asList(r.hashtags, 'hashtags', ctx.listSplit);
  if (isErr(hashtags)) return { skip: hashtags.error };
  const mentions = asList(r.mentions, 'mentions', ctx.listSplit);
  if (isErr(mentions)) return { skip: mentions.error };
  const links = asList(r.links, 'links', ctx.listSplit);
  if (isErr(links)) return { skip: links.error };
  const kind = kindRaw?.trim().toLowerCase() || undefined;
  if (kind !== undefined && !isPostKind(kind)) return { skip: `kind must be ${POST_KINDS.slice(0, -1).join(', ')} or ${POST_KINDS.at(-1)}, not "${kindRaw}"` };
  const created = r.created_at;
  if (created !== undefined && created !== null && typeof created !== 'string' && typeof created !== 'number') return { skip: 'created_at must be text or a number' };
  // Only a real digest may claim to identify the evidence a post was taken from.
  const sha = shaRaw?.trim().toLowerCase() || null;
  if (sha !== null && !/^[0-9a-f]{64}$/.test(sha)) return { skip: 'evidence_sha256 must be a SHA-256 digest (64 hexadecimal digits)' };
  const input: PostInput = {
    id: id.trim(),
    platform: platform?.trim().toLowerCase() || 'unknown',
    author,
    author_name: authorName,
    // A record with only the raw value (its time could not be read before, or a tool wrote only that) is read from it.
    created_at: created === undefined || created === null || created === '' ? createdRaw : created,
    created_at_raw: createdRaw || null,
    naiveZone: ctx.naiveZone,
    url,
    text: text ?? '',
    hashtags,
    mentions,
    links,
    media_text: media,
    kind: kind as PostKind | undefined,
    repost_of: repostOf,
    reply_to: replyTo,
    deleted: r.deleted === true,
    evidence_sha256: sha ?? undefined,
    source: sourceOf(r.source) ?? ctx.source,
  };
  return buildPost(input);
}
