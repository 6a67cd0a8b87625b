// The report a person reads at a terminal: findings grouped by author, the matched words highlighted, severities
// coloured, then a summary. Plain text (no colour) when the output is not a terminal or NO_COLOR is set; post text
// is always stripped of control sequences first. Lines fit the report's width (wrap.ts): long ones continue under
// a hanging indent, so the indentation that groups posts and findings stays readable.

import { Chalk, type ChalkInstance } from 'chalk';
import { severityRank, type EmployeeRef, type Finding, type Post, type Severity, type Verdict } from '../model.js';
import { label, VERDICT_RANK } from '../audit/employees.js';
import type { PostResult } from '../engine/scan.js';
import { formatInZone } from '../sources/time.js';
import { excerptLabel, excerpts } from './excerpt.js';
import { earlierDecisionsText, inputStatus, kindLabel, MESSAGES, modifierText, type Messages } from './i18n.js';
import type { Output } from './output.js';
import { sourceText } from './record.js';
import { terminalLine } from './sanitize.js';
import type { Reporter, ReportOptions, ScanSummary } from './types.js';
import { Spool } from './spool.js';
import { displayWidth, run, wrapRuns, wrapText, type Run } from './wrap.js';

/** Columns of a terminal report when nothing says otherwise (not a terminal, no COLUMNS). */
export const DEFAULT_WIDTH = 80;

/** The width a report is fitted to. */
export const reportWidth = (ro: ReportOptions): number => ro.width ?? DEFAULT_WIDTH;

/** `n` spaces: indents are built from widths. */
const sp = (n: number) => ' '.repeat(n);

/** The posts of one person or account: what its heading says, and each post's lines in the spool. */
interface Group {
  author: string;
  author_name: string | null | undefined;
  /** With a roster, the employee (groups keyed `nip:…`). */
  emp: EmployeeRef | null;
  worst: Verdict;
  findings: number;
  /** Each post's time ('' when unknown), for the order within the group, and its lines' place in the spool. */
  entries: { at: string; ref: number }[];
}

export class TerminalReporter implements Reporter {
  /** Groups of posts: by employee with a roster (key `nip:…`), else by author; `out:` marks authors not in it. */
  private readonly byAuthor = new Map<string, Group>();
  /** Each post's lines, rendered as it comes, wait here (memory, then a temporary file) until the groups are known. */
  private readonly spool: Spool;
  private readonly c: ChalkInstance;
  private readonly m: Messages;
  private readonly width: number;

  constructor(
    private readonly out: Output,
    private readonly ro: ReportOptions,
  ) {
    this.c = new Chalk({ level: ro.color });
    this.m = MESSAGES[ro.lang];
    this.width = reportWidth(ro);
    this.spool = new Spool(out.spoolDir, ro.spoolLimit);
  }

  /** A logical line at `indent` columns, continued `hang` columns in. */
  private wrap(runs: Run[], indent: number, hang = indent + 2): string[] {
    return wrapRuns(runs, { width: this.width, indent: sp(indent), hang: sp(hang) });
  }

  post(r: PostResult, findings: Finding[]): void {
    const suppressed = this.ro.explain ? r.suppressed : [];
    if (findings.length === 0 && suppressed.length === 0) return;
    const emp = (findings[0] ?? suppressed[0]).employee;
    const key = emp ? `nip:${emp.nip}` : `${emp === null ? 'out:' : ''}${r.post.author.toLowerCase()}`;
    let g = this.byAuthor.get(key);
    if (!g) this.byAuthor.set(key, (g = { author: r.post.author, author_name: r.post.author_name, emp: emp ?? null, worst: 'clean', findings: 0, entries: [] }));
    if (VERDICT_RANK[r.verdict] > VERDICT_RANK[g.worst]) g.worst = r.verdict;
    g.findings += findings.length;
    g.entries.push({ at: r.post.created_at ?? '', ref: this.spool.add(this.postLines(r.post, r.verdict, findings, suppressed, emp != null)) });
  }

