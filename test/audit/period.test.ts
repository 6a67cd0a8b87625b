import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { cli, jsonl, tempDir, writeFiles } from '../helpers/cli.js';
import { placeInPeriod, resolvePeriod } from '../../src/audit/period.js';
import { loadRuleSet } from '../../src/rules/load.js';

const dir = tempDir();
// The same text at the edges of the Pilpres 2024 campaign (28 Nov 2023 – 10 Feb 2024, days in WIB).
const TEXT = 'Ayo coblos 02 Prabowo-Gibran, lanjutkan! #PrabowoGibran2024';
const posts = [
  { id: 'p1', created_at: '2023-11-27T23:59:00+07:00' }, // the evening before the campaign
  { id: 'p2', created_at: '2023-11-28T00:00:00+07:00' }, // its first minute
  { id: 'p3', created_at: '2024-02-10T23:59:00+07:00' }, // its last minute
  { id: 'p4', created_at: '2024-02-11T00:00:00+07:00' }, // masa tenang
  { id: 'p5' }, // no date
].map((p) => ({ ...p, platform: 'x', author: 'rudi', text: TEXT }));
writeFiles(dir, { 'edges.jsonl': jsonl(posts) });
const FILE = path.join(dir, 'edges.jsonl');

async function ids(args: string[]): Promise<{ ids: string[]; summary: Record<string, unknown> }> {
  const r = await cli(['scan', FILE, '-f', 'json', ...args]);
  expect(r.stderr).not.toMatch(/error/);
  const doc = JSON.parse(r.stdout);
  return { ids: [...new Set((doc.findings as { post_id: string }[]).map((f) => f.post_id))].sort(), summary: doc.summary };
}

describe('periods', () => {
  it('--campaign takes the window from the election pack, whole days in the report zone', async () => {
    const { ids: got, summary } = await ids(['--campaign', 'pilpres-2024']);
    expect(got).toEqual(['p2', 'p3', 'p5']);
    expect(summary.period).toMatchObject({ campaign: 'pilpres-2024', since: '2023-11-27T17:00:00Z', until: '2024-02-10T17:00:00Z', before: 1, after: 1, undated: 1 });
    // nothing is lost: read = scanned + skipped + outside the period
    expect(summary).toMatchObject({ read: 5, scanned: 3, skipped: 0 });
  });

  it('--since/--until are inclusive days in --tz, and narrow a campaign window', async () => {
    expect((await ids(['--since', '2023-11-28', '--until', '2024-02-10'])).ids).toEqual(['p2', 'p3', 'p5']);
    // In WIT (UTC+9) the same days start two hours earlier: p1 (23:59 WIB = 01:59 WIT on the 28th) is inside.
    expect((await ids(['--since', '2023-11-28', '--until', '2024-02-10', '--tz', 'Asia/Jayapura'])).ids).toEqual(['p1', 'p2', 'p5']);
    expect((await ids(['--campaign', 'pilpres-2024', '--since', '2024-01-01'])).ids).toEqual(['p3', 'p5']);
    // A time with an offset is taken as given.
    expect((await ids(['--until', '2023-11-28T00:00:00+07:00'])).ids).toEqual(['p1', 'p2', 'p5']);
  });

  it('says how many posts fell outside the period in the terminal summary', async () => {
    const r = await cli(['scan', FILE, '--campaign', 'pilpres-2024']);
    // (Fitted to 80 columns: the zone goes to a continuation line.)
    expect(r.stdout).toContain('\n  Period: campaign period of pilpres-2024: 2023-11-28 – 2024-02-10\n    (Asia/Jakarta)\n');
    expect(r.stdout).toMatch(/read 5 = scanned 3 \+ skipped 0 \+ outside the period 2/);
    expect(r.stdout).toMatch(/1 post without a date scanned and reported anyway/);
  });

  it('refuses unknown elections, bad dates and empty periods with exit 2', async () => {
    const a = await cli(['scan', FILE, '--campaign', 'pilkada-atlantis-2099']);
    expect(a.exitCode).toBe(2);
    expect(a.stderr).toMatch(/--campaign: unknown election "pilkada-atlantis-2099"; loaded: .*pilpres-2024/);
    const b = await cli(['scan', FILE, '--since', '2024-02-30']);
    expect(b.exitCode).toBe(2);
    expect(b.stderr).toMatch(/--since: 2024-02-30 is not a date/);
    const c = await cli(['scan', FILE, '--since', '2024-03-01', '--until', '2024-02-01']);
    expect(c.exitCode).toBe(2);
    expect(c.stderr).toMatch(/the period is empty/);
  });

  it('places times against the bounds (unit)', async () => {
    const rs = await loadRuleSet();
    const p = resolvePeriod({ campaign: 'pilkada-jabar-2024' }, rs.elections, 'Asia/Jakarta')!;
    expect(p.label).toEqual({ since: '2024-09-25', until: '2024-11-23' });
    expect(placeInPeriod(p, '2024-09-24T16:59:59Z')).toBe('before');
    expect(placeInPeriod(p, '2024-09-24T17:00:00Z')).toBe('in');
    expect(placeInPeriod(p, '2024-11-23T16:59:59Z')).toBe('in');
    expect(placeInPeriod(p, '2024-11-23T17:00:00Z')).toBe('after');
    expect(placeInPeriod(p, null)).toBe('undated');
  });
});
