// Trees of files behind one interface: a folder on disk, or the entry list of a zip or tar archive. Entry names
// from archives are untrusted: absolute names, `..` components, links and duplicates are left out (and listed in
// `ignored`) before any reader sees them, so nothing can point outside the archive.

import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../errors.js';
import type { Readable } from 'node:stream';
import type { InputFile, Tree } from '../types.js';
import { entryInput } from './entry-input.js';
import { fileInput } from '../file-input.js';
import { archiveLimits } from './limits.js';

const MAX_NAME = 4096;
const MAX_DEPTH = 64;

/** Why an archive entry name is unsafe, or null when it is a plain relative path. */
export function unsafeName(name: string): string | null {
  if (name.includes('\0')) return 'a NUL character in its name';
  if (name.includes('\\')) return 'a backslash in its name';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'an absolute name';
  if (name.split('/').includes('..')) return "a '..' in its name";
  // No download nests this deep; an index of 20,000 nested folders would hold 20,000 ever longer paths.
  if (name.length > MAX_NAME) return `a name longer than ${MAX_NAME} characters`;
  if (name.split('/').length > MAX_DEPTH) return `more than ${MAX_DEPTH} folders deep`;
  return null;
}

/**
 * A file or folder name that is never the user's data, passed over without a word in every walk (folders, zips,
 * tars): hidden files (`.DS_Store`, the `._x` AppleDouble files macOS writes beside files in archives) and
 * `__MACOSX/`, where Finder's "Compress" puts an AppleDouble file for every file of the zip. One rule, so a zip
 * reads as the folder it was made from.
 */
export function notUserData(name: string): boolean {
  return name.startsWith('.') || name === '__MACOSX';
}

/** `./a//b/` → `a/b`: the form paths take inside a Tree. */
export function normalEntryName(name: string): string {
  return name
    .split('/')
    .filter((p) => p !== '' && p !== '.')
    .join('/');
}

interface Dir {
  files: Map<string, number>;
  dirs: Set<string>;
}

/** The listing of an archive: files by folder, built once from the entry list. */
export class EntryIndex {
  private readonly byDir = new Map<string, Dir>([['', { files: new Map(), dirs: new Set() }]]);
  readonly ignored: string[] = [];
  count = 0;

  constructor(private readonly archive: string) {}

  private dir(d: string): Dir {
    let x = this.byDir.get(d);
    if (!x) {
      x = { files: new Map(), dirs: new Set() };
      this.byDir.set(d, x);
      const slash = d.lastIndexOf('/');
      this.dir(slash === -1 ? '' : d.slice(0, slash)).dirs.add(slash === -1 ? d : d.slice(slash + 1));
    }
    return x;
  }

  /** Adds a regular file; returns its normalised path, or null when it was left out (unsafe: why is in `ignored`). */
  addFile(rawName: string, size: number): string | null {
    const bad = unsafeName(rawName);
    if (bad) {
      this.ignore(rawName, bad);
      return null;
    }
    const name = normalEntryName(rawName);
    if (name === '') return null;
    if (++this.count > archiveLimits.maxEntries) throw new InputError(`${this.archive}: more than ${archiveLimits.maxEntries} entries; not read`);
    if (name.split('/').some(notUserData)) return null;
    const slash = name.lastIndexOf('/');
    const d = this.dir(slash === -1 ? '' : name.slice(0, slash));
    const base = slash === -1 ? name : name.slice(slash + 1);
    if (d.files.has(base) || d.dirs.has(base)) {
      this.ignored.push(`${this.archive}: entry ${JSON.stringify(name)} left out: the archive holds this name twice (the first one is read)`);
      return null;
    }
    d.files.set(base, size);
    return name;
  }

  ignore(rawName: string, why: string): void {
    const shown = rawName.length > 200 ? `${rawName.slice(0, 200)}…` : rawName;
    this.ignored.push(`${this.archive}: entry ${JSON.stringify(shown)} left out: ${why}`);
  }

