// A file on disk as an InputFile: opened as a stream as often as needed, with a cheap read of its first bytes.

import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { InputFile } from './types.js';

/** Bytes read at a time from a file or pipe. */
export const READ_CHUNK = 256 * 1024;

/**
 * A file's bytes in chunks of one buffer, reused: a stream makes a new buffer per chunk, which the garbage collector
 * frees only when it gets to it — on a busy machine, after tens of megabytes of them have piled up.
 */
async function* fileChunks(p: string): AsyncGenerator<Buffer> {
  const fh = await open(p, 'r');
  try {
    const buf = Buffer.allocUnsafe(READ_CHUNK);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, READ_CHUNK, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}

export function fileInput(p: string, size?: number): InputFile {
  return {
    name: p,
    path: p,
    rereadable: true,
    ...(size !== undefined ? { size } : {}),
    open: () => createReadStream(p, { highWaterMark: READ_CHUNK }),
    chunks: () => fileChunks(p),
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

/**
 * An input's bytes from the start, for readers that copy what they keep (lines.ts, json-elements.ts): a file's
 * chunks of one reused buffer, else its stream.
 */
export function chunksOf(input: InputFile): AsyncIterable<Buffer> {
  return input.chunks ? input.chunks() : input.open();
}
