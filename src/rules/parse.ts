// Parsing and validating one rule pack file. Every problem is reported with file:line:column and the rule it
// belongs to, and all problems of a file are collected before giving up, so one run shows every mistake.

import { LineCounter, parseDocument, isMap, isSeq, isScalar, isAlias, isPair, type Document, type Node, type YAMLMap } from 'yaml';
import { CATEGORIES, POST_KINDS, SEVERITIES, isCategory, isPostKind, isSeverity, type PostField } from '../model.js';
import type { Problem } from '../errors.js';
import { checkRegex } from './regex-safety.js';
import { reportPlaceholders } from './placeholders.js';
import {
  ENTITY_TYPES,
  type CandidateDef,
  type DateRange,
  type ElectionDef,
  type EntityType,
  type Example,
  type Expr,
  type PackDef,
  type PartyDef,
  type Pos,
  type RuleDef,
  type TermMode,
  type TermSpec,
} from './types.js';

const MAX_PACK_BYTES = 8 * 1024 * 1024;
const ID_RE = /^[a-z0-9][a-z0-9._-]*$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const FIELDS: PostField[] = ['text', 'media_text', 'hashtags', 'repost_of', 'mentions', 'links', 'reply_to'];

export class Ctx {
  readonly problems: Problem[] = [];
  where?: string;
  constructor(
    readonly file: string,
    readonly lineCounter: LineCounter,
  ) {}

  pos(node: Node | null | undefined): Pos {
    const off = node?.range?.[0] ?? 0;
    const p = this.lineCounter.linePos(off);
    // A problem with the file as a whole (too large, empty) is placed at its start, 1:1, not 0:0.
    return { file: this.file, line: Math.max(1, p.line), col: Math.max(1, p.col) };
  }

  fail(node: Node | null | undefined, message: string): void {
    const p = this.pos(node);
    this.problems.push({ file: this.file, line: p.line, col: p.col, message, where: this.where });
  }
}

type Fields = Map<string, Node | null>;

/** The keys of a mapping, with unknown keys reported. */
export function fields(ctx: Ctx, node: Node | null, allowed: readonly string[], what: string): Fields | null {
  if (!isMap(node)) {
    ctx.fail(node, `${what} must be a mapping (key: value)`);
    return null;
  }
  const out: Fields = new Map();
  for (const pair of (node as YAMLMap).items) {
    if (!isPair(pair)) continue;
    const k = pair.key as Node | null;
    const key = isScalar(k) ? String(k.value) : null;
    if (key === null) {
      ctx.fail(k, `${what}: keys must be plain words`);
      continue;
    }
    if (!allowed.includes(key)) {
      const hint = closest(key, allowed);
      ctx.fail(k, `${what}: unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; allowed: ${allowed.join(', ')}`);
      continue;
    }
    out.set(key, (pair.value as Node | null) ?? null);
  }
  return out;
}

