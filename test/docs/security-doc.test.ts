// docs/security.md states limits as numbers; this keeps them equal to the code's, so the page stays true when a
// limit changes.

import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { archiveLimits } from '../../src/sources/archive/limits.js';
import { REGEX_WINDOW_CHARS } from '../../src/rules/regex-safety.js';
import { MAX_LINE_BYTES } from '../../src/sources/lines.js';
import { MAX_ELEMENT_BYTES } from '../../src/sources/json-elements.js';
import { cli, ROOT } from '../helpers/cli.js';

const doc = readFileSync(path.join(ROOT, 'docs', 'security.md'), 'utf8');
const MB = 1024 * 1024;

describe('docs/security.md', () => {
  it('states the archive limits the code applies', () => {
    expect(doc).toContain(`more than ${archiveLimits.maxRatio}:1 (beyond its first ${archiveLimits.ratioFloor / MB} MB)`);
    expect(doc).toContain(`more than ${archiveLimits.maxArchiveRatio}:1 as a whole`);
    expect(doc).toContain(`more than ${archiveLimits.maxTotalBytes / 1024 ** 3} GB read out of one archive, more than ${archiveLimits.maxEntries.toLocaleString('en')} entries`);
    expect(doc).toContain(`past ${archiveLimits.rereadFactor} × the archive's size (at least ${archiveLimits.rereadFloor / 1024 ** 3} GB)`);
  });

  it('states the record and regex limits the code applies', () => {
    expect(MAX_LINE_BYTES).toBe(MAX_ELEMENT_BYTES);
    expect(doc).toContain(`A line, a JSON record or a CSV record larger than ${MAX_LINE_BYTES / MB} MB`);
    expect(doc).toContain(`a regex sees at most ${REGEX_WINDOW_CHARS} characters around its keyword`);
  });

  it('states the fetch defaults that `netral fetch --help` shows', async () => {
    const help = (await cli(['fetch', '--help'])).stdout.replace(/\s+/g, ' ');
    for (const [doc_, opt] of [
      ['at most 5 (`--max-redirects`)', /--max-redirects <n> .*?\(default: 5\)/],
      ['limited to 20 MB (`--max-body-size`', /--max-body-size <size> .*?\(default: 20MB\)/],
      ['30 s to connect', /--timeout <seconds> .*?\(default: 30\)/],
      ['at most 4 per request and 100 per run', /--retry-budget <n> .*?\(default: 100\)/],
      ['longer than 300 s', /--max-wait <seconds> .*?\(default: 300\)/],
      ['One request per second per host by default (`--rate`)', /--rate <n> .*?\(default: 1\)/],
    ] as const) {
      expect(doc).toContain(doc_);
      expect(help).toMatch(opt);
    }
  });

  it('names test files that exist', () => {
    for (const m of doc.matchAll(/`(test\/[^`*]+\.test\.ts)`/g)) expect(existsSync(path.join(ROOT, m[1])), m[1]).toBe(true);
    expect(existsSync(path.join(ROOT, 'fixtures', 'hostile', 'build.mjs'))).toBe(true);
  });
});
