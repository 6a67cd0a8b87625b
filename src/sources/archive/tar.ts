// Tar archives (`.tar.gz` as older Mastodon versions write them, also `.tar` and `.tar.xz`) through tar-stream.
// A tar has no index: listing it means reading it through once, and opening an entry means reading up to that entry
// again. Small JSON entries met while listing (actor.json, account.js …) are kept in memory so that opening them
// costs no second pass; large ones (outbox.json) are streamed on a later pass. Nothing is written to disk.

import { createReadStream } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { once } from 'node:events';
import type { Header } from 'tar-stream';
import { InputError } from '../../errors.js';
import type { Tree } from '../types.js';
import { decompress, type Compression } from './compressed.js';
import { archiveLimits, Budget, limitStream } from './limits.js';
import { archiveTree, EntryIndex, normalEntryName, unsafeName } from './tree.js';

const CACHE_ENTRY = 1024 * 1024;
const CACHE_TOTAL = 16 * 1024 * 1024;
const CACHE_NAMES = /\.(json|js)$/i;

function describe(name: string, e: Error): InputError {
  if (e instanceof InputError) return e;
  const m = e.message ?? String(e);
  if (/unexpected end of data|premature/i.test(m)) return new InputError(`${name}: the tar archive ends early (truncated download?)`);
  if (/invalid tar header/i.test(m)) return new InputError(`${name}: not a tar archive, or a damaged one`);
  return new InputError(`${name}: cannot read the tar archive (${m})`);
}

/** One pass over the archive: `visit` gets each entry header and its stream, and must consume or drain it. */
async function pass(file: string, name: string, compression: Compression | null, visit: (h: Header, s: AsyncIterable<Buffer>) => Promise<'next' | 'stop'>, budget = new Budget()): Promise<void> {
  const tar = (await import('tar-stream')).default;
  const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
  const body = compression ? await decompress(compression, raw, name, budget) : raw.pipe(limitStream(name, budget, () => 0));
  const extract = tar.extract();
  body.on('error', (e: Error) => extract.destroy(describe(name, e)));
  body.pipe(extract);
  try {
    for await (const entry of extract) {
      if ((await visit(entry.header, entry as AsyncIterable<Buffer>)) === 'stop') break;
    }
  } catch (e) {
    throw describe(name, e as Error);
  } finally {
    extract.destroy();
    body.destroy();
    raw.destroy();
  }
}

// Entries are streamx streams (tar-stream's own); async iteration is the interface both kinds share.
async function drain(s: AsyncIterable<Buffer>): Promise<void> {
  for await (const _ of s) void _;
}

async function collect(s: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c);
  return Buffer.concat(chunks);
}

async function copy(s: AsyncIterable<Buffer>, out: PassThrough): Promise<void> {
  for await (const c of s) {
    if (out.destroyed) throw new Error('reader stopped');
    if (!out.write(c)) await once(out, 'drain');
  }
  out.end();
}

/** Lists `file` (shown as `name`), a tar optionally compressed with `compression`. */
export async function openTar(file: string, name: string, compression: Compression | null): Promise<Tree & { close(): void }> {
  const index = new EntryIndex(name);
  const cache = new Map<string, Buffer>();
  let cached = 0;
  const listing = new Budget();
  await pass(file, name, compression, async (h, s) => {
    const raw = h.name;
    if (h.type === 'file' || h.type === 'contiguous-file') {
      const kept = index.addFile(raw, h.size ?? 0);
      if (kept !== null && (h.size ?? 0) <= CACHE_ENTRY && cached + (h.size ?? 0) <= CACHE_TOTAL && CACHE_NAMES.test(kept)) {
        const buf = await collect(s);
        cache.set(kept, buf);
        cached += buf.length;
        return 'next';
      }
    } else if (h.type === 'symlink' || h.type === 'link') index.ignore(raw, 'a link (links are not followed)');
    else if (h.type !== 'directory') index.ignore(raw, `not a regular file (${h.type})`);
    await drain(s);
    return 'next';
  }, listing);

  // Every later pass shares one budget: reading many entries one by one must not cost entries × archive.
  const rereads = new Budget();
  const MB = 1024 * 1024;
  rereads.cap = {
    bytes: Math.max(archiveLimits.rereadFloor, archiveLimits.rereadFactor * listing.used),
    message: `reading its entries one by one means reading the archive again from its start for each; stopped after ${Math.round(Math.max(archiveLimits.rereadFloor, archiveLimits.rereadFactor * listing.used) / MB)} MB (unpack the archive and give netral the folder)`,
  };

  const open = (target: string): Readable => {
    const hit = cache.get(target);
    if (hit) return Readable.from([hit]);
    const out = new PassThrough({ highWaterMark: 256 * 1024 });
    const seen = new Set<string>();
    pass(file, name, compression, async (h, s) => {
      const n = normalEntryName(h.name);
      const isFile = h.type === 'file' || h.type === 'contiguous-file';
      // The same rules as the listing: the first safe entry of this name is the one listed.
      if (isFile && n === target && !seen.has(n) && unsafeName(h.name) === null) {
        await copy(s, out);
        return 'stop';
      }
      if (isFile) seen.add(n);
      await drain(s);
      return 'next';
    }, rereads).then(
      () => {
        if (!out.writableEnded) out.destroy(new InputError(`${name}!${target}: entry not found on a second reading of the archive`));
      },
      (e: Error) => out.destroy(describe(name, e)),
    );
    return out;
  };

  return archiveTree(name, 'tar', index, open, () => cache.clear());
}
