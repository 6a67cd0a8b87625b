// Every reader, given arbitrary bytes, a real file of its format damaged at random, or a real fixture cut short,
// ends in records or a clear InputError naming the input: never an uncaught exception, never a hang. Each case runs
// in a child process that is killed when it overruns (test/helpers/bounded-child.ts), so a reader looping
// without yielding fails the property instead of stalling the suite.

import { afterAll, describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FORMATS, detectFormat } from '../../src/sources/registry.js';
import { HEAD_BYTES } from '../../src/sources/head.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { BoundedChild, type ReadOutcome } from '../helpers/bounded-child.js';
import { runs, timeoutFor } from '../helpers/fuzz.js';

const CASE_MS = 10_000;
const reader = new BoundedChild(CASE_MS);
afterAll(() => reader.stop());
const dir = tempDir('netral-fuzz-readers-');
let n = 0;

/** Every data file under a fixture folder (not the notes about them). */
function filesUnder(root: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || /^(README\.md|build\.py)$/.test(e.name)) continue;
    out.push(path.join(e.parentPath, e.name));
  }
  return out.sort();
}

// The light hostile containers too (fixtures/hostile/build.mjs); the bombs take seconds each and have their own tests.
const HOSTILE = ['names.zip', 'names.tar', 'lying-size.zip', 'deep-path.zip', 'huge-size.tar', 'huge-size-base256.tar'].map((f) => path.join(FIXTURES, 'hostile', f));
const FIXTURE_FILES = [...filesUnder(path.join(FIXTURES, 'exports')), ...filesUnder(path.join(FIXTURES, 'demo')), ...HOSTILE];
/** Folders that are platform downloads (read as one input). */
const DOWNLOADS = [
  'x-archive/archive-2024',
  'x-archive/archive-2019',
  'facebook/download-2021',
  'facebook/download-2023',
  'facebook/download-2024',
  'instagram/download-2022',
  'instagram/download-2024',
  'tiktok/download-2024',
  'mastodon/archive-2024',
  'instaloader/neng.yulia',
].map((d) => path.join(FIXTURES, 'exports', d));

/** A real file of each file format, as detection sees it: the sample a mutation starts from. */
const SAMPLES: [string, string][] = FORMATS.map((f) => {
  const file = FIXTURE_FILES.find((p) => !/\.(zip|gz|xz)$/.test(p) && detectFormat(readFileSync(p).subarray(0, HEAD_BYTES), p)?.id === f.id);
  return [f.id, file ?? FIXTURE_FILES[0]] as [string, string];
});

/** A fresh folder holding `bytes` under `name` (detection and some readers look at the name). */
function writeCase(name: string, bytes: Uint8Array): string {
  const d = path.join(dir, String(++n));
  mkdirSync(d);
  const p = path.join(d, path.basename(name));
  writeFileSync(p, bytes);
  return p;
}

/** A reader's own contract: records, or an InputError whose message starts with the input's name. */
function expectContract(r: ReadOutcome, input: string): void {
  if (r.outcome === 'input-error') {
    expect(r.message!.startsWith(input), r.message).toBe(true);
    return;
  }
  expect(r.outcome, r.message).toBe('records');
}

/** What `netral scan` does with the inputs: counts for each, errors as plain sentences, read = posts + skips. */
function expectScanContract(r: ReadOutcome): void {
  expect(r.outcome, r.message).toBe('records');
  const counts = r.counts ?? [];
  expect(counts.reduce((a, c) => a + c.read, 0)).toBe(r.posts + r.skips);
  for (const c of counts) {
    if (c.error === undefined) continue;
    expect(c.error.length).toBeGreaterThan(0);
    // A message for a person: no stack trace, no object dump.
    expect(c.error).not.toMatch(/\n\s+at |\[object |undefined|TypeError|RangeError/);
  }
}

type Mutation =
  | { op: 'flip'; at: number; byte: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'nest'; at: number; open: string; depth: number }
  | { op: 'deepen'; at: number; depth: number }
  | { op: 'delete'; at: number; len: number }
  | { op: 'repeat'; at: number; len: number; times: number };

// Damage of the kinds real files suffer (cut, doubled, garbage inserted) and hostile ones (deep nesting, huge
// numbers, lone surrogate escapes, control bytes), placed anywhere.
const SNIPPETS = ['"', '{', '}', '[', ']', ',', ':', '\\', '\\u', '\\ud800', '\\u0000', 'null', '1e999', '-0', '12345678901234567890', '\n', '\r', '\0', '\xff\xfe', '=', ';', '\u202e', '<script>', '{"a":'];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.constantFrom(...SNIPPETS).map((s) => new Uint8Array(Buffer.from(s, 'latin1'))) }),
  fc.record({ op: fc.constant('nest' as const), at: fc.nat(), open: fc.constantFrom('[', '{"a":', '{"VideoList":[', '"'), depth: fc.integer({ min: 1, max: 50_000 }) }),
  fc.record({ op: fc.constant('deepen' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 50_000 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 256 }) }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 512 }), times: fc.integer({ min: 2, max: 20 }) }),
);

