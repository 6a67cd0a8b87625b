// An excerpt of a post around a finding's spans, as segments so each report can mark the matched words its own
// way (colour on a terminal, <mark> in HTML, «…» in plain text).

import type { Post, Span } from '../model.js';

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
      return `@${post.repost_of ?? ''}`;
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

/** Segments of the field of the first span, with every span of that field marked. */
export function excerpt(post: Post, spans: Span[], around = AROUND): { label: string; segments: Segment[] } {
  if (spans.length === 0) return { label: '', segments: [{ text: post.text.slice(0, 2 * around), hit: false }] };
  const first = spans[0];
  const same = spans.filter((s) => s.field === first.field && s.index === first.index).sort((a, b) => a.start - b.start);
  const text = fieldText(post, first);
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
  const label = first.field === 'media_text' ? 'media' : first.field === 'repost_of' ? 'repost' : first.field === 'links' ? 'link' : first.field === 'text' ? '' : first.field;
  return { label, segments };
}
