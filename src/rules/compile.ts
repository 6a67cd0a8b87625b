// Compiling a rule set: every literal (rule terms, lists, election entities) becomes a pattern in one token trie;
// every rule becomes a small expression tree over "leaves", each leaf a set of patterns. Done once at start-up,
// so the per-post path only walks the trie and evaluates the rules whose patterns were hit.

import type { PostField, PostKind } from '../model.js';
import { RuleError, type Problem } from '../errors.js';
import { Analyzer, TK, FLAG, type Token } from '../text/analyse.js';
import { Lexicon } from '../text/lexicon.js';
import { fold } from '../text/fold.js';
import { stem } from '../text/stem.js';
import { insert, trieNode, type Step, type TrieNode } from '../engine/trie.js';
import type { RuleSet } from './load.js';
import type { ElectionDef, EntityType, Expr, Pos, RuleDef, TermSpec } from './types.js';

/** How strongly an entity reference points at a candidate on its own. */
export const STRENGTH = { Weak: 0, Medium: 1, Strong: 2 } as const;
export type Strength = (typeof STRENGTH)[keyof typeof STRENGTH];

export interface EntityRef {
  types: EntityType[];
  election: string;
  /** Ballot number of the candidate or party; 0 for race-level references (election words). */
  number: number;
  /** `<election>:<number>`, or null for race-level references. */
  cand: string | null;
  strength: Strength;
  /** Ordinary word as well (amin): needs an election cue or capitals, and never next to a prayer. */
  ambiguous?: boolean;
  /** Campaign word only inside the campaign window ("Indonesia Maju"). */
  windowOnly?: boolean;
  party?: boolean;
  /** Set per post by the engine: the reference counts only because of the campaign dates, no word names a race. */
  dateOnly?: boolean;
}

/**
 * A reference with all its fields, in one order: the engine reads references in its hot loops, and one hidden
 * class keeps those reads monomorphic (fields left out would give each combination a shape of its own).
 */
export function entityRef(r: EntityRef, types: EntityType[] = r.types, dateOnly: boolean | undefined = r.dateOnly): EntityRef {
  return { types, election: r.election, number: r.number, cand: r.cand, strength: r.strength, ambiguous: r.ambiguous, windowOnly: r.windowOnly, party: r.party, dateOnly };
}

export interface Pattern {
  id: number;
  /** The term as written in the pack, for explanations. */
  text: string;
  /** The compiled steps, e.g. "s:dukung n:02". */
  key: string;
  upper: boolean;
  refs: EntityRef[];
  /** Names of the lists the pattern belongs to. */
  lists: string[];
}

export interface Leaf {
  id: number;
  patterns: Set<number>;
  /** For entity leaves: which references count. */
  entity?: { type: EntityType; elections: Set<string> | null };
  in?: PostField;
  /** The hit must start within the first N tokens of its sentence. */
  atStart?: number;
}

export type CExpr =
  | { op: 'leaf'; leaf: number }
  | { op: 'regex'; re: RegExp; keywords: number; in?: PostField }
  | { op: 'all' | 'any'; of: CExpr[] }
  | { op: 'not'; of: CExpr }
  | { op: 'near'; of: CExpr[]; within: number; ordered: boolean }
  | { op: 'same_candidate'; of: CExpr[] }
  | { op: 'kind'; kinds: Set<PostKind> }
  | { op: 'has_link' };

/**
 * A necessary condition for a match, over which leaves have hits: a leaf id, or all/any of smaller conditions.
 * It is what the evaluator cannot do without, so a rule whose need is unmet would return no match.
 */
export type Need = number | { all: Need[] } | { any: Need[] };

export interface CompiledRule {
  def: RuleDef;
  expr: CExpr;
}

export interface ElectionInfo {
  def: ElectionDef;
  /** Day numbers (days since epoch, UTC) of the full-confidence window and the campaign window. */
  appliesFrom: number | null;
  appliesTo: number | null;
  campaignFrom: number | null;
  campaignTo: number | null;
  /** Day the race's winners took office (dates.inauguration), or null: from then on a title names an official. */
  inauguratedFrom: number | null;
  /** Sort key for tie-breaks: the voting day, or the end of the window. */
  recency: number;
  candidateCount: number;
}

