// One JSON document: {"summary": {…}, "findings": […]}. Findings are held until the end so the summary can come
// first; for runs with very many findings, jsonl streams instead.

import type { Finding } from '../model.js';
import type { PostResult } from '../engine/scan.js';
import type { Output } from './output.js';
import { findingRecord } from './record.js';
import type { Reporter, ScanSummary } from './types.js';

export function summaryRecord(s: ScanSummary): Record<string, unknown> {
  return {
    read: s.read,
    scanned: s.scanned,
    skipped: s.skipped,
    findings: s.findings,
    filtered: s.filtered,
    by_severity: s.by_severity,
    by_category: s.by_category,
    by_verdict: s.by_verdict,
    inputs: s.inputs.map((c) => ({ input: c.input, format: c.format, read: c.read, scanned: c.scanned, skipped: c.skipped, ...(c.error ? { error: c.error } : {}) })),
    ...(s.ignored.length > 0 ? { ignored: s.ignored } : {}),
  };
}

export class JsonReporter implements Reporter {
  private readonly records: string[] = [];

  constructor(private readonly out: Output) {}

  post(_r: PostResult, findings: Finding[]): void {
    for (const f of findings) this.records.push(JSON.stringify(findingRecord(f), null, 2).replace(/\n/g, '\n    '));
  }

  async end(summary: ScanSummary): Promise<void> {
    const sum = JSON.stringify(summaryRecord(summary), null, 2).replace(/\n/g, '\n  ');
    await this.out.sink.write(`{\n  "summary": ${sum},\n  "findings": [`);
    for (let i = 0; i < this.records.length; i++) await this.out.sink.write(`${i === 0 ? '' : ','}\n    ${this.records[i]}`);
    await this.out.sink.write(`${this.records.length > 0 ? '\n  ' : ''}]\n}\n`);
  }
}
