// The benchmark's input generator: deterministic (the figures of two runs compare the same bytes) and producing
// records that netral reads without a skip, with the intended mix of clean posts, reviews and violations.

import { describe, expect, it } from 'vitest';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
// @ts-expect-error plain JavaScript module without type declarations
import { writePosts } from '../../bench/generate.js';
import { cli, tempDir } from '../helpers/cli.js';

function generate(count: number, seed: number): string {
  const file = path.join(tempDir(), `posts-${count}-${seed}.jsonl`);
  const fd = openSync(file, 'w');
  writePosts(fd, count, seed);
  closeSync(fd);
  return readFileSync(file, 'utf8');
}

describe('bench/generate.js', () => {
  it('gives the same bytes for the same seed and different posts for another seed', () => {
    const a = generate(2000, 7);
    expect(generate(2000, 7)).toBe(a);
    expect(generate(2000, 8)).not.toBe(a);
    expect(a.split('\n').filter((l) => l !== '')).toHaveLength(2000);
  });

  it('writes posts netral reads in full, mostly clean with some reviews and violations', async () => {
    const text = generate(3000, 42);
    const posts = text.trim().split('\n').map((l) => JSON.parse(l) as { platform: string; created_at: unknown });
    expect(new Set(posts.map((p) => p.platform)).size).toBeGreaterThanOrEqual(5);
    const r = await cli(['scan', '-', '--format', 'json'], { stdin: text });
    expect(r.exitCode).toBe(0);
    const s = JSON.parse(r.stdout).summary as { read: number; scanned: number; skipped: number; by_verdict?: Record<string, number> };
    expect(s.read).toBe(3000);
    expect(s.scanned).toBe(3000);
    expect(s.skipped).toBe(0);
    // Flagged posts are a minority, as in real exports, but present.
    const flagged = r.stderr.match(/(\d+) posts flagged as violation, (\d+) for review/);
    expect(flagged).not.toBeNull();
    const [violations, reviews] = [Number(flagged![1]), Number(flagged![2])];
    expect(violations).toBeGreaterThan(60);
    expect(violations + reviews).toBeLessThan(600);
  });
});