function mutate(data: Buffer, ms: Mutation[]): Buffer {
  let b = data;
  for (const m of ms) {
    const at = m.at % (b.length + 1);
    switch (m.op) {
      case 'flip':
        if (b.length > 0) (b = Buffer.from(b))[at % b.length] = m.byte;
        break;
      case 'insert':
        b = Buffer.concat([b.subarray(0, at), m.bytes, b.subarray(at)]);
        break;
      case 'nest':
        b = Buffer.concat([b.subarray(0, at), Buffer.from(m.open.repeat(m.depth)), b.subarray(at)]);
        break;
      case 'deepen': {
        // A string value replaced by the same string nested `depth` arrays deep: still valid JSON.
        const values = [...b.toString('latin1').matchAll(/:\s*"(?:[^"\\]|\\.)*"/g)];
        if (values.length === 0) break;
        const v = values[m.at % values.length];
        const start = v.index + v[0].indexOf('"');
        const end = v.index + v[0].length;
        b = Buffer.concat([b.subarray(0, start), Buffer.from('['.repeat(m.depth)), b.subarray(start, end), Buffer.from(']'.repeat(m.depth)), b.subarray(end)]);
        break;
      }
      case 'delete':
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.len)]);
        break;
      case 'repeat': {
        const piece = b.subarray(at, at + m.len);
        b = Buffer.concat([b.subarray(0, at), ...Array<Buffer>(m.times).fill(piece), b.subarray(at + m.len)]);
        break;
      }
    }
  }
  return b;
}

describe('each file reader', () => {
  it.prop([fc.constantFrom(...SAMPLES), fc.uint8Array({ maxLength: 4096 })], runs(120))(
    'given arbitrary bytes, ends in records or an InputError naming the file',
    async ([format, sample], bytes) => {
      const p = writeCase(sample, bytes);
      expectContract(await reader.run({ format, path: p }), p);
    },
    timeoutFor(60_000),
  );

  it.prop([fc.constantFrom(...SAMPLES), fc.array(mutation, { minLength: 1, maxLength: 4 })], runs(250))(
    'given a real file of its format damaged at random, ends in records or an InputError naming the file',
    async ([format, sample], ms) => {
      const p = writeCase(sample, mutate(readFileSync(sample), ms));
      expectContract(await reader.run({ format, path: p }), p);
    },
    timeoutFor(60_000),
  );
});

describe('netral scan over damaged real inputs', () => {
  it.prop([fc.constantFrom(...FIXTURE_FILES), fc.double({ min: 0, max: 1, noNaN: true })], runs(150))(
    'reads every fixture cut short (files, zips, tar.gz, xz) to records or a clear error',
    async (file, frac) => {
      const data = readFileSync(file);
      const p = writeCase(file, data.subarray(0, Math.floor(data.length * frac)));
      expectScanContract(await reader.run({ specs: [p] }));
    },
    timeoutFor(60_000),
  );

  it.prop([fc.constantFrom(...FIXTURE_FILES.filter((f) => /\.(zip|gz|xz)$/.test(f))), fc.array(mutation, { minLength: 1, maxLength: 3 })], runs(80))(
    'reads archives and compressed files damaged at random to records or a clear error',
    async (file, ms) => {
      const p = writeCase(file, mutate(readFileSync(file), ms));
      expectScanContract(await reader.run({ specs: [p] }));
    },
    timeoutFor(60_000),
  );

  it.prop([fc.constantFrom(...DOWNLOADS), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })], runs(25))(
    'reads an unpacked download with one of its files cut short to records or a clear error',
    async (download, pick, frac) => {
      const copy = path.join(dir, String(++n), path.basename(download));
      cpSync(download, copy, { recursive: true });
      const files = readdirSync(copy, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      const victim = files[pick % files.length];
      const vp = path.join(victim.parentPath, victim.name);
      writeFileSync(vp, readFileSync(vp).subarray(0, Math.floor(statSync(vp).size * frac)));
      expectScanContract(await reader.run({ specs: [copy] }));
    },
    timeoutFor(60_000),
  );
});

// Counterexamples the campaign found, kept as plain cases so they fail without their fixes whatever the seed.
describe('regressions found by the campaign', () => {
  it('reads a Facebook or Instagram record nested thousands of arrays deep without overflowing the stack', async () => {
    for (const file of ['facebook/download-2021/posts/your_posts_1.json', 'instagram/download-2024/your_instagram_activity/media/posts_1.json']) {
      const text = readFileSync(path.join(FIXTURES, 'exports', file), 'utf8');
      const at = text.search(/"(post|title)": "/) + text.slice(text.search(/"(post|title)": "/)).indexOf(': "') + 2;
      const end = text.indexOf('"', at + 1) + 1;
      const deep = text.slice(0, at) + '['.repeat(50_000) + text.slice(at, end) + ']'.repeat(50_000) + text.slice(end);
      const p = writeCase(file, Buffer.from(deep));
      const r = await reader.run({ specs: [p] });
      expectScanContract(r);
      expect(r.posts).toBeGreaterThan(0);
    }
  });

  it('walks a JSON object nested 200,000 deep in linear time (a TikTok file whose lists are never found)', async () => {
    const p = writeCase('user_data.json', Buffer.from(`{"Post": ${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}}`));
    const r = await reader.run({ format: 'tiktok', path: p });
    expect(r.outcome, r.message).not.toBe('timeout');
    expectContract(r, p);
  });
});
