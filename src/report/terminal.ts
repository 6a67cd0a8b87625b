// The report a person reads at a terminal: findings grouped by author, the matched words highlighted, severities
// coloured, then a summary. Plain text (no colour) when the output is not a terminal or NO_COLOR is set; post text
// is always stripped of control sequences first.

import { Chalk, type ChalkInstance } from 'chalk';
import { severityRank, type EmployeeRef, type Finding, type Post, type Severity, type Verdict } from '../model.js';
import { label, VERDICT_RANK } from '../audit/employees.js';
import type { PostResult } from '../engine/scan.js';
import { formatInZone } from '../sources/time.js';
import { excerpt } from './excerpt.js';
import { inputFailure, MESSAGES, type Messages } from './i18n.js';
import type { Output } from './output.js';
import { sourceText } from './record.js';
import { terminalLine } from './sanitize.js';
import type { Reporter, ReportOptions, ScanSummary } from './types.js';

interface Entry {
  post: Post;
  verdict: Verdict;
  findings: Finding[];
  suppressed: Finding[];
}

export class TerminalReporter implements Reporter {
  /** Groups of posts: by employee with a roster (key `nip:…`), else by author; `out:` marks authors not in it. */
  private readonly byAuthor = new Map<string, Entry[]>();
  private readonly c: ChalkInstance;
  private readonly m: Messages;

  constructor(
    private readonly out: Output,
    private readonly ro: ReportOptions,
  ) {
    this.c = new Chalk({ level: ro.color });
    this.m = MESSAGES[ro.lang];
  }

  post(r: PostResult, findings: Finding[]): void {
    const suppressed = this.ro.explain ? r.suppressed : [];
    if (findings.length === 0 && suppressed.length === 0) return;
    const emp = (findings[0] ?? suppressed[0]).employee;
    const key = emp ? `nip:${emp.nip}` : `${emp === null ? 'out:' : ''}${r.post.author.toLowerCase()}`;
    let list = this.byAuthor.get(key);
    if (!list) this.byAuthor.set(key, (list = []));
    list.push({ post: r.post, verdict: r.verdict, findings, suppressed });
  }

  private sev(s: Severity): string {
    const label = ` ${this.m.severity[s]} `;
    switch (s) {
      case 'high':
        return this.c.bgRed.white.bold(label);
      case 'medium':
        return this.c.bgYellow.black(label);
      case 'low':
        return this.c.bgCyan.black(label);
      default:
        return this.c.bgGray.white(label);
    }
  }

  private verdict(v: Verdict): string {
    return verdictText(this.c, this.m, v);
  }

  private excerptLine(post: Post, f: Finding): string {
    const { label, segments } = excerpt(post, f.spans);
    const plain = this.ro.color === 0;
    const body = segments
      .map((s) => {
        const t = terminalLine(s.text);
        if (!s.hit) return t;
        return plain ? `«${t}»` : this.c.inverse.bold(t);
      })
      .join('');
    return `${label ? this.c.dim(`[${label}] `) : ''}${body}`;
  }

  private findingLines(post: Post, f: Finding, dim: boolean): string[] {
    const c = this.c;
    const title = this.ro.lang === 'id' ? f.rule_title.id : f.rule_title.en;
    const cand = f.candidate ? `  ${this.m.candidate}: ${c.bold(f.stance === 'against' ? `${f.candidate} (${this.m.against})` : f.candidate)}` : '';
    const head = `    ${this.sev(f.severity)} ${c.bold(terminalLine(title))} ${c.dim(`[${f.rule_id} · ${this.m.category[f.category]}]`)}${cand}  ${c.dim(`${this.m.confidence} ${f.confidence.toFixed(2)}`)}`;
    const lines = [head, `      ${this.excerptLine(post, f)}`, `      ${c.dim(`${this.m.legal}: ${terminalLine(f.legal_basis)}`)}`];
    if (f.review && f.review.status !== 'new') lines.push(`      ${this.reviewLine(f)}`);
    if (dim || (this.ro.explain && f.modifiers.length > 0)) {
      for (const mod of f.modifiers) lines.push(`      ${c.dim(`↳ ${mod.kind} (${mod.effect}${mod.factor !== undefined ? ` ×${mod.factor}` : ''}): ${terminalLine(mod.cue)}`)}`);
    }
    return dim ? lines.map((l) => c.dim(l)) : lines;
  }