export interface Compiled {
  analyzer: Analyzer;
  lexicon: Lexicon;
  trie: TrieNode;
  patterns: Pattern[];
  leaves: Leaf[];
  rules: CompiledRule[];
  /** For each pattern, the leaves it belongs to. */
  patternLeaves: number[][];
  /**
   * For each rule, what its match needs from the post's leaves: a rule whose need is unmet cannot match, so it is
   * not evaluated. Null for a rule that can never match with a position (it never yields a finding).
   */
  ruleNeeds: (Need | null)[];
  /** For each leaf, the rules whose need mentions it: only those are worth checking when the leaf is hit. */
  leafRules: number[][];
  elections: Map<string, ElectionInfo>;
  /** Pattern ids of each named list (the context stage reads prohibition, voter_education, …). */
  listPatterns: Map<string, Set<number>>;
  /** Patterns that carry entity references. */
  entityPatterns: Set<number>;
  ruleSet: RuleSet;
}

// Number words for {word}: Indonesian, then Javanese and Sundanese (ballot numbers are said in regional languages:
// "nomer loro", "nomer tilu"). Beyond five only Indonesian.
// Also Minang (ciek, duo, tigo, ampek), Madurese (settong, duwa', tello', empa'), Javanese krama (setunggal, kalih,
// sekawan), Batak (sada, tolu), Bugis (tellu, eppa'), Makassar (tallu, appa'), Balinese (besik), Banjar (talu) and
// Acehnese (lhee, peuet). Only words that are no Indonesian word of their own: the bare forms follow a vote verb.
const NUMBER_WORDS: string[][] = [
  ['nol'],
  ['satu', 'siji', 'hiji', 'ciek', 'settong', 'setunggal', 'sada', 'besik'],
  ['dua', 'loro', 'duo', 'kalih', 'duwa'],
  ['tiga', 'telu', 'tilu', 'tigo', 'tello', 'tolu', 'tellu', 'tallu', 'talu', 'lhee'],
  ['empat', 'papat', 'opat', 'ampek', 'sekawan', 'empa', 'eppa', 'appa', 'peuet'],
  ['lima', 'limo'],
  ['enam'], ['tujuh'], ['delapan'], ['sembilan'], ['sepuluh'], ['sebelas'], ['dua belas'], ['tiga belas'], ['empat belas'],
  ['lima belas'], ['enam belas'], ['tujuh belas'], ['delapan belas'], ['sembilan belas'], ['dua puluh'],
];

interface TemplateSpec {
  types: EntityType[];
  strength: Strength;
  /** Expanded for parties instead of candidates. */
  party?: boolean;
  /** Only for this ballot number (gesture_forms_2: ✌ is a 2 in every race). */
  number?: number;
  /** Only for the pair of a race with a single pair, which runs against the empty column. */
  single?: boolean;
  /** Only inside the election's campaign window, whatever the cue (engine/facts.ts, validRefs). */
  windowOnly?: boolean;
}

/**
 * Lists whose terms are templates expanded per candidate or party: {n} = 2, {nn} = 02, {word} = dua (and its
 * regional forms). The list name says what the expansions are; `gesture_forms_N` apply to ballot number N only.
 */
function templateSpec(name: string): TemplateSpec | null {
  switch (name) {
    case 'ballot_forms_medium':
      return { types: ['candidate', 'ballot_number'], strength: STRENGTH.Medium };
    case 'ballot_forms_weak':
      return { types: ['candidate', 'ballot_number'], strength: STRENGTH.Weak };
    case 'ballot_forms_bare':
      return { types: ['bare_number'], strength: STRENGTH.Weak };
    case 'gesture_forms':
      return { types: ['gesture'], strength: STRENGTH.Medium };
    case 'gesture_forms_weak':
      return { types: ['gesture'], strength: STRENGTH.Weak };
    case 'party_forms':
      return { types: ['party', 'candidate'], strength: STRENGTH.Medium, party: true };
    case 'party_forms_weak':
      // "Pilih nomor 2" names a party only around its vote, unless the post names the party: in 2026 it is a menu.
      return { types: ['candidate', 'ballot_number'], strength: STRENGTH.Weak, party: true, windowOnly: true };
    case 'empty_column_forms':
      return { types: ['against', 'empty_column'], strength: STRENGTH.Medium, single: true };
  }
  const m = /^gesture_forms_(\d+)$/.exec(name);
  return m ? { types: ['gesture'], strength: STRENGTH.Weak, number: Number(m[1]) } : null;
}

export function dayNumber(date: string): number {
  return Math.floor(Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date) / 86_400_000);
}

