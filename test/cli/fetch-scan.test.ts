// End to end: posts fetched from a (local) Mastodon server are scanned and the campaign post is found, through a
// real pipe between two netral processes, and in one step with `netral scan --fetch` (the cron form).

import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bin, cli, tempDir, writeFiles } from '../helpers/cli.js';
import { blueskySiti, fixture, mastodonAlice, send, TestServer } from '../helpers/http-server.js';

const server = await TestServer.start();

beforeEach(() => server.reset());

interface FindingLine {
  post_id: string;
  rule_id: string;
  candidate: string | null;
  verdict: string;
  source: { file: string; record?: number };
}

const findings = (s: string): FindingLine[] => s.split('\n').filter(Boolean).map((l) => JSON.parse(l) as FindingLine);

describe('netral fetch | netral scan', () => {
  it('finds "Ayo coblos 02! #PrabowoGibran2024" (January 2024) in posts fetched by another process', async () => {
    mastodonAlice(server);
    const fetched = await bin(['fetch', `mastodon:@alice@${server.host}`, '--rate', '1000']);
    expect(fetched.exitCode).toBe(0);
    const scanned = await bin(['scan', '-f', 'jsonl'], { stdin: fetched.stdout });
    expect(scanned.exitCode).toBe(0);
    const fs = findings(scanned.stdout);
    const hits = fs.filter((f) => f.post_id === '111790000000000006');
    expect(hits.map((f) => f.rule_id)).toEqual(expect.arrayContaining(['endorsement.vote-call', 'campaign_hashtag.candidate-tag']));
    expect(hits.every((f) => f.verdict === 'violation' && f.candidate === 'pilpres-2024:2')).toBe(true);
    // Findings point back at the fetched account and record, not at stdin.
    expect(hits[0].source).toEqual({ file: `mastodon:@alice@${server.host}`, record: 1 });
    // The boost of campaign material is found too.
    expect(fs.some((f) => f.post_id === '111780000000000005')).toBe(true);
    // The ordinary posts are not.
    expect(fs.some((f) => f.post_id === '111770000000000004' || f.post_id === '111600000000000002')).toBe(false);
    expect(scanned.stderr).toContain('read 5 = scanned 5 + skipped 0');
  });
});

