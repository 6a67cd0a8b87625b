// Posts described in a page's JSON-LD (schema.org): SocialMediaPosting, DiscussionForumPosting, BlogPosting and
// the Article family, found at the top level, in arrays, in @graph or as a WebPage's mainEntity, with @type as a
// string or a list. A posting's comments (other people's words) are not taken as the page's post. sharedContent
// marks a re-share: without own words it is a repost of the shared item, with them a quote.

import type { PostKind } from '../model.js';
import { htmlToText, joinTitle } from './html.js';
import { isObject } from './response.js';

type Obj = Record<string, unknown>;

const POSTING_TYPES = new Set([
  'SocialMediaPosting',
  'DiscussionForumPosting',
  'BlogPosting',
  'LiveBlogPosting',
  'Article',
  'NewsArticle',
  'ReportageNewsArticle',
  'OpinionNewsArticle',
  'AnalysisNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'Report',
]);

export interface LdPost {
  id: string | null;
  url: string | null;
  text: string;
  author: string | null;
  author_name: string | null;
  created_at: string | null;
  hashtags: string[];
  links: string[];
  media_text: string[];
  kind: PostKind;
  repost_of: string | null;
}

const s = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

function types(node: Obj): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  // "schema:Article", "https://schema.org/Article" → "Article"
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/:#]/, ''));
}

/** Every posting node in a parsed JSON-LD value. */
export function findPostings(v: unknown, out: Obj[] = [], depth = 0): Obj[] {
  if (depth > 32) return out;
  if (Array.isArray(v)) {
    for (const x of v) findPostings(x, out, depth + 1);
    return out;
  }
  if (!isObject(v)) return out;
  if (types(v).some((t) => POSTING_TYPES.has(t))) {
    if (!out.includes(v)) out.push(v);
    return out;
  }
  if (v['@graph'] !== undefined) findPostings(v['@graph'], out, depth + 1);
  if (v.mainEntity !== undefined) findPostings(v.mainEntity, out, depth + 1);
  return out;
}

/** Parses the text of a <script type="application/ld+json"> block; sites wrap it in comments or CDATA. */
export function parseLdJson(text: string): unknown {
  const t = text
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\/\*<!\[CDATA\[\*\/|\/\*\]\]>\*\/$/g, '')
    .replace(/^<!\[CDATA\[|\]\]>$/g, '')
    .trim()
    .replace(/;$/, '');
  return JSON.parse(t);
}

function person(v: unknown): { handle: string | null; name: string | null } {
  if (Array.isArray(v)) return person(v[0]);
  if (typeof v === 'string') return { handle: v.trim() || null, name: v.trim() || null };
  if (!isObject(v)) return { handle: null, name: null };
  const name = s(v.name);
  const alt = s(v.alternateName);
  const url = s(v.url);
  const fromUrl = url ? /\/@?([^/?#]+)\/?(?:[?#].*)?$/.exec(url)?.[1] ?? null : null;
  return { handle: alt?.replace(/^@/, '') ?? fromUrl ?? name, name };
}

function plain(v: unknown): string {
  const t = s(v) ?? '';
  return /<\/?[a-z][^>]*>/i.test(t) ? htmlToText(t) : t;
}

function keywords(v: unknown): string[] {
  if (typeof v === 'string') return v.split(',').map((k) => k.trim()).filter(Boolean);
  if (Array.isArray(v)) return v.filter((k): k is string => typeof k === 'string').map((k) => k.trim()).filter(Boolean);
  return [];
}

function captions(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const i of list) if (isObject(i)) for (const k of ['caption', 'description']) if (s(i[k])) out.push(s(i[k])!);
  return out;
}

function nodeUrl(n: Obj): string | null {
  const main = n.mainEntityOfPage;
  return s(n.url) ?? s(main) ?? (isObject(main) ? (s(main['@id']) ?? s(main.url)) : null);
}

/** A posting node as post fields. */
export function ldPost(n: Obj): LdPost {
  const body = plain(n.articleBody) || plain(n.text) || plain(n.description);
  const own = joinTitle(plain(n.headline) || (body ? '' : plain(n.name)), body);
  const by = person(n.author ?? n.creator);
  const url = nodeUrl(n);
  const rawId = s(n['@id']);
  const post: LdPost = {
    id: rawId && !rawId.startsWith('_:') ? rawId : (s(n.identifier) ?? url),
    url,
    text: own,
    author: by.handle,
    author_name: by.name,
    created_at: s(n.datePublished) ?? s(n.dateCreated) ?? s(n.uploadDate),
    hashtags: keywords(n.keywords),
    links: [],
    media_text: [...captions(n.image), ...captions(n.video)],
    kind: 'post',
    repost_of: null,
  };
  const shared = Array.isArray(n.sharedContent) ? n.sharedContent.find(isObject) : n.sharedContent;
  if (isObject(shared)) {
    const sharedText = plain(shared.text) || plain(shared.articleBody) || plain(shared.description) || plain(shared.headline) || plain(shared.name);
    const sharedBy = person(shared.author ?? shared.creator);
    const sharedUrl = nodeUrl(shared);
    if (sharedUrl) post.links.push(sharedUrl);
    post.repost_of = sharedBy.handle;
    if (own === '') {
      post.kind = 'repost';
      post.text = sharedText;
    } else post.kind = 'quote';
  }
  return post;
}
