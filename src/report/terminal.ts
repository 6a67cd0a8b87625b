// The report a person reads at a terminal: findings grouped by author, the matched words highlighted, severities
// coloured, then a summary. Plain text (no colour) when the output is not a terminal or NO_COLOR is set; post text
// is always stripped of control sequences first.

import { Chalk, type ChalkInstance } from 'chalk';
import { severityRank, type Finding, type Post, type Severity, type Verdict } from '../model.js';
import type { PostResult } from '../engine/scan.js';
import { formatInZone } from '../sources/time.js';
import { excerpt } from './excerpt.js';
import { MESSAGES, type Messages } from './i18n.js';
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

const VERDICT_RANK: Record<Verdict, number> = { clean: 0, review: 1, violation: 2 };

export class TerminalReporter implements Reporter {
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
    const key = r.post.author.toLowerCase();
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
    const t = this.m.verdict[v];
    return v === 'violation' ? this.c.red.bold(t) : v === 'review' ? this.c.yellow(t) : this.c.green(t);
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
    if (dim || (this.ro.explain && f.modifiers.length > 0)) {
      for (const mod of f.modifiers) lines.push(`      ${c.dim(`↳ ${mod.kind} (${mod.effect}${mod.factor !== undefined ? ` ×${mod.factor}` : ''}): ${terminalLine(mod.cue)}`)}`);
    }
    return dim ? lines.map((l) => c.dim(l)) : lines;
  }

  async end(summary: ScanSummary): Promise<void> {
    const c = this.c;
    const m = this.m;
    const w = (s: string) => this.out.sink.write(`${s}\n`);
    await w(c.bold(m.title));
    await w('');
    const authors = [...this.byAuthor.values()].sort((a, b) => {
      const wa = Math.max(...a.map((e) => VERDICT_RANK[e.verdict]));
      const wb = Math.max(...b.map((e) => VERDICT_RANK[e.verdict]));
      return wb - wa || b.length - a.length || a[0].post.author.localeCompare(b[0].post.author);
    });
    if (authors.length === 0) await w(`  ${m.noFindings}`);
    for (const entries of authors) {
      const p0 = entries[0].post;
      const worst = entries.reduce<Verdict>((v, e) => (VERDICT_RANK[e.verdict] > VERDICT_RANK[v] ? e.verdict : v), 'clean');
      const n = entries.reduce((k, e) => k + e.findings.length, 0);
      const who = p0.author ? `@${terminalLine(p0.author)}` : m.unknownAuthor;
      await w(`${c.bold(who)}${p0.author_name ? ` (${terminalLine(p0.author_name)})` : ''} — ${m.findings(n)} · ${this.verdict(worst)}`);
      entries.sort((a, b) => (a.post.created_at ?? '').localeCompare(b.post.created_at ?? ''));
      for (const e of entries) {
        const when = e.post.created_at ? formatInZone(e.post.created_at, this.ro.timeZone) : '—';
        const where = [e.post.platform, e.post.kind !== 'post' ? e.post.kind : null, e.post.deleted ? 'deleted' : null].filter(Boolean).join(' · ');
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
    await w(c.bold(m.summary));
    await w(`  ${m.readLine(summary.read, summary.scanned, summary.skipped)}`);
    const verdicts = (['violation', 'review', 'clean'] as Verdict[]).map((v) => `${this.verdict(v)} ${summary.by_verdict[v]}`).join(', ');
    await w(`  ${m.byVerdict}: ${verdicts}`);
    const sev = (['high', 'medium', 'low', 'info'] as Severity[]).filter((s) => summary.by_severity[s] > 0).map((s) => `${m.severity[s].toLowerCase()} ${summary.by_severity[s]}`);
    await w(`  ${m.bySeverity}: ${sev.length ? sev.join(', ') : '0'}`);
    const cats = Object.entries(summary.by_category).filter(([, n]) => n > 0).map(([k, n]) => `${m.category[k as keyof typeof m.category]} ${n}`);
    if (cats.length) await w(`  ${m.byCategory}: ${cats.join(', ')}`);
    if (summary.filtered > 0) await w(`  ${c.dim(m.filteredOut(summary.filtered, this.ro.minSeverity))}`);
    if (summary.inputs.length > 1 || summary.inputs.some((i) => i.error)) {
      await w(`  ${m.inputs}:`);
      for (const i of summary.inputs) {
        const line = i.error ? c.red(`${m.failed}: ${terminalLine(i.error)}`) : `${i.format}: ${m.readLine(i.read, i.scanned, i.skipped)}`;
        await w(`    ${terminalLine(i.input)} — ${line}`);
      }
    }
    await w('');
    await w(c.dim(m.note));
  }
}
