// What every report format receives: each scanned post with its (filtered) findings, then the run's summary.

import type { Category, Finding, InputCounts, Severity, Verdict } from '../model.js';
import type { PostResult } from '../engine/scan.js';
import type { Lang } from './i18n.js';

export interface ScanSummary {
  read: number;
  scanned: number;
  skipped: number;
  /** Findings reported (after --min-severity). */
  findings: number;
  /** Findings hidden by --min-severity. */
  filtered: number;
  by_severity: Record<Severity, number>;
  by_category: Record<Category, number>;
  /** Posts per verdict. */
  by_verdict: Record<Verdict, number>;
  inputs: InputCounts[];
  /** Files in folders that netral does not read. */
  ignored: string[];
}

export interface ReportOptions {
  lang: Lang;
  /** Whether human-facing labels were asked for explicitly (--lang), which also localises CSV headers. */
  langExplicit: boolean;
  timeZone: string;
  color: 0 | 1 | 2 | 3;
  excel: boolean;
  explain: boolean;
  minSeverity: Severity;
}

export interface Reporter {
  post(result: PostResult, findings: Finding[]): Promise<void> | void;
  end(summary: ScanSummary): Promise<void> | void;
}
