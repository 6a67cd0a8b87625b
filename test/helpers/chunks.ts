// Byte sources for readers, in chunks that all live in one buffer, overwritten for each chunk (as netral reads a file:
// src/sources/file-input.ts): a reader that kept any part of a chunk after asking for the next would see it change.

/** `input` in chunks of the given sizes (cycled), all in one reused buffer. */
export async function* reusedChunks(input: Buffer | string, sizes: number[]): AsyncGenerator<Buffer> {
  const b = Buffer.isBuffer(input) ? input : Buffer.from(input);
  const buf = Buffer.alloc(Math.max(1, Math.min(Math.max(...sizes), b.length)));
  for (let at = 0, k = 0; at < b.length; k++) {
    const n = Math.min(sizes[k % sizes.length], b.length - at, buf.length);
    b.copy(buf, 0, at, at + n);
    at += n;
    yield buf.subarray(0, n);
    buf.fill(0x3f);
  }
}
