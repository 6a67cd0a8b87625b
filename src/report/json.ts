// One JSON document: {"summary": {…}, "findings": […]}. Findings wait in a spool (memory, then a temporary file)
// until the end, so that the summary can come first.

import type { Finding, InputCounts } from '../model.js';
import type { PostResult } from '../engine/scan.js';
import type { Output } from './output.js';
import { findingRecord } from './record.js';
import type { Reporter, ReportOptions, ScanSummary } from './types.js';
import type { SubjectStats } from '../audit/employees.js';
import { safeJson } from './sanitize.js';
import { Spool } from './spool.js';

export function summaryRecord(s: ScanSummary): Record<string, unknown> {
  return {
    read: s.read,
    scanned: s.scanned,
    skipped: s.skipped,
    ...(s.repeated > 0 ? { repeated: s.repeated } : {}),
    findings: s.findings,
    filtered: s.filtered,
    by_severity: s.by_severity,
    by_category: s.by_category,
    by_verdict: s.by_verdict,
    by_kind: s.by_kind,
    inputs: s.inputs.map((c) => ({
      input: c.input,
      format: c.format,
      read: c.read,
      scanned: c.scanned,
      skipped: c.skipped,
      ...(c.outside_period !== undefined ? { outside_period: c.outside_period } : {}),
      ...(c.repeated !== undefined ? { repeated: c.repeated } : {}),
      ...inputErrorRecord(c),
    })),
    ...(s.ignored.length > 0 ? { ignored: s.ignored.map((i) => ({ input: i.input, reason: i.reason })) } : {}),
    ...(s.period ? { period: s.period } : {}),
    ...(s.roster
      ? {
          roster: {
            ...s.roster,
            // Accounts not in the roster, reported apart: every one with posts, so none is silently dropped.
            not_in_roster: (s.employees ?? []).filter((e) => e.in_roster === false).map(subjectRecord),
          },
        }
      : {}),
    ...(s.baseline ? { baseline: s.baseline } : {}),
    ...(s.fail_on ? { fail_on: s.fail_on } : {}),
  };
}

/** An input's error as JSON keys: `error` (the message), and where it is known `file` (one inside the input), `line`, `column`. */
export function inputErrorRecord(c: InputCounts): Record<string, unknown> {
  if (!c.error) return {};
  return { error: c.error, ...(c.file !== undefined ? { file: c.file } : {}), ...(c.line !== undefined ? { line: c.line } : {}), ...(c.column !== undefined ? { column: c.column } : {}) };
}

/** One employee (or account) of the per-employee report, with stable keys. */
export function subjectRecord(s: SubjectStats): Record<string, unknown> {
  return {
    nip: s.employee?.nip ?? null,
    nama: s.employee?.nama ?? null,
    unit_kerja: s.employee?.unit_kerja ?? null,
    jabatan: s.employee?.jabatan ?? null,
    in_roster: s.in_roster,
    ...(s.unmatched_reason ? { unmatched_reason: s.unmatched_reason } : {}),
    accounts: s.accounts,
    author_name: s.author_name,
    posts: s.posts,
    findings: s.findings,
    by_severity: s.by_severity,
    by_category: s.by_category,
    worst_verdict: s.worst_verdict,
    first_finding: s.first_finding,
    last_finding: s.last_finding,
    ...(s.by_review ? { by_review: s.by_review } : {}),
  };
}

export class JsonReporter implements Reporter {
  private readonly records: Spool;

  constructor(
    private readonly out: Output,
    ro: Pick<ReportOptions, 'spoolLimit'> = {},
  ) {
    this.records = new Spool(out.spoolDir, ro.spoolLimit);
  }

  post(_r: PostResult, findings: Finding[]): void {
    for (const f of findings) this.records.add(safeJson(findingRecord(f), 2).replace(/\n/g, '\n    '));
  }

  async end(summary: ScanSummary): Promise<void> {
    try {
      const sum = safeJson(summaryRecord(summary), 2).replace(/\n/g, '\n  ');
      await this.out.sink.write(`{\n  "summary": ${sum},\n  "findings": [`);
      let first = true;
      for (const r of this.records.all()) {
        await this.out.sink.write(`${first ? '' : ','}\n    ${r}`);
        first = false;
      }
      await this.out.sink.write(`${first ? '' : '\n  '}]\n}\n`);
    } finally {
      this.records.dispose();
    }
  }

  dispose(): void {
    this.records.dispose();
  }
}
