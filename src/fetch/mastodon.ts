// Mastodon: look the account up (/api/v1/accounts/lookup), then page through its public statuses newest first
// (/api/v1/accounts/:id/statuses, next page from the Link header, else max_id). A boost carries no text of its
// own: the boosted status's text is what the employee spread, so it becomes a repost with that text. Statuses become
// posts exactly as a saved API response does (sources/formats/mastodon.ts).

import type { Source } from './sources.js';
import { ACCEPT_JSON, collected, evidenceOf, timeOf, type CollectContext, type Collected } from './collector.js';
import { FetchError } from './http.js';
import { bodyText, expectOk, isObject, readJson, str } from './response.js';
import { loadHtmlReader } from '../sources/html-text.js';
import { statusInput } from '../sources/formats/mastodon.js';

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

/** Instances that keep their API for logged-in users still publish a profile feed. */
function rssHint(src: Mastodon, origin: string): (status: number) => string {
  return (status) => (status === 401 || status === 403 ? `; the account's public feed may still work: netral fetch rss:${origin}/@${src.user}.rss` : '');
}

const ACCEPT_JRD = 'application/jrd+json, application/json;q=0.9';

/**
 * Where @user@host lives, by WebFinger (what Mastodon itself asks): the handle domain its posts are written with
 * (`subject`, acct:user@domain) and the server that holds the account (the `self` link's origin). A server may
 * answer on its handle domain (example.com) and serve its API elsewhere (social.example.com), or the reverse: the
 * roster names the handle domain either way. Without an answer, the server typed is asked directly.
 */
export async function locateAccount(src: Mastodon, ctx: CollectContext): Promise<{ origin: string; domain: string | null }> {
  const none = { origin: src.origin, domain: null };
  const res = await ctx.get(`${src.origin}/.well-known/webfinger?resource=${encodeURIComponent(`acct:${src.user}@${src.host}`)}`, ACCEPT_JRD, false);
  if (res.status !== 200) return none;
  let jrd: unknown;
  try {
    jrd = JSON.parse(bodyText(res));
  } catch {
    return none;
  }
  if (!isObject(jrd)) return none;
  const subject = /^acct:([^@\s]+)@([^@\s]+)$/i.exec(str(jrd.subject) ?? '');
  // Another account's answer (a catch-all) says nothing about this one.
  if (!subject || subject[1].toLowerCase() !== src.user.toLowerCase()) return none;
  let origin = src.origin;
  const links = Array.isArray(jrd.links) ? jrd.links.filter(isObject) : [];
  const self = links.find((l) => l.rel === 'self' && /activity\+json|ld\+json/.test(str(l.type) ?? ''));
  const href = str(self?.href);
  if (href) {
    try {
      const u = new URL(href);
      if (u.protocol === 'https:' || u.protocol === 'http:') origin = u.origin;
    } catch {
      // an unreadable link: the server typed is asked
    }
  }
  return { origin, domain: subject[2].toLowerCase() };
}

export async function* collectMastodon(src: Mastodon, ctx: CollectContext): AsyncGenerator<Collected> {
  const read = await loadHtmlReader();
  const { origin, domain } = await locateAccount(src, ctx);
  const api = `${origin}/api/v1`;
  const who = `@${src.user}@${src.host}`;
  const lookup = await ctx.get(`${api}/accounts/lookup?acct=${encodeURIComponent(src.user)}`, ACCEPT_JSON, false);
  if (lookup.status === 404) throw new FetchError(`${new URL(origin).host} has no account ${who} (HTTP 404 from the account lookup)`);
  expectOk(lookup, 'account lookup', rssHint(src, origin));
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
    expectOk(res, 'statuses', rssHint(src, origin));
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
      // The public API shows no followers-only statuses; should one come, it is left out as a saved one would be.
      const input = statusInput(s, read, false, domain);
      if ('skip' in input) yield { type: 'skip', source: ctx.ref(), reason: input.skip };
      else yield collected({ ...input, ...evidenceOf(res) }, ctx.ref(), at, ctx);
    }
    const last = page[page.length - 1] as Obj;
    next = linkNext(res.headers.link) ?? (page.length >= PAGE && str(last?.id) ? `${first}&max_id=${encodeURIComponent(str(last.id)!)}` : null);
    if (next && new URL(next, res.finalUrl).origin !== new URL(origin).origin) throw new FetchError(`the next page is on another server (${next}); not followed`);
    if (next) next = new URL(next, res.finalUrl).href;
  }
}
