// A file on disk as an InputFile: opened as a stream as often as needed, with a cheap read of its first bytes.

import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { InputFile } from './types.js';

export function fileInput(p: string, size?: number): InputFile {
  return {
    name: p,
    path: p,
    rereadable: true,
    ...(size !== undefined ? { size } : {}),
    open: () => createReadStream(p, { highWaterMark: 256 * 1024 }),
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