  private reviewLine(f: Finding): string {
    const r = f.review!;
    const when = [r.date, r.by ? `${this.m.by} ${terminalLine(r.by)}` : null].filter(Boolean).join(', ');
    const text = `${this.m.decision}: ${this.m.review[r.status]}${when ? ` (${when})` : ''}${r.note ? `: ${terminalLine(r.note)}` : ''}`;
    return r.status === 'confirmed' ? this.c.magenta(text) : this.c.dim(text);
  }

  async end(summary: ScanSummary): Promise<void> {
    const c = this.c;
    const m = this.m;
    const w = (s: string) => this.out.sink.write(`${s}\n`);
    await w(c.bold(m.title));
    await w('');
    const groups = [...this.byAuthor.entries()].sort(([ka, a], [kb, b]) => {
      const wa = Math.max(...a.map((e) => VERDICT_RANK[e.verdict]));
      const wb = Math.max(...b.map((e) => VERDICT_RANK[e.verdict]));
      // Accounts not in the roster come last, under their own heading.
      return Number(ka.startsWith('out:')) - Number(kb.startsWith('out:')) || wb - wa || b.length - a.length || a[0].post.author.localeCompare(b[0].post.author);
    });
    if (groups.length === 0) await w(`  ${m.noFindings}`);
    let apart = false;
    for (const [key, entries] of groups) {
      const p0 = entries[0].post;
      const worst = entries.reduce<Verdict>((v, e) => (VERDICT_RANK[e.verdict] > VERDICT_RANK[v] ? e.verdict : v), 'clean');
      const n = entries.reduce((k, e) => k + e.findings.length, 0);
      const emp = key.startsWith('nip:') ? (entries[0].findings[0] ?? entries[0].suppressed[0]).employee! : null;
      if (key.startsWith('out:') && !apart) {
        apart = true;
        await w(c.bold.underline(m.notInRoster));
        await w(c.dim(m.notInRosterNote));
        await w('');
      }
      const who = emp ? employeeLine(emp, m) : p0.author ? `@${terminalLine(p0.author)}${p0.author_name ? ` (${terminalLine(p0.author_name)})` : ''}` : m.unknownAuthor;
      await w(`${c.bold(who)} — ${m.findings(n)} · ${this.verdict(worst)}`);
      entries.sort((a, b) => (a.post.created_at ?? '').localeCompare(b.post.created_at ?? ''));
      for (const e of entries) {
        const when = e.post.created_at ? formatInZone(e.post.created_at, this.ro.timeZone) : '—';
        const where = [emp ? `${e.post.platform} @${terminalLine(e.post.author)}` : e.post.platform, e.post.kind !== 'post' ? e.post.kind : null, e.post.deleted ? m.deleted : null].filter(Boolean).join(' · ');
        await w(`  ${c.cyan(when)}  ${where}  ${c.dim(terminalLine(e.post.id))}  ${this.verdict(e.verdict)}`);
        if (e.post.url) await w(`  ${c.underline(terminalLine(e.post.url))}`);
        else await w(`  ${c.dim(terminalLine(sourceText(e.post.source)))}`);
        const sorted = [...e.findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.confidence - a.confidence);
        for (const f of sorted) for (const l of this.findingLines(e.post, f, false)) await w(l);
        for (const f of e.suppressed) {
          await w(`    ${c.dim(`(${m.suppressed})`)}`);
          for (const l of this.findingLines(e.post, f, true)) await w(l);
        }
      }
      await w('');
    }
    for (const l of summaryLines(summary, this.ro, c)) await w(l);
  }
}

