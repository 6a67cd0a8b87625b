// Any other web page: the post comes from the page's JSON-LD when it describes one; else from OpenGraph and meta
// tags (og:description, article:published_time, article:tag …); a page that is not an article but advertises a
// feed (a blog's or a Mastodon profile's front page) is read through that feed. A page that yields none of these
// is an error, never an empty post. Platforms that need a login are refused before any request (sources.ts), and
// redirects to them are not followed (http.ts).

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

function meta($: CheerioAPI, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = $(`meta[property="${k}"], meta[name="${k}"], meta[itemprop="${k}"]`).first().attr('content');
    if (v && v.trim() !== '') return v.trim();
  }
  return null;
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
  input: Omit<PostInput, 'source' | 'platform'>;
}

/** The post OpenGraph, Twitter-card and plain meta tags describe, or null when they hold no text. */
export function metaPost($: CheerioAPI, finalUrl: string): MetaPost | null {
  const title = meta($, 'og:title', 'twitter:title') ?? ($('title').first().text().trim() || '');
  const desc = meta($, 'og:description', 'twitter:description', 'description') ?? '';
  if (!desc && !title) return null;
  const url = absolute(meta($, 'og:url') ?? $('link[rel="canonical"]').first().attr('href') ?? null, finalUrl) ?? finalUrl;
  const author = meta($, 'article:author', 'author', 'twitter:creator');
  return {
    type: meta($, 'og:type'),
    input: {
      id: url,
      author: author?.replace(/^@/, '') ?? null,
      author_name: author ?? meta($, 'og:site_name'),
      created_at: meta($, 'article:published_time', 'datePublished', 'date', 'pubdate', 'publishdate', 'dc.date', 'DC.date.issued'),
      url,
      text: joinTitle(title, desc),
      hashtags: metaAll($, 'article:tag'),
      media_text: [...metaAll($, 'og:image:alt'), ...metaAll($, 'twitter:image:alt')],
    },
  };
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
  if (m && (m.type === 'article' || feeds.length === 0) && m.input.text.trim() !== '') {
    ctx.note(`${src.key}: no structured post on the page; the text is its summary (OpenGraph/meta description), which sites often shorten`);
    yield* emit([{ ...m.input, platform: 'web', ...evidenceOf(res) }], ctx);
    return;
  }
  if (feeds.length > 0) {
    yield* advertisedFeedItems(feeds[0], 'the page is not a single post', src, ctx);
    return;
  }
  throw fetchErrorAt(res.finalUrl, 'no post found on the page (no JSON-LD posting, no OpenGraph or meta description, no advertised feed)');
}
