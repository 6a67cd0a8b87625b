// Any other web page: the post comes from the page's JSON-LD when it describes one; else from OpenGraph and meta
// tags (og:description, article:published_time, article:tag …); a page that is not an article but advertises a
// feed (a blog's or a Mastodon profile's front page) is read through that feed. A page that yields none of these
// is an error, never an empty post, and never a post made of its <title> or of a login form's site description:
// those would put words in an employee's mouth. Platforms that need a login are refused before any request
// (sources.ts), and redirects to them are not followed (http.ts).

import type { CheerioAPI } from 'cheerio';
import type { Source } from './sources.js';
import { ACCEPT_FEED, ACCEPT_HTML, collected, evidenceOf, type CollectContext, type Collected } from './collector.js';
import { fetchErrorAt } from './http.js';
import { expectOk, looksLikeHtml } from './response.js';
import { joinTitle, loadDocument, type DomNode } from './html.js';
import { absolute, advertisedFeedItems, advertisedFeeds, feedItems, looksLikeFeed, newestFirst } from './feed.js';
import { findPostings, ldPost, parseLdJson } from './jsonld.js';
import { normaliseTimestamp } from '../sources/time.js';
import type { PostInput } from '../sources/record.js';

type Page = Extract<Source, { kind: 'page' }>;

