import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { acquireLock } from '../../src/audit/lock.js';
import { LockError } from '../../src/errors.js';
import { tempDir } from '../helpers/cli.js';

const dir = tempDir();

/** A real process: running (until killed) or already ended, for its pid. */
function child(run: boolean): Promise<{ pid: number; kill(): void }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, ['-e', run ? 'setTimeout(() => {}, 60000)' : ''], { stdio: 'ignore' });
    if (run) c.once('spawn', () => resolve({ pid: c.pid!, kill: () => c.kill('SIGKILL') }));
    else c.once('exit', () => resolve({ pid: c.pid!, kill: () => {} }));
  });
}

const lockContent = (pid: number, host = hostname()) => JSON.stringify({ pid, host, started: '2024-02-01T01:00:00.000Z', command: 'netral audit' });

describe('the audit lock', () => {
  it('is exclusive: a second taker fails with a clear message, and can take it once released', async () => {
    const file = path.join(dir, 'a.lock');
    const lock = await acquireLock(file, 'first');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname(), command: 'first' });
    const second = await acquireLock(file, 'second').catch((e) => e);
    expect(second).toBeInstanceOf(LockError);
    expect(second.exitCode).toBe(3);
    expect(second.message).toMatch(new RegExp(`another run holds the lock .*a\\.lock \\(process ${process.pid} on ${hostname()}, started `));
    await lock.release();
    expect(existsSync(file)).toBe(false);
    const again = await acquireLock(file, 'third');
    await again.release();
  });

  it('clears the temporary file a killed run left while taking the lock, and only that one', async () => {
    const gone = await child(false);
    const alive = await child(true);
    try {
      const file = path.join(dir, 't.lock');
      const left = `.t.lock.${hostname()}-${gone.pid}.0123456789ab.tmp`;
      const writing = `.t.lock.${hostname()}-${alive.pid}.0123456789ab.tmp`;
      writeFileSync(path.join(dir, left), lockContent(gone.pid));
      writeFileSync(path.join(dir, writing), lockContent(alive.pid));
      const lock = await acquireLock(file, 'netral audit');
      await lock.release();
      const names = readdirSync(dir).filter((n) => n.startsWith('.t.lock.'));
      expect(names).toEqual([writing]);
    } finally {
      alive.kill();
    }
  });

  it('waits for nobody: a lock held by another live process blocks', async () => {
    const file = path.join(dir, 'b.lock');
    const c = await child(true);
    try {
      writeFileSync(file, lockContent(c.pid));
      await expect(acquireLock(file, 'x')).rejects.toThrow(new RegExp(`process ${c.pid} on`));
      expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(c.pid);
    } finally {
      c.kill();
    }
  });

  it('takes over the lock of a run that no longer exists, and says whose it was', async () => {
    const file = path.join(dir, 'c.lock');
    const dead = await child(false);
    writeFileSync(file, lockContent(dead.pid));
    const lock = await acquireLock(file, 'y');
    expect(lock.tookOver).toMatchObject({ pid: dead.pid, started: '2024-02-01T01:00:00.000Z' });
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('never takes over a lock from another machine (its process cannot be checked)', async () => {
    const file = path.join(dir, 'd.lock');
    const dead = await child(false);
    writeFileSync(file, lockContent(dead.pid, 'other-host.example'));
    await expect(acquireLock(file, 'z')).rejects.toThrow(/other-host\.example/);
  });

  it('treats an unreadable lock as held for a minute (a run may be writing it), then as stale', async () => {
    const file = path.join(dir, 'e.lock');
    writeFileSync(file, '');
    await expect(acquireLock(file, 'w')).rejects.toThrow(/a run whose lock cannot be read/);
    const old = new Date(Date.now() - 5 * 60_000);
    utimesSync(file, old, old);
    const lock = await acquireLock(file, 'w');
    await lock.release();
  });

  it('release leaves alone a lock that is no longer its own', async () => {
    const file = path.join(dir, 'f.lock');
    const lock = await acquireLock(file, 'v');
    writeFileSync(file, lockContent(process.pid + 1));
    await lock.release();
    expect(existsSync(file)).toBe(true);
  });
});
