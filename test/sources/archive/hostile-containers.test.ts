// Archives built to hurt (fixtures/hostile/, crafted byte by byte by fixtures/hostile/build.mjs): overlapping
// entries and many small bombs, sizes that lie, names that climb out of the folder, links, duplicates, nested
// archives, 20,000 nested folders, tars declaring 8 GB or 2^62 bytes, a tar read entry by entry. Scanned as a user
// would — the real CLI, from a folder of its own, with a small heap and a timeout — each must end in what can be
// read plus clear errors, write nothing anywhere, and stay within memory.

import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { bin, FIXTURES, tempDir } from '../../helpers/cli.js';
import { readAll } from '../../helpers/read.js';
import { archiveLimits } from '../../../src/sources/archive/limits.js';

const HOSTILE = path.join(FIXTURES, 'hostile');
const saved = { ...archiveLimits };
afterEach(() => Object.assign(archiveLimits, saved));

/** Every file under `dir` with its size and time: what a run must leave as it found it. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => path.join(e.parentPath, e.name))
    .map((p) => `${p} ${statSync(p).size} ${statSync(p).mtimeMs}`)
    .sort();
}

/** Scans one hostile file from a folder of its own (as cwd and HOME), in a 128 MB heap, within 60 s. */
async function scanAlone(file: string) {
  const sandbox = tempDir('netral-sandbox-');
  const copy = path.join(sandbox, file);
  copyFileSync(path.join(HOSTILE, file), copy);
  const before = snapshot(sandbox);
  const r = await bin(['scan', '-f', 'jsonl', file], { cwd: sandbox, env: { HOME: sandbox, NODE_OPTIONS: '--max-old-space-size=128' }, timeoutMs: 60_000 });
  expect(r.signal, `${file}: killed after 60 s`).toBeNull();
  expect(r.stderr).not.toMatch(/internal error|heap out of memory/);
  // Nothing is extracted, nothing written: not in the folder, not where the names point.
  expect(snapshot(sandbox)).toEqual(before);
  for (const escaped of ['../outside.jsonl', '../../pax-outside.jsonl', '/etc/absolute.jsonl', 'outside.jsonl', 'windows.jsonl']) expect(existsSync(path.resolve(sandbox, escaped)), escaped).toBe(false);
  const read = /read (\d+) = scanned (\d+)/.exec(r.stderr);
  return { ...r, read: read ? Number(read[1]) : -1, errors: r.stderr.split('\n').filter((l) => l.startsWith('netral: error: ')) };
}

describe('zip bombs', () => {
  it('refuses entries that share their compressed data (300 names, one 9 MB kernel)', async () => {
    const r = await scanAlone('overlap.zip');
    expect(r.errors).toEqual(['netral: error: overlap.zip: entries share or overlap their compressed data (a zip bomb trick); not read']);
    expect(r.read).toBe(0);
    expect(r.exitCode).toBe(2);
  });

  it('stops an archive that inflates 1000:1 as a whole, though no entry alone trips the per-entry check', async () => {
    const r = await scanAlone('ratio.zip');
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors[0]).toMatch(/^netral: error: ratio\.zip!part\d\d\.jsonl: the archive as a whole: compression ratio \d+:1 \(\d+ MB from \d+ KB\) looks like a zip bomb; not read$/);
    expect(r.read).toBeLessThan(40);
    expect(r.exitCode).toBe(2);
  });

  it('stops an entry that inflates past the size its headers declare, and reads the rest', async () => {
    const r = await scanAlone('lying-size.zip');
    expect(r.errors).toEqual([expect.stringMatching(/^netral: error: lying-size\.zip!posts\.jsonl: damaged compressed data \(too many bytes in the stream\. expected 100\./)]);
    expect(r.read).toBe(1);
  });

  it('stops at the total-size cap', async () => {
    archiveLimits.maxTotalBytes = 5 * 1024 * 1024;
    archiveLimits.maxArchiveRatio = Infinity;
    const r = await readAll([path.join(HOSTILE, 'ratio.zip')]);
    expect(r.counts.find((c) => c.error)?.error).toMatch(/more than 5 MB uncompressed; stopped reading/);
  });
});

