// Parsing and checking option values; every problem is a UsageError (exit 2) naming the option.

import { InvalidArgumentError } from 'commander';
import { SEVERITIES, isSeverity, type Severity } from '../model.js';
import { isTimeZone } from '../sources/time.js';

export function severityOption(flag: string) {
  return (v: string): Severity => {
    const s = v.toLowerCase();
    if (!isSeverity(s)) throw new InvalidArgumentError(`${flag} must be one of ${SEVERITIES.join(', ')}`);
    return s;
  };
}

export function listOption(v: string, prev: string[] = []): string[] {
  return [...prev, ...v.split(',').map((x) => x.trim()).filter((x) => x !== '')];
}

export function repeatOption(v: string, prev: string[] = []): string[] {
  return [...prev, v];
}

/**
 * `--map text=Tweet,id=No` (repeatable). Column names may contain spaces; commas separate pairs. A field mapped to
 * two different columns is refused: taking either one silently would read the wrong text.
 */
export function mapOption(fields: string[]) {
  return (v: string, prev: Record<string, string> = {}): Record<string, string> => {
    const out = { ...prev };
    for (const pair of v.split(',')) {
      if (pair.trim() === '') continue;
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new InvalidArgumentError(`--map expects field=Column pairs, got "${pair}"`);
      const field = pair.slice(0, eq).trim();
      const col = pair.slice(eq + 1).trim();
      if (!fields.includes(field)) throw new InvalidArgumentError(`--map: unknown field "${field}"; fields: ${fields.join(', ')}`);
      if (col === '') throw new InvalidArgumentError(`--map ${field}= needs a column name`);
      const before = out[field];
      if (before !== undefined && before !== col) throw new InvalidArgumentError(`--map: ${field} is mapped to two columns, "${before}" and "${col}"; give one`);
      out[field] = col;
    }
    return out;
  };
}

export function timeZoneOption(v: string): string {
  if (!isTimeZone(v)) throw new InvalidArgumentError(`unknown time zone "${v}" (use an IANA name such as Asia/Jakarta, Asia/Makassar, Asia/Jayapura)`);
  return v;
}

export function choiceOption(flag: string, choices: readonly string[]) {
  return (v: string): string => {
    if (!choices.includes(v)) throw new InvalidArgumentError(`${flag} must be one of ${choices.join(', ')}`);
    return v;
  };
}
