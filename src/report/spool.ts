// Report text that has to wait for the end of a run — the JSON report puts its summary first, the terminal and HTML
// reports group findings by person — is kept here: in memory up to a limit, then in a temporary file. So a run
// with a million findings needs no more memory than one with a thousand; the JSON report of 1M posts held 1.2 GB
// when everything stayed in memory.

import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { OutputError } from '../errors.js';
import { trackedTemp, type TrackedTemp } from './output.js';

/** Characters kept in memory before the rest goes to a file. */
export const SPOOL_LIMIT = 16 * 1024 * 1024;

/** The limit set by NETRAL_SPOOL_LIMIT (characters; the tests set it low to use the file), or undefined. */
export function spoolLimitFrom(env: Record<string, string | undefined>): number | undefined {
  const v = Number(env.NETRAL_SPOOL_LIMIT);
  return env.NETRAL_SPOOL_LIMIT && Number.isSafeInteger(v) && v >= 0 ? v : undefined;
}

/** Pending text is written to the file in pieces of about this many characters. */
const WRITE_AT = 1024 * 1024;
/** The largest piece read back at once. */
const READ_AT = 4 * 1024 * 1024;

export class Spool {
  /** The texts, while they are all in memory; null once they went to the file. */
  private mem: string[] | null = [];
  private memChars = 0;
  private fd: number | null = null;
  private temp: TrackedTemp | null = null;
  /** Byte offset in the file of each text, and of the end of the last one. */
  private readonly starts: number[] = [0];
  private pending: string[] = [];
  private pendingChars = 0;

  /**
   * `dir`: where the temporary file goes (the report's own folder, so it is on the disk the report is written to,
   * not a memory-backed /tmp).
   */
  constructor(
    private readonly dir: string,
    private readonly limit = SPOOL_LIMIT,
  ) {}

  /** How many texts were added. */
  get size(): number {
    return this.starts.length - 1;
  }

  /** Keeps `text`; returns its number (0, 1, 2 …) for texts(). */
  add(text: string): number {
    const n = this.size;
    this.starts.push(this.starts[n] + Buffer.byteLength(text));
    if (this.mem) {
      this.mem.push(text);
      this.memChars += text.length;
      if (this.memChars > this.limit) this.spill();
    } else {
      this.pending.push(text);
      this.pendingChars += text.length;
      if (this.pendingChars >= WRITE_AT) this.writePending();
    }
    return n;
  }

  /** The texts numbered `order`, in that order (each number at most once is the usual use, but any order works). */
  *texts(order: Iterable<number>): Generator<string> {
    if (this.mem) {
      for (const i of order) yield this.mem[i];
      return;
    }
    this.writePending();
    // Texts next to each other in the file are read in one piece.
    let run: number[] = [];
    for (const i of order) {
      if (run.length > 0 && (i !== run[run.length - 1] + 1 || this.starts[i + 1] - this.starts[run[0]] > READ_AT)) {
        yield* this.readRun(run);
        run = [];
      }
      run.push(i);
    }
    if (run.length > 0) yield* this.readRun(run);
  }

  /** Every text, in the order added. */
  all(): Generator<string> {
    return this.texts(upTo(this.size));
  }

  /** Removes the temporary file. Safe to call more than once. */
  dispose(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    if (this.temp) {
      try {
        unlinkSync(this.temp.path);
      } catch {
        // Already removed when it was opened (see spill).
      }
      this.temp.done();
      this.temp = null;
    }
    this.mem = [];
    this.pending = [];
  }

  private *readRun(run: number[]): Generator<string> {
    const base = this.starts[run[0]];
    const buf = Buffer.allocUnsafe(this.starts[run[run.length - 1] + 1] - base);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(this.fd!, buf, got, buf.length - got, base + got);
      if (n === 0) throw new OutputError(`the temporary file of the report ended early (${this.temp?.path ?? this.dir})`);
      got += n;
    }
    for (const i of run) yield buf.toString('utf8', this.starts[i] - base, this.starts[i + 1] - base);
  }

  private spill(): void {
    // Where the system allows it (not Windows), the name is removed at once and the file lives only as long as
    // this process holds it open, so even a killed run leaves nothing; otherwise it is tracked like netral's other
    // temporary files, and a run stopped by Ctrl+C or SIGTERM removes it.
    this.temp = trackedTemp(path.join(this.dir, 'netral-spool'), false);
    try {
      this.fd = openSync(this.temp.path, 'wx+', 0o600);
    } catch (e) {
      this.temp.done();
      this.temp = null;
      throw new OutputError(`cannot write a temporary file in ${this.dir} for the report: ${(e as Error).message}`);
    }
    try {
      unlinkSync(this.temp.path);
      this.temp.done();
      this.temp = null;
    } catch {
      // Kept by name; dispose() removes it.
    }
    this.pending = this.mem!;
    this.pendingChars = this.memChars;
    this.mem = null;
    this.memChars = 0;
    this.writePending();
  }

  private writePending(): void {
    if (this.pending.length === 0) return;
    const buf = Buffer.from(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
    let done = 0;
    try {
      while (done < buf.length) done += writeSync(this.fd!, buf, done, buf.length - done, this.starts[this.size] - buf.length + done);
    } catch (e) {
      throw new OutputError(`cannot write the report's temporary file in ${this.dir}: ${(e as Error).message}`);
    }
  }
}

/** 0, 1 … n - 1, without an array of a number per finding. */
function* upTo(n: number): Generator<number> {
  for (let i = 0; i < n; i++) yield i;
}
