// What the commands that read posts (scan, convert) share about their inputs: standard input as the default when
// it is piped, capped warnings for skipped records, and the closing lines about inputs that could not be read or
// were passed over.

import { UsageError, positionText } from '../errors.js';
import type { IgnoredInput, InputCounts } from '../model.js';
import { InputSet } from '../sources/inputs.js';
import type { ReadItem } from '../sources/types.js';
import { sourceText } from '../report/record.js';
import { terminalLine } from '../report/sanitize.js';
import type { Io } from './io.js';
import { Warnings } from './warnings.js';

export interface InputFlags {
  map?: Record<string, string>;
  from?: string;
  tz: string;
  includePrivate: boolean;
  quiet: boolean;
}

/**
 * The inputs as an InputSet with its warnings; `verb` completes "give files or folders to …". With no inputs,
 * piped stdin is read, unless `stdinByDefault` is false (scan --fetch has its input already).
 */
export function openInputs(inputs: string[], o: InputFlags, io: Io, verb: string, stdinByDefault = true): { set: InputSet; warnings: Warnings } {
  if (inputs.length === 0 && stdinByDefault) {
    if (io.stdinIsTTY) throw new UsageError(`no input: give files or folders to ${verb}, or pipe posts into standard input (use - for stdin)`);
    inputs = ['-'];
  }
  const warnings = new Warnings(io.stderr, o.quiet);
  const set = new InputSet(inputs, {
    map: o.map ?? {},
    includePrivate: o.includePrivate,
    timeZone: o.tz,
    from: o.from,
    stdin: io.stdin,
    warn: (input, m, how) => warnings.warn(input, m, how),
  });
  return { set, warnings };
}

export function warnSkipped(warnings: Warnings, item: Extract<ReadItem, { type: 'skip' }>): void {
  warnings.warn(item.source.file, `${sourceText(item.source)}: skipped: ${item.reason}`);
}

/** `input: error`, or `file:15:3: error` when the error is at a position, as every other message names a place. */
export function inputError(c: InputCounts): string {
  const where = c.line !== undefined ? positionText({ file: c.file ?? c.input, line: c.line, column: c.column }) : c.input;
  return `${where}: ${c.error ?? ''}`;
}

/** The first files passed over, for a line on a terminal: "notes.txt, old.json (empty), …". */
export function ignoredList(ignored: readonly IgnoredInput[]): string {
  const shown = ignored.slice(0, 5).map((i) => `${i.input} (${i.reason})`);
  return `${terminalLine(shown.join(', '))}${ignored.length > 5 ? ', …' : ''}`;
}

/** After the run: warnings not shown, inputs that could not be read, files in folders that were passed over. */
export function reportInputs(set: InputSet, warnings: Warnings, io: Io, quiet: boolean): void {
  warnings.flush();
  for (const f of set.failed) io.stderr.write(`netral: error: ${terminalLine(inputError(f))}\n`);
  if (set.ignored.length > 0 && !quiet)
    io.stderr.write(`netral: note: ${set.ignored.length} file(s) in the given folders were not read: ${ignoredList(set.ignored)}\n`);
}