  dispose(): void {
    this.spool.dispose();
  }

  /** A post's lines under its group's heading, each ending in a newline. `byEmployee`: the group is an employee's. */
  private postLines(post: Post, verdict: Verdict, findings: Finding[], suppressed: Finding[], byEmployee: boolean): string {
    const c = this.c;
    const m = this.m;
    const lines: string[] = [];
    const when = post.created_at ? formatInZone(post.created_at, this.ro.timeZone) : '—';
    const kind = kindLabel(post, m);
    const where = [byEmployee ? `${post.platform} @${terminalLine(post.author)}` : post.platform, kind !== null ? terminalLine(kind) : null, post.deleted ? m.deleted : null].filter(Boolean).join(' · ');
    const gap: Run = { text: '  ', sep: true };
    const items: Run[] = [
      { text: when, paint: c.cyan, keep: true },
      gap,
      { text: where, keep: true },
      gap,
      { text: terminalLine(post.id), paint: c.dim, keep: true },
      gap,
      { text: m.verdict[verdict], paint: verdictPaint(c, verdict), keep: true },
    ];
    lines.push(...this.wrap(items, 2, 4));
    if (post.url) lines.push(...this.wrap([run(terminalLine(post.url), c.underline)], 2, 4));
    else lines.push(...this.wrap([run(terminalLine(sourceText(post.source)), c.dim)], 2, 4));
    const sorted = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.confidence - a.confidence);
    for (const f of sorted) lines.push(...this.findingLines(post, f, false));
    for (const f of suppressed) {
      lines.push(`    ${c.dim(`(${m.suppressed})`)}`);
      lines.push(...this.findingLines(post, f, true));
    }
    return lines.map((l) => `${l}\n`).join('');
  }

  /** The severity badge (" HIGH " on red), one unbreakable run. */
  private sev(s: Severity): Run {
    const c = this.c;
    const paint = s === 'high' ? c.bgRed.white.bold : s === 'medium' ? c.bgYellow.black : s === 'low' ? c.bgCyan.black : c.bgGray.white;
    return { text: ` ${this.m.severity[s]} `, paint, keep: true };
  }

  /** The matched words in context: a line (or more) per field they were found in, marked when not the text. */
  private excerptLines(post: Post, f: Finding): string[] {
    const plain = this.ro.color === 0;
    const hit = plain ? undefined : this.c.inverse.bold;
    return excerpts(post, f.spans).flatMap((x) => {
      const label = excerptLabel(post, x, this.m);
      const body = x.segments.map((s) => {
        const t = terminalLine(s.text);
        return s.hit ? run(plain ? `«${t}»` : t, hit) : run(t);
      });
      return this.wrap(label ? [{ text: `[${label}]`, paint: this.c.dim, keep: true }, run(' '), ...body] : body, 6);
    });
  }

  /** "Candidate: pilpres-2024:2 (Prabowo Subianto – Gibran Rakabuming Raka)": the id kept whole, the name may wrap. */
  private candidateRuns(f: Finding): Run[] {
    const c = this.c;
    const m = this.m;
    const name = f.candidate ? this.ro.candidates?.get(f.candidate) : undefined;
    const note = [name ? terminalLine(name) : null, f.stance === 'against' ? m.against : null].filter(Boolean).join('; ');
    return [{ text: `${m.candidate}: `, keep: true }, { text: f.candidate!, paint: c.bold, keep: true }, ...(note ? [run(` (${note})`, c.bold)] : [])];
  }

  /**
   * A finding: severity and title; then rule id · category · candidate · confidence; the excerpt; the legal basis;
   * the analyst's decision and, with --explain, the context modifiers. Each continues under a hanging indent.
   */
  private findingLines(post: Post, f: Finding, dim: boolean): string[] {
    const c = this.c;
    const m = this.m;
    const title = this.ro.lang === 'id' ? f.rule_title.id : f.rule_title.en;
    const badge = this.sev(f.severity);
    const dot: Run = { text: ' · ', paint: c.dim, sep: true };
    const rule: Run[] = [{ text: f.rule_id, paint: c.dim, keep: true }, dot, { text: m.category[f.category], paint: c.dim, keep: true }];
    const weight: Run[] = [{ text: `${m.confidence} ${f.confidence.toFixed(2)}`, paint: c.dim, keep: true }];
    if (f.candidate) weight.unshift(...this.candidateRuns(f), dot);
    // On one line when it fits; else the rule, then who and how sure, rather than a break in the middle of either.
    const oneLine = this.wrap([...rule, dot, ...weight], 6);
    const lines = [
      // The title continues under itself, right of the badge.
      ...this.wrap([badge, run(' '), run(terminalLine(title), c.bold)], 4, 4 + displayWidth(badge.text) + 1),
      ...(oneLine.length === 1 ? oneLine : [...this.wrap(rule, 6), ...this.wrap(weight, 8, 10)]),
      ...this.excerptLines(post, f),
      ...this.wrap([run(`${m.legal}: ${terminalLine(f.legal_basis)}`, c.dim)], 6),
    ];
    if (f.review && f.review.status !== 'new') lines.push(...this.wrap([this.reviewRun(f)], 6));
    const earlier = f.review?.earlier_decisions;
    if (earlier?.length) lines.push(...this.wrap([run(`${m.earlierDecision}: ${terminalLine(earlierDecisionsText(earlier, this.ro.lang))}`, c.yellow)], 6, 8));
    if (dim || (this.ro.explain && f.modifiers.length > 0)) {
      for (const mod of f.modifiers) {
        const t = modifierText(mod, this.ro.lang);
        lines.push(...this.wrap([run(`↳ ${t.label ? `${t.label} (${t.kind}; ${t.effect})` : `${t.kind} (${t.effect})`}: ${terminalLine(t.cue)}`, c.dim)], 6, 8));
      }
    }
    // Dimmed after the indent, which is never painted.
    return dim ? lines.map((l) => l.replace(/^( *)(.+)$/, (_, indent: string, rest: string) => indent + c.dim(rest))) : lines;
  }

  private reviewRun(f: Finding): Run {
    const r = f.review!;
    const when = [r.date, r.by ? `${this.m.by} ${terminalLine(r.by)}` : null].filter(Boolean).join(', ');
    const text = `${this.m.decision}: ${this.m.review[r.status]}${when ? ` (${when})` : ''}${r.note ? `: ${terminalLine(r.note)}` : ''}`;
    return run(text, r.status === 'confirmed' ? this.c.magenta : this.c.dim);
  }

  async end(summary: ScanSummary): Promise<void> {
    try {
      await this.write(summary);
    } finally {
      this.spool.dispose();
    }
  }

  private async write(summary: ScanSummary): Promise<void> {
    const c = this.c;
    const m = this.m;
    const w = (s: string) => this.out.sink.write(`${s}\n`);
    const ws = async (lines: string[]) => {
      for (const l of lines) await w(l);
    };
    await w(c.bold(m.title));
    await w('');
    const groups = [...this.byAuthor.entries()].sort(([ka, a], [kb, b]) => {
      // Accounts not in the roster come last, under their own heading.
      return Number(ka.startsWith('out:')) - Number(kb.startsWith('out:')) || VERDICT_RANK[b.worst] - VERDICT_RANK[a.worst] || b.entries.length - a.entries.length || a.author.localeCompare(b.author);
    });
    if (groups.length === 0) await w(`  ${m.noFindings}`);
    let apart = false;
    for (const [key, g] of groups) {
      const emp = key.startsWith('nip:') ? g.emp! : null;
      if (key.startsWith('out:') && !apart) {
        apart = true;
        await ws(notInRosterLines(m, c, this.width));
      }
      const who = emp ? employeeLine(emp, m) : g.author ? `@${terminalLine(g.author)}${g.author_name ? ` (${terminalLine(g.author_name)})` : ''}` : m.unknownAuthor;
      await ws(this.wrap([run(who, c.bold), run(` — ${m.findings(g.findings)} · `), run(m.verdict[g.worst], verdictPaint(c, g.worst))], 0));
      g.entries.sort((a, b) => a.at.localeCompare(b.at));
      for (const lines of this.spool.texts(g.entries.map((e) => e.ref))) await this.out.sink.write(lines);
      await w('');
    }
    for (const l of summaryLines(summary, this.ro, c)) await w(l);
  }
}

