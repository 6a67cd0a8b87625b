// `netral explain "<text>"`: how netral reads one text — its tokens, what the rules' literals hit, which entity
// references count, the context cues, and every finding with the modifiers that changed or suppressed it.

import { Chalk } from 'chalk';
import { EXIT, UsageError } from '../errors.js';
import type { Finding, Post, PostKind } from '../model.js';
import { loadRuleSet } from '../rules/load.js';
import { compile, type Compiled } from '../rules/compile.js';
import { Scanner, type PostResult } from '../engine/scan.js';
import { normaliseTimestamp } from '../sources/time.js';
import { FLAG, TK, type Token } from '../text/analyse.js';
import { findingRecord } from '../report/record.js';
import { safeJson, terminalLine } from '../report/sanitize.js';
import { EXPLAIN_MESSAGES, MESSAGES, langFromEnv, modifierText, type ExplainMessages, type Lang } from '../report/i18n.js';
import { colorLevel, type Io } from './io.js';

interface ExplainOpts {
  date?: string;
  kind?: PostKind;
  repostOf?: string;
  replyTo?: string;
  /** Image text (alt text, OCR, captions), scanned as a post's media_text is. */
  mediaText?: string[];
  rules?: string[];
  defaultRules: boolean;
  election?: string[];
  format: string;
  lang?: Lang;
}

const KIND_NAMES = ['word', 'number', 'hashtag', 'mention', 'emoji', 'url'];

function tokenLabel(t: Token, original: string, x: ExplainMessages): string {
  const src = original.slice(t.start, t.end);
  const flags = [t.flags & FLAG.InTag ? x.flag.inTag : '', t.flags & FLAG.Upper ? x.flag.caps : '', t.flags & FLAG.Obfuscated ? x.flag.decoded : '', t.flags & FLAG.Quoted ? x.flag.quoted : ''].filter(Boolean);
  const stem = t.kind === TK.Word && t.stem !== t.t ? `~${t.stem}` : '';
  const from = src !== t.t ? ` ← ${JSON.stringify(src)}` : '';
  return `${t.t}${stem} (${x.tokenKind[t.kind]}${flags.length ? `, ${flags.join(', ')}` : ''})${from}`;
}

export function explainPost(c: Compiled, post: Post): PostResult {
  return new Scanner(c, { explain: true }).scan(post);
}

