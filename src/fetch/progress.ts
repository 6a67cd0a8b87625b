// What the user sees on stderr while accounts are fetched: on a terminal, an ora spinner naming the accounts in
// progress (pages, posts, retries) with a line kept for each finished one; otherwise (cron, pipes) just the line
// per account when it finishes. Every line passes through terminalLine: server text is untrusted.

import type { Writable } from 'node:stream';
import { terminalLine } from '../report/sanitize.js';

export interface AccountReport {
  key: string;
  status: 'pending' | 'running' | 'ok' | 'failed' | 'skipped';
  posts: number;
  skipped: number;
  pages: number;
  retries: number;
  /** Stopped at --max-posts. */
  capped: boolean;
  error?: string;
  note?: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function accountStats(r: AccountReport): string {
  const parts = [plural(r.posts, 'post')];
  if (r.skipped > 0) parts.push(`${r.skipped} skipped`);
  parts.push(plural(r.pages, 'page'));
  if (r.retries > 0) parts.push(plural(r.retries, 'retry').replace('retrys', 'retries'));
  return parts.join(', ');
}

/** The line kept for a finished account. */
export function accountLine(r: AccountReport, maxPosts: number | null): string {
  switch (r.status) {
    case 'failed':
      return `netral: error: ${r.key}: ${r.posts > 0 ? `failed after ${accountStats(r)}: ` : ''}${r.error ?? 'failed'}`;
    case 'skipped':
      return `netral: note: ${r.key}: skipped: ${r.note ?? ''}`;
    default:
      return `netral: ${r.key}: ${accountStats(r)}${r.capped ? ` (stopped at --max-posts ${maxPosts})` : ''}`;
  }
}

type Spinner = { text: string; clear(): unknown; render(): unknown; stop(): unknown };

export class Progress {
  private spinner: Spinner | null = null;
  private readonly active: AccountReport[] = [];

  private constructor(
    private readonly stderr: Writable,
    private readonly quiet: boolean,
    private readonly maxPosts: number | null,
  ) {}

  /** `tty`: a spinner is allowed on stderr (see cli/io.ts spinnerAllowed). */
  static async create(stderr: Writable, opts: { tty: boolean; quiet: boolean; maxPosts: number | null }): Promise<Progress> {
    const p = new Progress(stderr, opts.quiet, opts.maxPosts);
    if (opts.tty && !opts.quiet) {
      const { default: ora } = await import('ora');
      p.spinner = ora({ text: 'netral: fetching…', stream: stderr as never, isEnabled: true, discardStdin: false }).start();
    }
    return p;
  }

  /** A line on stderr that does not tangle with the spinner. */
  line(s: string): void {
    this.spinner?.clear();
    this.stderr.write(`${terminalLine(s)}\n`);
    this.spinner?.render();
  }

  note(s: string): void {
    if (!this.quiet) this.line(`netral: note: ${s}`);
  }

  warn(s: string): void {
    if (!this.quiet) this.line(`netral: warning: ${s}`);
  }

  start(r: AccountReport): void {
    this.active.push(r);
    this.update();
  }

  update(): void {
    if (!this.spinner) return;
    const shown = this.active.slice(0, 2).map((r) => `${r.key}: ${accountStats(r)}`);
    const more = this.active.length > 2 ? ` (+${this.active.length - 2} more)` : '';
    this.spinner.text = terminalLine(`netral: ${shown.join(' · ') || 'fetching…'}${more}`);
  }

  done(r: AccountReport): void {
    const i = this.active.indexOf(r);
    if (i >= 0) this.active.splice(i, 1);
    // Errors are always shown; the rest only without --quiet.
    if (r.status === 'failed' || !this.quiet) this.line(accountLine(r, this.maxPosts));
    this.update();
  }

  stop(): void {
    this.spinner?.stop();
    this.spinner = null;
  }
}
