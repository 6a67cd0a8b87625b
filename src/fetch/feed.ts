// RSS 2.0, RSS 1.0 (RDF) and Atom. Feeds are what blogs, news sites and Mastodon profiles (/@user.rss) offer
// without an API. Item bodies are HTML (escaped or CDATA); dates are messy (normaliseTimestamp reads RFC 822 and its
// variants, naive ones in the --tz zone). Items are not reliably ordered (back-dated and scheduled posts), so each
// is checked against the ids already fetched (state.ts) rather than against the newest date, and they are written
// newest first. Every item's author is the feed itself (a Mastodon profile feed: the profile's handle); the writer
// an item names is its author_name.

import type { CheerioAPI } from 'cheerio';
import type { Source } from './sources.js';
import { ACCEPT_FEED, ACCEPT_HTML, collected, evidenceOf, type CollectContext, type Collected } from './collector.js';
import { fetchErrorAt, type Fetched } from './http.js';
import { expectOk, looksLikeHtml } from './response.js';
import { htmlToText, joinTitle, loadDocument, nodeText, type DomNode } from './html.js';
import { normaliseTimestamp } from '../sources/time.js';
import { sha256Hex } from './archive.js';
import type { PostInput } from '../sources/record.js';

type Feed = Extract<Source, { kind: 'feed' }>;

function kids(el: DomNode): DomNode[] {
  return (el.children ?? []).filter((c) => c.type === 'tag');
}

function child(el: DomNode, ...names: string[]): DomNode | undefined {
  return kids(el).find((c) => names.includes(c.name?.toLowerCase() ?? ''));
}

function children(el: DomNode, ...names: string[]): DomNode[] {
  return kids(el).filter((c) => names.includes(c.name?.toLowerCase() ?? ''));
}

/** Raw text content (CDATA included, entities decoded by the parser). */
function raw(el: DomNode | undefined): string {
  if (!el) return '';
  let s = '';
  for (const c of el.children ?? []) s += c.type === 'text' ? (c.data ?? '') : raw(c);
  return s;
}

export interface FeedDoc {
  kind: 'rss' | 'atom';
  title: string;
  author: string | null;
  items: DomNode[];
}

/** Finds the feed in a parsed XML document, or null when it is not RSS or Atom. */
export function findFeed($: CheerioAPI): FeedDoc | null {
  const root = kids($.root()[0] as unknown as DomNode)[0];
  const name = root?.name?.toLowerCase();
  if (name === 'rss') {
    const channel = child(root, 'channel');
    if (!channel) return null;
    return { kind: 'rss', title: raw(child(channel, 'title')).trim(), author: raw(child(channel, 'managingeditor', 'dc:creator')).trim() || null, items: children(channel, 'item') };
  }
  if (name === 'rdf:rdf') {
    const channel = child(root, 'channel');
    return { kind: 'rss', title: raw(channel && child(channel, 'title')).trim(), author: null, items: children(root, 'item') };
  }
  if (name === 'feed') {
    const author = child(root, 'author');
    return { kind: 'atom', title: raw(child(root, 'title')).trim(), author: raw(author && child(author, 'name')).trim() || null, items: children(root, 'entry') };
  }
  return null;
}

function atomLink(entry: DomNode): string | null {
  const links = children(entry, 'link');
  const alt = links.find((l) => !l.attribs?.rel || l.attribs.rel === 'alternate');
  return alt?.attribs?.href ?? null;
}

/** An Atom text construct: type="text" as is, "html" parsed, "xhtml" from its child nodes. */
function atomText(el: DomNode | undefined): string {
  if (!el) return '';
  const type = el.attribs?.type ?? 'text';
  if (type === 'xhtml') return nodeText(el);
  if (type === 'html' || type === 'text/html') return htmlToText(raw(el));
  return raw(el).trim();
}

export function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

function itemPost(it: DomNode, doc: FeedDoc, res: Fetched, author: string, timeZone: string): { input: Omit<PostInput, 'source'>; at: number | null } {
  const atom = doc.kind === 'atom';
  const title = atom ? atomText(child(it, 'title')) : htmlToText(raw(child(it, 'title')));
  const body = atom ? atomText(child(it, 'content') ?? child(it, 'summary')) : htmlToText(raw(child(it, 'content:encoded') ?? child(it, 'description')));
  const dateEl = atom ? (child(it, 'published') ?? child(it, 'updated')) : (child(it, 'pubdate') ?? child(it, 'dc:date'));
  const date = raw(dateEl).trim();
  const url = absolute(atom ? atomLink(it) : raw(child(it, 'link')).trim() || null, res.finalUrl);
  const guid = raw(child(it, atom ? 'id' : 'guid')).trim();
  const itemAuthor = atom ? raw(child(child(it, 'author') ?? { type: 'tag' }, 'name')).trim() : raw(child(it, 'dc:creator', 'author')).trim();
  const tags = children(it, 'category').map((c) => (atom ? (c.attribs?.term ?? '') : raw(c)).trim());
  const media = children(it, 'media:content', 'media:group')
    .flatMap((m) => [child(m, 'media:description'), ...children(m, 'media:content').map((x) => child(x, 'media:description'))])
    .map((d) => raw(d).trim())
    .filter(Boolean);
  const text = joinTitle(title, body);
  const ts = normaliseTimestamp(date, timeZone);
  return {
    input: {
      // Without a guid or link, an id from the content keeps the item recognisable from one run to the next.
      id: guid || url || `sha256:${sha256Hex(Buffer.from(`${title}\n${body}\n${date}`)).slice(0, 32)}`,
      platform: 'rss',
      // The account is the feed the analyst asked for, the same for every item whoever the item names as its
      // writer (often only some items do, and a feed may start naming them later): finding fingerprints include
      // the author, so they must not change with that. The writer named is kept as author_name.
      author,
      author_name: itemAuthor || doc.author || doc.title || null,
      created_at: date || null,
      naiveZone: timeZone,
      url,
      text,
      hashtags: tags,
      links: url ? [url] : [],
      media_text: media,
      ...evidenceOf(res),
    },
    at: ts.utc ? Date.parse(ts.utc) : null,
  };
}

