// Bluesky through the public AppView (no login): app.bsky.actor.getProfile, then app.bsky.feed.getAuthorFeed with
// cursor pagination. Accounts labelled `!no-unauthenticated` ask not to be shown to logged-out viewers; netral is
// one, so it skips them and says so. Facets (hashtags, mentions, links) index the text in UTF-8 bytes, not JS
// characters, so they are sliced from the encoded text.

import type { Source } from './sources.js';
import { AccountSkipped, ACCEPT_JSON, collected, timeOf, type CollectContext, type Collected } from './collector.js';
import { FetchError, type Fetched } from './http.js';
import { expectOk, isObject, objects, readJson, str } from './response.js';
import type { PostInput } from '../sources/record.js';
import type { PostKind } from '../model.js';

type Bluesky = Extract<Source, { kind: 'bluesky' }>;
type Obj = Record<string, unknown>;

const NO_UNAUTH = '!no-unauthenticated';
const REPOST = 'app.bsky.feed.defs#reasonRepost';
const PIN = 'app.bsky.feed.defs#reasonPin';

function hidesFromLoggedOut(actor: unknown): boolean {
  return isObject(actor) && objects(actor.labels).some((l) => l.val === NO_UNAUTH);
}

interface Facets {
  hashtags: string[];
  mentions: string[];
  links: string[];
}

/** Hashtags, mentions and links from a record's facets (byte ranges into the UTF-8 text) and its `tags`. */
export function readFacets(record: Obj): Facets {
  const out: Facets = { hashtags: [], mentions: [], links: [] };
  const bytes = Buffer.from(str(record.text) ?? '', 'utf8');
  for (const f of objects(record.facets)) {
    const idx = isObject(f.index) ? f.index : {};
    const start = typeof idx.byteStart === 'number' ? idx.byteStart : -1;
    const end = typeof idx.byteEnd === 'number' ? idx.byteEnd : -1;
    const span = start >= 0 && end > start && end <= bytes.length ? bytes.subarray(start, end).toString('utf8') : '';
    for (const feat of objects(f.features)) {
      const type = str(feat.$type) ?? '';
      if (type.endsWith('#tag') && str(feat.tag)) out.hashtags.push(str(feat.tag)!);
      else if (type.endsWith('#link') && str(feat.uri)) out.links.push(str(feat.uri)!);
      // A mention facet holds only the DID; the handle is what the text shows.
      else if (type.endsWith('#mention')) out.mentions.push(span.startsWith('@') ? span.slice(1) : (str(feat.did) ?? ''));
    }
  }
  for (const t of Array.isArray(record.tags) ? record.tags : []) if (typeof t === 'string') out.hashtags.push(t);
  return out;
}

/** Image alt texts, link cards and a quoted post, from the hydrated embed view. */
function readEmbed(embed: unknown): { alts: string[]; links: string[]; quoted: Obj | null } {
  const out = { alts: [] as string[], links: [] as string[], quoted: null as Obj | null };
  const visit = (e: unknown) => {
    if (!isObject(e)) return;
    const type = str(e.$type) ?? '';
    if (type.startsWith('app.bsky.embed.images')) for (const i of objects(e.images)) if (str(i.alt)) out.alts.push(str(i.alt)!);
    if (type.startsWith('app.bsky.embed.video') && str(e.alt)) out.alts.push(str(e.alt)!);
    if (type.startsWith('app.bsky.embed.external') && isObject(e.external) && str(e.external.uri)) out.links.push(str(e.external.uri)!);
    if (type.startsWith('app.bsky.embed.recordWithMedia')) {
      visit(e.media);
      visit(e.record);
    }
    if (type === 'app.bsky.embed.record#view' && isObject(e.record) && str(e.record.$type) === 'app.bsky.embed.record#viewRecord') out.quoted = e.record;
  };
  visit(embed);
  return out;
}

/** https://bsky.app/profile/<handle>/post/<rkey> for an at:// post URI. */
export function postUrl(uri: string, handle: string | null): string | null {
  const m = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(uri);
  return m ? `https://bsky.app/profile/${handle ?? m[1]}/post/${m[2]}` : null;
}