/** The first of `keys` the page has as a meta tag with content, and its value. */
function metaTag($: CheerioAPI, ...keys: string[]): { key: string; value: string } | null {
  for (const key of keys) {
    const v = $(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`).first().attr('content');
    if (v && v.trim() !== '') return { key, value: v.trim() };
  }
  return null;
}

function meta($: CheerioAPI, ...keys: string[]): string | null {
  return metaTag($, ...keys)?.value ?? null;
}

function metaAll($: CheerioAPI, key: string): string[] {
  const out: string[] = [];
  $(`meta[property="${key}"], meta[name="${key}"]`).each((_, el) => {
    const v = (el as unknown as DomNode).attribs?.content?.trim();
    if (v && !out.includes(v)) out.push(v);
  });
  return out;
}

interface MetaPost {
  type: string | null;
  /** The tags the text was taken from, as the note names them (og:title, og:description, meta description …). */
  from: string[];
  input: Omit<PostInput, 'source' | 'platform'>;
}

/**
 * The post OpenGraph, Twitter-card and plain meta tags describe, or null when they hold no description. A title alone
 * (og:title, or the document's <title>) is no post: a login form, an app shell or an error page has one too, and
 * it often names the site, a candidate's volunteer site included.
 */
export function metaPost($: CheerioAPI, finalUrl: string): MetaPost | null {
  const desc = metaTag($, 'og:description', 'twitter:description', 'description');
  if (!desc) return null;
  const title = metaTag($, 'og:title', 'twitter:title');
  const text = joinTitle(title?.value ?? '', desc.value);
  const url = absolute(meta($, 'og:url') ?? $('link[rel="canonical"]').first().attr('href') ?? null, finalUrl) ?? finalUrl;
  const author = meta($, 'article:author', 'author', 'twitter:creator');
  const label = (key: string) => (key === 'description' ? 'meta description' : key);
  return {
    type: meta($, 'og:type'),
    from: [...(title && text !== desc.value ? [label(title.key)] : []), label(desc.key)],
    input: {
      id: url,
      author: author?.replace(/^@/, '') ?? null,
      author_name: author ?? meta($, 'og:site_name'),
      created_at: meta($, 'article:published_time', 'datePublished', 'date', 'pubdate', 'publishdate', 'dc.date', 'DC.date.issued'),
      url,
      text,
      hashtags: metaAll($, 'article:tag'),
      media_text: [...metaAll($, 'og:image:alt'), ...metaAll($, 'twitter:image:alt')],
    },
  };
}

/** True when the page shows a password field: a login form, whatever else it says about itself. */
function asksForLogin($: CheerioAPI): boolean {
  return $('input').toArray().some((el) => ((el as unknown as DomNode).attribs?.type ?? '').trim().toLowerCase() === 'password');
}

/** Posts of the page, all decided on before any is yielded (see feedItems), newest first. */
function* emit(inputs: Omit<PostInput, 'source'>[], ctx: CollectContext): Generator<Collected> {
  const fresh = inputs
    .map((input) => {
      const ts = normaliseTimestamp(input.created_at, ctx.timeZone);
      return { input, at: ts.utc ? Date.parse(ts.utc) : null };
    })
    .filter((p) => ctx.window.decide(p.at, p.input.id) === 'take');
  for (const p of newestFirst(fresh)) yield collected({ ...p.input, naiveZone: ctx.timeZone }, ctx.ref(), p.at, ctx);
}

/** What a page that gave no post says, and what the analyst can do instead. */
function noPost($: CheerioAPI, login: boolean): string {
  const title = $('title').first().text().replace(/\s+/g, ' ').trim();
  const page = title ? `the page titled "${title.length > 80 ? `${title.slice(0, 79)}…` : title}"` : 'the page';
  const instead = "use the account's data download from the platform, or a collector's export, and read it with netral scan";
  if (login) return `no post found on ${page}: it shows a login form, and netral does not log in; ${instead}`;
  return `no post found on ${page}: it has no structured post (JSON-LD), no OpenGraph or meta description and no advertised feed; it is probably built by JavaScript, which netral does not run, or needs a login; ${instead}`;
}

export async function* collectPage(src: Page, ctx: CollectContext): AsyncGenerator<Collected> {
  const res = await ctx.get(src.url, `${ACCEPT_HTML}, ${ACCEPT_FEED}`);
  expectOk(res, 'page');
  if (looksLikeFeed(res)) {
    yield* feedItems(res, src, ctx);
    return;
  }
  if (!looksLikeHtml(res)) throw fetchErrorAt(res.finalUrl, `not a web page or a feed (Content-Type ${res.contentType ?? 'none'})`);
  const $ = await loadDocument(res.body, res.contentType, false);

  const postings: Record<string, unknown>[] = [];
  $('script[type="application/ld+json"]').each((i, el) => {
    try {
      findPostings(parseLdJson($(el).text()), postings);
    } catch (e) {
      ctx.note(`${src.key}: JSON-LD block ${i + 1} is not valid JSON (${(e as Error).message}); ignored`);
    }
  });
  if (postings.length > 0) {
    const ids = new Set<string>();
    const inputs: Omit<PostInput, 'source'>[] = [];
    for (const [i, n] of postings.entries()) {
      const p = ldPost(n);
      const id = p.id ?? (postings.length === 1 ? res.finalUrl : `${res.finalUrl}#${i + 1}`);
      if (ids.has(id)) continue;
      ids.add(id);
      inputs.push({ ...p, id, url: absolute(p.url, res.finalUrl) ?? res.finalUrl, platform: 'web', ...evidenceOf(res) });
    }
    yield* emit(inputs, ctx);
    return;
  }

  const m = metaPost($, res.finalUrl);
  const feeds = advertisedFeeds($, res.finalUrl);
  // A login form's description is the site's, not a post (an article with a login box in its header is still one).
  const login = asksForLogin($) && m?.type !== 'article';
  if (m && !login && (m.type === 'article' || feeds.length === 0) && m.input.text.trim() !== '') {
    ctx.note(`${src.key}: no structured post on the page; the text is taken from its ${m.from.join(' and ')} (a summary, which sites often shorten)`);
    yield* emit([{ ...m.input, platform: 'web', ...evidenceOf(res) }], ctx);
    return;
  }
  if (feeds.length > 0) {
    yield* advertisedFeedItems(feeds[0], login ? 'the page shows a login form' : 'the page is not a single post', src, ctx);
    return;
  }
  throw fetchErrorAt(res.finalUrl, noPost($, login));
}
