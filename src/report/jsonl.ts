// One finding per line, written as posts are scanned: the format for pipelines and very large runs.

import type { Finding } from '../model.js';
import type { PostResult } from '../engine/scan.js';
import type { Output } from './output.js';
import { findingRecord } from './record.js';
import type { Reporter } from './types.js';
import { safeJson } from './sanitize.js';

export class JsonlReporter implements Reporter {
  constructor(private readonly out: Output) {}

  post(_r: PostResult, findings: Finding[]): Promise<void> | void {
    if (findings.length === 0) return;
    let s = '';
    for (const f of findings) s += `${safeJson(findingRecord(f))}\n`;
    return this.out.sink.write(s);
  }

  end(): void {}
}
