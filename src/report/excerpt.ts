// Excerpts of a post around a finding's spans, one per field the words were found in, as segments so each report
// can mark the matched words its own way (colour on a terminal, <mark> in HTML, «…» in plain text).

import { replyToText, repostOfText, type Post, type PostField, type Span } from '../model.js';
import type { Messages } from './i18n.js';

export interface Segment {
  text: string;
  hit: boolean;
}

const AROUND = 70;

export function fieldText(post: Post, span: Span): string {
  switch (span.field) {
    case 'text':
      return post.text;
    case 'media_text':
      return post.media_text[span.index ?? 0] ?? '';
    case 'repost_of':
      return repostOfText(post);
    case 'reply_to':
      return replyToText(post);
    case 'links':
      return post.links[span.index ?? 0] ?? '';
    case 'hashtags': {
      const lower = post.text.toLowerCase();
      return post.hashtags.filter((h) => !lower.includes(`#${h.toLowerCase()}`)).map((h) => `#${h}`).join(' ');
    }
    case 'mentions': {
      const lower = post.text.toLowerCase();
      return post.mentions.filter((h) => !lower.includes(`@${h.toLowerCase()}`)).map((h) => `@${h}`).join(' ');
    }
  }
}

/** The excerpt of one field of a post (the text, an image's description, …) around the spans found in it. */
export interface Excerpt {
  field: PostField;
  /** Which image, for `media_text`. */
  index?: number;
  segments: Segment[];
}

/**
 * An excerpt per field the spans are in, in the order the spans first name them, each with every span of that
 * field marked: a match that covers the text and an image's description shows both. Without spans, the start of
 * the text.
 */
export function excerpts(post: Post, spans: Span[], around = AROUND): Excerpt[] {
  if (spans.length === 0) return [{ field: 'text', segments: [{ text: post.text.slice(0, 2 * around), hit: false }] }];
  const byField = new Map<string, Span[]>();
  for (const s of spans) {
    const key = `${s.field}\u0000${s.index ?? ''}`;
    const list = byField.get(key);
    if (list) list.push(s);
    else byField.set(key, [s]);
  }
  return [...byField.values()].map((same) => ({
    field: same[0].field,
    ...(same[0].index !== undefined ? { index: same[0].index } : {}),
    segments: fieldSegments(fieldText(post, same[0]), same, around),
  }));
}

/** Segments of `text` around `spans` (all of one field), cut at spaces `around` characters out, spans marked. */
function fieldSegments(text: string, spans: Span[], around: number): Segment[] {
  const same = [...spans].sort((a, b) => a.start - b.start);
  let from = Math.max(0, same[0].start - around);
  let to = Math.min(text.length, same[same.length - 1].end + around);
  if (from > 0) {
    const sp = text.indexOf(' ', from);
    if (sp !== -1 && sp < same[0].start) from = sp + 1;
  }
  if (to < text.length) {
    const sp = text.lastIndexOf(' ', to);
    if (sp > same[same.length - 1].end) to = sp;
  }
  const segments: Segment[] = [];
  if (from > 0) segments.push({ text: '…', hit: false });
  let at = from;
  for (const s of same) {
    const a = Math.max(s.start, at);
    if (a > at) segments.push({ text: text.slice(at, a), hit: false });
    if (s.end > a) segments.push({ text: text.slice(a, s.end), hit: true });
    at = Math.max(at, s.end);
  }
  if (to > at) segments.push({ text: text.slice(at, to), hit: false });
  if (to < text.length) segments.push({ text: '…', hit: false });
  return segments;
}

/**
 * What an excerpt is marked with in the report's language ("image text", "teks gambar 2"); '' for the post's text.
 * Images are numbered when the post has more than one.
 */
export function excerptLabel(post: Post, x: Excerpt, m: Messages): string {
  const word = x.field === 'repost_of' && post.kind === 'like' ? m.likedPostField : m.field[x.field];
  return x.field === 'media_text' && post.media_text.length > 1 ? `${word} ${(x.index ?? 0) + 1}` : word;
}