function leafOpts(e: { in?: PostField; at_start?: number }): Partial<Leaf> {
  return { ...(e.in ? { in: e.in } : {}), ...(e.at_start !== undefined ? { atStart: e.at_start } : {}) };
}

class Compiler {
  readonly lexicon = new Lexicon();
  readonly analyzer = new Analyzer(this.lexicon);
  readonly trie: TrieNode = trieNode();
  readonly patterns: Pattern[] = [];
  readonly leaves: Leaf[] = [];
  private readonly leafByKey = new Map<string, number>();
  private readonly byKey = new Map<string, Pattern>();
  readonly problems: Problem[] = [];
  readonly listPatterns = new Map<string, Set<number>>();
  readonly entityPatterns = new Set<number>();
  /** Patterns per entity type, with their refs. */
  readonly entityIndex = new Map<EntityType, Set<number>>();

  /** Texts already added to the lexicon, and the tokens of texts already read as terms: many recur. */
  private readonly lexiconTexts = new Set<string>();
  private readonly termTokens = new Map<string, Token[]>();

  /** Pass 1: every word any term contains, and its stem, so that pass 2 can read obfuscated terms consistently. */
  addToLexicon(text: string): void {
    if (this.lexiconTexts.has(text)) return;
    this.lexiconTexts.add(text);
    const f = fold(text).text;
    for (const m of f.matchAll(/[\p{L}\p{N}]+/gu)) {
      this.lexicon.add(m[0]);
      if (/^\p{L}+$/u.test(m[0])) this.lexicon.add(stem(m[0]));
    }
    // A word a term writes before a number ("paslon 2", "zorvak2") keeps reading that way in posts (see takesNumber).
    for (const m of f.matchAll(/(\p{L}+) *[0-9]/gu)) this.lexicon.addNumberHead(m[1]);
  }

  /** Pass 2: a term → a pattern (shared when two terms compile to the same steps). */
  pattern(term: TermSpec, fallback: Pos, where: string): Pattern | null {
    const pos = term.pos ?? fallback;
    // The same text reads the same way throughout pass 2 (the lexicon no longer changes).
    let toks = this.termTokens.get(term.text);
    if (toks === undefined) {
      // A hashtag term is its tag token alone; the words split out of it are for posts, not for the pattern.
      toks = this.analyzer.analyseText(term.text).tokens.filter((t) => (t.flags & FLAG.InTag) === 0 && t.kind !== TK.Url);
      this.termTokens.set(term.text, toks);
    }
    if (toks.length === 0) {
      this.problems.push({ ...pos, where, message: `term "${term.text}" has nothing to match (no words, numbers, hashtags or emoji)` });
      return null;
    }
    if (toks.length > 12) {
      this.problems.push({ ...pos, where, message: `term "${term.text}" is longer than 12 tokens; split it or use near:` });
      return null;
    }
    const steps: Step[] = toks.map((t) => this.step(t, term));
    const key = steps.map((s) => `${s.k}:${s.v}`).join(' ') + (term.upper ? ' !upper' : '');
    let p = this.byKey.get(key);
    if (!p) {
      p = { id: this.patterns.length, text: term.text, key, upper: term.upper === true, refs: [], lists: [] };
      this.patterns.push(p);
      this.byKey.set(key, p);
      insert(this.trie, steps, p.id);
    }
    return p;
  }

  private step(t: Token, term: TermSpec): Step {
    switch (t.kind) {
      case TK.Number:
        return { k: 'n', v: t.t };
      case TK.Hashtag:
        return { k: 'h', v: t.t };
      case TK.Emoji:
        return { k: 'e', v: t.t };
      case TK.Mention:
        return { k: 'm', v: t.t };
      default: {
        const byStem = term.mode === 'stem' || (term.mode === 'auto' && t.stem === t.t);
        return byStem ? { k: 's', v: t.stem } : { k: 'w', v: t.t };
      }
    }
  }

  /**
   * The leaf for these patterns and options, shared by every rule that asks for the same: a thousand rules that
   * refer to `list: vote_verbs` are one leaf, so a post's hit on "dukung" is recorded once, not once per rule.
   */
  leaf(patterns: Iterable<number>, extra: Partial<Leaf> = {}): number {
    const set = new Set(patterns);
    const e = extra.entity;
    const key = JSON.stringify([[...set].sort((a, b) => a - b), e ? [e.type, e.elections ? [...e.elections].sort() : null] : null, extra.in ?? null, extra.atStart ?? null]);
    const known = this.leafByKey.get(key);
    if (known !== undefined) return known;
    const id = this.leaves.length;
    this.leaves.push({ id, patterns: set, ...extra });
    this.leafByKey.set(key, id);
    return id;
  }