/** A verdict word, coloured by weight. */
export function verdictText(c: ChalkInstance, m: Messages, v: Verdict, text?: string): string {
  const t = text ?? m.verdict[v];
  return v === 'violation' ? c.red.bold(t) : v === 'review' ? c.yellow(t) : c.green(t);
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

/** Columns of "label  count" side by side, each under its title: the summary table. Widths from the plain text. */
export function countsTable(columns: { title: string; rows: CountRow[] }[], c: ChalkInstance): string[] {
  const widths = columns.map((col) => Math.max(col.title.length, ...col.rows.map((r) => r.label.length + 2 + String(r.n).length)));
  const cell = (col: number, r: CountRow | undefined) => {
    if (!r) return ' '.repeat(widths[col]);
    const num = String(r.n);
    const label = r.label.padEnd(widths[col] - num.length);
    return `${r.paint ? r.paint(label) : label}${num}`;
  };
  const lines = [`  ${columns.map((col, i) => c.dim(col.title.padEnd(widths[i]))).join('    ')}`.trimEnd()];
  const height = Math.max(...columns.map((col) => col.rows.length));
  for (let k = 0; k < height; k++) lines.push(`  ${columns.map((col, i) => cell(i, col.rows[k])).join('    ')}`.trimEnd());
  return lines;
}

/** The summary block that ends every terminal report (per finding and per employee). */
export function summaryLines(summary: ScanSummary, ro: ReportOptions, c: ChalkInstance): string[] {
  const m = MESSAGES[ro.lang];
  const out: string[] = [c.bold(m.summary)];
  const p = summary.period;
  if (p) {
    const range = p.campaign ? `${m.campaignOf(p.campaign)}: ${p.label.since} – ${p.label.until}` : `${p.label.since ? `${m.from} ${p.label.since} ` : ''}${p.label.until ? `${m.until} ${p.label.until}` : ''}`.trim();
    out.push(`  ${m.period}: ${terminalLine(range)} (${ro.timeZone})`);
    out.push(`  ${m.readLineOutside(summary.read, summary.scanned, summary.skipped, p.before + p.after)}`);
    if (p.undated > 0) out.push(`  ${c.yellow(m.undated(p.undated))}`);
  } else out.push(`  ${m.readLine(summary.read, summary.scanned, summary.skipped)}`);
  out.push('');
  const cats = Object.entries(summary.by_category).filter(([, n]) => n > 0);
  out.push(
    ...countsTable(
      [
        { title: m.byVerdict, rows: (['violation', 'review', 'clean'] as Verdict[]).map((v) => ({ label: m.verdict[v], n: summary.by_verdict[v], paint: (s: string) => verdictText(c, m, v, s) })) },
        { title: m.bySeverity, rows: (['high', 'medium', 'low', 'info'] as Severity[]).map((s) => ({ label: m.severity[s].toLowerCase(), n: summary.by_severity[s] })) },
        ...(cats.length > 0 ? [{ title: m.byCategory, rows: cats.map(([k, n]) => ({ label: m.category[k as keyof typeof m.category], n })) }] : []),
      ],
      c,
    ),
  );
  out.push('');
  if (summary.filtered > 0) out.push(`  ${c.dim(m.filteredOut(summary.filtered, ro.minSeverity))}`);
  const b = summary.baseline;
  if (b) out.push(`  ${m.baselineLine(b.new, b.known, b.known_shown, b.dismissed)}`);
  const r = summary.roster;
  if (r) {
    out.push(`  ${m.rosterLine(r.employees, r.employees_with_posts, r.employees_with_findings)}`);
    if (r.unmatched_posts > 0) {
      out.push(`  ${c.yellow(m.unmatchedLine(r.unmatched_posts, r.unmatched_findings))}:`);
      const apart = (summary.employees ?? []).filter((s) => s.in_roster === false);
      for (const s of apart.slice(0, 20))
        out.push(`    ${terminalLine(label(s))}${s.author_name ? ` (${terminalLine(s.author_name)})` : ''} — ${m.postsScanned(s.posts)}, ${m.findings(s.findings)}${s.unmatched_reason && s.unmatched_reason !== 'not_in_roster' ? ` (${m.unmatchedReason[s.unmatched_reason]})` : ''}`);
      if (apart.length > 20) out.push(`    … +${apart.length - 20}`);
    }
  }
  if (summary.inputs.length > 1 || summary.inputs.some((i) => i.error)) {
    out.push(`  ${m.inputs}:`);
    for (const i of summary.inputs) {
      const outside = i.outside_period ?? 0;
      const counts = p ? m.readLineOutside(i.read, i.scanned, i.skipped, outside) : m.readLine(i.read, i.scanned, i.skipped);
      const line = i.error ? c.red(`${m.failed}: ${terminalLine(inputFailure(i, ro.lang))}`) : `${i.format}: ${counts}`;
      out.push(`    ${terminalLine(i.input)} — ${line}`);
    }
  }
  out.push('');
  out.push(c.dim(m.note));
  return out;
}
