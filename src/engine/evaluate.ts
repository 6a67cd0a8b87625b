// Evaluating a compiled rule expression against one post's hits.
// A result is null (no match), [] (true without a position: kind, has_link, not) or matches with their hits.

import type { Post, PostField } from '../model.js';
import type { Analysis } from '../text/analyse.js';
import type { CExpr, Compiled, EntityRef } from '../rules/compile.js';
import { REGEX_WINDOW_CHARS } from '../rules/regex-safety.js';

export interface EHit {
  pat: number;
  from: number;
  to: number;
  /** Entity references that count for the leaf that produced this hit. */
  refs: EntityRef[];
}

export interface Match {
  hits: EHit[];
  from: number;
  to: number;
}

export interface PostState {
  post: Post;
  analysis: Analysis;
  /** Valid hits per leaf id, filled from the trie pass. */
  leafHits: Map<number, EHit[]>;
  /** Folded text per field index, for regexes (computed on demand). */
  folded: Map<number, string>;
  hasLink: boolean;
  /** The analysis has a reply_to field (Scanner.fieldsOf), which only leaves that ask for it (`in: reply_to`) read. */
  replyTo: boolean;
}

function fieldOf(state: PostState, tokenIndex: number): PostField {
  return state.analysis.fields[state.analysis.tokens[tokenIndex].field].field;
}

function leafMatches(c: Compiled, state: PostState, leafId: number): Match[] | null {
  const hits = state.leafHits.get(leafId);
  if (!hits || hits.length === 0) return null;
  const leaf = c.leaves[leafId];
  const out: Match[] = [];
  for (const h of hits) {
    if (leaf.in ? fieldOf(state, h.from) !== leaf.in : state.replyTo && fieldOf(state, h.from) === 'reply_to') continue;
    if (leaf.atStart !== undefined && positionInSentence(state, h.from) >= leaf.atStart) continue;
    out.push({ hits: [h], from: h.from, to: h.to });
  }
  return out.length > 0 ? out : null;
}

/** How many tokens precede token i in its sentence (0 for the first). */
function positionInSentence(state: PostState, i: number): number {
  const toks = state.analysis.tokens;
  const s = toks[i].sent;
  let k = i;
  while (k > 0 && toks[k - 1].sent === s) k--;
  return i - k;
}

/** Keeps only the references to `cands` in a match's hits (hits without any reference stay as they are). */
function restrict(m: Match, cands: Set<string>): Match {
  return {
    from: m.from,
    to: m.to,
    hits: m.hits.map((h) => (h.refs.length === 0 ? h : { ...h, refs: h.refs.filter((r) => r.cand !== null && cands.has(r.cand)) })),
  };
}

/** Sentences of one post a regex runs on: with the window, this bounds what a post can make a regex do. */
const REGEX_WINDOWS_PER_POST = 20;

