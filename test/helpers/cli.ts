// Test helpers: the CLI in-process (runCapture: real streams in memory, no mocks of our modules), the real
// process (bin/netral.js, for what only a process shows: stdout/stderr separation, exit codes, signals), and
// temporary folders that are removed after each test file.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { runCapture, type Captured } from '../../src/cli/run.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin', 'netral.js');
export const FIXTURES = path.join(ROOT, 'fixtures');

/** The CLI in-process. `env` defaults to a plain environment (no colour, English). */
export function cli(args: string[], opts: { stdin?: string | Buffer; env?: Record<string, string | undefined>; stdoutIsTTY?: boolean; stderrIsTTY?: boolean; stdoutColumns?: number } = {}): Promise<Captured> {
  return runCapture(args, { env: { LANG: 'en_US.UTF-8', ...opts.env }, ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}), stdoutIsTTY: opts.stdoutIsTTY, stderrIsTTY: opts.stderrIsTTY, stdoutColumns: opts.stdoutColumns });
}

export interface ProcResult extends Captured {
  signal: NodeJS.Signals | null;
}

/** The real `netral` process (needs `npm run build`, which `npm test` runs first). */
export function bin(args: string[], opts: { stdin?: string | Buffer; env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {}): Promise<ProcResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'en_US.UTF-8', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? -1, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    if (opts.stdin !== undefined) child.stdin.end(opts.stdin);
    else child.stdin.end();
  });
}

/** A temporary folder for this test file, removed when the file's tests end. */
export function tempDir(prefix = 'netral-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes files (relative path → content) under `dir`, creating folders. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
}

/** JSONL text from records. */
export function jsonl(records: unknown[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}
