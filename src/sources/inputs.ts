// From what the user typed (files, folders, `-`) to a stream of read items with per-input counts. Folders are
// recursed; a folder that is a platform download (an unpacked X archive, say) is read as one input. Files netral
// does not read are listed, never silently passed over.

import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { InputError, UsageError } from '../errors.js';
import type { InputCounts } from '../model.js';
import { DIRECTORY_FORMATS, FORMATS, HEAD_BYTES, detectFormat, formatById, formatIds } from './registry.js';
import type { DirectoryFormat, Format, InputFile, ReadItem, ReadOptions } from './types.js';

export interface InputOptions {
  map: Record<string, string>;
  includePrivate: boolean;
  timeZone: string;
  /** `--from FORMAT`: read every input as this format. */
  from?: string;
  stdin: Readable;
  /** Warnings for the user about `input`; the message already names the input. */
  warn(input: string, message: string): void;
}

export interface Item {
  counts: InputCounts;
  item: ReadItem;
}

/** A file on disk as an InputFile. */
export function fileInput(p: string, size?: number): InputFile {
  return {
    name: p,
    path: p,
    ...(size !== undefined ? { size } : {}),
    open: () => createReadStream(p, { highWaterMark: 256 * 1024 }),
    async head(n: number) {
      const fh = await open(p, 'r');
      try {
        const buf = Buffer.alloc(n);
        const { bytesRead } = await fh.read(buf, 0, n, 0);
        return buf.subarray(0, bytesRead);
      } finally {
        await fh.close();
      }
    },
  };
}

/** A one-shot stream (stdin) as an InputFile: the head is read ahead and replayed in front of the rest. */
export async function streamInput(name: string, stream: Readable): Promise<InputFile> {
  const chunks: Buffer[] = [];
  let have = 0;
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let done = false;
  while (have < HEAD_BYTES) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const b = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
    chunks.push(b);
    have += b.length;
  }
  const head = Buffer.concat(chunks);
  let opened = false;
  return {
    name,
    ...(done ? { size: head.length } : {}),
    open() {
      // Input that fitted in the head is all in memory and can be replayed; a longer stream only once.
      if (done) return Readable.from([head]);
      if (opened) throw new InputError(`${name}: standard input can only be read once (it is larger than ${HEAD_BYTES / 1024} KB; save it to a file)`);
      opened = true;
      async function* replay() {
        yield head;
        if (done) return;
        for (;;) {
          const r = await it.next();
          if (r.done) return;
          yield Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
        }
      }
      return Readable.from(replay(), { objectMode: false });
    },
    head: async (n: number) => head.subarray(0, n),
  };
}

export class InputSet {
  /** One entry per input read (or attempted), in order. */
  readonly counts: InputCounts[] = [];
  /** Files inside folders that netral does not read. */
  readonly ignored: string[] = [];

  constructor(
    private readonly specs: string[],
    private readonly opts: InputOptions,
  ) {
    if (opts.from !== undefined && !formatById(opts.from)) throw new UsageError(`--from: unknown format "${opts.from}"; known: ${formatIds().join(', ')}`);
  }

  get failed(): InputCounts[] {
    return this.counts.filter((c) => c.error !== undefined);
  }

  async *items(): AsyncGenerator<Item> {
    for (const spec of this.specs) {
      if (spec === '-') {
        const input = await streamInput('-', this.opts.stdin);
        yield* this.readFile(input, true);
        continue;
      }
      let st;
      try {
        st = await stat(spec);
      } catch (e) {
        this.fail(spec, `cannot read: ${describeFsError(e)}`);
        continue;
      }
      if (st.isDirectory()) yield* this.readDir(spec);
      else yield* this.readFile(fileInput(spec, st.size), true);
    }
  }

  private fail(input: string, error: string, format = ''): InputCounts {
    const c: InputCounts = { input, format, read: 0, scanned: 0, skipped: 0, error };
    this.counts.push(c);
    return c;
  }

  private readOptions(name: string): ReadOptions {
    return { map: this.opts.map, includePrivate: this.opts.includePrivate, timeZone: this.opts.timeZone, warn: (m) => this.opts.warn(name, m.startsWith(name) ? m : `${name}: ${m}`) };
  }

  private async *readDir(dir: string): AsyncGenerator<Item> {
    const forced = this.opts.from ? formatById(this.opts.from) : undefined;
    const dirFormats: DirectoryFormat[] = forced && 'detectDir' in forced ? [forced] : forced ? [] : DIRECTORY_FORMATS;
    for (const df of dirFormats) {
      if (await df.detectDir(dir)) {
        yield* this.run(dir, df.id, df.readDir(dir, this.readOptions(dir)));
        return;
      }
    }
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      this.fail(dir, `cannot read folder: ${describeFsError(e)}`);
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      // Links to folders are not followed (they can loop); links to files are read.
      if (e.isDirectory()) yield* this.readDir(full);
      else if (e.isFile() || e.isSymbolicLink()) {
        let st;
        try {
          st = await stat(full);
        } catch (err) {
          this.fail(full, `cannot read: ${describeFsError(err)}`);
          continue;
        }
        if (st.isFile()) yield* this.readFile(fileInput(full, st.size), false);
      }
    }
  }

  private async *readFile(input: InputFile, explicit: boolean): AsyncGenerator<Item> {
    let format: Format | null;
    if (this.opts.from) {
      const f = formatById(this.opts.from);
      if (!f || !('detect' in f)) {
        this.fail(input.name, `--from ${this.opts.from} reads folders, not files`);
        return;
      }
      format = f;
    } else {
      let head: Buffer;
      try {
        head = await input.head(HEAD_BYTES);
      } catch (e) {
        this.fail(input.name, `cannot read: ${describeFsError(e)}`);
        return;
      }
      // Nothing to read is not an error: a cron pipe on a quiet day (`netral fetch … | netral scan`) gives empty stdin.
      if (head.length === 0 || /^(\uFEFF)?\s*$/.test(head.toString('utf8'))) {
        if (explicit) {
          this.counts.push({ input: input.name, format: 'empty', read: 0, scanned: 0, skipped: 0 });
          this.opts.warn(input.name, `${input.name}: empty, no posts to read`);
        } else this.ignored.push(`${input.name} (empty)`);
        return;
      }
      format = detectFormat(head, input.name);
      if (!format) {
        if (explicit) this.fail(input.name, `not a format netral reads (known: ${FORMATS.map((f) => f.id).join(', ')}; use --from FORMAT to choose one)`);
        else this.ignored.push(input.name);
        return;
      }
    }
    yield* this.run(input.name, format.id, format.read(input, this.readOptions(input.name)));
  }

  private async *run(name: string, format: string, items: AsyncIterable<ReadItem>): AsyncGenerator<Item> {
    const counts: InputCounts = { input: name, format, read: 0, scanned: 0, skipped: 0 };
    this.counts.push(counts);
    try {
      for await (const item of items) {
        counts.read++;
        if (item.type === 'skip') counts.skipped++;
        yield { counts, item };
      }
    } catch (e) {
      if (e instanceof InputError) counts.error = e.message.startsWith(name) ? e.message.slice(name.length).replace(/^:\s*/, '') : e.message;
      else if (isFsError(e)) counts.error = `cannot read: ${describeFsError(e)}`;
      else throw e;
    }
  }
}

function isFsError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!);
}

export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return err.message ?? String(e);
  }
}