describe('netral fetch | netral scan --from jsonl', () => {
  it('reads a run that fetched a single post, or nothing new, as post records', async () => {
    mastodonAlice(server);
    const one = await cli(['fetch', `mastodon:@alice@${server.host}`, '--rate', '1000', '--max-posts', '1']);
    expect(one.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    const scanned = await cli(['scan', '--from', 'jsonl', '-f', 'json'], { stdin: one.stdout });
    expect((JSON.parse(scanned.stdout) as { summary: unknown }).summary).toMatchObject({ read: 1, scanned: 1, skipped: 0 });
    const empty = await cli(['scan', '--from', 'jsonl', '-f', 'json'], { stdin: '' });
    expect(empty.exitCode).toBe(0);
    expect((JSON.parse(empty.stdout) as { summary: unknown }).summary).toMatchObject({ read: 0, scanned: 0, skipped: 0 });
  });
});

describe('netral scan --fetch', () => {
  it("accuses no one on the strength of a page's title: a JavaScript login page is an input error, not a post", async () => {
    server.on('/spa.html', (_q, res) => send(res, 200, 'text/html; charset=utf-8', fixture('html/app-shell.html')));
    const r = await cli(['scan', '--fetch', `${server.origin}/spa.html`, '--fetch-rate', '1000', '-f', 'json']);
    expect(r.exitCode).toBe(2);
    const report = JSON.parse(r.stdout) as { findings: unknown[]; summary: { read: number; inputs: unknown[] } };
    expect(report.findings).toEqual([]);
    expect(report.summary.read).toBe(0);
    expect(r.stderr).toContain(`netral: error: ${server.origin}/spa.html: no post found on the page titled "Login · Relawan Prabowo Gibran 02"`);
  });

  it('fetches, scans and reports in one step, with the accounts as inputs in the summary', async () => {
    mastodonAlice(server);
    const r = await cli(['scan', '--fetch', `mastodon:@alice@${server.host}`, '--fetch-rate', '1000', '-f', 'json', '--fail-on', 'high']);
    expect(r.exitCode).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: FindingLine[]; summary: { read: number; scanned: number; skipped: number; inputs: unknown[] } };
    expect(report.findings.some((f) => f.post_id === '111790000000000006' && f.candidate === 'pilpres-2024:2')).toBe(true);
    expect(report.summary).toMatchObject({ read: 6, scanned: 5, skipped: 1 });
    expect(report.summary.inputs).toEqual([{ input: `mastodon:@alice@${server.host}`, format: 'fetch:mastodon', read: 6, scanned: 5, skipped: 1 }]);
    expect(r.stderr).toContain(`netral: mastodon:@alice@${server.host}: 5 posts, 1 skipped, 2 pages`);
  });

  it('scans files and fetched accounts together; a failed account makes the exit code 2 but its neighbours are reported', async () => {
    mastodonAlice(server);
    blueskySiti(server);
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', (_q, res) => send(res, 200, 'text/html', '<html><body>Sedang pemeliharaan</body></html>'));
    const dir = tempDir();
    const state = path.join(dir, 'state.json');
    const r = await cli([
      'scan',
      path.join('fixtures', 'demo', 'posts.jsonl'),
      '--fetch',
      `mastodon:@alice@${server.host}`,
      '--fetch',
      'bluesky:siti.bsky.social',
      '--fetch-bluesky-api',
      server.origin,
      '--fetch-rate',
      '1000',
      '--fetch-state',
      state,
      '-f',
      'jsonl',
    ]);
    expect(r.exitCode).toBe(2);
    const fs = findings(r.stdout);
    expect(fs.some((f) => f.post_id === '111790000000000006')).toBe(true);
    expect(fs.some((f) => f.source.file.endsWith('posts.jsonl'))).toBe(true);
    expect(r.stderr).toContain('netral: error: bluesky:siti.bsky.social: author feed: got an HTML page where JSON was expected');
    // The state remembers the account that completed, after the report was written.
    expect(Object.keys(JSON.parse(readFileSync(state, 'utf8')).accounts)).toEqual([`mastodon:@alice@${server.host}`]);
  });

  it('fetches a roster in the cron form and reports the campaign posts of both platforms', async () => {
    mastodonAlice(server);
    blueskySiti(server);
    const dir = tempDir();
    writeFiles(dir, { 'pegawai.csv': fixture('roster.csv').replace('@alice@HOST', `@alice@${server.host}`) });
    const r = await cli(['scan', '--fetch-roster', path.join(dir, 'pegawai.csv'), '--fetch-bluesky-api', server.origin, '--fetch-rate', '1000', '-f', 'jsonl']);
    // Exit 2: the roster has two unusable rows, which are named on stderr; the accounts it lists are scanned.
    expect(r.exitCode).toBe(2);
    const fs = findings(r.stdout);
    expect(fs.some((f) => f.post_id === '111790000000000006')).toBe(true);
    expect(fs.some((f) => f.source.file === 'bluesky:siti.bsky.social' && f.candidate === 'pilpres-2024:2')).toBe(true);
    expect(r.stderr).toMatch(/pegawai\.csv:5: NIP/);
  });

  it('scans the fetched accounts before the files given with them', async () => {
    mastodonAlice(server);
    const file = path.join('fixtures', 'demo', 'posts.jsonl');
    const r = await cli(['scan', file, '--fetch', `mastodon:@alice@${server.host}`, '--fetch-rate', '1000', '-f', 'jsonl']);
    // Findings come in the order posts are scanned: every finding of the account, then those of the file.
    const order = findings(r.stdout).map((f) => f.source.file);
    expect(new Set(order)).toEqual(new Set([`mastodon:@alice@${server.host}`, file]));
    expect(order).toEqual([...order].sort((x, y) => Number(x === file) - Number(y === file)));
  });

  it('says a --fetch-* setting needs something to fetch', async () => {
    const r = await cli(['scan', path.join('fixtures', 'demo', 'posts.jsonl'), '--fetch-state', 'x.json']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--fetch-state needs something to fetch: add --fetch SOURCE or --fetch-roster FILE');
  });

  it('does not wait for stdin when only fetching', async () => {
    mastodonAlice(server);
    const r = await bin(['scan', '--fetch', `mastodon:@alice@${server.host}`, '--fetch-rate', '1000', '-f', 'jsonl'], { timeoutMs: 20_000 });
    expect(r.exitCode).toBe(0);
    expect(findings(r.stdout).length).toBeGreaterThan(0);
  });
});
