// docs/election-pack-guide.md tells an analyst how to check a pack and which period to audit; this holds those
// sentences to what netral does, on the fictional race of fixtures/new-election.

import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { cli, FIXTURES, ROOT, tempDir, writeFiles } from '../helpers/cli.js';

const doc = readFileSync(path.join(ROOT, 'docs', 'election-pack-guide.md'), 'utf8');
const DIR = path.join(FIXTURES, 'new-election');
const PACK = path.join(DIR, 'psu-pilbup-wanasari-2026.yaml');
const KOMENTAR = path.join(DIR, 'komentar.csv');
// komentar.csv:9, posted on 20 November 2026: the day before the vote, after the campaign ended on the 14th.
const QUIET_DAY_POST = 'Bismillah, 21 November coblos nomor 3';

describe('docs/election-pack-guide.md', () => {
  it('says that rules test runs the shipped examples with your pack loaded', async () => {
    expect(doc).toContain('`rules test --rules pilbup-sukamaju-2029.yaml` runs the examples of the shipped rules with your pack loaded');
    const r = await cli(['rules', 'test', '--rules', PACK]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\d+ passed, 0 failed/);
  });

  it('says that --campaign leaves out the quiet days and the vote, and --since/--until keep them', async () => {
    expect(doc).toContain('support posted then is left out of that run');
    const campaign = await cli(['scan', '--rules', PACK, '--campaign', 'psu-pilbup-wanasari-2026', KOMENTAR, '-f', 'jsonl']);
    expect(campaign.exitCode, campaign.stderr).toBe(0);
    expect(campaign.stdout).not.toContain(QUIET_DAY_POST);
    const whole = await cli(['scan', '--rules', PACK, '--since', '2026-09-01', '--until', '2026-11-30', KOMENTAR, '-f', 'jsonl']);
    expect(whole.exitCode, whole.stderr).toBe(0);
    expect(whole.stdout).toContain(QUIET_DAY_POST);
  });

  it("says that a single pair's race needs nothing for the empty column (kotak kosong), and what that finds", async () => {
    expect(doc).toContain('A pack\nwith a single pair needs nothing for it');
    expect(doc).toContain('`rules init-election --candidates 1` leaves an empty `against:`');
    const dir = tempDir();
    // The Wanasari race with its first pair only, as a race against the empty column.
    const full = readFileSync(PACK, 'utf8');
    const pack = full.slice(0, full.indexOf('    - number: 2')).replaceAll('psu-pilbup-wanasari-2026', 'pilbup-wanasari-2026');
    expect(pack).not.toContain('against');
    writeFiles(dir, { 'pack.yaml': pack });
    const explain = (text: string) => cli(['explain', text, '--date', '2026-11-01', '--rules', path.join(dir, 'pack.yaml'), '--election', 'pilbup-wanasari-2026', '-f', 'json']);
    const call = JSON.parse((await explain('Ayo coblos kotak kosong, lawan oligarki!')).stdout) as { findings: { rule_id: string; candidate: string; stance: string }[] };
    expect(call.findings).toContainEqual(expect.objectContaining({ rule_id: 'endorsement.against-phrase', candidate: 'pilbup-wanasari-2026:1', stance: 'against' }));
    for (const clean of ['Kotak kosong di gudang kantor numpuk, tolong dirapikan', 'Pemilih boleh mencoblos kolom kosong, suaranya sah. Simak tata cara pencoblosan dari KPU']) {
      expect((JSON.parse((await explain(clean)).stdout) as { findings: unknown[] }).findings, clean).toEqual([]);
    }
    const init = await cli(['rules', 'init-election', 'pilbup-x-2029', '--candidates', '1', '-o', path.join(dir, 'x.yaml')]);
    expect(init.exitCode, init.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'x.yaml'), 'utf8')).toMatch(/^ {6}against: \[\]$/m);
  });

  it('points at the fixture that shows a pack checked against posts of its region', () => {
    expect(doc).toContain('`fixtures/new-election/`');
    expect(readFileSync(path.join(DIR, 'expected.yaml'), 'utf8')).toMatch(/^violation:/m);
  });
});
