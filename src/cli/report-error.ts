// How a command's error reaches the user: one place, so that `run` and `audit` (which must write its JSON summary
// after the message) word it alike.

import { EXIT, NetralError, RuleError } from '../errors.js';
import { terminalSafe } from '../report/sanitize.js';
import type { Io } from './io.js';

/** Writes a command's error on stderr, as the user should see it, and returns the exit code it stands for. */
export function reportError(e: unknown, io: Io): number {
  if (e instanceof RuleError) {
    // Messages quote the files they are about (keys, values, names): those are untrusted text too.
    io.stderr.write(`netral: rule pack error${e.problems.length > 1 ? 's' : ''}:\n${terminalSafe(e.message).split('\n').map((l) => `  ${l}`).join('\n')}\n`);
    return e.exitCode;
  }
  if (e instanceof NetralError) {
    io.stderr.write(`netral: error: ${terminalSafe(e.message)}\n`);
    return e.exitCode;
  }
  io.stderr.write(`netral: internal error: ${terminalSafe((e as Error)?.stack ?? String(e))}\nPlease report this with the command you ran.\n`);
  return EXIT.ERROR;
}