/** The feed URLs a page advertises (<link rel="alternate" type="application/rss+xml|atom+xml">). */
export function advertisedFeeds($: CheerioAPI, base: string): string[] {
  const out: string[] = [];
  $('link[rel~="alternate"]').each((_, el) => {
    const a = (el as unknown as DomNode).attribs ?? {};
    if (!/^application\/(rss|atom)\+xml$/i.test((a.type ?? '').trim())) return;
    const u = absolute(a.href ?? null, base);
    if (u && !out.includes(u)) out.push(u);
  });
  return out;
}

/** True when a response is (by type or first bytes) an XML feed rather than a page. */
export function looksLikeFeed(res: Fetched): boolean {
  const t = (res.contentType ?? '').split(';')[0].trim().toLowerCase();
  if (/^application\/(rss|atom|rdf)\+xml$/.test(t)) return true;
  const head = res.body.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

/** The account a feed is read for: a feed, or a page that advertises one. */
export type FeedAccount = { key: string; url: string };

/**
 * The account a Mastodon profile feed (`/@user.rss`, `/users/user.rss`) belongs to, written as the mastodon: source
 * writes accounts (`user@host`, src/sources/formats/mastodon.ts), so that its posts match the roster's Mastodon
 * handle; null for any other feed. Lower case: handles are, and the author (part of every fingerprint) must not
 * change with how the address was typed.
 */
export function mastodonFeedAuthor(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const m = /^\/(?:@([^/@]+)|users\/([^/@]+))\.rss$/.exec(u.pathname);
  if (!m) return null;
  let user: string;
  try {
    user = decodeURIComponent(m[1] ?? m[2]);
  } catch {
    return null;
  }
  return /^[\p{L}\p{N}_.-]+$/u.test(user) ? `${user}@${u.host}`.toLowerCase() : null;
}

/** Posts from a fetched feed document. */
export async function* feedItems(res: Fetched, account: FeedAccount, ctx: CollectContext): AsyncGenerator<Collected> {
  const $ = await loadDocument(res.body, res.contentType, true);
  const doc = findFeed($);
  if (!doc) throw fetchErrorAt(res.finalUrl, `not an RSS or Atom feed (Content-Type ${res.contentType ?? 'none'})`);
  if (doc.items.length === 0) ctx.note(`${account.key}: the feed has no items`);
  // Feeds are not reliably ordered: every item is checked, and all are decided on before any is yielded, so the
  // state also remembers those passed over at --max-posts (state.ts, ListedWindow).
  // A page that advertises a profile feed (rss:https://host/@user) is that profile's too.
  const author = mastodonFeedAuthor(account.url) ?? mastodonFeedAuthor(res.url) ?? account.url;
  const fresh = doc.items.map((it) => itemPost(it, doc, res, author, ctx.timeZone)).filter((p) => ctx.window.decide(p.at, p.input.id) === 'take');
  for (const p of newestFirst(fresh)) yield collected(p.input, ctx.ref(), p.at, ctx);
}

/** Newest first, undated last, otherwise in the order given: --max-posts takes the newest. */
export function newestFirst<T extends { at: number | null }>(items: T[]): T[] {
  return items.sort((a, b) => (a.at === null ? (b.at === null ? 0 : 1) : b.at === null ? -1 : b.at - a.at));
}

/** Reads the feed a page advertises, after saying why the page itself was not read. */
export async function* advertisedFeedItems(url: string, why: string, account: FeedAccount, ctx: CollectContext): AsyncGenerator<Collected> {
  ctx.note(`${account.key}: ${why}; using the feed it advertises: ${url}`);
  const feed = await ctx.get(url, ACCEPT_FEED);
  expectOk(feed, 'feed');
  yield* feedItems(feed, account, ctx);
}

export async function* collectFeed(src: Feed, ctx: CollectContext): AsyncGenerator<Collected> {
  const res = await ctx.get(src.url, `${ACCEPT_FEED}, ${ACCEPT_HTML}`);
  expectOk(res, 'feed');
  if (!looksLikeFeed(res) && looksLikeHtml(res)) {
    // A page given as a feed: follow the feed it advertises, as a browser's feed reader would.
    const feeds = advertisedFeeds(await loadDocument(res.body, res.contentType, false), res.finalUrl);
    if (feeds.length === 0) throw fetchErrorAt(res.finalUrl, 'got an HTML page where a feed was expected, and the page advertises no feed');
    yield* advertisedFeedItems(feeds[0], 'the address is a page', src, ctx);
    return;
  }
  yield* feedItems(res, src, ctx);
}
