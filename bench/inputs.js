// Shared by the benchmark scripts: building netral when its sources changed, and the cached generated inputs.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePosts } from './generate.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = path.join(ROOT, 'bench', 'out');
export const BIN = path.join(ROOT, 'bin', 'netral.js');

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Runs tsc when dist/ is missing or older than any source file, so the benchmark measures the current code. */
export function buildIfNeeded(log) {
  const entry = path.join(ROOT, 'dist', 'cli', 'run.js');
  const stale = !existsSync(entry) || newestMtime(path.join(ROOT, 'src')) > statSync(entry).mtimeMs;
  if (!stale) return;
  log('building (dist/ is older than src/)…');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.json')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

/**
 * The generated input of `count` posts, written once and cached in bench/out/. The file name carries a hash of the
 * generator's source, so any change to the generator produces fresh inputs instead of reusing stale ones.
 */
export function postsFile(count, seed, log) {
  const gen = readFileSync(path.join(ROOT, 'bench', 'generate.js'));
  const tag = createHash('sha256').update(gen).digest('hex').slice(0, 8);
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `posts-${count}-s${seed}-${tag}.jsonl`);
  if (existsSync(file)) return file;
  log(`generating ${count.toLocaleString('en-US')} posts → ${path.relative(ROOT, file)}…`);
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writePosts(fd, count, seed);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  return file;
}