describe('names, links, duplicates and nesting', () => {
  it('zip: leaves out names that climb out, links, NUL names and the second of two names, saying why', async () => {
    const r = await scanAlone('names.zip');
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('netral: warning: '));
    expect(warnings).toEqual([
      `netral: warning: names.zip: entry "../outside.jsonl" left out: a '..' in its name`,
      `netral: warning: names.zip: entry "a/../../outside.jsonl" left out: a '..' in its name`,
      'netral: warning: names.zip: entry "/etc/absolute.jsonl" left out: an absolute name',
      'netral: warning: names.zip: entry "C:/windows.jsonl" left out: an absolute name',
      `netral: warning: names.zip: entry "../backslash.jsonl" left out: a '..' in its name`,
      'netral: warning: names.zip: entry "nul\\u0000.jsonl" left out: a NUL character in its name',
      'netral: warning: names.zip: entry "link.jsonl" left out: a symbolic link (links are not followed)',
      'netral: warning: names.zip: entry "dup.jsonl" left out: the archive holds this name twice (the first one is read)',
    ]);
    const ids = r.stdout.trim() === '' ? [] : r.stdout.trim().split('\n').map((l) => JSON.parse(l).post_id);
    expect(ids).not.toContain('evil-1');
    const all = await readAll([path.join(HOSTILE, 'names.zip')]);
    expect(all.posts.map((p) => p.id).sort()).toEqual(['dup-first', 'evil-7', 'ok-1']);
    // The one with escapes in its name is read (a name is only a name) and shown inert.
    expect(all.posts.find((p) => p.id === 'evil-7')!.source.file).toBe(`${path.join(HOSTILE, 'names.zip')}!\u202eevil\u001b[2J.jsonl`);
  });

  it('tar: the same, and a pax header cannot rename an entry out of the folder', async () => {
    const r = await scanAlone('names.tar');
    expect(r.stderr).toContain(`entry "../../pax-outside.jsonl" left out: a '..' in its name`);
    expect(r.stderr).toContain('entry "link.jsonl" left out: a link (links are not followed)');
    expect(r.stderr).toContain('entry "hard.jsonl" left out: a link (links are not followed)');
    expect(r.stderr).toContain('entry "fifo" left out: not a regular file (fifo)');
    const all = await readAll([path.join(HOSTILE, 'names.tar')]);
    expect(all.posts.map((p) => p.id).sort()).toEqual(['dup-first', 'ok-1']);
  });

  it('does not open archives inside archives, and a gzip bomb inside one is caught by its own ratio', async () => {
    const r = await scanAlone('nested.zip');
    expect(r.errors).toEqual([expect.stringMatching(/^netral: error: nested\.zip!bomb\.jsonl\.gz: compression ratio \d+:1 .* looks like a zip bomb; not read$/)]);
    expect(r.stderr).toContain('nested.zip!inner.tar.gz (a tar archive inside another archive is not opened)');
    expect(r.stderr).toContain('nested.zip!inner.zip (a zip archive inside another archive is not opened)');
    expect(r.read).toBe(1);
  });

  it('leaves out entries 20,000 or 100 folders deep, in bounded memory, and reads the rest', async () => {
    const r = await scanAlone('deep-path.zip');
    expect(r.errors).toEqual([]);
    expect(r.stderr).toContain(`netral: warning: deep-path.zip: entry "${'d/'.repeat(100)}…" left out: a name longer than 4096 characters`);
    expect(r.stderr).toContain(`netral: warning: deep-path.zip: entry "${'d/'.repeat(100)}…" left out: more than 64 folders deep`);
    expect(r.read).toBe(1);
  });
});

describe('tar archives that lie', () => {
  it.each(['huge-size.tar', 'huge-size-base256.tar'])('%s: a header declaring gigabytes behind a few bytes ends as a truncated archive', async (file) => {
    const r = await scanAlone(file);
    expect(r.errors).toEqual([`netral: error: ${file}: the tar archive ends early (truncated download?)`]);
  });

  it('reads many entries one by one in bounded work: re-reading stops with a clear message', async () => {
    // The whole archive is 4 MB uncompressed; finding each of its 200 entries again costs 400 MB without a cap.
    archiveLimits.rereadFloor = 8 * 1024 * 1024;
    archiveLimits.rereadFactor = 2;
    const file = path.join(HOSTILE, 'many-entries.tar.gz');
    const r = await readAll([file]);
    const stopped = r.counts.filter((c) => c.error);
    expect(stopped.length).toBeGreaterThan(0);
    expect(stopped[0].error).toMatch(/reading its entries one by one means reading the archive again from its start for each; stopped after 8 MB \(unpack the archive and give netral the folder\)$/);
    expect(r.posts.length).toBeLessThan(200);
  });

  it('reads all of them under the default limits', async () => {
    const r = await readAll([path.join(HOSTILE, 'many-entries.tar.gz')]);
    expect(r.posts).toHaveLength(200);
    expect(r.counts.filter((c) => c.error)).toEqual([]);
  });
});
