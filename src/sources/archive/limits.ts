// Caps on what an archive may make netral do. Archives are read as streams and never extracted to disk, so the
// danger is not a full disk but unbounded work: a zip bomb (a tiny entry that inflates to gigabytes), an archive
// with millions of entries. Real platform downloads stay far below these numbers.

import { Transform, type TransformCallback } from 'node:stream';
import { InputError } from '../../errors.js';

export const archiveLimits = {
  /** Entries listed from one archive. */
  maxEntries: 500_000,
  /** Uncompressed bytes read out of one archive (all entries together) or one compressed file. */
  maxTotalBytes: 8 * 1024 ** 3,
  /** Uncompressed/compressed ratio above which data is taken for a bomb… */
  maxRatio: 500,
  /** …once more than this many bytes have come out (small files may compress extremely well). */
  ratioFloor: 10 * 1024 * 1024,
  /**
   * Bytes read out of a whole zip (every entry, every time it is read) per byte of the zip file: many entries
   * each small enough to pass the check above still make a bomb together. Real downloads (JSON ~20:1, media ~1:1,
   * each entry read once or twice) stay far below it.
   */
  maxArchiveRatio: 100,
  /**
   * A tar has no index: each entry not kept in memory is found by reading the archive again from its start, so
   * reading many entries one by one costs entries × archive. Re-reading stops past this many times the archive's
   * uncompressed size (or the floor, for small archives).
   */
  rereadFactor: 16,
  rereadFloor: 1024 * 1024 * 1024,
};

/** Uncompressed bytes read so far from one archive; shared by all its entries. */
export class Budget {
  used = 0;
  /** The archive file's size, when the whole archive's ratio is to be checked (zip). */
  archiveBytes?: number;
  /** A smaller cap than maxTotalBytes, and what to say when it is passed (tar re-reads). */
  cap?: { bytes: number; message: string };
}

const MB = 1024 * 1024;

export function bombMessage(uncompressed: number, compressed: number): string {
  return `compression ratio ${Math.round(uncompressed / Math.max(compressed, 1))}:1 (${Math.round(uncompressed / MB)} MB from ${Math.max(1, Math.round(compressed / 1024))} KB) looks like a zip bomb; not read`;
}

/**
 * Counts bytes passing through and stops the stream with an InputError naming `name` when the archive's budget or
 * the compression ratio is exceeded. `compressedSoFar` reports how much compressed input produced the output.
 */
export function limitStream(name: string, budget: Budget, compressedSoFar: () => number): Transform {
  let out = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      out += chunk.length;
      budget.used += chunk.length;
      if (budget.cap && budget.used > budget.cap.bytes) return cb(new InputError(`${name}: ${budget.cap.message}`));
      if (budget.used > archiveLimits.maxTotalBytes)
        return cb(new InputError(`${name}: more than ${Math.round(archiveLimits.maxTotalBytes / MB)} MB uncompressed; stopped reading (no platform download is this large; unpack the files you need)`));
      const compressed = compressedSoFar();
      if (out > archiveLimits.ratioFloor && compressed > 0 && out / compressed > archiveLimits.maxRatio) return cb(new InputError(`${name}: ${bombMessage(out, compressed)}`));
      const whole = budget.archiveBytes;
      if (whole !== undefined && budget.used > archiveLimits.ratioFloor && budget.used / Math.max(whole, 1) > archiveLimits.maxArchiveRatio)
        return cb(new InputError(`${name}: the archive as a whole: ${bombMessage(budget.used, whole)}`));
      cb(null, chunk);
    },
  });
}