/** How a verdict is coloured: by weight. */
export function verdictPaint(c: ChalkInstance, v: Verdict): (s: string) => string {
  return v === 'violation' ? c.red.bold : v === 'review' ? c.yellow : c.green;
}

/** The heading of the accounts not in the roster, with its note, and a blank line. */
export function notInRosterLines(m: Messages, c: ChalkInstance, width: number): string[] {
  return [c.bold.underline(m.notInRoster), ...wrapText(m.notInRosterNote, { width, indent: '', hang: '' }, c.dim), ''];
}

/** "Rudi Hartono · NIP 198501012010011001 · Dinas PUPR · Kepala Seksi" */
export function employeeLine(e: EmployeeRef, m: Messages): string {
  return [terminalLine(e.nama), `${m.nip} ${e.nip}`, terminalLine(e.unit_kerja), terminalLine(e.jabatan)].filter((x) => x !== '').join(' · ');
}

interface CountRow {
  label: string;
  n: number;
  /** Colours the (already padded) label. */
  paint?: (s: string) => string;
}

/** Between the columns of the summary table. */
const GAP = '    ';

/** `s` padded with spaces to `width` display columns. */
const padTo = (s: string, width: number) => s + sp(Math.max(0, width - displayWidth(s)));

/**
 * Columns of "label  count" side by side, each under its title: the summary table. Widths from the plain text.
 * Columns that do not fit beside the others within `width` go below them, as a table of their own.
 */