function regexMatches(c: Compiled, state: PostState, e: Extract<CExpr, { op: 'regex' }>): Match[] | null {
  const kw = state.leafHits.get(e.keywords);
  if (!kw || kw.length === 0) return null;
  const { tokens, fields } = state.analysis;
  const out: Match[] = [];
  const seenSentences = new Set<number>();
  for (const k of kw) {
    const tok = tokens[k.from];
    if (seenSentences.has(tok.sent)) continue;
    if (seenSentences.size >= REGEX_WINDOWS_PER_POST) break;
    seenSentences.add(tok.sent);
    if (e.in ? fields[tok.field].field !== e.in : fields[tok.field].field === 'reply_to') continue;
    // The regex sees the sentence around its keyword (tokens of that sentence, folded), bounded in tokens and in
    // characters (half of them before the keyword): regex-safety.ts prices what a regex may do on that window.
    let a = k.from;
    let b = k.to;
    let chars = 0;
    for (let i = a; i <= b; i++) chars += tokens[i].t.length + 1;
    const fits = (i: number, limit: number) => tokens[i].sent === tok.sent && tokens[i].field === tok.field && chars + tokens[i].t.length + 1 <= limit;
    while (a > 0 && k.from - a < 60 && fits(a - 1, REGEX_WINDOW_CHARS / 2)) chars += tokens[--a].t.length + 1;
    while (b + 1 < tokens.length && b - k.to < 60 && fits(b + 1, REGEX_WINDOW_CHARS)) chars += tokens[++b].t.length + 1;
    const parts: string[] = [];
    const starts: number[] = [];
    let len = 0;
    for (let i = a; i <= b; i++) {
      starts.push(len);
      parts.push(tokens[i].t);
      len += tokens[i].t.length + 1;
    }
    const window = parts.join(' ');
    e.re.lastIndex = 0;
    const m = e.re.exec(window);
    if (!m) continue;
    // Map the regex match back to the tokens it covers.
    let from = a;
    let to = a;
    for (let i = 0; i < starts.length; i++) {
      if (starts[i] <= m.index) from = a + i;
      if (starts[i] < m.index + Math.max(1, m[0].length)) to = a + i;
    }
    out.push({ hits: [{ pat: k.pat, from, to, refs: [] }], from, to });
  }
  void c;
  return out.length > 0 ? out : null;
}

function merge(ms: Match[]): Match {
  const hits: EHit[] = [];
  let from = Infinity;
  let to = -1;
  for (const m of ms) {
    for (const h of m.hits) hits.push(h);
    if (m.hits.length > 0) {
      from = Math.min(from, m.from);
      to = Math.max(to, m.to);
    }
  }
  return { hits, from: from === Infinity ? 0 : from, to };
}

/** The first entry of `list` (sorted by `from`) whose match starts at or after `from`. */
function firstFrom(list: { m: Match }[], from: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].m.from < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether two matches touch one clause: the nearer end of each lies in the same clause as the other's. */
function sameClause(tokens: PostState['analysis']['tokens'], a: Match, b: Match): boolean {
  return a.to < b.from ? tokens[a.to].clause === tokens[b.from].clause : b.to < a.from ? tokens[b.to].clause === tokens[a.from].clause : true;
}

function gap(a: Match, b: Match): number {
  return Math.max(a.from, b.from) - Math.min(a.to, b.to);
}

