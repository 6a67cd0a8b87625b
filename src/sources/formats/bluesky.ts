// Saved Bluesky `app.bsky.feed.getAuthorFeed` responses: one page `{feed:[…], cursor}`, several pages (a JSON array
// of pages, or one page per line), or the bare `feed` array. Each feed item is `{post, reply?, reason?}`:
//   post.record   the text, `createdAt` (set by the client) and `facets` — hashtags, mentions and links, located by
//                 UTF-8 byte offsets into the text
//   post.embed    images with alt text, a link card, or a quoted post
//   reason        `app.bsky.feed.defs#reasonRepost`: the item is a repost by `reason.by` of someone else's post
// A post can appear twice (a pinned post is listed first and again in its place); it is read once.

import type { PostKind, SourceRef } from '../../model.js';
import { emit, skipItem, unreadableItem } from '../emit.js';
import { jsonRecords } from '../json-records.js';
import { buildPost, type PostInput } from '../record.js';
import type { Format, ReadItem, ReadOptions } from '../types.js';
import { str, obj, arr, headText, type Obj } from './values.js';

function postUrl(handle: string | null, uri: string): string | null {
  const rkey = /\/app\.bsky\.feed\.post\/([^/]+)$/.exec(uri)?.[1];
  return handle && rkey ? `https://bsky.app/profile/${handle}/post/${rkey}` : null;
}

interface Facets {
  hashtags: string[];
  mentions: string[];
  links: string[];
}

/** Hashtags, mentions and links from a record's facets (UTF-8 byte ranges into its text) and its outline `tags`. */
export function readFacets(record: Obj): Facets {
  const out: Facets = { hashtags: [], mentions: [], links: [] };
  const bytes = Buffer.from(str(record.text) ?? '', 'utf8');
  for (const f of arr(record.facets)) {
    const index = obj(obj(f)?.index);
    const start = typeof index?.byteStart === 'number' ? index.byteStart : null;
    const end = typeof index?.byteEnd === 'number' ? index.byteEnd : null;
    for (const feature of arr(obj(f)?.features)) {
      const x = obj(feature);
      const type = str(x?.$type) ?? '';
      if (type.endsWith('#tag') && str(x?.tag)) out.hashtags.push(str(x?.tag)!);
      else if (type.endsWith('#link') && str(x?.uri)) out.links.push(str(x?.uri)!);
      else if (type.endsWith('#mention')) {
        // The mention feature holds only the account's DID; the handle is the text it covers, when it can be found.
        const span = start !== null && end !== null && start >= 0 && end > start && end <= bytes.length ? bytes.subarray(start, end).toString('utf8') : '';
        const handle = span.replace(/^@/, '');
        if (handle !== '') out.mentions.push(handle);
        else if (str(x?.did)) out.mentions.push(str(x?.did)!);
      }
    }
  }
  for (const t of arr(record.tags)) if (str(t)) out.hashtags.push(str(t)!);
  return out;
}

interface Embedded {
  media: string[];
  links: string[];
  quoted: string | null;
}

function embedOf(embed: unknown, into: Embedded = { media: [], links: [], quoted: null }): Embedded {
  const e = obj(embed);
  if (!e) return into;
  const type = str(e.$type) ?? '';
  for (const img of arr(e.images)) if (str(obj(img)?.alt)) into.media.push(str(obj(img)?.alt)!);
  if (type.startsWith('app.bsky.embed.video') && str(e.alt)) into.media.push(str(e.alt)!);
  const ext = obj(e.external);
  if (ext) {
    if (str(ext.uri)) into.links.push(str(ext.uri)!);
    for (const k of ['title', 'description']) if (str(ext[k])) into.media.push(str(ext[k])!);
  }
  if (type.startsWith('app.bsky.embed.record#') || type.startsWith('app.bsky.embed.recordWithMedia#')) {
    const rec = obj(e.record);
    // record#view holds the quoted post itself; recordWithMedia#view nests it one level deeper.
    const quoted = obj(rec?.record) && str(obj(rec?.record)?.$type)?.includes('viewRecord') ? obj(rec?.record) : rec;
    into.quoted = str(obj(quoted?.author)?.handle);
  }
  if (obj(e.media)) embedOf(e.media, into);
  return into;
}

export interface FeedItem {
  input: Omit<PostInput, 'source'>;
  post: Obj;
  record: Obj;
  /** The repost reason, for a repost. */
  repost: Obj | null;
}

