// Mistakes in a file the user wrote (audit.yml, a baseline) are listed in reading order — by line, then column —
// as rule-pack problems are, not in the order the checks happened to find them (field by field).

import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { cli, FIXTURES, tempDir, writeFiles } from '../helpers/cli.js';

const POSTS = path.join(FIXTURES, 'demo', 'posts.jsonl');

/** The `file:line:col` of each problem listed under the error's heading. */
const places = (stderr: string, file: string): string[] =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith(`  ${file}:`))
    .map((l) => l.slice(2 + file.length + 1).split(':').slice(0, 2).join(':'));

describe('problems in a file the user wrote are in reading order', () => {
  it('audit.yml: sources (checked first) at the end of the file is listed last', async () => {
    const dir = tempDir();
    // Checked in this order: sources, lang, outputs.
    writeFiles(dir, { 'audit.yml': 'lang: xx\noutputs:\n  - format: pdf\n    file: x.pdf\nsources: 5\n' });
    const config = path.join(dir, 'audit.yml');
    const r = await cli(['audit', '--config', config]);
    expect(r.exitCode).toBe(2);
    expect(places(r.stderr, config)).toEqual(['1:7', '3:13', '5:10']);
    // The cron log's one line lists them in the same order.
    expect(JSON.parse(r.stderr.trim().split('\n').at(-1)!).error).toMatch(/audit\.yml:1:7: lang .*audit\.yml:3:13: an output's format .*audit\.yml:5:10: sources /);
  });

  it('a baseline: the version (checked first) after the findings is listed after them', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'baseline.yml': 'findings:\n  - fingerprint: 0123456789abcdef01234567\n    decision: maybe\n  - fingerprint: 0123456789abcdef0123456z\nnetral_baseline: 2\n',
    });
    const file = path.join(dir, 'baseline.yml');
    const r = await cli(['scan', POSTS, '--baseline', file]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/the baseline has 3 mistakes; nothing was run:\n/);
    expect(places(r.stderr, file)).toEqual(['3:15', '4:18', '5:18']);
  });
});
