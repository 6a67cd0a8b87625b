// The line a CSV record starts on, from csv-parse's line count. Lines are counted by \n, as in JSON Lines, editors
// and spreadsheets' "row" of a plain file; csv-parse counts each \r and \n inside a cell as a line of its own (a
// CRLF in a cell as two), so the \r met in cells so far are taken off its count. Records must be given in order.

import type { Options } from 'csv-parse';

/** A record as csv-parse gives it with `linedOptions`: its cells and the line it starts on. */
export interface LinedRecord {
  record: string[];
  line: number;
}

export class CsvLines {
  private crs = 0;
  /** The last line of the last record or unreadable stretch (in netral's count). */
  private lastEnd = 0;

  /** The first line of a record whose cells are `cells`, csv-parse having counted `parserLines` at its end. */
  start(cells: string[], parserLines: number): number {
    let breaks = 0;
    for (const cell of cells) {
      for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) breaks++;
      for (let i = cell.indexOf('\r'); i !== -1; i = cell.indexOf('\r', i + 1)) this.crs++;
    }
    this.lastEnd = parserLines - this.crs;
    // A record starts as many lines before its last as its cells hold line breaks.
    return this.lastEnd - breaks;
  }

  /**
   * The lines of a stretch csv-parse could not read, which ends where it counted `parserLines` (unknown: the line
   * after the last record): from the line after the last record.
   */
  skipped(parserLines: number | undefined): { from: number; to: number } {
    const from = this.lastEnd + 1;
    this.lastEnd = parserLines === undefined ? from : parserLines - this.crs;
    return { from, to: this.lastEnd };
  }
}

/**
 * `options` made to give each record as a LinedRecord (numbered by `lines`), for a file whose start is `head`.
 * Lines may end in \n or \r\n, mixed (rows added with a Linux tool to a file Excel saved), when the start has a
 * \n: csv-parse would otherwise take the first line's ending for all, and merge every row that ends otherwise into
 * one. A file with no \n in its start is left to csv-parse, which also reads old Mac files (lines ending in \r).
 */
export function linedOptions(options: Options, head: string, lines: CsvLines): Options {
  const lined = {
    ...options,
    ...(head.includes('\n') ? { record_delimiter: ['\r\n', '\n'] } : {}),
    on_record: (record: string[], info: { lines: number }): LinedRecord => ({ record, line: lines.start(record, info.lines) }),
  };
  // (csv-parse's typings give `parse` no way to say that on_record changes what a record is.)
  return lined as unknown as Options;
}
