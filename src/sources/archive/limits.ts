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
};

/** Uncompressed bytes read so far from one archive; shared by all its entries. */
export class Budget {
  used = 0;
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
      if (budget.used > archiveLimits.maxTotalBytes)
        return cb(new InputError(`${name}: more than ${Math.round(archiveLimits.maxTotalBytes / MB)} MB uncompressed; stopped reading (no platform download is this large; unpack the files you need)`));
      const compressed = compressedSoFar();
      if (out > archiveLimits.ratioFloor && compressed > 0 && out / compressed > archiveLimits.maxRatio) return cb(new InputError(`${name}: ${bombMessage(out, compressed)}`));
      cb(null, chunk);
    },
  });
}