function feedPost(item: Obj, profile: Obj, res: Fetched): { input: Omit<PostInput, 'source'>; at: number | null } | { skip: string } {
  const post = isObject(item.post) ? item.post : null;
  if (!post || !isObject(post.record) || !str(post.uri)) return { skip: 'a feed item without a post' };
  const record = post.record;
  const reason = isObject(item.reason) ? item.reason : null;
  const repost = str(reason?.$type) === REPOST;
  const author = isObject(post.author) ? post.author : {};
  if (repost && hidesFromLoggedOut(author)) return { skip: `a repost of ${str(author.handle) ?? 'an account'} that asks not to be shown to logged-out users (${NO_UNAUTH})` };
  const facets = readFacets(record);
  const embed = readEmbed(post.embed);
  const quoted = embed.quoted;
  const replyParent = isObject(item.reply) && isObject(item.reply.parent) && isObject(item.reply.parent.author) ? str(item.reply.parent.author.handle) : null;
  const parentUri = isObject(record.reply) && isObject(record.reply.parent) ? str(record.reply.parent.uri) : null;
  const kind: PostKind = repost ? 'repost' : quoted ? 'quote' : parentUri ? 'reply' : 'post';
  const did = str(profile.did) ?? '';
  const uri = str(post.uri)!;
  return {
    input: {
      id: repost ? (str(reason!.uri) ?? `${uri}#repost-by-${did}`) : uri,
      platform: 'bluesky',
      author: str(profile.handle) ?? did,
      author_name: str(profile.displayName),
      // A repost is dated when it was reposted; a post by its own createdAt (client-set, what apps show).
      created_at: repost ? str(reason!.indexedAt) : (str(record.createdAt) ?? str(post.indexedAt)),
      naiveZone: 'UTC',
      url: postUrl(uri, str(author.handle)),
      text: str(record.text) ?? '',
      hashtags: facets.hashtags,
      mentions: facets.mentions,
      links: [...facets.links, ...embed.links],
      media_text: embed.alts,
      kind,
      repost_of: repost ? (str(author.handle) ?? str(author.did)) : quoted && isObject(quoted.author) ? str(quoted.author.handle) : null,
      reply_to: kind === 'reply' ? (replyParent ?? /^at:\/\/([^/]+)/.exec(parentUri ?? '')?.[1] ?? null) : null,
      ...(res.evidence ? { evidence_sha256: res.evidence } : {}),
    },
    // The feed is ordered by when the server saw the post (or the repost); createdAt can be set to anything.
    at: timeOf(repost ? reason!.indexedAt : post.indexedAt) ?? timeOf(record.createdAt),
  };
}

export async function* collectBluesky(src: Bluesky, ctx: CollectContext): AsyncGenerator<Collected> {
  const base = ctx.blueskyApi.replace(/\/+$/, '');
  const pres = await ctx.get(`${base}/xrpc/app.bsky.actor.getProfile?actor=${encodeURIComponent(src.actor)}`, ACCEPT_JSON, false);
  if (pres.status === 400) {
    const v = (() => {
      try {
        return readJson(pres, 'profile');
      } catch {
        return null;
      }
    })();
    if (isObject(v) && /not found|could not find|unable to resolve/i.test(`${str(v.message)}`)) throw new FetchError(`no Bluesky account ${src.actor} (${str(v.message)})`);
  }
  expectOk(pres, 'profile');
  const profile = readJson(pres, 'profile');
  if (!isObject(profile) || !str(profile.did)) throw new FetchError(`profile: the answer has no DID (${pres.finalUrl})`);
  if (hidesFromLoggedOut(profile)) throw new AccountSkipped(`the account asks not to be shown to logged-out users (${NO_UNAUTH}); netral respects that`);

  const cursors = new Set<string>();
  let cursor: string | null = null;
  for (;;) {
    const url = `${base}/xrpc/app.bsky.feed.getAuthorFeed?actor=${encodeURIComponent(str(profile.did)!)}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await ctx.get(url, ACCEPT_JSON);
    expectOk(res, 'author feed');
    const data = readJson(res, 'author feed');
    if (!isObject(data) || !Array.isArray(data.feed)) throw new FetchError(`author feed: expected {"feed": […]} (${res.finalUrl})`);
    // A cursor seen before means this page repeats an earlier one: stop before writing its posts twice.
    const next = str(data.cursor);
    if (next && cursors.has(next)) throw new FetchError(`pagination repeats the cursor "${next.slice(0, 60)}"; stopped to avoid a loop`);
    if (next) cursors.add(next);
    for (const item of data.feed) {
      if (!isObject(item)) {
        yield { type: 'skip', source: ctx.ref(), reason: 'a feed item that is not an object' };
        continue;
      }
      const pinned = isObject(item.reason) && item.reason.$type === PIN;
      const p = feedPost(item, profile, res);
      if ('skip' in p) {
        yield { type: 'skip', source: ctx.ref(), reason: p.skip };
        continue;
      }
      const d = ctx.window.decide(p.at, p.input.id);
      // A pinned post is shown first whatever its age, so it says nothing about where older posts begin.
      if (d === 'older' && !pinned) return;
      if (d !== 'take') continue;
      yield collected(p.input, ctx.ref(), p.at, ctx);
    }
    if (!next || data.feed.length === 0) return;
    cursor = next;
  }
}
