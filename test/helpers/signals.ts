// Stopping a real netral process at a chosen moment: a test polls for what the run has reached (a temporary file
// with data, a lock, requests on its server), then sends the signal. The run must be long enough to still be busy.

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { BIN, FIXTURES } from './cli.js';

const demo = readFileSync(path.join(FIXTURES, 'demo', 'posts.jsonl'), 'utf8').trim().split('\n');

/** `posts.jsonl` in `dir` with `n` posts (the demo's, with new ids): enough that a run is still busy when stopped. */
export function bigInput(dir: string, n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(JSON.stringify({ ...JSON.parse(demo[i % demo.length]), id: `big-${i}` }));
  const p = path.join(dir, 'posts.jsonl');
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
}

/** A temporary file of `target` holding data: the run is writing its output. */
export const writing = (target: string) => () =>
  readdirSync(path.dirname(target)).some((n) => n.startsWith(`.${path.basename(target)}.`) && n.endsWith('.tmp') && readFileSync(path.join(path.dirname(target), n)).length > 0);

export interface Stopped {
  pid: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts netral, sends it `signal` as soon as `ready(stdout)` holds (checked every 10 ms), and waits for it to end.
 * `nodeArgs` go to node before the script (e.g. `--import` a hold, test/helpers/hold-link.mjs).
 */
export async function stopWhen(
  args: string[],
  cwd: string,
  ready: (stdout: string) => boolean,
  signal: NodeJS.Signals,
  during: () => void = () => {},
  nodeArgs: string[] = [],
): Promise<Stopped> {
  const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('close', (code, sig) => resolve([code, sig])));
  let ended = false;
  void exited.then(() => (ended = true));
  for (let i = 0; i < 3000 && !ended && !ready(stdout); i++) {
    during();
    await new Promise((r) => setTimeout(r, 10));
  }
  expect(ended, `the run ended before it could be stopped: make its input larger\n${stderr}`).toBe(false);
  child.kill(signal);
  const [exitCode, sig] = await exited;
  return { pid: child.pid!, exitCode, signal: sig, stdout, stderr };
}

/** The exit code of a run stopped by the signal: the shell's 128 + its number. */
export const EXIT_OF: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };
