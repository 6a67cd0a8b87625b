// An input saved as UTF-16 (Notepad's "Unicode", Excel's "Unicode Text") seen as the UTF-8 every reader expects:
// transcoded as it is read, a chunk at a time, so detection, line numbers, records and skip reasons are those of
// the text, whatever reader reads it. Any other input passes through as it is.

import { Readable } from 'node:stream';
import { Utf16Decoder, utf16Of } from './encoding.js';
import { HEAD_BYTES } from './head.js';
import type { InputFile, Tree } from './types.js';

/** The decoder for an input whose first HEAD_BYTES (all of them, for a shorter input) are `first`; null for no UTF-16. */
function decoderFor(first: Buffer): Utf16Decoder | null {
  const e = utf16Of(first.subarray(0, HEAD_BYTES));
  return e === 'unclear' || e === null ? null : new Utf16Decoder(e);
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The start of the input as UTF-8, marked as such: UTF-16's byte-order mark comes out as UTF-8's, and one is put in
 * front of a file that had none, so that a reader that guesses an encoding from the bytes (a CSV's) takes the text
 * for the UTF-8 it now is. Every reader drops it.
 */
function start(decoder: Utf16Decoder, first: Buffer): Buffer {
  const text = decoder.push(first);
  const bom = (first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff);
  return bom ? text : Buffer.concat([UTF8_BOM, text]);
}

/**
 * `input` as UTF-8. Each way of reading it (head, stream, chunks) judges the same first bytes, so all agree without
 * a pass over the input to decide first. `size` stays the size of the file as stored: it is used only to bound what
 * is held in memory, and a UTF-16 file's size is what its text takes as a string.
 */
export function utf8Input(input: InputFile): InputFile {
  return {
    name: input.name,
    ...(input.path !== undefined ? { path: input.path } : {}),
    ...(input.size !== undefined ? { size: input.size } : {}),
    rereadable: input.rereadable,
    open() {
      // Opened at once, as the input's own open() is: an input that can be read only once says so here. Let go with
      // the stream made of it, also when that is closed before it was read.
      const inner = input.open();
      const out = Readable.from(utf8Chunks(inner), { objectMode: false });
      out.once('close', () => inner.destroy());
      return out;
    },
    ...(input.chunks ? { chunks: () => utf8Chunks(input.chunks!()) } : {}),
    async head(n: number) {
      const first = await input.head(HEAD_BYTES);
      const decoder = decoderFor(first);
      if (!decoder) return n <= first.length ? first.subarray(0, n) : input.head(n);
      // 2n bytes of UTF-16 are at least n of UTF-8. A head shorter than asked for is the whole input.
      const whole = first.length < HEAD_BYTES;
      const raw = whole || 2 * n <= first.length ? first.subarray(0, 2 * n) : await input.head(2 * n);
      const text = start(decoder, raw);
      // At the input's end a character cut off is not UTF-8, as in the stream; elsewhere only whole ones are given.
      return (whole && raw.length === first.length ? Buffer.concat([text, decoder.end()]) : text).subarray(0, n);
    },
    ...(input.dispose ? { dispose: () => input.dispose!() } : {}),
  };
}

/** A tree whose files are read as UTF-8 (the files of a platform download someone saved again). */
export function utf8Tree(tree: Tree): Tree {
  return {
    name: tree.name,
    kind: tree.kind,
    ignored: tree.ignored,
    list: (dir) => tree.list(dir),
    dirs: (dir) => tree.dirs(dir),
    input: (file) => utf8Input(tree.input(file)),
  };
}

/**
 * The chunks of `stream`, transcoded when its first bytes say UTF-16. Passed through, the chunks are the stream's
 * own (a file's reused buffer included); only a first chunk shorter than HEAD_BYTES is held, copied, until the
 * bytes to judge are in.
 */
async function* utf8Chunks(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let held: Buffer[] = [];
  let have = 0;
  let decoder: Utf16Decoder | null | undefined;
  for await (const chunk of stream) {
    if (decoder === undefined) {
      if (have + chunk.length < HEAD_BYTES) {
        held.push(Buffer.from(chunk));
        have += chunk.length;
        continue;
      }
      const first = held.length > 0 ? Buffer.concat([...held, chunk]) : chunk;
      held = [];
      decoder = decoderFor(first);
      yield decoder ? start(decoder, first) : first;
      continue;
    }
    yield decoder ? decoder.push(chunk) : chunk;
  }
  if (decoder === undefined) {
    // The whole input is shorter than HEAD_BYTES.
    if (have === 0) return;
    const all = Buffer.concat(held);
    decoder = decoderFor(all);
    yield decoder ? start(decoder, all) : all;
  }
  if (decoder) {
    const rest = decoder.end();
    if (rest.length > 0) yield rest;
  }
}