export function evaluate(c: Compiled, state: PostState, e: CExpr): Match[] | null {
  switch (e.op) {
    case 'leaf':
      return leafMatches(c, state, e.leaf);
    case 'regex':
      return regexMatches(c, state, e);
    case 'kind':
      return e.kinds.has(state.post.kind) ? [] : null;
    case 'has_link':
      return state.hasLink ? [] : null;
    case 'not':
      return evaluate(c, state, e.of) === null ? [] : null;
    case 'any': {
      let out: Match[] | null = null;
      for (const x of e.of) {
        const r = evaluate(c, state, x);
        if (r === null) continue;
        out = out === null ? [...r] : out.concat(r);
      }
      return out;
    }
    case 'all': {
      const parts: Match[][] = [];
      for (const x of e.of) {
        const r = evaluate(c, state, x);
        if (r === null) return null;
        parts.push(r);
      }
      const positioned = parts.filter((p) => p.length > 0);
      if (positioned.length === 0) return [];
      // One combined match: every positioned part contributes all its matches, so attribution sees every reference.
      return [merge(positioned.flat())];
    }
    case 'same_candidate': {
      // Every part must point at one same candidate: a ✌ next to "Gibran" is support, next to "Anies" it is not.
      const parts: Match[][] = [];
      const sets: Set<string>[] = [];
      for (const x of e.of) {
        const r = evaluate(c, state, x);
        if (r === null || r.length === 0) return null;
        const cands = new Set<string>();
        for (const m of r) for (const h of m.hits) for (const ref of h.refs) if (ref.cand !== null) cands.add(ref.cand);
        if (cands.size === 0) return null;
        parts.push(r);
        sets.push(cands);
      }
      const common = new Set([...sets[0]].filter((k) => sets.every((s) => s.has(k))));
      if (common.size === 0) return null;
      // Loops and push rather than map/flat: their arrays' element kinds differ from pushed ones, which deoptimised this.
      const kept: Match[] = [];
      for (const ms of parts)
        for (const m of ms) {
          const r = restrict(m, common);
          if (r.hits.some((h) => h.refs.length > 0)) kept.push(r);
        }
      return [merge(kept)];
    }
    case 'near': {
      const parts: Match[][] = [];
      for (const x of e.of) {
        const r = evaluate(c, state, x);
        if (r === null || r.length === 0) return null;
        parts.push(r);
      }
      const tokens = state.analysis.tokens;
      // Each anchor looks only at the matches close enough to be chosen (gap ≤ within), found by position: a post
      // repeating two words thousands of times would otherwise cost matches × matches.
      const byFrom: { m: Match; idx: number }[][] = [];
      const maxSpan: number[] = [];
      for (const ms of parts) {
        const list: { m: Match; idx: number }[] = [];
        let span = 0;
        for (let idx = 0; idx < ms.length; idx++) {
          list.push({ m: ms[idx], idx });
          span = Math.max(span, ms[idx].to - ms[idx].from);
        }
        byFrom.push(list.sort((a, b) => a.m.from - b.m.from || a.idx - b.idx));
        maxSpan.push(span);
      }
      const out: Match[] = [];
      for (const anchor of parts[0]) {
        const chosen: Match[] = [anchor];
        let ok = true;
        for (let i = 1; i < parts.length && ok; i++) {
          let best: Match | null = null;
          let bestGap = Infinity;
          let bestIdx = -1;
          let bestInClause = false;
          const list = byFrom[i];
          const hi = anchor.to + e.within;
          for (let k = firstFrom(list, anchor.from - e.within - maxSpan[i]); k < list.length && list[k].m.from <= hi; k++) {
            const { m, idx } = list[k];
            // Near means in the same sentence: "Gunakan hak pilihmu! Satu suara …" is not "pilih satu".
            if (tokens[m.from].field !== tokens[anchor.from].field) continue;
            if (tokens[m.from].sent !== tokens[anchor.to].sent && tokens[m.to].sent !== tokens[anchor.from].sent) continue;
            if (e.ordered && m.from <= chosen[chosen.length - 1].to) continue;
            // The same tokens read two ways (a slogan that is also a verb) are not two things near each other.
            if (m.from === anchor.from && m.to === anchor.to) continue;
            // A number that counts only because of the campaign dates must stand right next to the verb:
            // "pilih nomor 2" may be a vote, "pilih menu nomor 2" is lunch.
            const dateOnly = m.hits.every((h) => h.refs.length > 0 && h.refs.every((r) => r.dateOnly)) || anchor.hits.every((h) => h.refs.length > 0 && h.refs.every((r) => r.dateOnly));
            const g = gap(anchor, m) + (dateOnly && gap(anchor, m) > 1 ? e.within : 0);
            // On equal distance one in the anchor's own clause wins: in "jangan pilih 01, coblos 02" the "coblos" is
            // for 02, not for the 01 across the comma. Then the longer reading: "Prabowo-Gibran" says more than
            // "Prabowo"; then the first.
            const inClause = sameClause(tokens, anchor, m);
            let better = g < bestGap;
            if (!better && g === bestGap && best !== null) {
              if (inClause !== bestInClause) better = inClause;
              else better = m.to - m.from > best.to - best.from || (m.to - m.from === best.to - best.from && idx < bestIdx);
            }
            if (better) {
              bestGap = g;
              best = m;
              bestIdx = idx;
              bestInClause = inClause;
            }
          }
          if (best === null || bestGap > e.within) ok = false;
          else chosen.push(best);
        }
        if (ok) out.push(merge(chosen));
      }
      return out.length > 0 ? out : null;
    }
  }
}
