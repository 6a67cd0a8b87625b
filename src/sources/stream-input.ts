// A one-shot stream (standard input, a named pipe, a compressed standard input) as an InputFile: its head is read
// ahead and replayed in front of the rest, so detection and the reader see the same bytes and nothing is read
// twice from a source that cannot be read twice.

import { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import { HEAD_BYTES } from './head.js';
import type { InputFile } from './types.js';

export async function streamInput(name: string, stream: Readable): Promise<InputFile> {
  const chunks: Buffer[] = [];
  let have = 0;
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let done = false;
  while (have < HEAD_BYTES) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const b = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
    chunks.push(b);
    have += b.length;
  }
  const head = Buffer.concat(chunks);
  let opened = false;
  return {
    name,
    // Input that fitted in the head is all in memory and can be replayed; a longer stream only once.
    rereadable: done,
    ...(done ? { size: head.length } : {}),
    open() {
      if (done) return Readable.from([head]);
      if (opened) throw new InputError(`${name}: this stream can only be read once (it is larger than ${HEAD_BYTES / 1024} KB; save it to a file)`);
      opened = true;
      async function* replay() {
        yield head;
        for (;;) {
          const r = await it.next();
          if (r.done) return;
          yield Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
        }
      }
      return Readable.from(replay(), { objectMode: false });
    },
    head: async (n: number) => head.subarray(0, n),
    // A stream that is never opened (not a format netral reads) is let go, so a pipe's writer is not left waiting.
    dispose() {
      if (!opened) stream.destroy();
    },
  };
}