export async function explainCommand(text: string, o: ExplainOpts, io: Io): Promise<number> {
  if (text.trim() === '') throw new UsageError('explain needs a text to explain');
  let created: string | null = null;
  if (o.date) {
    const t = normaliseTimestamp(o.date);
    if (!t.utc) throw new UsageError(`--date: ${t.error ?? 'not a date'}`);
    created = t.utc;
  }
  const compiled = compile(await loadRuleSet({ extra: o.rules, noDefaults: !o.defaultRules, elections: o.election }));
  const post: Post = {
    id: 'explain',
    platform: 'explain',
    author: '',
    author_name: null,
    created_at: created,
    created_at_raw: o.date ?? null,
    url: null,
    text,
    hashtags: [],
    mentions: [],
    links: [],
    media_text: o.mediaText ?? [],
    kind: o.kind ?? (o.repostOf ? 'repost' : o.replyTo ? 'reply' : 'post'),
    repost_of: o.repostOf?.replace(/^@/, '') ?? null,
    reply_to: o.replyTo?.replace(/^@/, '') ?? null,
    source: { file: 'explain' },
  };
  const r = explainPost(compiled, post);
  const a = r.analysis!;
  const facts = r.facts!;
  const hits = facts.entityHits;
  if (o.format === 'json') {
    const out = {
      verdict: r.verdict,
      tokens: a.tokens.map((t) => ({ text: t.t, stem: t.stem, kind: KIND_NAMES[t.kind], start: t.start, end: t.end, field: a.fields[t.field].field, sentence: t.sent, flags: t.flags })),
      entities: hits.map((h) => ({ text: compiled.patterns[h.pat].text, tokens: [h.from, h.to], refs: h.refs.map((x) => ({ candidate: x.cand, election: x.election, types: x.types, strength: x.strength })) })),
      context: Object.fromEntries([...facts.lists].map(([k, v]) => [k, v.map((h) => compiled.patterns[h.pat].text)])),
      election_context: [...facts.electionContext],
      date_context: [...facts.dateContext],
      findings: r.findings.map(findingRecord),
      suppressed: r.suppressed.map(findingRecord),
    };
    io.stdout.write(`${safeJson(out, 2)}\n`);
    return EXIT.OK;
  }
  const c = new Chalk({ level: colorLevel(io.stdoutIsTTY, io.env) });
  // Rule ids, categories, list names, entity types and modifier kinds stay as the engine writes them (the JSON
  // form and the docs use them); the words around them follow the language.
  const lang = o.lang ?? langFromEnv(io.env);
  const x = EXPLAIN_MESSAGES[lang];
  const m = MESSAGES[lang];
  const L: string[] = [];
  L.push(c.bold(x.text), `  ${terminalLine(text)}`, '');
  for (const mt of post.media_text) L.push(c.bold(x.imageText), `  ${terminalLine(mt)}`, '');
  L.push(c.bold(x.tokens));
  for (const t of a.tokens) L.push(`  ${a.fields[t.field].field === 'text' ? '' : `${x.imageTextMark} `}${terminalLine(tokenLabel(t, a.fields[t.field].text, x))}`);
  L.push('', c.bold(x.cues));
  if (facts.lists.size === 0) L.push(`  ${x.none}`);
  for (const [name, hs] of facts.lists) L.push(`  ${name}: ${hs.map((h) => terminalLine(compiled.patterns[h.pat].text)).join(', ')}`);
  L.push(`  ${x.electionNamed}: ${facts.electionContext.size ? [...facts.electionContext].join(', ') : facts.genericCue ? x.electionWordOnly : x.none}`);
  L.push(`  ${x.campaignDates}: ${facts.dateContext.size ? [...facts.dateContext].join(', ') : created ? x.outsideCampaigns : x.noDate}`);
  L.push('', c.bold(x.entities));
  if (hits.length === 0) L.push(`  ${x.none}`);
  for (const h of hits) {
    const refs = h.refs.map((ref) => `${ref.cand ?? ref.election} [${ref.types.join('/')}, ${x.strength[ref.strength]}]`).join('; ');
    L.push(`  ${terminalLine(compiled.patterns[h.pat].text)} → ${refs}`);
  }
  const show = (f: Finding, suppressed: boolean) => {
    const head = `${suppressed ? c.dim(x.suppressed) : c.red.bold(m.severity[f.severity])} ${f.rule_id} (${f.category})${f.candidate ? ` → ${f.candidate}${f.stance === 'against' ? ` (${m.against})` : ''}` : ''} ${x.confidence} ${f.confidence.toFixed(2)}`;
    L.push(`  ${head}`, `    ${x.matched}: ${JSON.stringify(terminalLine(f.matched))}`);
    for (const mod of f.modifiers) {
      const t = modifierText(mod, lang);
      L.push(`    ${t.kind}: ${t.effect}${t.label ? ` — ${t.label}` : ''} (${terminalLine(t.cue)})`);
    }
  };
  L.push('', c.bold(x.findings));
  if (r.findings.length === 0) L.push(`  ${x.none}`);
  for (const f of r.findings) show(f, false);
  if (r.suppressed.length > 0) {
    L.push('', c.bold(x.suppressedByContext));
    for (const f of r.suppressed) show(f, true);
  }
  L.push('', `${c.bold(x.verdict)}: ${m.verdict[r.verdict]}`);
  io.stdout.write(`${L.join('\n')}\n`);
  return EXIT.OK;
}
