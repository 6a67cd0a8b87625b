// Report formats by name.

import { UsageError } from '../errors.js';
import type { Output } from './output.js';
import type { Reporter, ReportOptions } from './types.js';
import { TerminalReporter } from './terminal.js';
import { CsvReporter } from './csv.js';
import { JsonReporter } from './json.js';
import { JsonlReporter } from './jsonl.js';

export const REPORT_FORMATS = ['terminal', 'csv', 'jsonl', 'json'];

export function createReporter(format: string, out: Output, ro: ReportOptions): Reporter {
  switch (format) {
    case 'terminal':
      return new TerminalReporter(out, ro);
    case 'csv':
      return new CsvReporter(out, ro);
    case 'json':
      return new JsonReporter(out);
    case 'jsonl':
      return new JsonlReporter(out);
    default:
      throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  }
}
