// Mastodon: look the account up (/api/v1/accounts/lookup), then page through its public statuses newest first
// (/api/v1/accounts/:id/statuses, next page from the Link header, else max_id). A boost carries no text of its
// own: the boosted status's text is what the employee spread, so it becomes a repost with that text.

import type { Source } from './sources.js';
import { ACCEPT_JSON, collected, timeOf, type CollectContext, type Collected } from './collector.js';
import { FetchError, type Fetched } from './http.js';
import { expectOk, isObject, objects, readJson, str } from './response.js';
import { fragmentLinks, loadCheerio, nodeText, parseFragment, type DomNode } from './html.js';
import type { PostInput } from '../sources/record.js';

type Mastodon = Extract<Source, { kind: 'mastodon' }>;
type Obj = Record<string, unknown>;

const PAGE = 40;

/** The rel="next" target of a Link header. */
export function linkNext(link: string | string[] | undefined): string | null {
  const v = Array.isArray(link) ? link.join(',') : link;
  if (!v) return null;
  for (const part of v.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (m && /;\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?/i.test(m[2])) return m[1];
  }
  return null;
}

/** `user@host` for an account as seen from `host` (local accounts have no host in `acct`). */
function qualified(acct: unknown, host: string): string | null {
  const a = str(acct);
  if (!a) return null;
  return a.includes('@') ? a : `${a}@${host}`;
}

function statusPost(s: Obj, src: Mastodon, account: Obj, res: Fetched): Omit<PostInput, 'source'> {
  const boosted = isObject(s.reblog) ? s.reblog : null;
  const body = boosted ?? s;
  const $ = parseFragment(str(body.content) ?? '');
  const content = nodeText($.root()[0] as unknown as DomNode);
  const spoiler = str(body.spoiler_text)?.trim() ?? '';
  const text = spoiler && content ? `${spoiler}\n\n${content}` : spoiler || content;
  // Mention and hashtag anchors are not links the author shared.
  const links = fragmentLinks($, str(body.url) ?? undefined, (cls) => /\b(mention|hashtag)\b/.test(cls));
  const card = isObject(body.card) ? str(body.card.url) : null;
  if (card && !links.includes(card)) links.push(card);
  const media = objects(body.media_attachments)
    .map((m) => str(m.description))
    .filter((d): d is string => !!d);
  // Poll options are words the author wrote; they are read like text.
  if (isObject(body.poll)) for (const o of objects(body.poll.options)) if (str(o.title)) media.push(str(o.title)!);
  const quote = isObject(s.quote) && isObject(s.quote.quoted_status) ? s.quote.quoted_status : null;
  const replyAccount = str(s.in_reply_to_account_id);
  let replyTo: string | null = null;
  if (str(s.in_reply_to_id)) {
    if (replyAccount === str(account.id)) replyTo = `${str(account.username)}@${src.host}`;
    else replyTo = qualified(objects(s.mentions).find((m) => str(m.id) === replyAccount)?.acct, src.host) ?? replyAccount;
  }
  return {
    id: str(s.id) ?? '',
    platform: 'mastodon',
    author: `${str(account.username) ?? src.user}@${src.host}`,
    author_name: str(account.display_name),
    created_at: str(s.created_at),
    naiveZone: 'UTC',
    url: str(s.url) ?? str(boosted?.url) ?? str(s.uri),
    text,
    hashtags: objects(body.tags).map((t) => str(t.name) ?? '').filter(Boolean),
    mentions: objects(body.mentions).map((m) => qualified(m.acct, src.host) ?? '').filter(Boolean),
    links,
    media_text: media,
    kind: boosted ? 'repost' : quote ? 'quote' : replyTo ? 'reply' : 'post',
    repost_of: boosted ? qualified(isObject(boosted.account) ? boosted.account.acct : null, src.host) : quote ? qualified(isObject(quote.account) ? quote.account.acct : null, src.host) : null,
    reply_to: replyTo,
    ...(res.evidence ? { evidence_sha256: res.evidence } : {}),
  };
}

/** Instances that keep their API for logged-in users still publish a profile feed. */
function rssHint(src: Mastodon): (status: number) => string {
  return (status) => (status === 401 || status === 403 ? `; the account's public feed may still work: netral fetch rss:${src.origin}/@${src.user}.rss` : '');
}

export async function* collectMastodon(src: Mastodon, ctx: CollectContext): AsyncGenerator<Collected> {
  await loadCheerio();
  const api = `${src.origin}/api/v1`;
  const who = `@${src.user}@${src.host}`;
  const lookup = await ctx.get(`${api}/accounts/lookup?acct=${encodeURIComponent(src.user)}`, ACCEPT_JSON, false);
  if (lookup.status === 404) throw new FetchError(`${src.host} has no account ${who} (HTTP 404 from the account lookup)`);
  expectOk(lookup, 'account lookup', rssHint(src));
  const account = readJson(lookup, 'account lookup');
  if (!isObject(account) || !str(account.id)) throw new FetchError(`account lookup: the answer has no account id (${lookup.finalUrl})`);
  if (account.suspended === true) throw new FetchError(`${who} is suspended on ${src.host}`);

  const first = `${api}/accounts/${encodeURIComponent(str(account.id)!)}/statuses?limit=${PAGE}`;
  const requested = new Set<string>();
  let next: string | null = first;
  while (next) {
    if (requested.has(next)) throw new FetchError(`pagination repeats a page already fetched (${next}); stopped to avoid a loop`);
    requested.add(next);
    const res = await ctx.get(next, ACCEPT_JSON);
    expectOk(res, 'statuses', rssHint(src));
    const page = readJson(res, 'statuses');
    if (!Array.isArray(page)) throw new FetchError(`statuses: expected a list of statuses (${res.finalUrl})`);
    if (page.length === 0) return;
    for (const s of page) {
      if (!isObject(s)) {
        yield { type: 'skip', source: ctx.ref(), reason: 'a status that is not an object' };
        continue;
      }
      const at = timeOf(s.created_at);
      const d = ctx.window.decide(at, str(s.id) ?? '');
      if (d === 'older') return; // newest first: everything after this is older too
      if (d === 'seen') continue;
      yield collected(statusPost(s, src, account, res), ctx.ref(), at, ctx);
    }
    const last = page[page.length - 1] as Obj;
    next = linkNext(res.headers.link) ?? (page.length >= PAGE && str(last?.id) ? `${first}&max_id=${encodeURIComponent(str(last.id)!)}` : null);
    if (next && new URL(next, res.finalUrl).origin !== new URL(src.origin).origin) throw new FetchError(`the next page is on another server (${next}); not followed`);
    if (next) next = new URL(next, res.finalUrl).href;
  }
}
