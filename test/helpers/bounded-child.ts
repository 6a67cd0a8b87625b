// Fuzz cases with a time bound that holds even if the work never yields (a reader looping, a regex backtracking):
// each case runs in a child process (test/helpers/fuzz-child.mjs) that is killed, and replaced, when it overruns.

import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { IgnoredInput, InputCounts } from '../../src/model.js';

export interface ReadJob {
  /** One file through this format's reader directly… */
  format?: string;
  path?: string;
  /** …or inputs through InputSet, as `netral scan` reads them… */
  specs?: string[];
  from?: string;
  /** …or a regex (compiled as the engine does) run on each window. */
  source?: string;
  windows?: string[];
}

export interface ReadOutcome {
  outcome: 'records' | 'input-error' | 'crash' | 'timeout' | 'done';
  /** Regex jobs: the slowest window. */
  ms?: number;
  posts: number;
  skips: number;
  message?: string;
  counts?: InputCounts[];
  ignored?: IgnoredInput[];
  warnings: string[];
}

type Message = Partial<ReadOutcome> & { id?: number; ready?: boolean };

export class BoundedChild {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private next = 0;

  constructor(private readonly timeoutMs: number) {}

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const c = fork(fileURLToPath(new URL('./fuzz-child.mjs', import.meta.url)), [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.child = c;
    this.ready = new Promise((resolve, reject) => {
      const onReady = (m: Message) => {
        if (m.ready) {
          c.off('message', onReady);
          resolve();
        }
      };
      c.on('message', onReady);
      c.once('error', reject);
    });
    return this.ready;
  }

  async run(job: ReadJob): Promise<ReadOutcome> {
    await this.start();
    const c = this.child!;
    const id = ++this.next;
    let stderr = '';
    const onStderr = (b: Buffer) => (stderr += b.toString());
    c.stderr?.on('data', onStderr);
    return new Promise((resolve) => {
      const done = (r: ReadOutcome) => {
        clearTimeout(timer);
        c.off('message', onMessage);
        c.off('exit', onExit);
        c.stderr?.off('data', onStderr);
        resolve(r);
      };
      const timer = setTimeout(() => {
        this.stop();
        done({ outcome: 'timeout', posts: 0, skips: 0, message: `no result after ${this.timeoutMs} ms`, warnings: [] });
      }, this.timeoutMs);
      const onMessage = (m: Message) => {
        if (m.id === id) done(m as ReadOutcome);
      };
      // An exception nobody caught (an 'error' event without a listener, a rejected promise nobody awaited) ends
      // the process, as it would end `netral scan`.
      const onExit = (code: number | null, signal: string | null) => {
        this.child = null;
        this.ready = null;
        done({ outcome: 'crash', posts: 0, skips: 0, message: `the child process ended (${signal ?? code}): ${stderr}`, warnings: [] });
      };
      c.on('message', onMessage);
      c.once('exit', onExit);
      c.send({ id, ...job });
    });
  }

  stop(): void {
    this.child?.kill('SIGKILL');
    this.child = null;
    this.ready = null;
  }
}
