// What an audit adds to the scan pipeline, behind three small hooks that scan.ts calls: `admit` (is the post in the
// period?), `findings` (whose account is it, what does the baseline say, what do the reports show?) and `finish`
// (the summary's period, roster, baseline and per-employee parts). Everything here is set up once at start.

import type { Finding, InputCounts, Post } from '../model.js';
import type { PostResult } from '../engine/scan.js';
import type { ElectionDef } from '../rules/types.js';
import type { Lang } from '../report/i18n.js';
import type { BaselineSummary, PeriodSummary, RosterSummary, ScanSummary } from '../report/types.js';
import { formatInZone } from '../sources/time.js';
import { readRosterForAttribution, type Roster } from '../roster/parse.js';
import { employeeRef, RosterMatcher, type Match } from '../roster/match.js';
import { placeInPeriod, resolvePeriod, type Period } from './period.js';
import { Baseline, readBaseline, type DisplayOptions, type StaleDecision } from './baseline.js';
import { EmployeeTally } from './employees.js';
import { checkReplaceable } from '../report/output.js';
import { candidateNames } from '../report/candidates.js';

export interface AuditOptions {
  roster?: string;
  per?: 'finding' | 'employee';
  since?: string;
  until?: string;
  campaign?: string;
  baseline?: string;
  includeKnown?: boolean;
  /** Also report known findings nobody has decided on yet (decision: open), marked "not decided". */
  includeOpen?: boolean;
}

export interface StageContext {
  lang: Lang;
  timeZone: string;
  elections: ElectionDef[];
  warn(input: string, message: string): void;
  /** Per-employee totals are wanted even without --per employee (the HTML report). */
  tally: boolean;
  /** The run's date (YYYY-MM-DD in timeZone); worked out here when not given. */
  today?: string;
  /** The baseline will be written after the run (audit, baseline create/update): record every finding. */
  recordBaseline?: { missingOk: boolean; fresh: boolean };
}

export class AuditStage {
  private readonly periodSummary: PeriodSummary | null;
  private readonly rosterSummary: RosterSummary | null;
  private readonly baselineSummary: BaselineSummary | null;
  private readonly display: DisplayOptions;
  private staleDecisions: StaleDecision[] = [];

  private constructor(
    private readonly o: AuditOptions,
    private readonly ctx: StageContext,
    private readonly period: Period | null,
    private readonly matcher: RosterMatcher | null,
    readonly baseline: Baseline | null,
    private readonly tally: EmployeeTally | null,
    /** The roster as read and checked once for the run; `--fetch-roster` of the same file uses it too. */
    readonly roster: Roster | null,
  ) {
    this.periodSummary = period ? { since: period.since, until: period.until, campaign: period.campaign, label: period.label, before: 0, after: 0, undated: 0 } : null;
    this.rosterSummary = roster
      ? { file: roster.file, employees: roster.employees.length, employees_with_posts: 0, employees_with_findings: 0, matched_posts: 0, unmatched_posts: 0, unmatched_findings: 0 }
      : null;
    this.baselineSummary = baseline ? { file: baseline.file, new: 0, known: 0, known_shown: 0, dismissed: 0, stale_decisions: 0 } : null;
    this.display = { lang: ctx.lang, timeZone: ctx.timeZone, today: ctx.today ?? formatInZone(new Date().toISOString(), ctx.timeZone).slice(0, 10), candidates: candidateNames(ctx.elections) };
  }

  /** Sets up what the options ask for; null when they ask for nothing the plain scan does not do. */
  static async prepare(o: AuditOptions, ctx: StageContext): Promise<AuditStage | null> {
    const period = resolvePeriod(o, ctx.elections, ctx.timeZone);
    let roster: Roster | null = null;
    if (o.roster !== undefined) roster = await readRosterForAttribution(o.roster, ctx.warn, 'scanned');
    let baseline: Baseline | null = null;
    if (o.baseline !== undefined) {
      const rec = ctx.recordBaseline;
      // Before any post is read: a baseline that may not be replaced would waste the whole run.
      if (rec) await checkReplaceable(o.baseline);
      baseline = rec?.fresh ? Baseline.empty(o.baseline, ctx.lang) : await readBaseline(o.baseline, { missingOk: rec?.missingOk ?? false, lang: ctx.lang });
    }
    const wantTally = roster !== null || o.per === 'employee' || ctx.tally;
    if (!period && !roster && !baseline && !wantTally) return null;
    return new AuditStage(
      o,
      ctx,
      period,
      roster ? new RosterMatcher(roster.employees) : null,
      baseline,
      wantTally ? new EmployeeTally(roster?.employees ?? null, baseline !== null) : null,
      roster,
    );
  }

