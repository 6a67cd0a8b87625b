// Report formats by name.

import { UsageError } from '../errors.js';
import type { Output } from './output.js';
import type { Reporter, ReportOptions } from './types.js';
import { TerminalReporter } from './terminal.js';
import { CsvReporter } from './csv.js';
import { JsonReporter } from './json.js';
import { JsonlReporter } from './jsonl.js';
import { HtmlReporter } from './html.js';
import { EmployeeCsvReporter, EmployeeJsonlReporter, EmployeeJsonReporter, EmployeeTerminalReporter } from './employees.js';

export const REPORT_FORMATS = ['terminal', 'csv', 'jsonl', 'json', 'html'];

export function createReporter(format: string, out: Output, ro: ReportOptions): Reporter {
  // --per employee: one row or section per employee. The HTML report is always organised by employee.
  if (ro.per === 'employee') {
    switch (format) {
      case 'terminal':
        return new EmployeeTerminalReporter(out, ro);
      case 'csv':
        return new EmployeeCsvReporter(out, ro);
      case 'json':
        return new EmployeeJsonReporter(out, ro);
      case 'jsonl':
        return new EmployeeJsonlReporter(out, ro);
    }
  }
  switch (format) {
    case 'terminal':
      return new TerminalReporter(out, ro);
    case 'csv':
      return new CsvReporter(out, ro);
    case 'json':
      return new JsonReporter(out);
    case 'jsonl':
      return new JsonlReporter(out);
    case 'html':
      return new HtmlReporter(out, ro);
    default:
      throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  }
}
