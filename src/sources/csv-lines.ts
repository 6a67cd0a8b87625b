// The line a CSV record starts on, from csv-parse's line count. Lines are counted by \n, as in JSON Lines, editors
// and spreadsheets' "row" of a plain file; csv-parse counts each \r and \n inside a cell as a line of its own (a
// CRLF in a cell as two), so the \r met in cells so far are taken off its count. Records must be given in order.

export class CsvLines {
  private crs = 0;
  /** The last line of the last record given (in netral's count). */
  lastEnd = 0;

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

  /** A line csv-parse counted (an error's), in netral's count so far. */
  line(parserLines: number): number {
    return parserLines - this.crs;
  }
}

/**
 * The record delimiters to give csv-parse for a file whose start is `head`: lines that end in \n or \r\n, mixed
 * (rows added with a Linux tool to a file Excel saved), when the start has a \n. csv-parse would otherwise take the
 * first line's ending for all, and merge every row that ends otherwise into one. A file with no \n in its start is
 * left to csv-parse, which also reads old Mac files (lines ending in \r).
 */
export function recordDelimiters(head: string): { record_delimiter?: string[] } {
  return head.includes('\n') ? { record_delimiter: ['\r\n', '\n'] } : {};
}
