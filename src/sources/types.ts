// The contract between input readers and the rest of netral.
// A reader turns one input (a file, a stream, an archive) into a sequence of items: each record read becomes
// either a post or a skip with its reason, so the summary can always say read = scanned + skipped.

import type { Readable } from 'node:stream';
import type { Post, SourceRef } from '../model.js';

export type ReadItem =
  | { type: 'post'; post: Post }
  /** `unreadable`: the record itself could not be read (not valid JSON, CSV or UTF-8, not a record), as opposed to
   * a record read and left out for what it holds (no text, followers-only …): an input none of whose records could
   * be read is an input error (inputs.ts). `'source'`: the record is the collector's report that it got nothing
   * (an Apify item for an account it could not scrape). */
  | { type: 'skip'; source: SourceRef; reason: string; unreadable?: true | 'source' };

/** One input as a reader sees it. Detection reads the head first; `open()` then streams it from the start. */
export interface InputFile {
  /** The name shown to the user: the path as given, `-` for stdin, or `archive.zip!data/tweets.js` for entries. */
  name: string;
  /** Path on disk when the input is a plain file or directory; undefined for stdin and archive entries. */
  path?: string;
  /** Size in bytes when known. */
  size?: number;
  /**
   * True when `open()` may be called again and starts over (files, archive entries, a short stdin held in memory);
   * false for a stream that can be read only once (a long standard input). Readers that want two passes ask this,
   * never the name: a file in a folder can be called `-`.
   */
  rereadable: boolean;
  open(): Readable;
  /**
   * The bytes from the start in chunks, each valid only until the next is asked for: a file is read into one buffer
   * used again and again, so reading makes no garbage. For readers that copy what they keep (lines.ts,
   * json-elements.ts), through `chunksOf`.
   */
  chunks?(): AsyncIterable<Buffer>;
  /** Reads at most `n` bytes from the start (for format detection). */
  head(n: number): Promise<Buffer>;
  /** Lets go of a one-shot stream that was never opened (called when its input is done with). */
  dispose?(): void;
}

export interface ReadOptions {
  /** `--map field=Column,…` for CSV inputs: our field → the user's column name. */
  map: Record<string, string>;
  /** Include non-public posts (followers-only, direct) from platform downloads. Off by default. */
  includePrivate: boolean;
  /** Display time zone (IANA), for readers that must interpret naive local times with an explicit zone. */
  timeZone: string;
  /**
   * Warnings for the user (stderr); readers call this for skipped records and notes about the input. They are
   * capped per input, but for a `summary`: a warning said once for the whole input (a count standing for many
   * records, given at its end; a note about all of it), which is always shown.
   */
  warn(message: string, how?: WarnHow): void;
}

/** How a warning is shown: see ReadOptions.warn. */
export interface WarnHow {
  summary?: boolean;
}

/** A format a reader understands. Detection is by content first, file name second. */
export interface Format {
  id: string;
  description: string;
  /**
   * How sure this format is that the input is its own: 0 (no) to 1 (certain). `head` is the first bytes
   * (up to HEAD_BYTES, 64 KiB), `name` the input name. Called only for files, never for directories.
   */
  detect(head: Buffer, name: string): number;
  read(input: InputFile, options: ReadOptions): AsyncIterable<ReadItem>;
}

/** A format that recognises a whole directory (e.g. an unpacked X archive) instead of its individual files. */
export interface DirectoryFormat {
  id: string;
  description: string;
  /** True when `dir` is this format's layout; then the directory is read as one input and not recursed. */
  detectDir(dir: string): Promise<boolean>;
  readDir(dir: string, options: ReadOptions): AsyncIterable<ReadItem>;
}

/**
 * A platform download seen as a tree of files, whatever holds it: an unpacked folder, a zip or a tar archive.
 * Platform readers walk it with `list`/`dirs` and open files with `input`, so each reader is written once.
 * Paths are relative, `/`-separated, never absolute and never containing `..`.
 */
export interface Tree {
  /** What the user gave: the folder or archive path. */
  name: string;
  kind: 'folder' | 'zip' | 'tar';
  /**
   * Names of the regular files directly in `dir` ('' is the root), sorted. Links, unsafe entries and what is not
   * the user's data (hidden files, `__MACOSX/`: see notUserData) are left out.
   */
  list(dir: string): Promise<string[]>;
  /** Names of the folders directly in `dir`, sorted. */
  dirs(dir: string): Promise<string[]>;
  /** A file of the tree as an input: named `archive.zip!path` for archive entries, the real path for folders. */
  input(file: string): InputFile;
  /** Entries left out for safety (absolute or `..` names, links, duplicates), with the reason; for warnings. */
  readonly ignored: string[];
}

/** A format that recognises a platform download by its files, in a folder or an archive. */
export interface TreeFormat {
  id: string;
  description: string;
  /** How sure this format is that the tree is its download (0–1), judged from file names at known places. */
  detectTree(tree: Tree): Promise<number>;
  readTree(tree: Tree, options: ReadOptions): AsyncIterable<ReadItem>;
}
