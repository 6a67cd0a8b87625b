import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bin, cli, tempDir } from '../helpers/cli.js';
import { exportsPath } from '../helpers/read.js';

interface Report {
  summary: { read: number; scanned: number; skipped: number; inputs: { input: string; format: string; read: number; scanned: number; skipped: number; error?: string }[] };
  findings: { post_id: string; verdict: string; source: { file: string } }[];
}

async function scan(args: string[]): Promise<{ exitCode: number; report: Report; stderr: string }> {
  const r = await cli(['scan', ...args, '-f', 'json']);
  return { exitCode: r.exitCode, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

const flagged = (r: Report) => new Set(r.findings.filter((f) => f.verdict === 'violation').map((f) => f.post_id));

// One obvious violation per sample ("Ayo coblos 02!" and the like, dated in a campaign period).
const CASES: [string, string][] = [
  ['x-archive', '1748540851614650369'],
  ['facebook', 'facebook-post-1705719600-75c28335d2e4'],
  ['instagram', 'instagram-post-1728097200-f328e122809d'],
  ['tiktok', '7327432100000000001'],
  ['mastodon', '111780000000000002'],
  ['mastodon-api', '111780000000000002'],
  ['bluesky', 'at://did:plc:agungwbs0000000000000001/app.bsky.feed.post/3kz1aaaaaaaa1'],
  ['apify-instagram', '3471234567890123456'],
  ['apify-tiktok', '7327432100000000001'],
  ['apify-facebook', 'pfbid02AbCdEfGh1234567890'],
  ['snscrape', '1748540851614650369'],
  ['twarc2', '1748540851614650369'],
  ['instaloader', 'DAbCdEfGhIj'],
];

describe('netral scan on platform downloads and collector outputs', () => {
  it.each(CASES)('finds the violation in fixtures/exports/%s', async (dir, id) => {
    const { exitCode, report } = await scan([exportsPath(dir)]);
    expect(exitCode).toBe(0);
    expect(flagged(report)).toContain(id);
    expect(report.summary.read).toBe(report.summary.scanned + report.summary.skipped);
    for (const i of report.summary.inputs) expect(i.error).toBeUndefined();
  });

  it('counts an archive as one input, names entries in sources, and exits 1 with --fail-on', async () => {
    const zip = exportsPath('facebook/facebook-siti.rahmawati.77-2024-03-01.zip');
    const r = await cli(['scan', zip, '-f', 'json', '--fail-on', 'high']);
    expect(r.exitCode).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.summary.inputs).toEqual([{ input: zip, format: 'facebook', read: 14, scanned: 11, skipped: 3 }]);
    expect(report.findings.every((f) => f.source.file.startsWith(`${zip}!facebook-siti.rahmawati.77-2024-03-01-Xy7Zq/your_facebook_activity/`))).toBe(true);
  });

  it('does not report a neutrality reminder', async () => {
    const { report } = await scan([exportsPath('bluesky/getAuthorFeed-agungwbs.json'), exportsPath('facebook/download-2023')]);
    const ids = new Set(report.findings.map((f) => f.post_id));
    expect(ids).not.toContain('at://did:plc:agungwbs0000000000000001/app.bsky.feed.post/3kz1cccccccc3');
    expect(ids).not.toContain('facebook-post-1686538800-aa84414cbe72');
  });

  it('scans followers-only posts only with --include-private', async () => {
    const dir = exportsPath('mastodon/archive-2024');
    const followersOnly = '111800000000000004';
    expect(flagged((await scan([dir])).report)).not.toContain(followersOnly);
    expect(flagged((await scan([dir, '--include-private'])).report)).toContain(followersOnly);
  });

  it('reads with --from, and lists the format ids when --from is unknown', async () => {
    const ok = await scan([exportsPath('mastodon/archive-2024'), '--from', 'mastodon-archive']);
    expect(ok.report.summary.inputs[0].format).toBe('mastodon-archive');
    const bad = await cli(['scan', exportsPath('mastodon'), '--from', 'mastodon']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/--from: unknown format "mastodon"; known: .*mastodon-archive, mastodon-api/);
  });

  it('keeps stdout for the report and names a bad archive on stderr (real process)', async () => {
    const r = await bin(['scan', exportsPath('x-archive/twitter-2024-03-01-budi_santoso88.zip'), exportsPath('bad/truncated.zip'), '-f', 'jsonl']);
    expect(r.exitCode).toBe(2);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(JSON.parse(l)).toHaveProperty('rule_id');
    expect(r.stderr).toContain(`netral: error: ${exportsPath('bad/truncated.zip')}: not a complete zip archive`);
  });
});

describe('a download with an empty file among its files', () => {
  it('reads the other files: a zero-byte reels.json holds no record, it does not stop the download', async () => {
    const dir = path.join(tempDir(), 'instagram');
    cpSync(exportsPath('instagram/download-2024'), dir, { recursive: true });
    const whole = await cli(['scan', dir, '-f', 'json']);
    writeFileSync(path.join(dir, 'your_instagram_activity', 'media', 'reels.json'), '');
    const r = await cli(['scan', dir, '-f', 'json']);
    expect(r.exitCode, r.stderr).toBe(whole.exitCode);
    const read = (out: string) => (JSON.parse(out) as { summary: { read: number } }).summary.read;
    // Only reels.json's own records are gone.
    expect(read(r.stdout)).toBeGreaterThan(0);
    expect(read(r.stdout)).toBeLessThan(read(whole.stdout));
    expect(r.stderr).not.toMatch(/not JSON/);
  });
});

describe('a Meta file written on one line', () => {
  it('reads as the same records as the indented file ({"comments_v2": […]} is no JSON Lines record)', async () => {
    const dir = path.join(tempDir(), 'facebook');
    cpSync(exportsPath('facebook/download-2024'), dir, { recursive: true });
    const summary = async () => (JSON.parse((await cli(['scan', dir, '-f', 'json'])).stdout) as { summary: { read: number; scanned: number; findings: number } }).summary;
    const indented = await summary();
    const file = path.join(dir, 'your_facebook_activity', 'comments_and_reactions', 'comments.json');
    writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))));
    expect(readFileSync(file, 'utf8')).not.toContain('\n');
    const oneLine = await summary();
    expect([oneLine.read, oneLine.scanned, oneLine.findings]).toEqual([indented.read, indented.scanned, indented.findings]);
  });
});
