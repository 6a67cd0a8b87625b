// Single compressed streams: gzip (node:zlib) and xz (xz-decompress: xz-embedded compiled to WebAssembly, so no
// native build and no download at install). Used for `.json.xz` files (Instaloader), `.jsonl.gz`, and under tar
// archives. Output is counted against the archive limits: a compressed file cannot make netral inflate forever.

import { Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../../errors.js';
import type { InputFile } from '../types.js';
import { entryInput } from './entry-input.js';
import { streamInput } from '../stream-input.js';
import { Budget, limitStream } from './limits.js';

export type Compression = 'gzip' | 'xz';

const XZ_ERRORS: Record<string, string> = {
  '2': 'uses an integrity check netral cannot verify',
  '3': 'needs more memory than allowed',
  '4': 'needs more memory than allowed',
  '5': 'is not in xz format',
  '6': 'uses xz options netral does not support',
  '7': 'is damaged (corrupt compressed data)',
  '8': 'ends early (truncated?)',
};

function describe(kind: Compression, name: string, e: Error): InputError {
  if (e instanceof InputError) return e;
  const m = e.message ?? String(e);
  if (kind === 'xz') {
    const code = /error code (\d+)/.exec(m)?.[1];
    return new InputError(`${name}: the xz data ${(code && XZ_ERRORS[code]) ?? `cannot be read (${m})`}`);
  }
  if (/unexpected end of file/i.test(m)) return new InputError(`${name}: the gzip data ends early (truncated download?)`);
  if (/incorrect header check|invalid/i.test(m)) return new InputError(`${name}: the gzip data is damaged (${m})`);
  return new InputError(`${name}: cannot decompress (${m})`);
}

type XzModule = typeof import('xz-decompress');
// A CommonJS package: under Node's ESM loader its exports arrive as `default`.
let xzModule: Promise<XzModule> | null = null;

/** Decompresses `source`; errors (and limit breaches) surface as InputErrors naming `name`. */
export async function decompress(kind: Compression, source: Readable, name: string, budget = new Budget()): Promise<Readable> {
  let compressed = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _e, cb) {
      compressed += chunk.length;
      cb(null, chunk);
    },
  });
  source.on('error', (e) => counter.destroy(e));
  source.pipe(counter);
  let inflated: Readable;
  if (kind === 'gzip') {
    const gunzip = createGunzip();
    counter.on('error', (e) => gunzip.destroy(e));
    inflated = counter.pipe(gunzip);
  } else {
    xzModule ??= import('xz-decompress').then((m) => (m as XzModule & { default?: XzModule }).default ?? m);
    const { XzReadableStream } = await xzModule;
    inflated = Readable.fromWeb(new XzReadableStream(Readable.toWeb(counter) as never) as never);
  }
  const limit = limitStream(name, budget, () => compressed);
  inflated.on('error', (e: Error) => limit.destroy(describe(kind, name, e)));
  limit.on('close', () => {
    if (!inflated.destroyed) inflated.destroy();
    if (!source.destroyed) source.destroy();
  });
  return inflated.pipe(limit);
}

/**
 * A compressed file as the InputFile of its content. The name stays the file's own; streams are decompressed
 * lazily, once per open().
 */
export function decompressedInput(input: InputFile, kind: Compression): InputFile {
  const open = (): Readable => {
    const out = new Transform({ transform: (c, _e, cb) => cb(null, c) });
    decompress(kind, input.open(), input.name).then(
      (s) => {
        s.on('error', (e) => out.destroy(e));
        out.on('close', () => s.destroy());
        s.pipe(out);
      },
      (e: Error) => out.destroy(describe(kind, input.name, e)),
    );
    return out;
  };
  return entryInput(input.name, undefined, open, input.rereadable);
}

/**
 * The content of a compressed stream that can be read only once (a long compressed standard input): decompressed
 * once, its head kept for detection and replayed to the reader. Decompression errors in the head are thrown here.
 */
export async function decompressedOnce(input: InputFile, kind: Compression): Promise<InputFile> {
  return streamInput(input.name, await decompress(kind, input.open(), input.name));
}