  /** Whether to scan the post: false for posts outside the period (counted, never silently dropped). */
  admit(post: Post, counts: InputCounts): boolean {
    if (!this.period) return true;
    const place = placeInPeriod(this.period, post.created_at);
    const s = this.periodSummary!;
    // Undated posts are counted in `findings`, once scanned: a copy read before in the run is not scanned.
    if (place === 'in' || place === 'undated') return true;
    s[place]++;
    counts.outside_period = (counts.outside_period ?? 0) + 1;
    return false;
  }

  /** The findings of one scanned post as the reports should show them: attributed, and without known ones. */
  findings(r: PostResult, shown: Finding[]): Finding[] {
    if (this.period && placeInPeriod(this.period, r.post.created_at) === 'undated') this.periodSummary!.undated++;
    let match: Match | null = null;
    if (this.matcher) {
      match = this.matcher.match(r.post.platform, r.post.author);
      const ref = match.employee ? employeeRef(match.employee) : null;
      for (const f of shown) f.employee = ref;
      for (const f of r.suppressed) f.employee = ref;
    }
    let kept = shown;
    if (this.baseline) {
      const record = this.ctx.recordBaseline !== undefined;
      // Every finding of the post, also those below --min-severity: a decision on one of them is not stale.
      const earlier = this.baseline.scanned(r.post, r.findings);
      kept = [];
      for (const f of shown) {
        f.review = this.baseline.review(f.fingerprint);
        // Shown, never hidden, by a decision on another rule: the analyst sees that this post was decided on. Open
        // findings too: `baseline update` records the new finding as open, and it must not lose the note next run.
        if (earlier.length > 0 && (f.review.status === 'new' || f.review.status === 'open')) f.review.earlier_decisions = earlier;
        if (record) this.baseline.record(f, this.display);
        const s = this.baselineSummary!;
        if (f.review.status === 'new') {
          s.new++;
          kept.push(f);
        } else if (f.review.status === 'dismissed') s.dismissed++;
        else {
          s.known++;
          if (this.o.includeKnown || (this.o.includeOpen && f.review.status === 'open')) {
            s.known_shown++;
            kept.push(f);
          }
        }
      }
    }
    if (this.rosterSummary && match) {
      if (match.employee) this.rosterSummary.matched_posts++;
      else {
        this.rosterSummary.unmatched_posts++;
        this.rosterSummary.unmatched_findings += kept.length;
      }
    }
    this.tally?.post(r.post, match, kept);
    return kept;
  }

  /** Adds the audit's parts to the summary at the end of the run. */
  finish(summary: ScanSummary): void {
    if (this.periodSummary) summary.period = this.periodSummary;
    if (this.baselineSummary) {
      this.staleDecisions = this.baseline!.stale();
      this.baselineSummary.stale_decisions = this.staleDecisions.length;
      summary.baseline = this.baselineSummary;
    }
    if (this.tally) summary.employees = this.tally.result();
    if (this.rosterSummary) {
      const emps = (summary.employees ?? []).filter((s) => s.in_roster === true);
      this.rosterSummary.employees_with_posts = emps.filter((s) => s.posts > 0).length;
      this.rosterSummary.employees_with_findings = emps.filter((s) => s.findings > 0).length;
      summary.roster = this.rosterSummary;
    }
  }

  /** The stale-decision warning for stderr (after finish): a line saying what happened, then the first few. */
  staleWarning(max = 10): string[] {
    const list = this.staleDecisions;
    if (list.length === 0) return [];
    const file = this.baseline!.file;
    const lines = [
      `${file}: ${list.length} decision${list.length === 1 ? ' is' : 's are'} on posts scanned in this run but match${list.length === 1 ? 'es' : ''} none of their findings (a rule renamed or changed in the rule packs?); the findings there not yet decided on carry the earlier decision in the reports:`,
    ];
    for (const s of list.slice(0, max)) {
      const e = s.entry;
      const who = [e.date, e.by ? `by ${e.by}` : null].filter(Boolean).join(' ');
      lines.push(`  ${file}:${e.line}: ${s.post} — rule ${s.ruleId ?? '(not named in the details)'}: ${e.decision}${who ? ` ${who}` : ''}`);
    }
    if (list.length > max) lines.push(`  … and ${list.length - max} more (stale_decisions in the JSON summary counts them all)`);
    return lines;
  }

  /** For `baseline create/update` and the audit: adds this run's new findings, dates decisions, writes the file. */
  async writeBaseline(): Promise<{ added: number; dated: number; total: number; merged: boolean }> {
    return this.baseline!.save(this.display, this.ctx.recordBaseline?.fresh === true);
  }
}
