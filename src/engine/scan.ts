// Scanning one post: analyse its fields, find every literal in one trie pass, evaluate only the rules whose
// literals were hit, judge each match in context, attribute it to a candidate, and give the post its verdict.

import { replyToText, repostOfText, type Finding, type Post, type Verdict } from '../model.js';
import type { RuleDef } from '../rules/types.js';
import { TK, type Analysis, type FieldText } from '../text/analyse.js';
import { needMet, type Compiled, type EntityRef } from '../rules/compile.js';
import { scanTokens, type Hit } from './trie.js';
import { collectFacts, type Facts } from './facts.js';
import { evaluate, type EHit, type Match, type PostState } from './evaluate.js';
import { attribute } from './attribution.js';
import { ContextJudge, type ContextResult, type PostContext } from './context.js';
import { matchedText, snippet, spansOf } from './evidence.js';
import { fingerprint } from './fingerprint.js';
import { verdictOf } from './verdict.js';

export interface PostResult {
  post: Post;
  verdict: Verdict;
  findings: Finding[];
  /** Findings that context suppressed; only collected with `explain`. */
  suppressed: Finding[];
  /** Only with `explain`. */
  analysis?: Analysis;
  facts?: Facts;
}

export interface ScanOptions {
  /** Keep suppressed findings, the analysis and the facts, for `netral explain` and `--explain`. */
  explain?: boolean;
}

export class Scanner {
  private readonly judge: ContextJudge;
  /** Per post: which leaves the trie pass hit (leafSeen[leaf] === stamp) and which rules were already checked. */
  private readonly leafSeen: Int32Array;
  private readonly ruleSeen: Int32Array;
  private stamp = 0;
  private readonly leafWasHit = (leaf: number): boolean => this.leafSeen[leaf] === this.stamp;

  constructor(
    readonly compiled: Compiled,
    private readonly opts: ScanOptions = {},
  ) {
    this.judge = new ContextJudge(compiled);
    this.leafSeen = new Int32Array(compiled.leaves.length);
    this.ruleSeen = new Int32Array(compiled.rules.length);
  }

  /**
   * Whether any rule's need is met by the leaves of the trie's hits. Every valid hit is one of these, so when none
   * is met no rule can match and the post is clean: the per-post engine work (facts, context) is skipped.
   */
  private mayMatch(raw: Hit[]): boolean {
    const c = this.compiled;
    if (this.stamp === 0x7fffffff) {
      this.stamp = 0;
      this.leafSeen.fill(0);
      this.ruleSeen.fill(0);
    }
    const st = ++this.stamp;
    for (const h of raw) for (const leaf of c.patternLeaves[h.pat]) this.leafSeen[leaf] = st;
    for (const h of raw)
      for (const leaf of c.patternLeaves[h.pat])
        for (const r of c.leafRules[leaf]) {
          if (this.ruleSeen[r] === st) continue;
          this.ruleSeen[r] = st;
          if (needMet(c.ruleNeeds[r]!, this.leafWasHit)) return true;
        }
    return false;
  }

  fieldsOf(post: Post): FieldText[] {
    const fields: FieldText[] = [{ field: 'text', text: post.text }];
    for (let i = 0; i < post.media_text.length; i++) fields.push({ field: 'media_text', index: i, text: post.media_text[i] });
    let lower: string | null = null;
    if (post.hashtags.length > 0) {
      // Platforms list the tags of the text again; only tags the text does not show are scanned as their own field.
      lower = post.text.toLowerCase();
      const missing = post.hashtags.filter((h) => !lower!.includes(`#${h.toLowerCase()}`));
      if (missing.length > 0) fields.push({ field: 'hashtags', text: missing.map((h) => `#${h}`).join(' ') });
    }
    if (post.mentions.length > 0) {
      lower ??= post.text.toLowerCase();
      const missing = post.mentions.filter((h) => !lower!.includes(`@${h.toLowerCase()}`));
      if (missing.length > 0) fields.push({ field: 'mentions', text: missing.map((h) => `@${h}`).join(' ') });
    }
    if (post.repost_of) fields.push({ field: 'repost_of', text: repostOfText(post) });
    // Whom a reply answers: only rules that ask for it (`in: reply_to`) see it. Everything else about a reply to a
    // candidate's account — a complaint to a sitting governor, a question — is judged on its own words.
    if (post.reply_to && post.kind === 'reply') fields.push({ field: 'reply_to', text: replyToText(post) });
    // A shared article's slug says what it is about (…/prabowo-janji-makan-siang-gratis): its words are a field of
    // their own, with separators turned into spaces so offsets still point into the link.
    const links = post.links;
    for (let i = 0; i < links.length && i < 10; i++) fields.push({ field: 'links', index: i, text: slugText(links[i]), display: links[i].slice(0, 2000) });
    return fields;
  }

