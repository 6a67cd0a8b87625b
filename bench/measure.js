// Shared by the benchmark scripts: running the real CLI as a child process and timing it (wall, CPU, peak RSS),
// and the small statistics and formatting the reports use.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BIN, OUT } from './inputs.js';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

export const HAVE_TIME = existsSync('/usr/bin/time');
export const HAVE_TASKSET = existsSync('/usr/bin/taskset') || existsSync('/bin/taskset');

/**
 * Runs one command as a child process. Peak RSS comes from GNU time (the child's own maxrss, so nothing in the
 * code under test changes); wall time from this process's clock; CPU time (user + sys) from GNU time too.
 */
export function measure(cmd, args, pinCpu) {
  const timeFile = path.join(OUT, `.time-${process.pid}`);
  let argv = [cmd, ...args];
  if (pinCpu !== null) argv = ['taskset', '-c', String(pinCpu), ...argv];
  if (HAVE_TIME) argv = ['/usr/bin/time', '-f', '%e %U %S %M', '-o', timeFile, ...argv];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error) throw r.error;
  let cpu = null;
  let rssKb = null;
  if (HAVE_TIME && existsSync(timeFile)) {
    const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
    const [, user, sys, maxrss] = lines[lines.length - 1].split(' ').map(Number);
    cpu = user + sys;
    rssKb = maxrss;
    rmSync(timeFile, { force: true });
  }
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), wall, cpu, rssKb };
}

/**
 * `netral scan FILE --format jsonl -o FILE [extraArgs]`, timed. Returns the measurement, the summary's counts and
 * the sha256 of the findings written (hashed after the process has exited, so outside the figures).
 */
export function scanOnce(file, pinCpu, extraArgs = []) {
  const out = path.join(OUT, `findings-${process.pid}-${path.basename(file)}`);
  const m = measure(process.execPath, [BIN, 'scan', file, '--format', 'jsonl', '-o', out, ...extraArgs], pinCpu);
  // Exit 0 (no --fail-on given); anything else means the scan itself failed and the figures would be meaningless.
  if (m.status !== 0) throw new Error(`scan of ${file} failed (exit ${m.status}):\n${m.stderr}`);
  const s = /read (\d+) = scanned (\d+) \+ skipped (\d+); (\d+) findings/.exec(m.stderr);
  if (!s) throw new Error(`no summary line from the scan:\n${m.stderr}`);
  const findingsSha256 = createHash('sha256').update(readFileSync(out)).digest('hex');
  rmSync(out, { force: true });
  return { ...m, read: Number(s[1]), scanned: Number(s[2]), findings: Number(s[4]), findingsSha256 };
}

/** A plain-text table: the first column left-aligned, the others right-aligned, a dashed rule under the head. */
export function table(head, body) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const row = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [row(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(row)];
}