function closest(word: string, options: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = 3;
  for (const o of options) {
    const d = editDistance(word, o);
    if (d < bestD) {
      bestD = d;
      best = o;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

export function str(ctx: Ctx, node: Node | null | undefined, what: string, required = true): string | undefined {
  if (node === undefined || node === null) {
    if (required) ctx.fail(node, `${what} is required`);
    return undefined;
  }
  if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
    ctx.fail(node, `${what} must be text`);
    return undefined;
  }
  const s = String(node.value).trim();
  if (s === '' && required) ctx.fail(node, `${what} must not be empty`);
  return s;
}

export function num(ctx: Ctx, node: Node | null | undefined, what: string, min: number, max: number): number | undefined {
  if (node === undefined || node === null) return undefined;
  if (!isScalar(node) || typeof node.value !== 'number' || !Number.isFinite(node.value)) {
    ctx.fail(node, `${what} must be a number`);
    return undefined;
  }
  if (node.value < min || node.value > max) {
    ctx.fail(node, `${what} must be between ${min} and ${max}, not ${node.value}`);
    return undefined;
  }
  return node.value;
}

/** A string or a list of strings. */
export function strList(ctx: Ctx, node: Node | null | undefined, what: string): { value: string; node: Node }[] {
  if (node === undefined || node === null) return [];
  if (isScalar(node)) {
    const s = str(ctx, node, what);
    return s === undefined ? [] : [{ value: s, node }];
  }
  if (!isSeq(node)) {
    ctx.fail(node, `${what} must be a list`);
    return [];
  }
  const out: { value: string; node: Node }[] = [];
  for (const item of node.items as Node[]) {
    const s = str(ctx, item, `${what} entries`);
    if (s !== undefined && s !== '') out.push({ value: s, node: item });
  }
  return out;
}

export function dateStr(ctx: Ctx, node: Node | null | undefined, what: string): string | undefined {
  if (node === undefined || node === null) return undefined;
  const s = isScalar(node) ? String(node.value instanceof Date ? node.value.toISOString().slice(0, 10) : node.value) : '';
  if (!DATE_RE.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) {
    ctx.fail(node, `${what} must be a date written YYYY-MM-DD`);
    return undefined;
  }
  return s;
}

function range(ctx: Ctx, node: Node | null | undefined, what: string): DateRange | undefined {
  if (node === undefined || node === null) return undefined;
  const f = fields(ctx, node, ['start', 'end'], what);
  if (!f) return undefined;
  const start = dateStr(ctx, f.get('start'), `${what}.start`);
  const end = dateStr(ctx, f.get('end'), `${what}.end`);
  if (!f.has('start')) ctx.fail(node, `${what}.start is required`);
  if (!f.has('end')) ctx.fail(node, `${what}.end is required`);
  if (start && end && start > end) ctx.fail(node, `${what}: start ${start} is after end ${end}`);
  return start && end ? { start, end } : undefined;
}

// ---- terms and expressions ----

function termSpec(ctx: Ctx, node: Node, mode: TermMode): TermSpec | null {
  const pos = ctx.pos(node);
  if (isScalar(node)) {
    const s = str(ctx, node, 'term');
    return s ? { text: s, mode, pos } : null;
  }
  const f = fields(ctx, node, ['term', 'exact', 'stem', 'upper'], 'term');
  if (!f) return null;
  const keys = ['term', 'exact', 'stem'].filter((k) => f.has(k));
  if (keys.length !== 1) {
    ctx.fail(node, 'a term needs exactly one of term, exact, stem');
    return null;
  }
  const k = keys[0];
  const text = str(ctx, f.get(k), k);
  if (!text) return null;
  const upperNode = f.get('upper');
  const upper = upperNode && isScalar(upperNode) ? upperNode.value === true : false;
  return { text, mode: k === 'term' ? mode : (k as TermMode), ...(upper ? { upper: true } : {}), pos };
}

function termList(ctx: Ctx, node: Node | null | undefined, mode: TermMode, what: string): TermSpec[] {
  if (node === undefined || node === null) {
    ctx.fail(node, `${what} needs at least one term`);
    return [];
  }
  const items = isSeq(node) ? (node.items as Node[]) : [node];
  const out: TermSpec[] = [];
  for (const item of items) {
    const t = termSpec(ctx, item, mode);
    if (t) out.push(t);
  }
  if (items.length === 0) ctx.fail(node, `${what} needs at least one term`);
  return out;
}

const EXPR_KEYS = ['term', 'exact', 'stem', 'hashtag', 'emoji', 'mention', 'list', 'entity', 'regex', 'all', 'any', 'not', 'near', 'same_candidate', 'kind', 'has_link'] as const;
const EXPR_OPTS = ['in', 'at_start', 'election', 'within', 'ordered', 'keywords', 'upper'];
const MAX_DEPTH = 24;

function expr(ctx: Ctx, node: Node | null, depth = 0): Expr | null {
  if (depth > MAX_DEPTH) {
    ctx.fail(node, `expression nested deeper than ${MAX_DEPTH} levels`);
    return null;
  }
  const pos = ctx.pos(node);
  // A bare string is a term: `any: [dukung, pilih]`.
  if (isScalar(node)) {
    const s = str(ctx, node, 'term');
    return s ? { op: 'term', terms: [{ text: s, mode: 'auto' }], pos } : null;
  }
  const f = fields(ctx, node, [...EXPR_KEYS, ...EXPR_OPTS], 'match expression');
  if (!f) return null;
  const ops = EXPR_KEYS.filter((k) => f.has(k));
  if (ops.length !== 1) {
    ctx.fail(node, ops.length === 0 ? `a match expression needs one of: ${EXPR_KEYS.join(', ')}` : `a match expression has one operator, found ${ops.join(' and ')}`);
    return null;
  }
  const op = ops[0];
  const v = f.get(op) ?? null;
  let inField: PostField | undefined;
  if (f.has('in')) {
    const s = str(ctx, f.get('in'), 'in');
    if (s && !FIELDS.includes(s as PostField)) ctx.fail(f.get('in'), `in must be one of ${FIELDS.join(', ')}`);
    else if (s) inField = s as PostField;
  }
  const leafOpts: { in?: PostField; at_start?: number } = inField ? { in: inField } : {};
  if (f.has('at_start')) {
    const n = num(ctx, f.get('at_start'), 'at_start', 1, 50);
    if (n !== undefined) leafOpts.at_start = Math.trunc(n);
  }
  const optAllowed = (allowed: string[]) => {
    for (const k of EXPR_OPTS) if (f.has(k) && !allowed.includes(k)) ctx.fail(f.get(k), `"${k}" does not apply to ${op}`);
  };
  switch (op) {
    case 'term':
    case 'exact':
    case 'stem': {
      optAllowed(['in', 'at_start', 'upper']);
      const mode: TermMode = op === 'term' ? 'auto' : op;
      const terms = termList(ctx, v, mode, op);
      const upperNode = f.get('upper');
      if (upperNode && isScalar(upperNode) && upperNode.value === true) for (const t of terms) t.upper = true;
      return { op: 'term', terms, ...leafOpts, pos };
    }
    case 'hashtag':
      optAllowed(['in', 'at_start']);
      return { op: 'hashtag', tags: strList(ctx, v, 'hashtag').map((x) => x.value.replace(/^#/, '')), ...leafOpts, pos };
    case 'emoji':
      optAllowed(['in', 'at_start']);
      return { op: 'emoji', emoji: strList(ctx, v, 'emoji').map((x) => x.value), ...leafOpts, pos };
    case 'mention':
      optAllowed(['in', 'at_start']);
      return { op: 'mention', handles: strList(ctx, v, 'mention').map((x) => x.value.replace(/^@/, '')), ...leafOpts, pos };
    case 'list': {
      optAllowed(['in', 'at_start']);
      const name = str(ctx, v, 'list');
      return name ? { op: 'list', name, ...leafOpts, pos } : null;
    }
    case 'entity': {
      optAllowed(['in', 'at_start', 'election']);
      const type = str(ctx, v, 'entity');
      if (!type) return null;
      if (!(ENTITY_TYPES as readonly string[]).includes(type)) {
        ctx.fail(v, `unknown entity "${type}"; known: ${ENTITY_TYPES.join(', ')}`);
        return null;
      }
      const elections = f.has('election') ? strList(ctx, f.get('election'), 'election').map((x) => x.value) : undefined;
      return { op: 'entity', type: type as EntityType, ...(elections ? { elections } : {}), ...leafOpts, pos };
    }
    case 'regex': {
      optAllowed(['in', 'at_start', 'keywords']);
      const source = str(ctx, v, 'regex');
      if (!source) return null;
      const problem = checkRegex(source);
      if (problem) {
        ctx.fail(v, problem);
        return null;
      }
      if (!f.has('keywords')) {
        ctx.fail(node, 'a regex needs keywords: the words that must occur before the regex runs');
        return null;
      }
      const keywords = termList(ctx, f.get('keywords'), 'auto', 'keywords');
      return { op: 'regex', source, keywords, ...leafOpts, pos };
    }
    case 'all':
    case 'any': {
      optAllowed([]);
      if (!isSeq(v) || v.items.length === 0) {
        ctx.fail(v ?? node, `${op} needs a non-empty list of expressions`);
        return null;
      }
      const of = (v.items as Node[]).map((n) => expr(ctx, n, depth + 1)).filter((e): e is Expr => e !== null);
      return { op, of, pos };
    }
    case 'not': {
      optAllowed([]);
      const of = expr(ctx, v, depth + 1);
      return of ? { op: 'not', of, pos } : null;
    }
    case 'near': {
      optAllowed(['within', 'ordered']);
      if (!isSeq(v) || v.items.length < 2) {
        ctx.fail(v ?? node, 'near needs a list of at least two expressions');
        return null;
      }
      const of = (v.items as Node[]).map((n) => expr(ctx, n, depth + 1)).filter((e): e is Expr => e !== null);
      for (const e of of) if (e.op === 'not' || e.op === 'kind' || e.op === 'has_link') ctx.fail(node, `near cannot contain "${e.op}": it has no position in the text`);
      const within = f.has('within') ? num(ctx, f.get('within'), 'within', 1, 50) : 5;
      const orderedNode = f.get('ordered');
      const ordered = orderedNode && isScalar(orderedNode) ? orderedNode.value === true : false;
      return { op: 'near', of, within: within ?? 5, ordered, pos };
    }
    case 'same_candidate': {
      optAllowed([]);
      if (!isSeq(v) || v.items.length < 2) {
        ctx.fail(v ?? node, 'same_candidate needs a list of at least two expressions that name candidates');
        return null;
      }
      const of = (v.items as Node[]).map((n) => expr(ctx, n, depth + 1)).filter((e): e is Expr => e !== null);
      for (const e of of) if (e.op === 'not' || e.op === 'kind' || e.op === 'has_link') ctx.fail(node, `same_candidate cannot contain "${e.op}": it names no candidate`);
      return { op: 'same_candidate', of, pos };
    }
    case 'kind': {
      optAllowed([]);
      const kinds = strList(ctx, v, 'kind');
      for (const k of kinds) if (!isPostKind(k.value)) ctx.fail(k.node, `kind must be one of ${POST_KINDS.join(', ')}`);
      return { op: 'kind', kinds: kinds.map((k) => k.value).filter(isPostKind), pos };
    }
    case 'has_link':
      optAllowed([]);
      return { op: 'has_link', pos };
  }
  return null;
}

/** True when the expression can match on its own (not only through `not`, `kind` or `has_link`). */
function hasPositive(e: Expr): boolean {
  switch (e.op) {
    case 'not':
    case 'kind':
    case 'has_link':
      return false;
    case 'all':
      return e.of.some(hasPositive);
    case 'any':
      return e.of.length > 0 && e.of.every(hasPositive);
    case 'near':
    case 'same_candidate':
      return true;
    default:
      return true;
  }
}

// ---- rules ----

const RULE_KEYS = ['id', 'title', 'category', 'severity', 'confidence', 'legal_basis', 'stance', 'ignore_context', 'unless', 'match', 'examples', 'note'];
const CONTEXTS = ['prohibition', 'voter_education', 'news', 'date_window', 'prayer', 'office_holder'];

function localised(ctx: Ctx, node: Node | null | undefined, what: string): { id: string; en: string } | undefined {
  if (node === undefined || node === null) {
    ctx.fail(node, `${what} is required (with id: and en:)`);
    return undefined;
  }
  const f = fields(ctx, node, ['id', 'en'], what);
  if (!f) return undefined;
  const id = str(ctx, f.get('id'), `${what}.id`);
  const en = str(ctx, f.get('en'), `${what}.en`);
  if (!f.has('id')) ctx.fail(node, `${what}.id (Indonesian) is required`);
  if (!f.has('en')) ctx.fail(node, `${what}.en (English) is required`);
  return id && en ? { id, en } : undefined;
}

function example(ctx: Ctx, node: Node): Example | null {
  const pos = ctx.pos(node);
  if (isScalar(node)) {
    const text = str(ctx, node, 'example');
    return text ? { text, pos } : null;
  }
  const f = fields(ctx, node, ['text', 'created_at', 'kind', 'repost_of', 'reply_to', 'links', 'media_text', 'candidate'], 'example');
  if (!f) return null;
  const text = str(ctx, f.get('text'), 'example text');
  if (text === undefined) return null;
  const ex: Example = { text, pos };
  const created = str(ctx, f.get('created_at'), 'created_at', false);
  if (created) {
    if (Number.isNaN(Date.parse(created))) ctx.fail(f.get('created_at'), 'created_at must be an ISO 8601 date');
    else ex.created_at = created;
  }
  const kind = str(ctx, f.get('kind'), 'kind', false);
  if (kind) {
    if (!isPostKind(kind)) ctx.fail(f.get('kind'), `kind must be one of ${POST_KINDS.join(', ')}`);
    else ex.kind = kind;
  }
  const rp = str(ctx, f.get('repost_of'), 'repost_of', false);
  if (rp) ex.repost_of = rp.replace(/^@/, '');
  const rt = str(ctx, f.get('reply_to'), 'reply_to', false);
  if (rt) ex.reply_to = rt.replace(/^@/, '');
  if (f.has('links')) ex.links = strList(ctx, f.get('links'), 'links').map((x) => x.value);
  if (f.has('media_text')) ex.media_text = strList(ctx, f.get('media_text'), 'media_text').map((x) => x.value);
  const cand = str(ctx, f.get('candidate'), 'candidate', false);
  if (cand) {
    if (!/^[a-z0-9][a-z0-9-]*:\d+$/.test(cand)) ctx.fail(f.get('candidate'), 'candidate must look like pilpres-2024:2');
    else ex.candidate = cand;
  }
  return ex;
}

/** A required text field: reported once, at the field or (when missing) at its parent. */
function required(ctx: Ctx, f: Fields, key: string, parent: Node, what = key): string | undefined {
  if (!f.has(key)) {
    ctx.fail(parent, `${what} is required`);
    return undefined;
  }
  return str(ctx, f.get(key), what);
}

function rule(ctx: Ctx, node: Node, pack: string): RuleDef | null {
  // Problems anywhere in the rule, even an unknown key, should name the rule: read its id first.
  const idNode = isMap(node) ? ((node as YAMLMap).get('id', true) as Node | undefined) : undefined;
  ctx.where = idNode && isScalar(idNode) && idNode.value ? `rule ${String(idNode.value)}` : undefined;
  const f = fields(ctx, node, RULE_KEYS, 'rule');
  if (!f) {
    ctx.where = undefined;
    return null;
  }
  const id = required(ctx, f, 'id', node, 'rule id');
  if (id && !ID_RE.test(id)) ctx.fail(f.get('id'), `rule id "${id}" must be lowercase letters, digits, dots, dashes`);
  const title = f.has('title') ? localised(ctx, f.get('title'), 'title') : (ctx.fail(node, 'title is required (with id: and en:)'), undefined);
  const category = required(ctx, f, 'category', node);
  if (category && !isCategory(category)) ctx.fail(f.get('category'), `category must be one of ${CATEGORIES.join(', ')}`);
  const severity = required(ctx, f, 'severity', node);
  if (severity && !isSeverity(severity)) ctx.fail(f.get('severity'), `severity must be one of ${SEVERITIES.join(', ')}`);
  const confidence = f.has('confidence') ? num(ctx, f.get('confidence'), 'confidence', 0, 1) : 0.8;
  const legal = required(ctx, f, 'legal_basis', node);
  const stance = f.has('stance') ? str(ctx, f.get('stance'), 'stance') : 'support';
  if (stance !== 'support' && stance !== 'against') ctx.fail(f.get('stance'), 'stance must be support or against');
  const unless = strList(ctx, f.get('unless'), 'unless');
  const ignore = strList(ctx, f.get('ignore_context'), 'ignore_context');
  for (const i of ignore) if (!CONTEXTS.includes(i.value)) ctx.fail(i.node, `ignore_context entries must be among ${CONTEXTS.join(', ')}`);
  if (!f.has('match')) ctx.fail(node, 'match is required');
  const match = f.has('match') ? expr(ctx, f.get('match') ?? null) : null;
  if (match && !hasPositive(match)) ctx.fail(f.get('match'), 'match can never find anything on its own: it needs a term, entity, hashtag or emoji outside not/kind/has_link');
  const examples = { flag: [] as Example[], pass: [] as Example[] };
  if (!f.has('examples')) ctx.fail(node, 'examples are required: at least one that must flag and one that must pass');
  else {
    const ef = fields(ctx, f.get('examples') ?? null, ['flag', 'pass'], 'examples');
    if (ef) {
      for (const k of ['flag', 'pass'] as const) {
        const list = ef.get(k);
        if (!isSeq(list) || list.items.length === 0) ctx.fail(list ?? f.get('examples'), `examples.${k} needs at least one example`);
        else for (const item of list.items as Node[]) {
          const ex = example(ctx, item);
          if (ex) examples[k].push(ex);
        }
      }
    }
  }
  ctx.where = undefined;
  if (!id || !title || !category || !severity || confidence === undefined || !legal || !match || !isCategory(category) || !isSeverity(severity)) return null;
  return {
    id,
    title,
    category,
    severity,
    confidence,
    legal_basis: legal,
    stance: stance === 'against' ? 'against' : 'support',
    ignore_context: ignore.map((i) => i.value),
    unless: unless.map((u) => u.value),
    match,
    examples,
    pos: ctx.pos(node),
    pack,
  };
}

// ---- elections ----

function candidate(ctx: Ctx, node: Node): CandidateDef | null {
  const f = fields(ctx, node, ['number', 'name', 'names', 'aliases', 'ambiguous_aliases', 'upper_aliases', 'hashtags', 'slogans', 'window_slogans', 'gestures', 'accounts', 'against', 'note'], 'candidate');
  if (!f) return null;
  const number = num(ctx, f.get('number'), 'number', 1, 99);
  if (!f.has('number')) ctx.fail(node, 'number (the ballot number) is required');
  const names = strList(ctx, f.get('names'), 'names').map((x) => x.value);
  if (names.length === 0) ctx.fail(node, 'a candidate needs at least one name');
  const list = (k: string) => strList(ctx, f.get(k), k).map((x) => x.value);
  const name = pairNameField(ctx, f, node);
  if (number === undefined) return null;
  return {
    number: Math.trunc(number),
    ...(name !== undefined ? { name } : {}),
    names,
    aliases: list('aliases'),
    ambiguous_aliases: list('ambiguous_aliases'),
    upper_aliases: list('upper_aliases'),
    hashtags: list('hashtags').map((h) => h.replace(/^#/, '')),
    slogans: list('slogans'),
    window_slogans: list('window_slogans'),
    gestures: list('gestures'),
    accounts: list('accounts').map((a) => a.replace(/^@/, '')),
    against: list('against'),
    pos: ctx.pos(node),
  };
}

/**
 * A pair's `name` as reports show it: optional (reports then build it from `names`), but when written it must be
 * text, so that `name:` left empty is a problem to fix rather than a name silently guessed.
 */
function pairNameField(ctx: Ctx, f: Fields, parent: Node): string | undefined {
  if (!f.has('name')) return undefined;
  const node = f.get('name');
  const name = node === null || (isScalar(node) && node.value === null) ? '' : str(ctx, node, 'name', false);
  if (name === '') ctx.fail(node ?? parent, "name must not be empty: write the pair's name (Hendra Gunawan – Wati Suryani), or delete the key");
  return name || undefined;
}

function party(ctx: Ctx, node: Node): PartyDef | null {
  const f = fields(ctx, node, ['number', 'name', 'aliases', 'upper_aliases', 'ambiguous_aliases', 'accounts', 'hashtags', 'note'], 'party');
  if (!f) return null;
  const number = num(ctx, f.get('number'), 'number', 1, 99);
  if (!f.has('number')) ctx.fail(node, 'number (the ballot number) is required');
  const name = required(ctx, f, 'name', node);
  if (number === undefined || !name) return null;
  return {
    number: Math.trunc(number),
    name,
    aliases: strList(ctx, f.get('aliases'), 'aliases').map((x) => x.value),
    upper_aliases: strList(ctx, f.get('upper_aliases'), 'upper_aliases').map((x) => x.value),
    ambiguous_aliases: strList(ctx, f.get('ambiguous_aliases'), 'ambiguous_aliases').map((x) => x.value),
    accounts: strList(ctx, f.get('accounts'), 'accounts').map((x) => x.value.replace(/^@/, '')),
    hashtags: strList(ctx, f.get('hashtags'), 'hashtags').map((x) => x.value.replace(/^#/, '')),
    pos: ctx.pos(node),
  };
}

function election(ctx: Ctx, node: Node | null, packId: string): ElectionDef | null {
  const f = fields(ctx, node, ['id', 'name', 'level', 'region', 'dates', 'words', 'region_words', 'candidates', 'parties', 'sources'], 'election');
  if (!f) return null;
  const id = required(ctx, f, 'id', node as Node, 'election id');
  if (id && id !== packId) ctx.fail(f.get('id'), `election id "${id}" must equal the pack id "${packId}"`);
  ctx.where = `election ${packId}`;
  const name = f.has('name') ? localised(ctx, f.get('name'), 'name') : (ctx.fail(node, 'name is required (with id: and en:)'), undefined);
  const dates: ElectionDef['dates'] = {};
  const df = f.has('dates') ? fields(ctx, f.get('dates') ?? null, ['campaign', 'voting', 'inauguration', 'applies'], 'dates') : null;
  if (df) {
    const c = range(ctx, df.get('campaign'), 'dates.campaign');
    if (c) dates.campaign = c;
    const v = dateStr(ctx, df.get('voting'), 'dates.voting');
    if (v) dates.voting = v;
    const i = dateStr(ctx, df.get('inauguration'), 'dates.inauguration');
    if (i) dates.inauguration = i;
    const a = range(ctx, df.get('applies'), 'dates.applies');
    if (a) dates.applies = a;
    if (dates.campaign && dates.voting && dates.voting < dates.campaign.end) ctx.fail(df.get('voting'), 'dates.voting is before the end of the campaign');
  }
  const candidates: CandidateDef[] = [];
  const parties: PartyDef[] = [];
  const seen = new Map<number, Node>();
  for (const [key, parse, out] of [
    ['candidates', candidate, candidates],
    ['parties', party, parties],
  ] as const) {
    const list = f.get(key);
    if (list === undefined) continue;
    if (!isSeq(list)) {
      ctx.fail(list, `${key} must be a list`);
      continue;
    }
    for (const item of list.items as Node[]) {
      const c = parse(ctx, item);
      if (!c) continue;
      if (seen.has(c.number)) ctx.fail(item, `ballot number ${c.number} is used twice in this election`);
      seen.set(c.number, item);
      (out as Array<typeof c>).push(c);
    }
  }
  if (candidates.length === 0 && parties.length === 0) ctx.fail(node, 'an election needs candidates (or parties)');
  ctx.where = undefined;
  if (!id || !name) return null;
  return {
    id,
    name,
    level: str(ctx, f.get('level'), 'level', false) ?? '',
    region: str(ctx, f.get('region'), 'region', false) ?? '',
    dates,
    words: strList(ctx, f.get('words'), 'words').map((x) => x.value),
    region_words: strList(ctx, f.get('region_words'), 'region_words').map((x) => x.value),
    candidates,
    parties,
    sources: strList(ctx, f.get('sources'), 'sources').map((x) => x.value),
    pos: ctx.pos(node),
  };
}

// ---- packs ----

export interface ParseResult {
  pack: PackDef | null;
  problems: Problem[];
}

/** The parser's message, with what to do for the mistakes people make typing YAML by hand. */
function yamlMessage(raw: string, line: string): string {
  // The library reads nesting recursively and reports running out of stack as its error.
  if (/call stack/i.test(raw)) return 'the file nests lists or mappings too deeply';
  if (/multiple documents/i.test(raw)) return 'the file holds several YAML documents (separated by ---); it must hold one';
  const m = raw.split('\n')[0];
  if (/tab/i.test(m)) return `${m}: indent with spaces, not tabs`;
  if (/flow|collection/i.test(m) && /[[{]/.test(line))
    return `${m}: inside [ ] or { }, put a value holding { } [ ] or a comma in quotes (file: "reports/audit-{date}.html")`;
  if (/compact mapping|implicit (map )?keys/i.test(m) && /:\s.*:\s/.test(line))
    return `${m}: a value holding ": " must be put in quotes (note: "alasan: berita netral")`;
  return m;
}

/** Line `n` (1-based) of `text` (only on a syntax error). */
function lineOf(text: string, n: number): string {
  return text.split('\n', n)[n - 1] ?? '';
}

/**
 * Parses YAML text into a document, reporting syntax errors into `ctx`; null when there are any. Anchors and aliases
 * are refused: they can expand exponentially ("billion laughs"), and hand-written files do not need them.
 */
export function readYaml(ctx: Ctx, text: string, aliasMessage = 'YAML aliases (*name) are not allowed here'): Document | null {
  // Duplicate keys are found below: the yaml library's own check compares every key with every other (a flow map
  // of 50,000 keys took 30 s).
  const doc = parseDocument(text, { lineCounter: ctx.lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    // Only the first syntax error: the parser's later ones mostly follow from it (one unquoted {date} in a flow
    // list gave five), and a list of them hides the one line to mend.
    const e = doc.errors[0];
    const p = ctx.lineCounter.linePos(e.pos[0]);
    ctx.problems.push({ file: ctx.file, line: Math.max(1, p.line), col: Math.max(1, p.col), message: `YAML: ${yamlMessage(e.message, lineOf(text, p.line))}` });
    return null;
  }
  // Every node, without recursion (nesting is bounded by the library, not by us): aliases are refused, and keys of
  // a mapping must be unique.
  const work: unknown[] = [doc.contents];
  let alias: Node | null = null;
  while (work.length > 0) {
    const n = work.pop();
    if (isAlias(n)) {
      // The first one in the file is the one reported.
      if (alias === null || (n.range?.[0] ?? 0) < (alias.range?.[0] ?? 0)) alias = n;
      continue;
    }
    if (isSeq(n)) for (const it of n.items) work.push(it);
    else if (isMap(n)) {
      const seen = new Set<string>();
      for (const pair of n.items) {
        const k = pair.key;
        if (isScalar(k)) {
          const key = String(k.value);
          if (seen.has(key)) ctx.fail(k, `YAML: the key "${key}" appears twice in this mapping`);
          seen.add(key);
        }
        work.push(pair.key, pair.value);
      }
    }
  }
  if (alias) {
    ctx.fail(alias, aliasMessage);
    return null;
  }
  return ctx.problems.length > 0 ? null : doc;
}

/** Parses one pack file's text. `file` is the name used in messages. */
export function parsePack(text: string, file: string): ParseResult {
  const lc = new LineCounter();
  const ctx = new Ctx(file, lc);
  if (text.length > MAX_PACK_BYTES) {
    ctx.fail(null, `rule pack is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB`);
    return { pack: null, problems: ctx.problems };
  }
  const doc = readYaml(ctx, text, 'YAML aliases (*name) are not allowed in rule packs; define shared words under lists: instead');
  if (!doc) return { pack: null, problems: ctx.problems };
  const root = doc.contents as Node | null;
  const f = fields(ctx, root, ['pack', 'kind', 'title', 'description', 'sources', 'lists', 'rules', 'election'], 'rule pack');
  if (!f) return { pack: null, problems: ctx.problems };
  const id = required(ctx, f, 'pack', root as Node, 'pack (the pack id)');
  if (id && !ID_RE.test(id)) ctx.fail(f.get('pack'), `pack id "${id}" must be lowercase letters, digits, dots, dashes`);
  const kind = required(ctx, f, 'kind', root as Node, 'kind (rules, election or context)');
  if (kind && !['rules', 'election', 'context'].includes(kind)) ctx.fail(f.get('kind'), 'kind must be rules, election or context');

  const lists = new Map<string, { terms: TermSpec[]; pos: Pos }>();
  const ln = f.get('lists');
  if (ln !== undefined) {
    const lf = isMap(ln) ? (ln as YAMLMap) : null;
    if (!lf) ctx.fail(ln, 'lists must be a mapping of list name → terms');
    else
      for (const pair of lf.items) {
        const k = pair.key as Node;
        const name = isScalar(k) ? String(k.value) : '';
        if (!/^[a-z][a-z0-9_]*$/.test(name)) {
          ctx.fail(k, `list name "${name}" must be lowercase letters, digits and _`);
          continue;
        }
        ctx.where = `list ${name}`;
        lists.set(name, { terms: termList(ctx, pair.value as Node, 'auto', name), pos: ctx.pos(k) });
        ctx.where = undefined;
      }
  }

  const rules: RuleDef[] = [];
  const rn = f.get('rules');
  let ruleCount = 0;
  if (rn !== undefined) {
    if (!isSeq(rn)) ctx.fail(rn, 'rules must be a list');
    else
      for (const item of rn.items as Node[]) {
        ruleCount++;
        const r = rule(ctx, item, id ?? '');
        if (r) rules.push(r);
      }
  }
  let el: ElectionDef | undefined;
  if (kind === 'election') {
    if (!f.has('election')) ctx.fail(root, 'an election pack needs an election: section');
    else el = election(ctx, f.get('election') ?? null, id ?? '') ?? undefined;
  } else if (f.has('election')) ctx.fail(f.get('election'), 'election: belongs in a pack of kind election');
  if (kind === 'rules' && ruleCount === 0 && lists.size === 0) ctx.fail(root, 'a rules pack needs rules or lists');
  reportPlaceholders(ctx, f, id);

  if (ctx.problems.length > 0 || !id || !kind) return { pack: null, problems: ctx.problems };
  return {
    pack: {
      id,
      file,
      kind: kind as PackDef['kind'],
      title: str(ctx, f.get('title'), 'title', false) ?? id,
      description: str(ctx, f.get('description'), 'description', false) ?? '',
      sources: strList(ctx, f.get('sources'), 'sources').map((x) => x.value),
      lists,
      rules,
      election: el,
    },
    problems: ctx.problems,
  };
}