  addRef(p: Pattern, ref: EntityRef): void {
    const same = p.refs.find((r) => r.cand === ref.cand && r.election === ref.election && r.strength === ref.strength && r.ambiguous === ref.ambiguous && r.windowOnly === ref.windowOnly);
    if (same) {
      for (const t of ref.types) if (!same.types.includes(t)) same.types.push(t);
    } else p.refs.push(entityRef(ref, [...ref.types]));
    this.entityPatterns.add(p.id);
    for (const t of ref.types) {
      let set = this.entityIndex.get(t);
      if (!set) this.entityIndex.set(t, (set = new Set()));
      set.add(p.id);
    }
  }
}

function electionInfo(def: ElectionDef): ElectionInfo {
  const d = def.dates;
  const campaignFrom = d.campaign ? dayNumber(d.campaign.start) : null;
  const campaignTo = d.voting ? dayNumber(d.voting) : d.campaign ? dayNumber(d.campaign.end) : null;
  let appliesFrom: number | null = null;
  let appliesTo: number | null = null;
  if (d.applies) {
    appliesFrom = dayNumber(d.applies.start);
    appliesTo = dayNumber(d.applies.end);
  } else if (campaignFrom !== null || campaignTo !== null) {
    // Support starts before the official campaign (bakal calon) and lingers until results are settled.
    appliesFrom = (campaignFrom ?? campaignTo!) - 180;
    appliesTo = (campaignTo ?? campaignFrom!) + 45;
  }
  return {
    def,
    appliesFrom,
    appliesTo,
    campaignFrom: campaignFrom !== null ? campaignFrom - 90 : null,
    campaignTo,
    inauguratedFrom: d.inauguration ? dayNumber(d.inauguration) : null,
    recency: campaignTo ?? appliesTo ?? 0,
    candidateCount: def.candidates.length + def.parties.length,
  };
}

