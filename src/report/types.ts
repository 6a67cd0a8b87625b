// What every report format receives: each scanned post with its (filtered) findings, then the run's summary.

import type { Category, Finding, IgnoredInput, InputCounts, PostKind, Severity, Verdict } from '../model.js';
import type { PostResult } from '../engine/scan.js';
import type { SubjectStats } from '../audit/employees.js';
import type { Lang } from './i18n.js';
import type { CandidateNames } from './candidates.js';

export interface ScanSummary {
  read: number;
  scanned: number;
  skipped: number;
  /** Of the skipped: posts read before in the run (same platform, author, id, time and text), reported once. */
  repeated: number;
  /** Findings reported (after --min-severity). */
  findings: number;
  /** Findings hidden by --min-severity. */
  filtered: number;
  by_severity: Record<Severity, number>;
  by_category: Record<Category, number>;
  /** Posts per verdict. */
  by_verdict: Record<Verdict, number>;
  /** Posts scanned per kind (a like is the account's like of someone else's post). */
  by_kind: Record<PostKind, number>;
  inputs: InputCounts[];
  /** Files in folders that netral does not read, with why. */
  ignored: IgnoredInput[];
  /** With --since/--until/--campaign: the period, and the posts read that fall outside it (read = scanned + skipped + outside). */
  period?: PeriodSummary;
  /** With --roster. */
  roster?: RosterSummary;
  /** With --baseline. */
  baseline?: BaselineSummary;
  /** With --fail-on: its level, and the findings at or above it that fail the run (new ones, with a baseline). */
  fail_on?: { level: Severity; hits: number };
  /** Per employee (and per account not in the roster), with --roster, --per employee or the HTML report. */
  employees?: SubjectStats[];
}

export interface PeriodSummary {
  /** UTC ISO, inclusive; null when open. */
  since: string | null;
  /** UTC ISO, exclusive; null when open. */
  until: string | null;
  campaign: string | null;
  /** The bounds as given (dates in the report zone). */
  label: { since: string | null; until: string | null };
  before: number;
  after: number;
  /** Posts without a time: scanned and reported, since they cannot be placed. */
  undated: number;
}

export interface RosterSummary {
  file: string;
  employees: number;
  employees_with_posts: number;
  employees_with_findings: number;
  matched_posts: number;
  /** Posts by accounts not in the roster (reported apart, never dropped). */
  unmatched_posts: number;
  unmatched_findings: number;
}

export interface BaselineSummary {
  file: string;
  /** Findings not in the baseline (reported). */
  new: number;
  /** Findings in the baseline as open or confirmed: hidden, or shown with --include-known. */
  known: number;
  known_shown: number;
  /** Findings the analysts dismissed: never reported. */
  dismissed: number;
  /**
   * Decisions (confirmed, dismissed) on posts scanned in this run that no finding of the run matches: a rule
   * renamed or changed since. Findings on those posts not decided on (new, open) carry them (review.earlier_decisions).
   */
  stale_decisions: number;
}

export interface ReportOptions {
  lang: Lang;
  /** Whether human-facing labels were asked for explicitly (--lang), which also localises CSV headers. */
  langExplicit: boolean;
  timeZone: string;
  color: 0 | 1 | 2 | 3;
  /** Columns the terminal report's lines fit in (default 80); other formats ignore it. */
  width?: number;
  excel: boolean;
  explain: boolean;
  minSeverity: Severity;
  /** `--per employee`: one row or section per employee instead of one per finding. */
  per?: 'finding' | 'employee';
  /** A roster is in use (--roster): findings carry the employee, and CSV has its columns. */
  roster?: boolean;
  /** A baseline is in use (--baseline): findings carry their review, and CSV has its columns. */
  baseline?: boolean;
  /** The report's title (audit.yml `title`), for the HTML report. */
  title?: string;
  /** Who each candidate id is, from the run's election packs: the terminal and HTML reports name them. */
  candidates?: CandidateNames;
  /** Characters of report text kept in memory until the end of the run before a temporary file is used (spool.ts). */
  spoolLimit?: number;
}

export interface Reporter {
  post(result: PostResult, findings: Finding[]): Promise<void> | void;
  end(summary: ScanSummary): Promise<void> | void;
  /** Releases what the reporter holds (a spool's temporary file) when the run ends without end(). */
  dispose?(): void;
}
