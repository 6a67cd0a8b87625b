// Where a report goes: stdout, or a file written atomically (a temporary file in the same folder, renamed over the
// target only when the report is complete), so a cron job killed mid-run never leaves a half-written report.

import { constants, createWriteStream, fsync, unlinkSync, type WriteStream } from 'node:fs';
import { access, chmod, rename, unlink, mkdir, open, readdir, stat } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';
import { OutputError } from '../errors.js';

const FLUSH_AT = 64 * 1024;

/** A buffered text sink that respects backpressure. */
export class Sink {
  private buf: string[] = [];
  private size = 0;

  constructor(private readonly stream: Writable) {}

  /** Queues text; resolves at once unless the buffer was flushed into a full stream. */
  write(s: string): Promise<void> | void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size >= FLUSH_AT) return this.flush();
  }

  flush(): Promise<void> | void {
    if (this.size === 0) return;
    const chunk = this.buf.join('');
    this.buf = [];
    this.size = 0;
    if (this.stream.write(chunk)) return;
    // A stream that fails (a full disk, /dev/full) closes without 'drain'; its error is reported by the output.
    return new Promise((resolve) => {
      const done = () => {
        this.stream.off('drain', done).off('close', done);
        resolve();
      };
      this.stream.once('drain', done).once('close', done);
    });
  }
}

export interface Output {
  sink: Sink;
  /** Whether the output is an interactive terminal (colour, width). */
  isTTY: boolean;
  /** Where a report that waits for the end of the run keeps what does not fit in memory (spool.ts). */
  spoolDir: string;
  /** Completes the output: flushes, and for files renames the temporary file into place. */
  commit(): Promise<void>;
  /** Abandons the output: for files, removes the temporary file. */
  abort(): Promise<void>;
}

export function stdoutOutput(stream: Writable, isTTY: boolean): Output {
  const sink = new Sink(stream);
  return {
    sink,
    isTTY,
    spoolDir: tmpdir(),
    async commit() {
      await sink.flush();
    },
    async abort() {
      await sink.flush();
    },
  };
}

/** Whether a process of this machine is running (EPERM: it is, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Temporary files carry the machine and process that write them, so that a later run can tell a run that was
// killed (same machine, process gone) from one still writing, and remove what the killed run left.
const TEMP = /^(.+)-(\d+)\.[0-9a-f]{12}\.tmp$/;

function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${hostname()}-${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

// The temporary files this process is writing, with the output each will become (null: a file the user did not
// name, e.g. an evidence body): a run stopped by Ctrl+C or a cron job's SIGTERM removes them on its way out
// (src/cli/run.ts main()), instead of leaving them until the next run.
const pending = new Map<string, string | null>();

export interface TrackedTemp {
  /** The temporary file's path (not created yet). */
  path: string;
  /** Call once the temporary file is gone (renamed into place or removed). */
  done(): void;
}

/**
 * A temporary file for `target`, named like every temporary file netral writes (a killed run's is removed by the
 * next run's removeStaleTemps) and removed by removePendingTemps if the run is stopped before done(). `named`: the
 * user named `target`, so a stopped run says it was not written.
 */
export function trackedTemp(target: string, named = true): TrackedTemp {
  const tmp = tempNameFor(target);
  pending.set(tmp, named ? target : null);
  return { path: tmp, done: () => void pending.delete(tmp) };
}

/**
 * Removes this process's unfinished temporary files, at once (it runs in a signal handler, just before exit), and
 * returns the outputs they were for. A temporary file already renamed into place is gone: its output is complete.
 */
export function removePendingTemps(): string[] {
  const removed: string[] = [];
  for (const [tmp, target] of pending) {
    try {
      unlinkSync(tmp);
      if (target !== null) removed.push(target);
    } catch {
      /* renamed into place, or not created yet */
    }
  }
  pending.clear();
  return removed;
}

/**
 * Removes, from `dir`, the temporary files left by runs killed on this machine: those of one file (`.name.`), or of
 * every file (`.`, where the part before the pid is then `name.host`).
 */
async function removeStaleIn(dir: string, prefix: string): Promise<void> {
  const host = hostname();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = n.startsWith(prefix) ? TEMP.exec(n.slice(prefix.length)) : null;
    if (m && (prefix === '.' ? m[1].endsWith(`.${host}`) : m[1] === host) && Number(m[2]) !== process.pid && !processAlive(Number(m[2]))) await unlink(path.join(dir, n)).catch(() => {});
  }
}

/** Removes the temporary files of `target` left by runs that were killed on this machine. */
export function removeStaleTemps(target: string): Promise<void> {
  return removeStaleIn(path.dirname(path.resolve(target)), `.${path.basename(target)}.`);
}

/** Removes the temporary files of every file in `dir` left by runs that were killed on this machine. */
export function removeStaleTempsIn(dir: string): Promise<void> {
  return removeStaleIn(dir, '.');
}

/**
 * Refuses to replace a file the user may not, or does not want to, change: one whose owner may not write it
 * (chmod 444, chmod u-w: a report kept as evidence), or one this user may not write. The rename that puts an output
 * in place needs only the folder's permission, and root may write anything, so the mode bits are checked too: the
 * same files are refused whoever runs netral. Only regular files: a device or a pipe is written in place.
 */
