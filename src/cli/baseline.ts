// `netral baseline create|update INPUT… -o FILE`: scan like `netral scan` and write every finding into a baseline
// file that analysts then annotate with their decisions. `update` keeps what is there (decisions, notes, comments)
// and appends what is new. The file is written atomically, under a lock shared with `netral audit`.

import { access } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { acquireLock } from '../audit/lock.js';
import type { AuditOptions } from '../audit/stage.js';
import type { Io } from './io.js';
import { scanCommand, summaryLine, type ScanOptions } from './scan.js';

/** The scan options that decide which findings there are (no report options), plus the baseline file. */
export type BaselineOptions = Pick<ScanOptions, 'rules' | 'defaultRules' | 'election' | 'map' | 'from' | 'minSeverity' | 'failOn' | 'tz' | 'includePrivate' | 'lang' | 'quiet'> &
  Pick<AuditOptions, 'roster' | 'since' | 'until' | 'campaign'> & { output: string; force?: boolean };

export async function baselineCommand(mode: 'create' | 'update', inputs: string[], o: BaselineOptions, io: Io): Promise<number> {
  const file = o.output;
  if (mode === 'create' && !o.force) {
    const exists = await access(file).then(
      () => true,
      () => false,
    );
    if (exists) throw new UsageError(`${file} already exists; use netral baseline update to add new findings and keep its decisions, or --force to replace it`);
  }
  const lock = await acquireLock(`${file}.lock`, `netral baseline ${mode}`);
  try {
    if (lock.tookOver && !o.quiet) io.stderr.write(`netral: note: took over the stale lock of process ${lock.tookOver.pid} (started ${lock.tookOver.started})\n`);
    const r = await scanCommand(
      inputs,
      { ...o, format: 'terminal', output: undefined, excel: false, explain: false, baseline: file },
      io,
      {
        outputs: [],
        recordBaseline: { missingOk: false, fresh: mode === 'create' },
        afterCommit: async (stage, summary) => {
          const w = await stage!.writeBaseline();
          if (o.quiet) return;
          io.stderr.write(`netral: ${summaryLine(summary)}\n`);
          if (w.merged) io.stderr.write(`netral: note: ${file} was changed during the run; the new findings were added to the changed file\n`);
          io.stderr.write(`netral: wrote ${file}: ${w.total} findings, ${w.added} added${w.dated ? `, ${w.dated} decision${w.dated === 1 ? '' : 's'} dated today` : ''}\n`);
        },
      },
    );
    return r.exitCode;
  } finally {
    await lock.release();
  }
}
