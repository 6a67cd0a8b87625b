// An archive entry (or a decompressed file) as an InputFile: every open() starts a fresh stream; head() reads the
// first bytes of one and stops it.

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

export function entryInput(name: string, size: number | undefined, open: () => Readable): InputFile {
  return {
    name,
    ...(size !== undefined ? { size } : {}),
    open,
    head: (n: number) => streamHead(open(), n),
  };
}
