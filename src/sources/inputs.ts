// From what the user typed (files, folders, `-`) to a stream of read items with per-input counts. Folders are
// recursed; a folder or archive that is a platform download (an unpacked X archive, a Facebook .zip) is read as one
// input. Compressed files are decompressed on the fly, archives read in place (never extracted). Files netral
// does not read are listed, never silently passed over.

import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { InputError, UsageError, describeFsError } from '../errors.js';
import { IGNORED_REASONS, type IgnoredInput, type InputCounts } from '../model.js';
import { HEAD_BYTES } from './head.js';
import { DIRECTORY_FORMATS, detectFormat, detectTreeFormat, formatById, formatIds, isFileFormat, isTreeFormat, unknownFormat } from './registry.js';
import type { DirectoryFormat, Format, InputFile, ReadItem, ReadOptions, Tree, TreeFormat, WarnHow } from './types.js';
import { fileInput, READ_CHUNK } from './file-input.js';
import { streamInput } from './stream-input.js';
import { legacyOfficeDocument, officeDocument, officeError, officeNote } from './office.js';
import { containerOf, innerName, isTar, type Container } from './archive/sniff.js';
import { folderTree, notUserData } from './archive/tree.js';
import { utf16Of } from './encoding.js';
import { utf8Input, utf8Tree } from './utf8-input.js';

export { fileInput, streamInput };

export interface InputOptions {
  map: Record<string, string>;
  includePrivate: boolean;
  timeZone: string;
  /** `--from FORMAT`: read every input as this format. */
  from?: string;
  stdin: Readable;
  /** Warnings for the user about `input`; the message already names the input. See ReadOptions.warn for `how`. */
  warn(input: string, message: string, how?: WarnHow): void;
}

export interface Item {
  counts: InputCounts;
  item: ReadItem;
}

export class InputSet {
  /** One entry per input read (or attempted), in order. */
  readonly counts: InputCounts[] = [];
  /** Files inside folders that netral does not read, with why. */
  readonly ignored: IgnoredInput[] = [];