export function compile(rs: RuleSet): Compiled {
  const c = new Compiler();

  // ---- pass 1: lexicon ----
  const templates = new Map<string, TermSpec[]>();
  for (const [name, terms] of rs.lists) {
    if (templateSpec(name)) templates.set(name, terms);
    else for (const t of terms) c.addToLexicon(t.text);
  }
  const entityStrings = (e: ElectionDef): string[] => [
    ...e.words,
    ...e.region_words,
    ...e.candidates.flatMap((k) => [...k.names, ...k.aliases, ...k.ambiguous_aliases, ...k.upper_aliases, ...k.hashtags, ...k.slogans, ...k.window_slogans, ...k.gestures, ...k.accounts, ...k.against, String(k.number).padStart(2, '0')]),
    ...e.parties.flatMap((p) => [p.name, ...p.aliases, ...p.upper_aliases, ...p.ambiguous_aliases, ...p.hashtags, ...p.accounts]),
  ];
  for (const e of rs.elections) for (const s of entityStrings(e)) c.addToLexicon(s);
  /** Every expansion of a template for ballot number n ({word} has several). */
  const expand = (tpl: string, n: number): string[] => {
    const base = tpl.replaceAll('{nn}', String(n).padStart(2, '0')).replaceAll('{n}', String(n));
    return base.includes('{word}') ? (NUMBER_WORDS[n] ?? [String(n)]).map((w) => base.replaceAll('{word}', w)) : [base];
  };
  for (const [, terms] of templates)
    for (const e of rs.elections)
      for (const k of [...e.candidates, ...e.parties]) for (const t of terms) for (const x of expand(t.text, k.number)) c.addToLexicon(x);
  const visitTerms = (e: Expr, fn: (t: TermSpec) => void): void => {
    if (e.op === 'term' || e.op === 'hashtag' || e.op === 'emoji' || e.op === 'mention') literalTerms(e).forEach(fn);
    else if (e.op === 'regex') e.keywords.forEach(fn);
    else if (e.op === 'all' || e.op === 'any' || e.op === 'near' || e.op === 'same_candidate') e.of.forEach((x) => visitTerms(x, fn));
    else if (e.op === 'not') visitTerms(e.of, fn);
  };
  // Examples are posts, not vocabulary: only the match's terms.
  for (const r of rs.rules) visitTerms(r.match, (t) => c.addToLexicon(t.text));

  // ---- pass 2: patterns ----
  for (const [name, terms] of rs.lists) {
    if (templateSpec(name)) continue;
    const set = new Set<number>();
    for (const t of terms) {
      const p = c.pattern(t, { file: '(list)', line: 0, col: 0 }, `list ${name}`); // terms carry their own position
      if (!p) continue;
      set.add(p.id);
      if (!p.lists.includes(name)) p.lists.push(name);
    }
    c.listPatterns.set(name, set);
  }

  const elections = new Map<string, ElectionInfo>();
  for (const e of rs.elections) {
    elections.set(e.id, electionInfo(e));
    const where = `election ${e.id}`;
    const add = (text: string, ref: Omit<EntityRef, 'election'>, mode: TermSpec['mode'] = 'exact', upper = false) => {
      const p = c.pattern({ text, mode, ...(upper ? { upper } : {}) }, e.pos, where);
      if (p) c.addRef(p, { ...ref, election: e.id });
    };
    for (const w of e.words) add(w, { types: ['election'], number: 0, cand: null, strength: STRENGTH.Medium });
    for (const w of e.region_words) add(w, { types: ['region'], number: 0, cand: null, strength: STRENGTH.Weak });
    // A race with one pair is run against the empty column (kotak kosong): calling for the column is against the pair.
    const single = e.candidates.length === 1 && e.parties.length === 0;
    for (const k of e.candidates) {
      const cand = `${e.id}:${k.number}`;
      const base = { number: k.number, cand };
      for (const n of k.names) {
        add(n, { ...base, types: ['candidate', 'candidate_name'], strength: STRENGTH.Strong });
      }
      for (const a of k.aliases) add(a, { ...base, types: ['candidate', 'candidate_name'], strength: STRENGTH.Medium });
      for (const a of k.ambiguous_aliases) add(a, { ...base, types: ['candidate', 'candidate_name'], strength: STRENGTH.Weak, ambiguous: true });
      for (const a of k.upper_aliases) add(a, { ...base, types: ['candidate', 'candidate_name'], strength: STRENGTH.Medium }, 'exact', true);
      // A hashtag that is also an ambiguous alias (#AMIN, #amin after a prayer) is as ambiguous as the alias.
      const ambiguousWords = new Set(k.ambiguous_aliases.map((x) => x.toLowerCase()));
      for (const h of k.hashtags)
        add(`#${h}`, { ...base, types: ['campaign_hashtag', 'candidate'], strength: ambiguousWords.has(h.toLowerCase()) ? STRENGTH.Weak : STRENGTH.Strong, ...(ambiguousWords.has(h.toLowerCase()) ? { ambiguous: true } : {}) });
      for (const s of k.slogans) add(s, { ...base, types: ['slogan'], strength: STRENGTH.Weak }, 'auto');
      for (const s of k.window_slogans) add(s, { ...base, types: ['slogan'], strength: STRENGTH.Weak, windowOnly: true }, 'auto');
      for (const g of k.gestures) add(g, { ...base, types: ['gesture'], strength: STRENGTH.Weak });
      for (const a of k.accounts) add(`@${a}`, { ...base, types: ['account', 'candidate', 'candidate_name'], strength: STRENGTH.Strong });
      for (const a of k.against) add(a, { ...base, types: ['against'], strength: STRENGTH.Medium }, 'auto');
      for (const [list, terms] of templates) {
        const spec = templateSpec(list)!;
        if (spec.party || (spec.number !== undefined && spec.number !== k.number) || (spec.single && !single)) continue;
        for (const t of terms) for (const x of expand(t.text, k.number)) add(x, { ...base, types: spec.types, strength: spec.strength }, t.mode);
      }
    }
    for (const p of e.parties) {
      const cand = `${e.id}:${p.number}`;
      const base = { number: p.number, cand, party: true };
      for (const n of [p.name, ...p.aliases]) add(n, { ...base, types: ['party'], strength: STRENGTH.Strong });
      for (const n of p.upper_aliases) add(n, { ...base, types: ['party'], strength: STRENGTH.Strong }, 'exact', true);
      for (const n of p.ambiguous_aliases) add(n, { ...base, types: ['party'], strength: STRENGTH.Weak, ambiguous: true });
      for (const h of p.hashtags) add(`#${h}`, { ...base, types: ['party', 'campaign_hashtag'], strength: STRENGTH.Strong });
      for (const a of p.accounts) add(`@${a}`, { ...base, types: ['party_account', 'account'], strength: STRENGTH.Strong });
      for (const [list, terms] of templates) {
        const spec = templateSpec(list)!;
        if (!spec.party) continue;
        for (const t of terms) for (const x of expand(t.text, p.number)) add(x, { ...base, types: spec.types, strength: spec.strength, windowOnly: spec.windowOnly }, t.mode);
      }
    }
  }

  // ---- rules ----
  const rules: CompiledRule[] = [];
  for (const def of rs.rules) {
    const where = `rule ${def.id}`;
    const build = (e: Expr): CExpr => {
      switch (e.op) {
        case 'term':
        case 'hashtag':
        case 'emoji':
        case 'mention': {
          const pats = literalTerms(e).map((t) => c.pattern(t, e.pos, where)).filter((p): p is Pattern => p !== null).map((p) => p.id);
          return { op: 'leaf', leaf: c.leaf(pats, leafOpts(e)) };
        }
        case 'list': {
          const tpl = templateSpec(e.name);
          const pats = tpl ? [] : [...(c.listPatterns.get(e.name) ?? [])];
          if (tpl) c.problems.push({ ...e.pos, where, message: `list "${e.name}" holds templates; refer to it through entity:` });
          return { op: 'leaf', leaf: c.leaf(pats, leafOpts(e)) };
        }
        case 'entity': {
          const pats = [...(c.entityIndex.get(e.type) ?? [])].filter((p) => !e.elections || c.patterns[p].refs.some((r) => e.elections!.includes(r.election)));
          return { op: 'leaf', leaf: c.leaf(pats, { entity: { type: e.type, elections: e.elections ? new Set(e.elections) : null }, ...leafOpts(e) }) };
        }
        case 'regex': {
          const pats = e.keywords.map((t) => c.pattern(t, e.pos, where)).filter((p): p is Pattern => p !== null).map((p) => p.id);
          return { op: 'regex', re: new RegExp(e.source, 'gu'), keywords: c.leaf(pats), ...(e.in ? { in: e.in } : {}) };
        }
        case 'all':
        case 'any':
          return { op: e.op, of: e.of.map((x) => build(x)) };
        case 'not':
          return { op: 'not', of: build(e.of) };
        case 'near':
          return { op: 'near', of: e.of.map((x) => build(x)), within: e.within, ordered: e.ordered };
        case 'same_candidate':
          return { op: 'same_candidate', of: e.of.map((x) => build(x)) };
        case 'kind':
          return { op: 'kind', kinds: new Set(e.kinds) };
        case 'has_link':
          return { op: 'has_link' };
      }
    };
    const expr = build(def.match);
    rules.push({ def, expr });
  }
  const patternLeaves: number[][] = c.patterns.map(() => []);
  for (const leaf of c.leaves) for (const p of leaf.patterns) patternLeaves[p].push(leaf.id);
  const ruleNeeds = rules.map((r) => positioned(r.expr));
  const leafRules: number[][] = c.leaves.map(() => []);
  const weight = (leaf: number) => c.leaves[leaf].patterns.size;
  ruleNeeds.forEach((n, ri) => {
    if (n !== null) for (const leaf of triggers(n, weight)) leafRules[leaf].push(ri);
  });

  if (c.problems.length > 0) throw new RuleError(c.problems);
  return {
    analyzer: c.analyzer,
    lexicon: c.lexicon,
    trie: c.trie,
    patterns: c.patterns,
    leaves: c.leaves,
    rules,
    patternLeaves,
    ruleNeeds,
    leafRules,
    elections,
    listPatterns: c.listPatterns,
    entityPatterns: c.entityPatterns,
    ruleSet: rs,
  };
}

