// Mastodon: look the account up (/api/v1/accounts/lookup), then page through its public statuses newest first
// (/api/v1/accounts/:id/statuses, next page from the Link header, else max_id). A boost carries no text of its
// own: the boosted status's text is what the employee spread, so it becomes a repost with that text. Statuses become
// posts exactly as a saved API response does (sources/formats/mastodon.ts).

import type { Source } from './sources.js';
import { ACCEPT_JSON, collected, evidenceOf, timeOf, type CollectContext, type Collected } from './collector.js';
import { FetchError } from './http.js';
import { expectOk, isObject, readJson, str } from './response.js';
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
function rssHint(src: Mastodon): (status: number) => string {
  return (status) => (status === 401 || status === 403 ? `; the account's public feed may still work: netral fetch rss:${src.origin}/@${src.user}.rss` : '');
}

export async function* collectMastodon(src: Mastodon, ctx: CollectContext): AsyncGenerator<Collected> {
  const read = await loadHtmlReader();
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
      // The public API shows no followers-only statuses; should one come, it is left out as a saved one would be.
      const input = statusInput(s, read, false);
      if ('skip' in input) yield { type: 'skip', source: ctx.ref(), reason: input.skip };
      else yield collected({ ...input, ...evidenceOf(res) }, ctx.ref(), at, ctx);
    }
    const last = page[page.length - 1] as Obj;
    next = linkNext(res.headers.link) ?? (page.length >= PAGE && str(last?.id) ? `${first}&max_id=${encodeURIComponent(str(last.id)!)}` : null);
    if (next && new URL(next, res.finalUrl).origin !== new URL(src.origin).origin) throw new FetchError(`the next page is on another server (${next}); not followed`);
    if (next) next = new URL(next, res.finalUrl).href;
  }
}