  list(dir: string): string[] {
    return [...(this.byDir.get(normalEntryName(dir))?.files.keys() ?? [])].sort();
  }

  dirs(dir: string): string[] {
    return [...(this.byDir.get(normalEntryName(dir))?.dirs ?? [])].sort();
  }

  size(file: string): number | undefined {
    const name = normalEntryName(file);
    const slash = name.lastIndexOf('/');
    return this.byDir.get(slash === -1 ? '' : name.slice(0, slash))?.files.get(slash === -1 ? name : name.slice(slash + 1));
  }
}

/** The Tree of an archive listed in `index`; `open` streams one of its files, `close` releases the archive. */
export function archiveTree(name: string, kind: 'zip' | 'tar', index: EntryIndex, open: (file: string) => Readable, close: () => void): Tree & { close(): void } {
  return {
    name,
    kind,
    ignored: index.ignored,
    list: async (dir) => index.list(dir),
    dirs: async (dir) => index.dirs(dir),
    input(file: string) {
      const f = normalEntryName(file);
      const size = index.size(f);
      if (size === undefined) throw new InputError(`${name}!${f}: no such entry`);
      return entryInput(`${name}!${f}`, size, () => open(f));
    },
    close,
  };
}

/** A folder on disk as a Tree. Links are not followed (an export never holds any; a link could loop or escape). */
export function folderTree(root: string): Tree {
  const cache = new Map<string, Promise<{ files: string[]; dirs: string[] }>>();
  const read = (dir: string) => {
    const d = normalEntryName(dir);
    let p = cache.get(d);
    if (!p) {
      p = (async () => {
        const files: string[] = [];
        const dirs: string[] = [];
        let entries;
        try {
          entries = await readdir(path.join(root, d), { withFileTypes: true });
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'ENOENT' || code === 'ENOTDIR') return { files, dirs };
          throw e;
        }
        for (const e of entries) {
          if (notUserData(e.name)) continue;
          if (e.isFile()) files.push(e.name);
          else if (e.isDirectory()) dirs.push(e.name);
        }
        return { files: files.sort(), dirs: dirs.sort() };
      })();
      cache.set(d, p);
    }
    return p;
  };
  return {
    name: root,
    kind: 'folder',
    ignored: [],
    list: async (dir) => (await read(dir)).files,
    dirs: async (dir) => (await read(dir)).dirs,
    // list() never returns links (Dirent types come from lstat), so inputs are plain files.
    input: (file: string): InputFile => fileInput(path.join(root, normalEntryName(file))),
  };
}

/** A view of `tree` rooted at one of its folders (a download wrapped in a top folder, e.g. `facebook-budi-2024/`). */
export function subTree(tree: Tree, dir: string): Tree {
  const pre = normalEntryName(dir);
  const join = (p: string) => (p === '' ? pre : `${pre}/${normalEntryName(p)}`);
  return {
    name: tree.name,
    kind: tree.kind,
    ignored: tree.ignored,
    list: (d) => tree.list(join(d)),
    dirs: (d) => tree.dirs(join(d)),
    input: (f) => tree.input(join(f)),
  };
}

/** Files whose names match `re` in `dir`, in the order a person numbers them (`_2` before `_10`). */
export async function matching(tree: Tree, dir: string, re: RegExp): Promise<string[]> {
  const names = (await tree.list(dir)).filter((n) => re.test(n));
  names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return names.map((n) => (dir === '' ? n : `${dir}/${n}`));
}

/** The first of `files` that the tree holds, or null. */
export async function firstPresent(tree: Tree, files: string[]): Promise<string | null> {
  for (const f of files) {
    const slash = f.lastIndexOf('/');
    if ((await tree.list(slash === -1 ? '' : f.slice(0, slash))).includes(f.slice(slash + 1))) return f;
  }
  return null;
}