/**
 * A feed item as post fields, or why it is not a post: the one conversion for saved responses and `netral fetch`,
 * so an item reads the same (and its findings have the same fingerprints) whichever way it was obtained.
 */
export function feedItemInput(value: unknown): FeedItem | { skip: string } {
  const item = obj(value);
  const post = obj(item?.post);
  const record = obj(post?.record);
  const uri = str(post?.uri);
  if (!post || !record || !uri) return { skip: 'not a feed item (no post)' };
  const reason = obj(item?.reason);
  const repost = str(reason?.$type) === 'app.bsky.feed.defs#reasonRepost' ? reason : null;
  const repostBy = obj(repost?.by);
  const author = obj(post.author);
  // A repost is its own record (reason.uri) when the response names it.
  const id = repost ? (str(repost.uri) ?? `${uri}#repost-by-${str(repostBy?.did) ?? str(repostBy?.handle) ?? ''}`) : uri;
  const f = readFacets(record);
  const em = embedOf(post.embed ?? record.embed);
  const replyParent = obj(obj(item?.reply)?.parent);
  const isReply = obj(record.reply) !== null;
  let kind: PostKind | undefined;
  if (repost) kind = 'repost';
  else if (em.quoted) kind = 'quote';
  else if (isReply) kind = 'reply';
  const input: Omit<PostInput, 'source'> = {
    id,
    platform: 'bluesky',
    author: repost ? str(repostBy?.handle) : str(author?.handle),
    author_name: repost ? str(repostBy?.displayName) : str(author?.displayName),
    // A repost happened when it was indexed; the post itself says when it was written.
    created_at: repost ? (str(repost.indexedAt) ?? str(record.createdAt)) : (str(record.createdAt) ?? str(post.indexedAt)),
    // Bluesky writes UTC; a time without an offset is read as UTC too, whichever way the item came.
    naiveZone: 'UTC',
    url: postUrl(str(author?.handle), uri),
    text: str(record.text) ?? '',
    hashtags: f.hashtags,
    mentions: f.mentions,
    links: [...f.links, ...em.links],
    media_text: em.media,
    ...(kind ? { kind } : {}),
    repost_of: repost ? str(author?.handle) : em.quoted,
    // Without the hydrated parent, the parent post's DID is the best name there is.
    reply_to: !repost && isReply ? (str(obj(replyParent?.author)?.handle) ?? /^at:\/\/([^/]+)/.exec(str(obj(obj(record.reply)?.parent)?.uri) ?? '')?.[1] ?? null) : null,
  };
  return { input, post, record, repost };
}

function* itemOf(value: unknown, source: SourceRef, seen: Set<string>, opts: ReadOptions): Generator<ReadItem> {
  const r = feedItemInput(value);
  if ('skip' in r) {
    yield skipItem(source, r.skip);
    return;
  }
  if (seen.has(r.input.id)) {
    yield skipItem(source, 'the same post appears again in the feed (a pinned post is listed twice)');
    return;
  }
  seen.add(r.input.id);
  yield* emit(buildPost({ ...r.input, source }), source, opts);
}

function looksLikeFeed(head: string): boolean {
  return /"at:\/\/did:/.test(head) && /"(feed|post)"\s*:/.test(head) && /app\.bsky\./.test(head);
}

export const bluesky: Format = {
  id: 'bluesky',
  description: 'Saved Bluesky getAuthorFeed responses: a page {feed, cursor}, an array of pages, or one page per line',
  detect(head) {
    const s = headText(head);
    return (s.startsWith('{') || s.startsWith('[')) && looksLikeFeed(s) ? 0.97 : 0;
  },
  async *read(input, opts) {
    const seen = new Set<string>();
    let n = 0;
    let items = 0;
    for await (const r of jsonRecords(input, ['feed'])) {
      if ('error' in r) {
        yield unreadableItem({ ...r.source, record: ++n }, r.error);
        continue;
      }
      // Records are feed items (one page) or whole pages (several): pages are opened here.
      const page = obj(r.value);
      const list = page && Array.isArray(page.feed) ? page.feed : [r.value];
      for (const v of list) {
        items++;
        yield* itemOf(v, { ...r.source, record: ++n }, seen, opts);
      }
    }
    if (items === 0) opts.warn(`${input.name}: no feed items in this Bluesky response`, { summary: true });
  },
};
