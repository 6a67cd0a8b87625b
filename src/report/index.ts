// Report formats by name.

import { UsageError } from '../errors.js';
import type { Output } from './output.js';
import type { Reporter, ReportOptions } from './types.js';
import { CsvReporter } from './csv.js';
import { JsonReporter } from './json.js';
import { JsonlReporter } from './jsonl.js';
import { HtmlReporter } from './html.js';

export const REPORT_FORMATS = ['terminal', 'csv', 'jsonl', 'json', 'html'];

/**
 * The reporter for `format`. The terminal reports (and the per-employee ones, which share their summary) are loaded
 * only when a run writes one: measuring display widths (string-width) costs tens of milliseconds at start-up that
 * a CSV or JSON export has no use for.
 */
export async function createReporter(format: string, out: Output, ro: ReportOptions): Promise<Reporter> {
  // --per employee: one row or section per employee. The HTML report is always organised by employee.
  if (ro.per === 'employee' && format !== 'html' && REPORT_FORMATS.includes(format)) {
    const e = await import('./employees.js');
    switch (format) {
      case 'terminal':
        return new e.EmployeeTerminalReporter(out, ro);
      case 'csv':
        return new e.EmployeeCsvReporter(out, ro);
      case 'json':
        return new e.EmployeeJsonReporter(out, ro);
      case 'jsonl':
        return new e.EmployeeJsonlReporter(out, ro);
    }
  }
  switch (format) {
    case 'terminal':
      return new (await import('./terminal.js')).TerminalReporter(out, ro);
    case 'csv':
      return new CsvReporter(out, ro);
    case 'json':
      return new JsonReporter(out, ro);
    case 'jsonl':
      return new JsonlReporter(out);
    case 'html':
      return new HtmlReporter(out, ro);
    default:
      throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  }
}
