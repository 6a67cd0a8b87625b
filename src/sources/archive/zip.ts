// Zip archives through yauzl: it reads the central directory (random access, so one entry can be opened without
// inflating the ones before it), streams each entry, and checks every entry's size against what it inflates to.
// Names are decoded by yauzl but judged here, so one hostile name leaves that entry out instead of stopping the read.

import { PassThrough, type Readable } from 'node:stream';
import type { Entry, ZipFile } from 'yauzl';
import { InputError } from '../../errors.js';
import type { Tree } from '../types.js';
import { archiveLimits, bombMessage, Budget, limitStream } from './limits.js';
import { archiveTree, EntryIndex } from './tree.js';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

function describeOpenError(name: string, e: Error): InputError {
  const m = e.message;
  if (/end of central directory record signature not found/i.test(m))
    return new InputError(`${name}: not a complete zip archive: its end (the list of files) is missing — was the download cut off?`);
  if (/central directory|local file header|extra field|invalid (comment|zip64)|unexpected EOF|truncated/i.test(m)) return new InputError(`${name}: damaged zip archive (${m})`);
  return new InputError(`${name}: cannot read the zip archive (${m})`);
}

/** Opens `file` (a path on disk, shown as `name`) and lists its entries. */
export async function openZip(file: string, name: string): Promise<Tree & { close(): void }> {
  const yauzl = (await import('yauzl')).default;
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
  } catch (e) {
    throw describeOpenError(name, e as Error);
  }
  const index = new EntryIndex(name);
  const entries = new Map<string, Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        try {
          const raw = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
          const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
          if (raw.endsWith('/') || mode === S_IFDIR) {
            // A folder entry: folders are implied by the files in them.
          } else if (mode === S_IFLNK) index.ignore(raw, 'a symbolic link (links are not followed)');
          else if (entry.isEncrypted()) index.ignore(raw, 'encrypted');
          else if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) index.ignore(raw, `compressed with method ${entry.compressionMethod}, which netral does not read`);
          else {
            const kept = index.addFile(raw, entry.uncompressedSize);
            if (kept !== null) entries.set(kept, entry);
          }
          zip.readEntry();
        } catch (e) {
          reject(e);
        }
      });
      zip.once('end', () => resolve());
      zip.once('error', (e: Error) => reject(describeOpenError(name, e)));
      zip.readEntry();
    });
    // Entries whose data overlap (several names for the same compressed bytes) are a zip bomb trick: each looks
    // small, together they inflate without end. Real archives never share data between entries.
    const spans = [...entries.values()].map((e) => ({ at: e.relativeOffsetOfLocalHeader, end: e.relativeOffsetOfLocalHeader + 30 + e.fileNameLength + e.compressedSize }));
    spans.sort((a, b) => a.at - b.at);
    for (let i = 1; i < spans.length; i++)
      if (spans[i].at < spans[i - 1].end) throw new InputError(`${name}: entries share or overlap their compressed data (a zip bomb trick); not read`);
  } catch (e) {
    zip.close();
    throw e;
  }

  const budget = new Budget();
  budget.archiveBytes = zip.fileSize;
  const open = (file: string, entry: Entry): Readable => {
    const shown = `${name}!${file}`;
    const out = new PassThrough({ highWaterMark: 256 * 1024 });
    if (entry.uncompressedSize > archiveLimits.ratioFloor && entry.uncompressedSize / Math.max(entry.compressedSize, 1) > archiveLimits.maxRatio) {
      process.nextTick(() => out.destroy(new InputError(`${shown}: ${bombMessage(entry.uncompressedSize, entry.compressedSize)}`)));
      return out;
    }
    zip.openReadStream(entry, (err, stream) => {
      if (err) {
        out.destroy(new InputError(`${shown}: cannot read this entry (${err.message})`));
        return;
      }
      if (out.destroyed) {
        stream.destroy();
        return;
      }
      // The ratio was judged from the declared sizes above, and yauzl stops an entry that inflates past its
      // declared size; what is left to count is the archive's total.
      const limit = limitStream(shown, budget, () => 0);
      stream.on('error', (e: Error) => out.destroy(new InputError(`${shown}: damaged compressed data (${e.message})`)));
      limit.on('error', (e: Error) => out.destroy(e));
      out.on('close', () => stream.destroy());
      stream.pipe(limit).pipe(out);
    });
    return out;
  };

  return archiveTree(name, 'zip', index, (file) => open(file, entries.get(file)!), () => zip.close());
}
