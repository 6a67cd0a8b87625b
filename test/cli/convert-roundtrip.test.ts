// `netral convert X | netral scan` must give the findings of `netral scan X`, for every input fixture the repo has.
// Fixtures are discovered when the test runs (fixtures/demo, fixtures/labelled/*.jsonl, every file and folder in
// fixtures/exports), so formats added later are covered without touching this file.

import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { cli, FIXTURES, tempDir } from '../helpers/cli.js';
import { validJsonl } from '../helpers/post-schema.js';

const dir = tempDir('netral-roundtrip-');

/** Inputs a user would give scan: data files and folders, not notes about them. */
function entries(folder: string, keep: (name: string) => boolean = () => true): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((n) => !n.startsWith('.') && !/\.md$/i.test(n) && keep(n))
    .sort()
    .map((n) => path.join(folder, n));
}

const INPUTS = [...entries(path.join(FIXTURES, 'demo')), ...entries(path.join(FIXTURES, 'labelled'), (n) => n.endsWith('.jsonl')), ...entries(path.join(FIXTURES, 'exports'))];

function findings(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .sort();
}

const fingerprints = (f: string[]) => f.map((l) => (JSON.parse(l) as { fingerprint: string }).fingerprint).sort();

let totalFindings = 0;

describe.each(INPUTS.map((p) => [path.relative(FIXTURES, p), p]))('round trip of fixtures/%s', (_name, input) => {
  let direct: { exitCode: number; findings: string[] };
  let converted: string;

  it('convert reads it as scan does and writes records valid against the schema', async () => {
    const s = await cli(['scan', '-f', 'jsonl', input]);
    direct = { exitCode: s.exitCode, findings: findings(s.stdout) };
    totalFindings += direct.findings.length;
    const c = await cli(['convert', input]);
    expect(c.exitCode).toBe(s.exitCode);
    converted = c.stdout;
    const recs = validJsonl(converted);
    const scanned = /read (\d+) = scanned (\d+) \+ skipped (\d+)/.exec(s.stderr);
    expect(scanned).not.toBeNull();
    // A fixture folder holds some downloads twice (a zip and its unpacked folder): convert writes every copy, scan
    // skips the copies of a post with findings that it read before, and says how many.
    const repeated = Number(/(\d+) post\(s\) were read more than once/.exec(s.stderr)?.[1] ?? 0);
    const [read, conv, skipped] = [Number(scanned![1]), Number(scanned![2]) + repeated, Number(scanned![3]) - repeated];
    expect(c.stderr).toMatch(new RegExp(`netral: read ${read} = converted ${conv} \\+ skipped ${skipped}\\n$`));
    expect(recs).toHaveLength(conv);
  });

  it('convert | scan gives the same findings, still pointing at the original file', async () => {
    const r = await cli(['scan', '-f', 'jsonl'], { stdin: converted });
    if (converted !== '') expect(r.exitCode).toBe(0);
    const back = findings(r.stdout);
    expect(fingerprints(back)).toEqual(fingerprints(direct.findings));
    expect(back).toEqual(direct.findings);
    for (const f of back) expect((JSON.parse(f) as { source: { file: string } }).source.file).not.toBe('-');
  });

  it('convert -f csv (plain and --excel), then scan, gives the same findings and reads back the same records', async () => {
    for (const extra of [[], ['--excel']]) {
      const csv = path.join(dir, `${path.basename(input)}${extra.length ? '.excel' : ''}.csv`);
      const c = await cli(['convert', '-q', '-f', 'csv', ...extra, '-o', csv, input]);
      expect(c.exitCode).toBe(direct.exitCode);
      const r = await cli(['scan', '-f', 'jsonl', csv]);
      expect(r.exitCode).toBe(0);
      expect(findings(r.stdout)).toEqual(direct.findings);
      const back = await cli(['convert', '-q', csv]);
      expect(back.stdout).toBe(converted);
    }
  });

  it('converting its own output changes nothing', async () => {
    const again = await cli(['convert', '-q'], { stdin: converted });
    expect(again.stdout).toBe(converted);
  });
});

describe('the round trip covers real findings', () => {
  it('found fixtures, and findings among them', () => {
    expect(INPUTS.length).toBeGreaterThanOrEqual(9);
    expect(totalFindings).toBeGreaterThan(50);
  });
});