  /**
   * A rule whose matches point at different candidates names none (a tie). When they take opposite sides — "jangan
   * pilih Anies, pilih Prabowo": an attack on one, a call for the other — each side is a finding of its own. Matches
   * that all support (or all attack) several candidates stay one finding without a candidate, as before: "dukung
   * Anies atau Prabowo, terserah" takes no side.
   */
  private splitByStance(def: RuleDef, analysis: Analysis, matches: Match[], facts: Facts, pc: PostContext): Draft[] | null {
    const c = this.compiled;
    const groups = new Map<string, Match[]>();
    for (const m of matches) {
      const a = attribute(c, m.hits, facts);
      if (a.candidate === null || a.fromPost) continue;
      const g = groups.get(a.candidate);
      if (g) g.push(m);
      else groups.set(a.candidate, [m]);
    }
    if (groups.size < 2) return null;
    const out: Draft[] = [];
    for (const [cand, ms] of groups) {
      const hits: EHit[] = [];
      for (const m of ms) for (const h of m.hits) hits.push(h);
      const attr = attribute(c, hits, facts);
      if (attr.candidate !== cand) return null;
      const m = pickMatch(ms, cand);
      const ctx = this.judge.judge(def, analysis, m, attr, pc, facts.day);
      if (ctx.suppressed) return null;
      out.push(draftOf(def, cand, ctx, m));
    }
    return out.some((d) => d.stance === 'support') && out.some((d) => d.stance === 'against') ? out : null;
  }

  scan(post: Post): PostResult {
    const c = this.compiled;
    const analysis = c.analyzer.analyse(this.fieldsOf(post));
    const raw: Hit[] = [];
    scanTokens(c.trie, analysis.tokens, raw);
    if (!this.opts.explain && !this.mayMatch(raw)) return { post, verdict: 'clean', findings: [], suppressed: [] };
    const { facts, hits } = collectFacts(c, analysis, raw, post.created_at);

    // Hits per leaf; entity leaves keep only the references of their type (and elections).
    const leafHits = new Map<number, EHit[]>();
    for (const h of hits) {
      const refs = facts.refsOf.get(h);
      const isEntity = c.patterns[h.pat].refs.length > 0;
      for (const leafId of c.patternLeaves[h.pat]) {
        const leaf = c.leaves[leafId];
        let leafRefs: EntityRef[] = [];
        if (leaf.entity) {
          if (!refs) continue;
          const { type, elections } = leaf.entity;
          for (const r of refs) if (r.types.includes(type) && (elections === null || elections.has(r.election))) leafRefs.push(r);
          if (leafRefs.length === 0) continue;
        } else if (isEntity && refs) {
          leafRefs = refs;
        }
        const list = leafHits.get(leafId);
        const eh: EHit = { pat: h.pat, from: h.from, to: h.to, refs: leafRefs };
        if (list) list.push(eh);
        else leafHits.set(leafId, [eh]);
      }
    }
    // Only rules whose need the valid hits meet can match.
    const candidates = new Set<number>();
    for (const leafId of leafHits.keys()) for (const r of c.leafRules[leafId]) candidates.add(r);
    const has = (leaf: number) => leafHits.has(leaf);
    const order = [...candidates].filter((r) => needMet(c.ruleNeeds[r]!, has)).sort((x, y) => x - y);

    const drafts: Draft[] = [];
    const suppressedDrafts: Draft[] = [];
    if (order.length > 0) {
      const state: PostState = {
        post,
        analysis,
        leafHits,
        folded: new Map(),
        hasLink: post.links.length > 0 || analysis.tokens.some((t) => t.kind === TK.Url),
        replyTo: analysis.fields.some((f) => f.field === 'reply_to'),
      };
      const pc = this.judge.postContext(analysis, facts, post.links, post.repost_of, post.kind);
      for (const ri of order) {
        const rule = c.rules[ri];
        const matches = evaluate(c, state, rule.expr);
        if (matches === null || matches.length === 0) continue;
        const allHits: EHit[] = [];
        for (const m of matches) for (const h of m.hits) allHits.push(h);
        const attr = attribute(c, allHits, facts);
        const def = rule.def;
        const split = attr.candidate === null && matches.length > 1 ? this.splitByStance(def, analysis, matches, facts, pc) : null;
        if (split !== null) {
          for (const d of split) drafts.push(d);
          continue;
        }
        const m = pickMatch(matches, attr.candidate);
        const ctx = this.judge.judge(def, analysis, m, attr, pc, facts.day);
        if (ctx.suppressed && !this.opts.explain) continue;
        (ctx.suppressed ? suppressedDrafts : drafts).push(draftOf(def, attr.candidate, ctx, m));
      }
    }
    // A mention adds nothing when the same post already has a finding of substance; two rules finding the same
    // thing (same category, candidate and stance) are one finding, the strongest. Only the findings kept are
    // written out (fingerprint, matched words, excerpt).
    const substantive = drafts.some((f) => f.def.category !== 'candidate_mention');
    // Built by push, not map: map's arrays are of another element kind than [], and mixing them deoptimised this.
    const kept: Finding[] = [];
    for (const d of strongestPerKind(substantive ? drafts.filter((f) => f.def.category !== 'candidate_mention') : drafts)) kept.push(findingOf(post, analysis, d));
    const suppressed: Finding[] = [];
    for (const d of suppressedDrafts) suppressed.push(findingOf(post, analysis, d));
    const verdict = kept.length === 0 ? 'clean' : verdictOf(kept);
    for (const f of kept) f.verdict = verdict;
    const result: PostResult = { post, verdict, findings: kept, suppressed };
    if (this.opts.explain) {
      result.analysis = analysis;
      result.facts = facts;
    }
    return result;
  }
}

