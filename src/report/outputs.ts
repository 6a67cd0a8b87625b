// One scan, several reports: `netral audit` writes html, csv and json in the same pass. Each report has its own
// output (a file written atomically, or stdout) and options; posts go to all of them, and all are committed at
// the end or all abandoned.

import { UsageError } from '../errors.js';
import type { Finding } from '../model.js';
import type { PostResult } from '../engine/scan.js';
import type { Io } from '../cli/io.js';
import { colorLevel, reportColumns } from '../cli/io.js';
import { createReporter } from './index.js';
import { fileOutput, stdoutOutput, type Output } from './output.js';
import type { Reporter, ReportOptions, ScanSummary } from './types.js';
import { spoolLimitFrom } from './spool.js';

export interface OutputSpec {
  format: string;
  /** A file, written atomically; stdout when absent. */
  file?: string;
  excel?: boolean;
  per?: 'finding' | 'employee';
}

export interface OpenReports {
  reporter: Reporter;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

class FanOut implements Reporter {
  constructor(private readonly reporters: Reporter[]) {}

  post(r: PostResult, findings: Finding[]): Promise<void> | void {
    let wait: Promise<void>[] | null = null;
    for (const rep of this.reporters) {
      const p = rep.post(r, findings);
      if (p) (wait ??= []).push(p);
    }
    if (wait) return Promise.all(wait).then(() => {});
  }

  async end(summary: ScanSummary): Promise<void> {
    for (const rep of this.reporters) await rep.end(summary);
  }
}

/**
 * Opens every output (temporary files for files) and a reporter that feeds them all. Formats and excel are checked
 * where the user wrote them, once: scan's --format, audit.yml's outputs (with their lines).
 */
export async function openReports(specs: OutputSpec[], base: ReportOptions, io: Io): Promise<OpenReports> {
  if (specs.filter((s) => !s.file).length > 1) throw new UsageError('only one report can go to standard output');
  const outs: Output[] = [];
  const reporters: Reporter[] = [];
  try {
    for (const s of specs) {
      const out = s.file ? await fileOutput(s.file) : stdoutOutput(io.stdout, io.stdoutIsTTY);
      outs.push(out);
      const ro: ReportOptions = {
        ...base,
        excel: s.excel ?? false,
        per: s.per ?? 'finding',
        color: s.format === 'terminal' && !s.file ? colorLevel(io.stdoutIsTTY, io.env) : 0,
        width: reportColumns(io, !s.file),
        spoolLimit: spoolLimitFrom(io.env),
      };
      reporters.push(await createReporter(s.format, out, ro));
    }
  } catch (e) {
    for (const r of reporters) r.dispose?.();
    for (const o of outs) await o.abort();
    throw e;
  }
  return {
    reporter: reporters.length === 1 ? reporters[0] : new FanOut(reporters),
    async commit() {
      // Each file is renamed into place only when complete; when one cannot be written, the ones after it are
      // abandoned and the run fails (the baseline is then not updated, so the next run reports the same findings).
      for (let i = 0; i < outs.length; i++) {
        try {
          await outs[i].commit();
        } catch (e) {
          for (const o of outs.slice(i + 1)) await o.abort();
          throw e;
        }
      }
    },
    async abort() {
      for (const r of reporters) r.dispose?.();
      for (const o of outs) await o.abort();
    },
  };
}