export function countsTable(columns: { title: string; rows: CountRow[] }[], c: ChalkInstance, width: number): string[] {
  const widths = columns.map((col) => Math.max(displayWidth(col.title), ...col.rows.map((r) => displayWidth(r.label) + 2 + String(r.n).length)));
  const groups: number[][] = [];
  let used = 0;
  for (let i = 0; i < columns.length; i++) {
    const group = groups.at(-1);
    if (group && used + GAP.length + widths[i] <= width) {
      group.push(i);
      used += GAP.length + widths[i];
    } else {
      groups.push([i]);
      used = 2 + widths[i];
    }
  }
  const cell = (col: number, r: CountRow | undefined) => {
    if (!r) return sp(widths[col]);
    const num = String(r.n);
    const label = padTo(r.label, widths[col] - num.length);
    return `${r.paint ? r.paint(label) : label}${num}`;
  };
  const lines: string[] = [];
  for (const g of groups) {
    if (lines.length > 0) lines.push('');
    lines.push(`  ${g.map((i) => c.dim(padTo(columns[i].title, widths[i]))).join(GAP)}`.trimEnd());
    const height = Math.max(...g.map((i) => columns[i].rows.length));
    for (let k = 0; k < height; k++) lines.push(`  ${g.map((i) => cell(i, columns[i].rows[k])).join(GAP)}`.trimEnd());
  }
  return lines;
}

/** Terms of a count ("+ skipped 3") kept whole, so a number is never parted from its label; a note in brackets wraps. */
function countRuns(terms: string[]): Run[] {
  return terms.flatMap((t, i) => [...(i > 0 ? [{ text: ' ', sep: true }] : []), t.startsWith('(') ? run(t) : { text: t, keep: true }]);
}