// What evaluate() (engine/evaluate.ts) needs to return a match with a position, and to return anything but null.
// null stands for "never" in `positioned` and for "always possible" in `nonNull`.

/** Need for a non-empty result; null when the expression never yields one (kind, has_link, not). */
function positioned(e: CExpr): Need | null {
  switch (e.op) {
    case 'leaf':
      return e.leaf;
    case 'regex':
      return e.keywords;
    case 'kind':
    case 'has_link':
    case 'not':
      return null;
    case 'any':
      return anyOf(e.of.map(positioned));
    case 'near':
    case 'same_candidate':
      // Every part must itself have a match.
      return allOf(e.of.map(positioned));
    case 'all': {
      // Every part must hold, and one of them must have a position. When a part needs the same to hold as to have
      // a position (a leaf), requiring it to hold already requires what the second condition would add.
      const some = anyOf(e.of.map(positioned));
      if (some === null) return null;
      const hold = e.of.map(nonNull).filter((n): n is Need => n !== null);
      const implied = e.of.some((x) => {
        const p = positioned(x);
        const n = nonNull(x);
        return p !== null && n !== null && key(p) === key(n);
      });
      return allOf(implied ? hold : [...hold, some]);
    }
  }
}

/** Need for a non-null result; null when none is needed (the expression may hold without any hit). */
function nonNull(e: CExpr): Need | null {
  switch (e.op) {
    case 'leaf':
    case 'regex':
    case 'near':
    case 'same_candidate':
      return positioned(e);
    case 'kind':
    case 'has_link':
    case 'not':
      return null;
    case 'any': {
      const parts = e.of.map(nonNull);
      return parts.some((p) => p === null) ? null : anyOf(parts as Need[]);
    }
    case 'all': {
      const parts = e.of.map(nonNull).filter((n): n is Need => n !== null);
      return parts.length === 0 ? null : allOf(parts);
    }
  }
}