  constructor(
    private readonly specs: string[],
    private readonly opts: InputOptions,
  ) {
    const bad = opts.from === undefined ? null : unknownFormat(opts.from);
    if (bad) throw new UsageError(`--from: ${bad}`);
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
      if (st.isDirectory()) {
        const before = this.counts.length;
        yield* this.readDir(spec);
        // Zero posts, like a quiet day, but said: an export folder that stayed empty must not pass for a clean audit.
        if (this.counts.length === before) this.opts.warn(spec, `${spec}: no file netral reads in this folder, no posts to read`, { summary: true });
      } else if (st.isFile()) yield* this.readFile(fileInput(spec, st.size), true);
      else if (st.isFIFO() || st.isCharacterDevice()) {
        // A named pipe (`netral scan <(zcat a.gz)`, /dev/stdin): read once, like standard input.
        let input: InputFile;
        try {
          input = await streamInput(spec, createReadStream(spec, { highWaterMark: READ_CHUNK }));
        } catch (e) {
          this.failOrIgnore(spec, e, true);
          continue;
        }
        yield* this.readFile(input, true);
      } else this.fail(spec, st.isSocket() ? 'is a socket: pipe its content into standard input instead' : 'not a file, folder or pipe');
    }
    this.warnMapUnused();
  }

  /** `--map` names CSV columns: when no input read was CSV it was not used, which the user should know. */
  private warnMapUnused(): void {
    if (Object.keys(this.opts.map).length === 0) return;
    const read = this.counts.filter((c) => c.format !== '');
    if (read.length === 0 || read.some((c) => c.format === 'csv')) return;
    const names = read.slice(0, 3).map((c) => `${c.input} (${c.format})`).join(', ') + (read.length > 3 ? `, and ${read.length - 3} more` : '');
    this.opts.warn(read[0].input, `--map applies to CSV inputs and none was read, so it was not used: ${names}`, { summary: true });
  }

  private fail(input: string, error: string | Failure, format = ''): InputCounts {
    const c: InputCounts = { input, format, read: 0, scanned: 0, skipped: 0, ...(typeof error === 'string' ? { error } : error) };
    this.counts.push(c);
    return c;
  }

  private readOptions(name: string): ReadOptions {
    return { map: this.opts.map, includePrivate: this.opts.includePrivate, timeZone: this.opts.timeZone, warn: (m, how) => this.opts.warn(name, m.startsWith(name) ? m : `${name}: ${m}`, how) };
  }

  /** The format --from names, if any. */
  private forced(): Format | DirectoryFormat | TreeFormat | undefined {
    return this.opts.from ? formatById(this.opts.from) : undefined;
  }

  /**
   * The platform download `tree` holds (at its root, or in an archive's one top folder): of the --from format
   * when that is a download format, of any without --from; null when --from names a file or folder format.
   */
  private async downloadIn(tree: Tree): Promise<{ format: TreeFormat; tree: Tree } | null> {
    const forced = this.forced();
    if (forced && !isTreeFormat(forced)) return null;
    return detectTreeFormat(tree, forced ? [forced] : undefined);
  }

  private async *readDownload({ format, tree }: { format: TreeFormat; tree: Tree }): AsyncGenerator<Item> {
    this.warnIgnored(tree);
    yield* this.run(tree.name, format.id, format.readTree(utf8Tree(tree), this.readOptions(tree.name)));
  }

  private async *readDir(dir: string): AsyncGenerator<Item> {
    const forced = this.forced();
    // A platform download is read as one input (with --from, only one of that format: the folders of a folder that
    // is not one are searched).
    const found = await this.downloadIn(folderTree(dir));
    if (found) {
      yield* this.readDownload(found);
      return;
    }
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
      if (notUserData(e.name)) continue;
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
        else this.ignored.push({ input: full, reason: st.isDirectory() ? IGNORED_REASONS.linkToFolder : IGNORED_REASONS.notRegular });
      } else this.ignored.push({ input: full, reason: IGNORED_REASONS.notRegular });
    }
  }

  /** The first bytes of `input`, or null when it cannot be read (the failure is recorded). */
  private async headOf(input: InputFile, explicit: boolean): Promise<Buffer | null> {
    try {
      return await input.head(HEAD_BYTES);
    } catch (e) {
      this.failOrIgnore(input.name, e, explicit);
      return null;
    }
  }

  private async *readFile(input: InputFile, explicit: boolean): AsyncGenerator<Item> {
    try {
      yield* this.readContent(input, explicit);
    } finally {
      input.dispose?.();
    }
  }

  private async *readContent(input: InputFile, explicit: boolean): AsyncGenerator<Item> {
    const head = await this.headOf(input, explicit);
    if (head === null) return;
    if (isBlank(head)) {
      this.readEmpty(input.name, explicit);
      return;
    }
    const container = containerOf(head);
    if (container === 'zip' || container === 'tar') {
      yield* this.readArchive(input, container, null, explicit);
      return;
    }
    if (container === 'gzip' || container === 'xz') {
      const { decompressedInput, decompressedOnce } = await import('./archive/compressed.js');
      let inner: InputFile;
      if (input.rereadable) inner = decompressedInput(input, container);
      else {
        // A stream read once (a long compressed standard input) is decompressed once, its head kept for detection.
        try {
          inner = await decompressedOnce(input, container);
        } catch (e) {
          this.failOrIgnore(input.name, e, explicit);
          return;
        }
      }
      try {
        const innerHead = await this.headOf(inner, explicit);
        if (innerHead === null) return;
        if (isTar(innerHead)) yield* this.readArchive(input, 'tar', container, explicit);
        else if (innerHead.length === 0) this.fail(input.name, 'empty once decompressed');
        else yield* this.readPlain(inner, innerHead, innerName(input.name), explicit);
      } finally {
        inner.dispose?.();
      }
      return;
    }
    yield* this.readPlain(input, head, input.name, explicit);
  }

  /** Nothing to read is not an error: a cron pipe on a quiet day (`netral fetch … | netral scan`) gives empty stdin. */
  private readEmpty(name: string, explicit: boolean): void {
    if (explicit) {
      this.counts.push({ input: name, format: 'empty', read: 0, scanned: 0, skipped: 0 });
      this.opts.warn(name, `${name}: empty, no posts to read`, { summary: true });
    } else this.ignored.push({ input: name, reason: IGNORED_REASONS.empty });
  }

  /** A file that is not a container: detected by its first bytes (and `name`), or read as --from says. */
  private async *readPlain(input: InputFile, head: Buffer, name: string, explicit: boolean): AsyncGenerator<Item> {
    // Text saved as UTF-16 is read as UTF-8 from here on, by detection and by the reader.
    const encoding = utf16Of(head);
    if (encoding === 'utf-16le' || encoding === 'utf-16be') {
      input = utf8Input(input);
      const text = await this.headOf(input, explicit);
      if (text === null) return;
      if (isBlank(text)) {
        this.readEmpty(input.name, explicit);
        return;
      }
      head = text;
    }
    let format: Format | null;
    if (this.opts.from) {
      const f = formatById(this.opts.from);
      if (!f || !isFileFormat(f)) {
        this.fail(input.name, `--from ${this.opts.from} reads folders and archives, not single files`);
        return;
      }
      format = f;
    } else {
      format = detectFormat(head, name);
      if (!format) {
        const office = legacyOfficeDocument(head);
        if (explicit) this.fail(input.name, office ? officeError(office) : `not a format netral reads (known: ${formatIds().join(', ')}; use --from FORMAT to choose one)`);
        else this.ignored.push({ input: input.name, reason: office ? officeNote(office) : IGNORED_REASONS.format });
        return;
      }
    }
    if (encoding === 'unclear') {
      // Read as UTF-8, its NULs would make every line a record skipped with a reason that says nothing of the cause.
      const office = legacyOfficeDocument(head);
      this.fail(input.name, office ? officeError(office) : NOT_TEXT);
      return;
    }
    yield* this.run(input.name, format.id, format.read(input, this.readOptions(input.name)));
  }

  /** A zip or tar archive: a platform download is read as one input; any other archive like a folder. */
  private async *readArchive(input: InputFile, kind: Container, compression: 'gzip' | 'xz' | null, explicit: boolean): AsyncGenerator<Item> {
    if (!input.path) {
      const why = `${kind === 'zip' ? 'a zip' : 'a tar'} archive ${input.name.includes('!') ? 'inside another archive is not opened' : 'can only be read from a file, not from standard input or a pipe'}`;
      if (explicit || !input.name.includes('!')) this.fail(input.name, why);
      else this.ignored.push({ input: input.name, reason: why });
      return;
    }
    let tree: Tree & { close(): void };
    try {
      if (kind === 'zip') tree = await (await import('./archive/zip.js')).openZip(input.path, input.name);
      else tree = await (await import('./archive/tar.js')).openTar(input.path, input.name, compression);
    } catch (e) {
      this.failOrIgnore(input.name, e, true);
      return;
    }
    try {
      const office = await officeDocument(tree);
      if (office === null) yield* this.readTree(tree);
      else if (explicit) this.fail(input.name, officeError(office));
      else this.ignored.push({ input: input.name, reason: officeNote(office) });
    } finally {
      tree.close();
    }
  }

  private async *readTree(tree: Tree): AsyncGenerator<Item> {
    const forced = this.forced();
    const found = (await this.downloadIn(tree)) ?? (forced && isTreeFormat(forced) ? { format: forced, tree } : null);
    if (found) {
      // (--from a download format that does not recognise the archive: its reader says what is missing.)
      yield* this.readDownload(found);
      return;
    }
    // Not a download netral knows: its files are read one by one, as in a folder.
    const files: string[] = [];
    const walk = async (d: string) => {
      for (const f of await tree.list(d)) files.push(d === '' ? f : `${d}/${f}`);
      for (const sub of await tree.dirs(d)) await walk(d === '' ? sub : `${d}/${sub}`);
    };
    await walk('');
    this.warnIgnored(tree);
    if (files.length === 0) {
      this.fail(tree.name, tree.ignored.length > 0 ? 'no file netral can open in this archive (see the warnings)' : 'empty archive (no files in it)');
      return;
    }
    for (const f of files) yield* this.readFile(tree.input(f), false);
  }

  private warnIgnored(tree: Tree): void {
    for (const m of tree.ignored) this.opts.warn(tree.name, m);
  }

  private failOrIgnore(name: string, e: unknown, explicit: boolean): void {
    const f = failure(name, e);
    if (f === null) throw e;
    if (explicit || e instanceof InputError) this.fail(name, f);
    else this.ignored.push({ input: name, reason: f.error });
  }

  private async *run(name: string, format: string, items: AsyncIterable<ReadItem>): AsyncGenerator<Item> {
    const counts: InputCounts = { input: name, format, read: 0, scanned: 0, skipped: 0 };
    this.counts.push(counts);
    let unreadable = 0;
    let first: (ReadItem & { type: 'skip' }) | null = null;
    try {
      for await (const item of items) {
        counts.read++;
        if (item.type === 'skip') {
          counts.skipped++;
          if (item.unreadable && unreadable++ === 0) first = item;
        }
        yield { counts, item };
      }
    } catch (e) {
      const f = failure(name, e);
      if (f === null) throw e;
      Object.assign(counts, f);
      return;
    }
    // Not one record of the input could be read (a file of broken JSON, a sheet of another shape): each was said
    // as a skipped record, but a run that exits 0 with a clean report would pass for a quiet day in a cron job.
    if (counts.read > 0 && unreadable === counts.read && first) {
      const hint = first.unreadable === 'source' ? 'the collector got no post; check its run' : 'is it the file and format you meant?';
      Object.assign(counts, { error: `none of its ${counts.read} record${counts.read === 1 ? '' : 's'} could be read (the first: ${first.reason}); ${hint}`, ...(first.source.file !== name ? { file: first.source.file } : {}), ...(first.source.line !== undefined ? { line: first.source.line } : {}) });
    }
  }
}

