// What a finding shows the analyst: the exact words matched (as the author wrote them) and a short excerpt.

import type { PostKind, Span } from '../model.js';
import type { Analysis } from '../text/analyse.js';
import type { EHit } from './evaluate.js';

const JOIN_GAP = 30;
const CONTEXT_CHARS = 70;

/** The spans a match covers, merged where they are close, in reading order. */
export function spansOf(a: Analysis, hits: EHit[]): Span[] {
  const raw: { fi: number; span: Span }[] = [];
  for (const h of hits) {
    const first = a.tokens[h.from];
    const last = a.tokens[h.to];
    const f = a.fields[first.field];
    raw.push({ fi: first.field, span: { field: f.field, ...(f.index !== undefined ? { index: f.index } : {}), start: first.start, end: last.end } });
  }
  raw.sort((x, y) => x.fi - y.fi || x.span.start - y.span.start);
  const out: { fi: number; span: Span }[] = [];
  for (const r of raw) {
    const prev = out[out.length - 1];
    if (prev && prev.fi === r.fi && r.span.start - prev.span.end <= JOIN_GAP) prev.span.end = Math.max(prev.span.end, r.span.end);
    else out.push({ fi: r.fi, span: { ...r.span } });
  }
  return out.map((r) => r.span);
}

/** What the author wrote in that field (a link as written, not its spaced-out slug). */
function fieldText(a: Analysis, s: Span): string {
  const f = a.fields.find((x) => x.field === s.field && x.index === s.index);
  return f ? (f.display ?? f.text) : '';
}

export function matchedText(a: Analysis, spans: Span[]): string {
  return spans.map((s) => fieldText(a, s).slice(s.start, s.end)).join(' … ');
}

/**
 * A short excerpt around the match: one per field the match covers (the text, an image's text, a link …), each
 * labelled with its field, so a match that is half in the caption and half in the photo shows both halves.
 */
export function snippet(a: Analysis, spans: Span[], kind?: PostKind): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const s of spans) {
    const key = `${s.field}\u0000${s.index ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(excerpt(fieldText(a, s), s, kind));
  }
  return parts.join(' | ');
}

const LABELS: Partial<Record<Span['field'], string>> = { media_text: '[media] ', repost_of: '[repost of] ', reply_to: '[reply to] ', hashtags: '[hashtags] ', links: '[link] ' };
/** repost_of of a like names whose post was liked. */
const LIKED_OF = '[liked post of] ';

/** The words around the first span of a field, cut at word boundaries, with the field's label. */
function excerpt(text: string, s: Span, kind?: PostKind): string {
  let from = Math.max(0, s.start - CONTEXT_CHARS);
  let to = Math.min(text.length, s.end + CONTEXT_CHARS);
  // Snap to word boundaries so the excerpt does not start or end mid-word.
  if (from > 0) {
    const sp = text.indexOf(' ', from);
    if (sp !== -1 && sp < s.start) from = sp + 1;
  }
  if (to < text.length) {
    const sp = text.lastIndexOf(' ', to);
    if (sp > s.end) to = sp;
  }
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${kind === 'like' && s.field === 'repost_of' ? LIKED_OF : (LABELS[s.field] ?? '')}${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}
