// `netral convert`: every input `netral scan` reads, written out as normalised post records (JSON Lines or CSV),
// to merge downloads into one dataset, hand posts to a spreadsheet or feed other tools. It reads through the same
// InputSet as scan (cli/inputs.ts), so it reads whatever scan reads, with the same warnings and exit codes.

import { UsageError } from '../errors.js';
import type { InputCounts } from '../model.js';
import { fileOutput, stdoutOutput, type Output } from '../report/output.js';
import { createPostWriter, POST_FORMATS, type PostFormat } from '../report/post-record.js';
import { terminalLine } from '../report/sanitize.js';
import type { Io } from './io.js';
import { openInputs, reportInputs, warnSkipped } from './inputs.js';
import { readRosterForAttribution } from '../roster/parse.js';
import { employeeRef, RosterMatcher } from '../roster/match.js';
import type { EmployeeRef, Post } from '../model.js';

/** The employee who owns the post's account, as findings carry it; null when nobody (or more than one) does. */
function ownerOf(m: RosterMatcher, p: Post): EmployeeRef | null {
  const r = m.match(p.platform, p.author);
  return r.employee ? employeeRef(r.employee) : null;
}

export interface ConvertOptions {
  format: string;
  output?: string;
  excel: boolean;
  map?: Record<string, string>;
  from?: string;
  tz: string;
  includePrivate: boolean;
  quiet: boolean;
  /** A roster CSV: each record gains the employee who owns its account. */
  roster?: string;
}

const isPostFormat = (f: string): f is PostFormat => (POST_FORMATS as readonly string[]).includes(f);

/** Converts the inputs; returns the exit code: 0 when every input was read, 2 when one could not be. */
export async function convertCommand(inputs: string[], o: ConvertOptions, io: Io): Promise<number> {
  if (!isPostFormat(o.format)) throw new UsageError(`--format must be one of ${POST_FORMATS.join(', ')}`);
  if (o.excel && o.format !== 'csv') throw new UsageError('--excel applies to --format csv');
  const { set, warnings } = openInputs(inputs, o, io, 'convert');
  const matcher = o.roster !== undefined ? new RosterMatcher((await readRosterForAttribution(o.roster, (f, m) => warnings.warn(f, m), 'converted')).employees) : null;
  const out: Output = o.output ? await fileOutput(o.output) : stdoutOutput(io.stdout, io.stdoutIsTTY);
  const writer = createPostWriter(o.format, out, { excel: o.excel, roster: matcher !== null });
  try {
    for await (const { counts, item } of set.items()) {
      if (item.type === 'skip') {
        warnSkipped(warnings, item);
        continue;
      }
      // InputCounts calls them "scanned": here they are the records written.
      counts.scanned++;
      const p = matcher ? writer.write(item.post, ownerOf(matcher, item.post)) : writer.write(item.post);
      if (p) await p;
    }
    await writer.end();
    await out.commit();
  } catch (e) {
    await out.abort();
    throw e;
  }
  reportInputs(set, warnings, io, o.quiet);
  if (!o.quiet) io.stderr.write(summaryLines(set.counts));
  return set.failed.length > 0 ? 2 : 0;
}

const line = (c: Pick<InputCounts, 'read' | 'scanned' | 'skipped'>) => `read ${c.read} = converted ${c.scanned} + skipped ${c.skipped}`;

/** One line per input read when there are several, then the total. */
function summaryLines(counts: InputCounts[]): string {
  const read = counts.filter((c) => c.error === undefined || c.read > 0);
  let s = '';
  if (read.length > 1) for (const c of read) s += `netral: ${terminalLine(c.input)}: ${line(c)}${c.error !== undefined ? ' (stopped: see the error above)' : ''}\n`;
  const total = { read: 0, scanned: 0, skipped: 0 };
  for (const c of counts) {
    total.read += c.read;
    total.scanned += c.scanned;
    total.skipped += c.skipped;
  }
  return `${s}netral: ${line(total)}\n`;
}