const key = (n: Need): string => JSON.stringify(n);

/** The parts with nested conditions of the same kind flattened and repeats left out. */
function flat(parts: Need[], kind: 'all' | 'any'): Need[] {
  const out = new Map<string, Need>();
  const add = (p: Need) => {
    if (typeof p !== 'number' && kind in p) for (const q of (p as Record<string, Need[]>)[kind]) add(q);
    else out.set(key(p), p);
  };
  parts.forEach(add);
  return [...out.values()];
}

/** All of the needs (null among them: the whole is never met). */
function allOf(parts: (Need | null)[]): Need | null {
  if (parts.some((p) => p === null)) return null;
  const ps = flat(parts as Need[], 'all');
  return ps.length === 1 ? ps[0] : { all: ps };
}

/** Any of the needs (null among them: that part never helps). */
function anyOf(parts: (Need | null)[]): Need | null {
  const ps = flat(parts.filter((p): p is Need => p !== null), 'any');
  if (ps.length === 0) return null;
  return ps.length === 1 ? ps[0] : { any: ps };
}

/**
 * Leaves of which a post that meets `n` hits at least one: a rule is filed under these only. Of the parts of an
 * `all`, any one part's triggers will do, so the part whose leaves have the fewest patterns (the least likely to be
 * hit) is taken: a rule needing a support verb and a rare word is woken by the rare word, not by every "dukung".
 */
function triggers(n: Need, weight: (leaf: number) => number): number[] {
  if (typeof n === 'number') return [n];
  if ('any' in n) return [...new Set(n.any.flatMap((p) => triggers(p, weight)))];
  let best: number[] = [];
  let least = Infinity;
  for (const p of n.all) {
    const t = triggers(p, weight);
    const w = t.reduce((sum, leaf) => sum + weight(leaf), 0);
    if (w < least) {
      best = t;
      least = w;
    }
  }
  return best;
}

/** Whether a need is met, given which leaves have hits. */
export function needMet(n: Need, has: (leaf: number) => boolean): boolean {
  if (typeof n === 'number') return has(n);
  if ('all' in n) {
    for (const p of n.all) if (!needMet(p, has)) return false;
    return true;
  }
  for (const p of n.any) if (needMet(p, has)) return true;
  return false;
}

type LiteralExpr = Extract<Expr, { op: 'term' | 'hashtag' | 'emoji' | 'mention' }>;

/** The terms a literal expression matches: `hashtag: [x]` is the term `#x`, `mention: [x]` is `@x`, emoji exact. */
function literalTerms(e: LiteralExpr): TermSpec[] {
  switch (e.op) {
    case 'term':
      return e.terms;
    case 'hashtag':
      return e.tags.map((t) => ({ text: `#${t}`, mode: 'exact' }));
    case 'emoji':
      return e.emoji.map((t) => ({ text: t, mode: 'exact' }));
    case 'mention':
      return e.handles.map((t) => ({ text: `@${t}`, mode: 'exact' }));
  }
}