/** The summary block that ends every terminal report (per finding and per employee), fitted to the report's width. */
export function summaryLines(summary: ScanSummary, ro: ReportOptions, c: ChalkInstance): string[] {
  const m = MESSAGES[ro.lang];
  const width = reportWidth(ro);
  const out: string[] = [c.bold(m.summary)];
  /** A line of the summary at `indent` columns, continued two further in. */
  const add = (runs: Run[], indent = 2) => out.push(...wrapRuns(runs, { width, indent: sp(indent), hang: sp(indent + 2) }));
  const p = summary.period;
  if (p) {
    const range = p.campaign ? `${m.campaignOf(p.campaign)}: ${p.label.since} – ${p.label.until}` : `${p.label.since ? `${m.from} ${p.label.since} ` : ''}${p.label.until ? `${m.until} ${p.label.until}` : ''}`.trim();
    add([run(`${m.period}: ${terminalLine(range)} (${ro.timeZone})`)]);
    add(countRuns(m.readTerms({ ...summary, outside: p.before + p.after })));
    if (p.undated > 0) add([run(m.undated(p.undated), c.yellow)]);
  } else add(countRuns(m.readTerms(summary)));
  if (summary.by_kind.like > 0) add([run(m.likesLine(summary.by_kind.like))]);
  out.push('');
  const cats = Object.entries(summary.by_category).filter(([, n]) => n > 0);
  out.push(
    ...countsTable(
      [
        { title: m.byVerdict, rows: (['violation', 'review', 'clean'] as Verdict[]).map((v) => ({ label: m.verdict[v], n: summary.by_verdict[v], paint: verdictPaint(c, v) })) },
        { title: m.bySeverity, rows: (['high', 'medium', 'low', 'info'] as Severity[]).map((s) => ({ label: m.severity[s].toLowerCase(), n: summary.by_severity[s] })) },
        ...(cats.length > 0 ? [{ title: m.byCategory, rows: cats.map(([k, n]) => ({ label: m.category[k as keyof typeof m.category], n })) }] : []),
      ],
      c,
      width,
    ),
  );
  out.push('');
  if (summary.filtered > 0) add([run(m.filteredOut(summary.filtered, ro.minSeverity), c.dim)]);
  const b = summary.baseline;
  if (b) add([run(m.baselineLine(b.new, b.known, b.known_shown, b.dismissed))]);
  if (b?.stale_decisions) add([run(m.staleLine(b.stale_decisions), c.yellow)]);
  const r = summary.roster;
  if (r) {
    add([run(m.rosterLine(r.employees, r.employees_with_posts, r.employees_with_findings, summary.baseline !== undefined))]);
    if (r.unmatched_posts > 0) {
      add([run(m.unmatchedLine(r.unmatched_posts, r.unmatched_findings), c.yellow), run(':')]);
      const apart = (summary.employees ?? []).filter((s) => s.in_roster === false);
      for (const s of apart.slice(0, 20))
        add(
          [run(`${terminalLine(label(s))}${s.author_name ? ` (${terminalLine(s.author_name)})` : ''} — ${m.postsScanned(s.posts)}, ${m.findings(s.findings)}${s.unmatched_reason && s.unmatched_reason !== 'not_in_roster' ? ` (${m.unmatchedReason[s.unmatched_reason]})` : ''}`)],
          4,
        );
      if (apart.length > 20) out.push(`    … +${apart.length - 20}`);
    }
  }
  if (summary.inputs.length > 1 || summary.inputs.some((i) => i.error)) {
    out.push(`  ${m.inputs}:`);
    for (const i of summary.inputs) {
      const { format, counts, failure: f } = inputStatus(i, p !== undefined, ro.lang);
      const runs: Run[] = [run(`${terminalLine(i.input)} — `)];
      if (counts) runs.push(run(`${terminalLine(format)}: `), ...countRuns(counts), ...(f ? [run(';')] : []));
      // The place ("line 11:") is kept on one line.
      if (f) runs.push(run(`${counts ? ' ' : ''}${m.failed}: ${f.file ? `${terminalLine(f.file)}, ` : ''}`, c.red), ...(f.at ? [{ text: `${f.at}:`, paint: c.red, keep: true }] : []), run(`${f.file || f.at ? ' ' : ''}${terminalLine(f.error)}`, c.red));
      add(runs, 4);
    }
  }
  out.push('');
  out.push(...wrapText(m.note, { width, indent: '', hang: '' }, c.dim));
  return out;
}
