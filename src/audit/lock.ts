// A lock file so that two runs of the same audit (a slow night, a manual run during the cron one) cannot write
// the baseline at the same time. The lock is created complete and atomically (written to a temporary file, then
// hard-linked into place, which fails if a lock exists). A lock left by a run that was killed is stale when its
// process no longer exists on this machine; it is then taken over, carefully, so that two runs finding the same
// stale lock cannot both proceed.

import { hostname } from 'node:os';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LockError, OutputError } from '../errors.js';
import { processAlive, removeStaleTemps, trackedTemp } from '../report/output.js';

export interface LockInfo {
  pid: number;
  host: string;
  started: string;
  command: string;
}

export interface Lock {
  file: string;
  /** A note for the user when a stale lock was taken over. */
  tookOver: LockInfo | null;
  release(): Promise<void>;
}

/** A lock whose content cannot be read is treated as stale only after this long (a run killed while writing it). */
const UNREADABLE_GRACE_MS = 60_000;

function parseInfo(text: string): LockInfo | null {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.started === 'string') return { pid: v.pid, host: v.host, started: v.started, command: String(v.command ?? '') };
  } catch {
    /* partial */
  }
  return null;
}

async function readInfo(file: string): Promise<LockInfo | null> {
  return parseInfo(await readFile(file, 'utf8').catch(() => ''));
}

const isMine = (now: LockInfo | null, mine: LockInfo) => now !== null && now.pid === mine.pid && now.started === mine.started;

// The locks this process holds: a run stopped by Ctrl+C or SIGTERM releases them on its way out (src/cli/run.ts
// main()), so that the next run does not find a stale lock to take over.
const held = new Map<string, LockInfo>();

/** Releases the locks this process holds, at once (it runs in a signal handler, just before exit). */
export function releaseHeldLocks(): void {
  for (const [file, mine] of held) {
    try {
      if (isMine(parseInfo(readFileSync(file, 'utf8')), mine)) unlinkSync(file);
    } catch {
      /* already gone */
    }
  }
  held.clear();
}

async function isStale(file: string, info: LockInfo | null): Promise<boolean> {
  if (info === null) {
    try {
      return Date.now() - (await stat(file)).mtimeMs > UNREADABLE_GRACE_MS;
    } catch {
      return true;
    }
  }
  // A process on another machine (a shared folder) cannot be checked: its lock is never taken over.
  return info.host === hostname() && info.pid !== process.pid && !processAlive(info.pid);
}

/** Takes the lock at `file`, or throws LockError naming the run that holds it. */
export async function acquireLock(file: string, command: string): Promise<Lock> {
  const mine: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command };
  // Named and tracked like every temporary file netral writes: removed if the run is stopped, and one left by a
  // killed run is cleared by the next.
  const temp = trackedTemp(path.resolve(file), false);
  const tmp = temp.path;
  try {
    await mkdir(path.dirname(tmp), { recursive: true });
    await removeStaleTemps(file);
    await writeFile(tmp, `${JSON.stringify(mine)}\n`, { flag: 'wx' });
  } catch (e) {
    temp.done();
    throw new OutputError(`cannot create the lock ${file}: ${(e as Error).message}`);
  }
  let tookOver: LockInfo | null = null;
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(tmp, file);
        held.set(file, mine);
        return {
          file,
          tookOver,
          release: async () => {
            held.delete(file);
            // Only our own lock is removed, never one another run took over in the meantime.
            if (isMine(await readInfo(file), mine)) await unlink(file).catch(() => {});
          },
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new OutputError(`cannot create the lock ${file}: ${(e as Error).message}`);
      }
      const info = await readInfo(file);
      if (!(await isStale(file, info))) {
        const who = info ? `process ${info.pid} on ${info.host}, started ${info.started}` : 'a run whose lock cannot be read';
        throw new LockError(
          `another run holds the lock ${file} (${who}); it is still running, so this run stops without changing anything. If you are sure no netral run is active, delete the lock file.`,
        );
      }
      // Move the stale lock aside (atomic) and check it is the one judged stale: a run that took it over between our
      // read and the rename must keep its lock, so it is put back (link fails rather than overwrite a newer one).
      const asideTemp = trackedTemp(path.resolve(file), false);
      const aside = asideTemp.path;
      try {
        try {
          await rename(file, aside);
        } catch {
          continue;
        }
        const moved = await readInfo(aside);
        if (info && moved && (moved.pid !== info.pid || moved.started !== info.started)) {
          await link(aside, file).catch(() => {});
          continue;
        }
        tookOver = info ?? { pid: 0, host: '', started: '', command: '' };
      } finally {
        await unlink(aside).catch(() => {});
        asideTemp.done();
      }
    }
    throw new LockError(`could not take the lock ${file}: other runs keep taking it`);
  } finally {
    await unlink(tmp).catch(() => {});
    temp.done();
  }
}
