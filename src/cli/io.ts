// The process as the CLI sees it, so commands can run against real streams or in-memory ones (tests).

import type { Readable, Writable } from 'node:stream';

export interface Io {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
  /** The width of the terminal stdout is, when it is one. */
  stdoutColumns?: number;
}

/** Narrower than this, a report's indented lines would hold a word or two each: they are fitted to this instead. */
const MIN_WIDTH = 40;

/**
 * Columns a terminal report fits in: COLUMNS when set to a number (the usual override, also for a report written
 * to a file), else the terminal's width when the report goes to stdout and stdout is a terminal, else 80.
 */
export function reportColumns(io: Io, toStdout: boolean): number {
  const env = io.env.COLUMNS?.trim();
  const fromEnv = env && /^\d+$/.test(env) ? Number(env) : 0;
  const tty = toStdout && io.stdoutIsTTY ? (io.stdoutColumns ?? 0) : 0;
  const cols = fromEnv > 0 ? fromEnv : tty > 0 ? tty : 80;
  return Math.max(MIN_WIDTH, cols);
}

/**
 * Colour level for a stream, decided here because chalk 5 ignores NO_COLOR: NO_COLOR (any non-empty value) turns
 * colour off; FORCE_COLOR=0..3 forces a level; otherwise colour only on a terminal that is not "dumb".
 */
export function colorLevel(isTTY: boolean, env: Record<string, string | undefined>): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (!isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (/256/.test(env.TERM ?? '')) return 2;
  return 1;
}

/** Whether a spinner may run on stderr: only on a terminal and without NO_COLOR. */
export function spinnerAllowed(io: Io): boolean {
  return io.stderrIsTTY && !(io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') && io.env.TERM !== 'dumb' && !io.env.CI;
}