export async function checkReplaceable(target: string, o: { verb: string; other: string } = { verb: 'replace', other: 'another file name' }): Promise<number | null> {
  let st;
  try {
    st = await stat(target);
  } catch {
    return null; // not there (yet): nothing to replace
  }
  if (!st.isFile()) return null;
  if ((st.mode & 0o200) === 0)
    throw new OutputError(`will not ${o.verb} ${target}: the file is read-only. Make it writable first if it may be changed (chmod u+w ${shellWord(target)}), or choose ${o.other}`);
  try {
    await access(target, constants.W_OK);
  } catch {
    throw new OutputError(`will not ${o.verb} ${target}: you have no permission to write the file. Choose ${o.other}, or ask the file's owner to let you write it`);
  }
  return st.mode;
}

/**
 * Finishes the temporary file `tmp` with `write`, then puts it in place of `target`; on any failure the temporary file
 * is removed and the error names the target.
 */
async function putInPlace(tmp: string, target: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
    await replaceWith(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e instanceof OutputError ? e : new OutputError(`cannot write ${target}: ${(e as Error).message}`);
  }
}

/** Renames a finished temporary file over `target`, which keeps the permissions it had. */
async function replaceWith(tmp: string, target: string): Promise<void> {
  const mode = await checkReplaceable(target);
  // A report made private (chmod 600) stays private: the new file would otherwise get the umask's mode.
  if (mode !== null) await chmod(tmp, mode & 0o7777);
  // Rename is atomic within a folder: readers see the old file or the complete new one, never a part.
  await rename(tmp, target);
}

/** A file name as it can be typed in a shell (quoted when it has spaces or other special characters). */
function shellWord(s: string): string {
  const w = s.startsWith('-') ? `./${s}` : s;
  return /^[\w./@%+=:,-]+$/.test(w) ? w : `'${w.replaceAll("'", `'\\''`)}'`;
}

/**
 * An output that is not a regular file — /dev/null, a named pipe, a terminal — is written in place: renaming a
 * temporary file over it would replace the device itself (as root, /dev/null would become a plain file).
 */
async function specialOutput(target: string): Promise<Output | null> {
  let st;
  try {
    st = await stat(target);
  } catch {
    return null; // does not exist yet: a regular file will be created
  }
  if (st.isFile()) return null;
  if (st.isDirectory()) throw new OutputError(`cannot write ${target}: it is a folder`);
  const { sink, close } = await openStream(target, 'a', target);
  return {
    sink,
    isTTY: false,
    spoolDir: tmpdir(),
    async commit() {
      try {
        await sink.flush();
        await close();
      } catch (e) {
        throw new OutputError(`cannot write ${target}: ${(e as Error).message}`);
      }
    },
    async abort() {
      await close().catch(() => {});
    },
  };
}

/** Opens `file` for writing `target`; an error after opening is kept and thrown by close(). */
async function openStream(file: string, flags: string, target: string): Promise<{ stream: WriteStream; sink: Sink; close(): Promise<void> }> {
  const stream: WriteStream = createWriteStream(file, { flags });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (e) => reject(new OutputError(`cannot write ${target}: ${e.message}`)));
  });
  let failure: Error | null = null;
  stream.on('error', (e) => (failure = e));
  const close = () =>
    new Promise<void>((resolve, reject) => {
      stream.end((e?: Error | null) => (failure || e ? reject(failure ?? e) : resolve()));
    });
  return { stream, sink: new Sink(stream), close };
}

export async function fileOutput(target: string): Promise<Output> {
  const special = await specialOutput(target);
  if (special) return special;
  // Checked now, so that a long run is not wasted on a file it may not replace, and again before the rename.
  await checkReplaceable(target);
  const dir = path.dirname(path.resolve(target));
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new OutputError(`cannot create folder for ${target}: ${(e as Error).message}`);
  }
  await removeStaleTemps(target);
  const temp = trackedTemp(target);
  const tmp = temp.path;
  let opened;
  try {
    opened = await openStream(tmp, 'wx', target);
  } catch (e) {
    temp.done();
    throw e;
  }
  const { stream, sink, close } = opened;
  return {
    sink,
    isTTY: false,
    spoolDir: dir,
    async commit() {
      try {
        await putInPlace(tmp, target, async () => {
          await sink.flush();
          const fd = (stream as unknown as { fd: number | null }).fd;
          if (typeof fd === 'number') {
            await new Promise<void>((resolve, reject) => fsync(fd, (e) => (e ? reject(e) : resolve())));
          }
          await close();
        });
      } finally {
        temp.done();
      }
    },
    async abort() {
      stream.destroy();
      await unlink(tmp).catch(() => {});
      temp.done();
    },
  };
}

/** Writes a whole small file atomically (state files, baselines): temporary file, fsync, rename. */
export async function writeFileAtomic(target: string, content: string | Buffer): Promise<void> {
  await checkReplaceable(target);
  try {
    await mkdir(path.dirname(path.resolve(target)), { recursive: true });
  } catch (e) {
    throw new OutputError(`cannot create folder for ${target}: ${(e as Error).message}`);
  }
  await removeStaleTemps(target);
  const temp = trackedTemp(target);
  try {
    await putInPlace(temp.path, target, async () => {
      const fh = await open(temp.path, 'wx');
      try {
        await fh.writeFile(content);
        await fh.sync();
      } finally {
        await fh.close();
      }
    });
  } finally {
    temp.done();
  }
}
