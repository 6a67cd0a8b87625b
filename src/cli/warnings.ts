// Warnings on stderr, capped per input so a file with a million bad lines does not bury the report; the summary
// still counts every skipped record. A reader's summary warning (one line for the whole input, often a count of
// many records given at its end) is shown past the cap: it comes exactly when a file has many other warnings.

import type { Writable } from 'node:stream';
import { terminalLine } from '../report/sanitize.js';
import type { WarnHow } from '../sources/types.js';

const PER_INPUT = 20;

/** The part of an ora spinner a warning needs: clear its line before writing, redraw after. */
export interface SpinnerLine {
  clear(): unknown;
  render(): unknown;
}

export class Warnings {
  private readonly perInput = new Map<string, number>();
  total = 0;
  /** A spinner running on the same stderr, if any. */
  spinner: SpinnerLine | null = null;

  constructor(
    private readonly stderr: Writable,
    private readonly quiet: boolean,
  ) {}

  /** A warning about `input` (file name as the key for the cap); a summary is not capped (see ReadOptions.warn). */
  warn(input: string, message: string, how: WarnHow = {}): void {
    this.total++;
    if (this.quiet) return;
    if (!how.summary) {
      const n = (this.perInput.get(input) ?? 0) + 1;
      this.perInput.set(input, n);
      if (n > PER_INPUT) return;
    }
    this.spinner?.clear();
    this.stderr.write(`netral: warning: ${terminalLine(message)}\n`);
    this.spinner?.render();
  }

  /** Lines saying how many warnings were not shown. */
  flush(): void {
    if (this.quiet) return;
    for (const [input, n] of this.perInput)
      if (n > PER_INPUT) this.stderr.write(`netral: warning: ${terminalLine(input)}: ${n - PER_INPUT} more warnings not shown (the summary counts every skipped record)\n`);
  }
}
