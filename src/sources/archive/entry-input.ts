// An archive entry (or a decompressed file) as an InputFile: every open() starts a fresh stream; head() reads the
// first bytes of one and stops it, once.

import type { Readable } from 'node:stream';
import type { InputFile } from '../types.js';

export async function streamHead(stream: Readable, n: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let have = 0;
  try {
    for await (const c of stream as AsyncIterable<Buffer>) {
      chunks.push(c);
      have += c.length;
      if (have >= n) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, n);
}

/** `rereadable` is false only for a view of a one-shot stream (a compressed standard input). */
export function entryInput(name: string, size: number | undefined, open: () => Readable, rereadable = true): InputFile {
  // The head is kept: InputSet sniffs it and then the reader asks again, and for a tar entry or a compressed file
  // each reading is a pass over the archive (decompressing) from its start.
  let kept: Buffer | null = null;
  let asked = 0;
  return {
    name,
    rereadable,
    ...(size !== undefined ? { size } : {}),
    open,
    async head(n: number) {
      // `kept` holds the first `asked` bytes, or all of them when the stream was shorter.
      if (kept === null || (n > asked && kept.length === asked)) {
        kept = await streamHead(open(), n);
        asked = n;
      }
      return kept.subarray(0, n);
    },
  };
}
