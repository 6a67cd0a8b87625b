// Bluesky through the public AppView (no login): app.bsky.actor.getProfile, then app.bsky.feed.getAuthorFeed with
// cursor pagination. Accounts labelled `!no-unauthenticated` ask not to be shown to logged-out viewers; netral is
// one, so it skips them (and reposts of such accounts) and says so. Feed items become posts exactly as a saved feed
// page does (feedItemInput in sources/formats/bluesky.ts).

import type { Source } from './sources.js';
import { AccountSkipped, ACCEPT_JSON, collected, evidenceOf, timeOf, type CollectContext, type Collected } from './collector.js';
import { FetchError } from './http.js';
import { expectOk, isObject, objects, readJson, str } from './response.js';
import { feedItemInput } from '../sources/formats/bluesky.js';

type Bluesky = Extract<Source, { kind: 'bluesky' }>;

const NO_UNAUTH = '!no-unauthenticated';
const PIN = 'app.bsky.feed.defs#reasonPin';

function hidesFromLoggedOut(actor: unknown): boolean {
  return isObject(actor) && objects(actor.labels).some((l) => l.val === NO_UNAUTH);
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
      const p = feedItemInput(item);
      if ('skip' in p) {
        yield { type: 'skip', source: ctx.ref(), reason: p.skip };
        continue;
      }
      const author = p.post.author;
      if (p.repost && hidesFromLoggedOut(author)) {
        yield { type: 'skip', source: ctx.ref(), reason: `a repost of ${(isObject(author) && str(author.handle)) || 'an account'} that asks not to be shown to logged-out users (${NO_UNAUTH})` };
        continue;
      }
      // The service orders the feed by the earlier of createdAt (set by the app) and when it saw the post, and gives
      // that as indexedAt: a createdAt in the future cannot lift a post above newer ones, but a back-dated post
      // (an imported archive) is listed at its date, below what an incremental run reads (docs/fetch.md).
      // Reading createdAt only when indexedAt is missing keeps the state's newest time from jumping ahead.
      const at = timeOf(p.repost ? p.repost.indexedAt : p.post.indexedAt) ?? timeOf(p.record.createdAt);
      const d = ctx.window.decide(at, p.input.id);
      // A pinned post is shown first whatever its age, so it says nothing about where older posts begin.
      if (d === 'older' && !pinned) return;
      if (d !== 'take') continue;
      yield collected({ ...p.input, ...evidenceOf(res) }, ctx.ref(), at, ctx);
    }
    if (!next || data.feed.length === 0) return;
    cursor = next;
  }
}
