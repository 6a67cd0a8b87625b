// netral audit with `- fetch:` sources: accounts collected over HTTP (from a real server on 127.0.0.1) are scanned
// with the files, their evidence is archived, and the state makes the next run fetch only what is new.

import { beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { cli, tempDir, writeFiles } from '../helpers/cli.js';
import { mastodonAlice, TestServer, webfingerAlice } from '../helpers/http-server.js';

const server = await TestServer.start();
/** A second server, for an account that lives elsewhere than its handle's domain. */
const home = await TestServer.start();
beforeEach(() => {
  server.reset();
  home.reset();
});

/** A folder with an audit.yml of these sources (YAML list items) and one JSON report, and one post in data/. */
const setup = (sources: string) => {
  const dir = tempDir('netral-audit-fetch-');
  writeFiles(dir, { 'audit.yml': `sources:\n${sources}outputs:\n  - format: json\n    file: out.json\n`, 'data/posts.jsonl': JSON.stringify({ id: 'f1', author: 'budi', text: 'Rapat pagi di kantor', created_at: '2024-01-20T10:00:00+07:00' }) + '\n' });
  return dir;
};
const audit = (dir: string) => cli(['audit', '--config', path.join(dir, 'audit.yml')], { env: { NETRAL_FETCH_DELAY_SCALE: '0' } });
/** The audit's JSON summary line (an error message may follow it). */
const summaryOf = (stderr: string) => JSON.parse(stderr.trim().split('\n').filter((l) => l.startsWith('{')).pop()!);

describe('netral audit with fetch sources', () => {
  it('fetches, scans with the files, archives the evidence and keeps state for the next run', async () => {
    mastodonAlice(server);
    const dir = setup(`  - data/
  - fetch: mastodon:@alice@${server.host}
    archive: evidence/
    state: state/fetch.json
`);
    const r = await audit(dir);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8'));
    const hit = doc.findings.find((f: { post_id: string }) => f.post_id === '111790000000000006');
    expect(hit).toMatchObject({ candidate: 'pilpres-2024:2', verdict: 'violation', source: { file: `mastodon:@alice@${server.host}` } });
    expect(hit.evidence_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.summary.inputs.map((i: { input: string }) => i.input)).toEqual([`mastodon:@alice@${server.host}`, path.join(dir, 'data', 'posts.jsonl')]);
    expect(readdirSync(path.join(dir, 'evidence'))).toContain('manifest.jsonl');
    expect(existsSync(path.join(dir, 'state', 'fetch.json'))).toBe(true);
    const summary = summaryOf(r.stderr);
    expect(summary).toMatchObject({ status: 'ok', exit_code: 0, inputs_failed: 0 });

    // The next run asks only for what is newer than the state.
    const pagesBefore = server.hits('/api/v1/accounts/').length;
    const again = await audit(dir);
    expect(again.exitCode).toBe(0);
    const doc2 = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8'));
    expect(doc2.findings.some((f: { post_id: string }) => f.post_id === '111790000000000006')).toBe(false);
    expect(server.hits('/api/v1/accounts/').length - pagesBefore).toBeLessThan(pagesBefore);
  });

  it('a failing account is an input error (exit 2); the files are still reported', async () => {
    const dir = setup(`  - data/
  - fetch: mastodon:@ghost@${server.host}
`);
    const r = await audit(dir);
    expect(r.exitCode).toBe(2);
    expect(JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')).summary.scanned).toBe(1);
    expect(summaryOf(r.stderr)).toMatchObject({ status: 'input_errors', exit_code: 2 });
  });

  it('refuses fetch sources that name different archives, naming their lines', async () => {
    const dir = setup(`  - fetch: mastodon:@alice@${server.host}
    archive: evidence-a/
  - fetch: rss:http://${server.host}/feed.xml
    archive: evidence-b/
`);
    const r = await audit(dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/the fetch sources name different archive folders; one run keeps one/);
    expect(r.stderr).toMatch(/audit\.yml:3:14: archive: .*evidence-a/);
    expect(r.stderr).toMatch(/audit\.yml:5:14: archive: .*evidence-b/);
    expect(existsSync(path.join(dir, 'out.json'))).toBe(false);
  });

  it('fetch: roster needs a roster in the config', async () => {
    const dir = setup(`  - fetch: roster
`);
    const r = await audit(dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/audit\.yml:2: fetch: roster needs a roster: file in the config/);
  });

  it('fetch: roster uses the roster read for attribution: read once, each of its warnings printed once', async () => {
    mastodonAlice(server);
    const dir = setup(`  - fetch: roster
roster: pegawai.csv
`);
    // An unknown column is a roster warning; a second read of the file would print it a second time.
    writeFiles(dir, { 'pegawai.csv': `nip,nama,golongan,instagram,mastodon\n198501012010011001,Alice,III/a,alice.ig,@alice@${server.host}\n` });
    const r = await audit(dir);
    expect(r.exitCode).toBe(0);
    expect(r.stderr.match(/golongan/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/pegawai\.csv:1: roster: column "golongan" is not a roster column/);
    // The fetching notes of the roster are still given, and its account is fetched.
    expect(r.stderr.match(/1 instagram handle of 1 employee not fetched/g)).toHaveLength(1);
    expect(summaryOf(r.stderr)).toMatchObject({ status: 'ok', read: 6 });
  });
  it('fetch: roster attributes the posts of an account on a server with its own handle domain to its employee', async () => {
    webfingerAlice(server, server.host, home);
    mastodonAlice(home);
    const dir = setup(`  - fetch: roster
roster: pegawai.csv
`);
    writeFiles(dir, { 'pegawai.csv': `nip,nama,mastodon\n198501012010011001,Alice,@alice@${server.host}\n` });
    const r = await audit(dir);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8'));
    const hit = doc.findings.find((f: { post_id: string }) => f.post_id === '111790000000000006');
    expect(hit).toMatchObject({ author: `alice@${server.host}`, employee: { nip: '198501012010011001', nama: 'Alice' } });
  });
});