type Failure = Required<Pick<InputCounts, 'error'>> & Pick<InputCounts, 'file' | 'line' | 'column'>;

/**
 * Why `name` could not be read, as InputCounts keeps it: the message, and apart from it the position (and the file,
 * when it is one inside the input); null for an error that is not about the input (a bug), which is rethrown.
 */
function failure(name: string, e: unknown): Failure | null {
  if (e instanceof InputError) {
    const p = e.position;
    if (!p) return { error: withoutName(name, e.message) };
    return { error: e.detail, ...(p.file !== name ? { file: p.file } : {}), line: p.line, ...(p.column !== undefined ? { column: p.column } : {}) };
  }
  return isFsError(e) ? { error: `cannot read: ${describeFsError(e)}` } : null;
}

const NOT_TEXT =
  'holds NUL bytes, so it is not UTF-8 text (a binary file? text saved as UTF-16 without a byte-order mark, or as UTF-32?); save it as UTF-8 (Notepad: Save As, Encoding "UTF-8"; Excel: "CSV UTF-8")';

function isBlank(head: Buffer): boolean {
  return head.length === 0 || /^(\uFEFF)?\s*$/.test(head.toString('utf8'));
}

/** An error message without the input name it starts with (the summary names the input); an entry's is kept. */
function withoutName(name: string, message: string): string {
  return message.startsWith(`${name}:`) ? message.slice(name.length + 1).trimStart() : message;
}

function isFsError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!);
}