/** A link with its path separators as spaces (same length), host and query kept: "kompas com read prabowo janji". */
export function slugText(url: string): string {
  return url.slice(0, 2000).replace(/^[a-z]+:\/\//i, (m) => ' '.repeat(m.length)).replace(/[-_/.?=&#+%]/g, ' ');
}

/**
 * The match shown as the finding's evidence: the first that names the candidate — or, where another match over the
 * same words names it more strongly, that one. "Dedi Mulyadi" and its own first word "Dedi" (an ambiguous alias,
 * weak) both match a mention at the same place; the analyst must see the full name.
 */
function pickMatch(matches: Match[], candidate: string | null): Match {
  if (candidate === null) return matches[0];
  const strength = (m: Match) => {
    let s = -1;
    // cand !== null first: comparing a string with null deoptimised the string comparison.
    for (const h of m.hits) for (const r of h.refs) if (r.cand !== null && r.cand === candidate && r.strength > s) s = r.strength;
    return s;
  };
  const first = matches.find((m) => strength(m) >= 0);
  if (first === undefined) return matches[0];
  let best = first;
  let bestStrength = strength(first);
  for (const m of matches) {
    if (m.from > first.to || m.to < first.from) continue;
    const s = strength(m);
    if (s > bestStrength) {
      best = m;
      bestStrength = s;
    }
  }
  return best;
}

/** A rule's match in a post, judged, before it is written out as a finding. */
interface Draft {
  def: RuleDef;
  candidate: string | null;
  stance: Finding['stance'];
  confidence: number;
  modifiers: Finding['modifiers'];
  m: Match;
}

/** A rule's match as judged in context: the rule's confidence scaled by the context's factor, clamped to 0–1. */
function draftOf(def: RuleDef, candidate: string | null, ctx: ContextResult, m: Match): Draft {
  return { def, candidate, stance: ctx.stance, confidence: round2(Math.min(1, Math.max(0, def.confidence * ctx.factor))), modifiers: ctx.modifiers, m };
}

function findingOf(post: Post, analysis: Analysis, d: Draft): Finding {
  const spans = spansOf(analysis, d.m.hits);
  const def = d.def;
  return {
    fingerprint: fingerprint(post.platform, post.author, post.id, def.id, d.candidate),
    post_id: post.id,
    platform: post.platform,
    author: post.author,
    author_name: post.author_name,
    created_at: post.created_at,
    url: post.url,
    kind: post.kind,
    source: post.source,
    rule_id: def.id,
    rule_title: def.title,
    category: def.category,
    severity: def.severity,
    confidence: d.confidence,
    candidate: d.candidate,
    stance: d.stance,
    matched: matchedText(analysis, spans),
    spans,
    evidence: snippet(analysis, spans, post.kind),
    legal_basis: def.legal_basis,
    verdict: 'clean',
    modifiers: d.modifiers,
    ...(post.evidence_sha256 ? { evidence_sha256: post.evidence_sha256 } : {}),
  };
}

/** One finding per category, candidate and stance: the most confident (the first rule on a tie). */
function strongestPerKind(drafts: Draft[]): Draft[] {
  const best = new Map<string, Draft>();
  for (const f of drafts) {
    const k = `${f.def.category}\u0000${f.candidate ?? ''}\u0000${f.stance}`;
    const prev = best.get(k);
    if (!prev || f.confidence > prev.confidence) best.set(k, f);
  }
  return drafts.filter((f) => best.get(`${f.def.category}\u0000${f.candidate ?? ''}\u0000${f.stance}`) === f);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
