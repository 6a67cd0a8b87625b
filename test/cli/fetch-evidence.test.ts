// Evidence and incremental runs: --archive keeps every response byte for byte under its sha256 with a manifest,
// never overwriting; --state/--since fetch only what is new, and the state advances only for accounts that
// completed, after the output is written.

import { beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cli, tempDir } from '../helpers/cli.js';
import { blueskySiti, fixture, json, mastodonAlice, send, sequence, TestServer } from '../helpers/http-server.js';
import type { Post } from '../../src/model.js';
import type { ManifestEntry } from '../../src/fetch/archive.js';

const server = await TestServer.start();
const env = { NETRAL_FETCH_DELAY_SCALE: '0.01' };
const STATUSES = '/api/v1/accounts/109876543210987654/statuses';

function fetch(args: string[]) {
  return cli(['fetch', ...args, '--rate', '1000', '--bluesky-api', server.origin], { env });
}

const posts = (s: string): Post[] => s.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Post);
const manifest = (dir: string): ManifestEntry[] => readFileSync(path.join(dir, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ManifestEntry);
const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

beforeEach(() => server.reset());

describe('--archive', () => {
  it('keeps every response under its sha256 with a manifest entry, and each post points at the body it came from', async () => {
    mastodonAlice(server);
    const dir = path.join(tempDir(), 'bukti');
    const r = await fetch([`mastodon:@alice@${server.host}`, '--archive', dir]);
    expect(r.exitCode).toBe(0);
    const entries = manifest(dir);
    expect(entries.map((e) => e.url)).toEqual([
      `${server.origin}/.well-known/webfinger?resource=${encodeURIComponent(`acct:alice@${server.host}`)}`,
      `${server.origin}/api/v1/accounts/lookup?acct=alice`,
      `${server.origin}${STATUSES}?limit=40`,
      `${server.origin}${STATUSES}?limit=40&max_id=111760000000000003`,
    ]);
    for (const e of entries) {
      const type = e.url.includes('/.well-known/webfinger') ? 'application/jrd+json; charset=utf-8' : 'application/json; charset=utf-8';
      expect(e).toMatchObject({ status: 200, location: null, content_type: type, source: `mastodon:@alice@${server.host}`, redirects: [], hops: [] });
      expect(e.final_url).toBe(e.url);
      expect(Date.parse(e.fetched_at)).toBeGreaterThan(Date.now() - 60_000);
      expect(e.user_agent).toMatch(/^netral\//);
      const body = readFileSync(path.join(dir, e.body));
      expect(body.length).toBe(e.bytes);
      expect(sha(body)).toBe(e.sha256);
      expect(e.body).toBe(`bodies/${e.sha256}`);
      expect(statSync(path.join(dir, e.body)).mode & 0o222).toBe(0); // read-only
    }
    // The bodies are exactly what the server sent.
    expect(entries[2].sha256).toBe(sha(fixture('mastodon/statuses-page1.json')));
    const ps = posts(r.stdout);
    expect(ps).toHaveLength(5);
    for (const p of ps) {
      const e = entries.find((x) => x.sha256 === p.evidence_sha256);
      expect(e, p.id).toBeDefined();
      expect(readFileSync(path.join(dir, e!.body), 'utf8')).toContain(`"id": "${p.id}"`);
    }
  });

  it('keeps each redirect answer as its own entry, body included, and lists the hops in the entry they led to', async () => {
    const moved = '<html><body>Moved to <a href="/mid">/mid</a></body></html>';
    const found = 'Found: see the news feed';
    server.on('/old', (_q, res) => send(res, 301, 'text/html', moved, { location: '/mid' }));
    server.on('/mid', (_q, res) => send(res, 302, 'text/plain', found, { location: `${server.origin}/news.atom` }));
    server.on('/news.atom', (_q, res) => send(res, 200, 'application/atom+xml', fixture('feeds/news.atom.xml')));
    const dir = tempDir();
    const r = await fetch([`${server.origin}/old`, '--archive', dir]);
    expect(r.exitCode).toBe(0);
    const entries = manifest(dir);
    expect(entries).toHaveLength(3);
    const [old, mid, news] = [`${server.origin}/old`, `${server.origin}/mid`, `${server.origin}/news.atom`];
    const hop1 = { url: old, status: 301, location: '/mid', sha256: sha(moved) };
    const hop2 = { url: mid, status: 302, location: news, sha256: sha(found) };
    expect(entries[0]).toMatchObject({ url: old, final_url: old, redirects: [], hops: [], status: 301, location: '/mid', content_type: 'text/html', sha256: sha(moved) });
    expect(entries[1]).toMatchObject({ url: old, final_url: mid, redirects: [old], hops: [hop1], status: 302, location: news, content_type: 'text/plain', sha256: sha(found) });
    expect(entries[2]).toMatchObject({ url: old, final_url: news, redirects: [old, mid], hops: [hop1, hop2], status: 200, location: null, content_type: 'application/atom+xml' });
    expect(entries[2].sha256).toBe(sha(fixture('feeds/news.atom.xml')));
    for (const e of entries) {
      expect(e.source).toBe(old);
      const body = readFileSync(path.join(dir, e.body));
      expect([body.length, sha(body)]).toEqual([e.bytes, e.sha256]);
      expect(statSync(path.join(dir, e.body)).mode & 0o222).toBe(0);
    }
    expect(readFileSync(path.join(dir, entries[0].body), 'utf8')).toBe(moved);
    // Posts point at the answer they were read from, not at a hop.
    expect(posts(r.stdout).length).toBeGreaterThan(0);
    expect(posts(r.stdout).every((p) => p.evidence_sha256 === entries[2].sha256)).toBe(true);

    // Running again appends; the hops' bodies are not written again.
    const st = entries.map((e) => statSync(path.join(dir, e.body)));
    expect((await fetch([`${server.origin}/old`, '--archive', dir])).exitCode).toBe(0);
    const after = manifest(dir);
    expect(after.slice(0, 3)).toEqual(entries);
    expect(after.slice(3).map((e) => [e.status, e.sha256])).toEqual(entries.map((e) => [e.status, e.sha256]));
    const st2 = entries.map((e) => statSync(path.join(dir, e.body)));
    expect(st2.map((s) => [s.ino, s.mtimeMs])).toEqual(st.map((s) => [s.ino, s.mtimeMs]));
  });

  it('keeps the redirect answers of a request that failed because of them', async () => {
    server.on('/loop-a', (_q, res) => send(res, 302, 'text/plain', 'to b', { location: '/loop-b' }));
    server.on('/loop-b', (_q, res) => send(res, 301, 'text/plain', 'to a', { location: '/loop-a' }));
    const dir = tempDir();
    const r = await fetch([`${server.origin}/loop-a`, '--archive', dir]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('redirect loop');
    expect(manifest(dir).map((e) => [e.final_url, e.status, e.location, e.sha256])).toEqual([
      [`${server.origin}/loop-a`, 302, '/loop-b', sha('to b')],
      [`${server.origin}/loop-b`, 301, '/loop-a', sha('to a')],
    ]);
  });

  it('asks for bodies uncompressed, so the archive holds the bytes the server sent', async () => {
    mastodonAlice(server);
    const r = await fetch([`mastodon:@alice@${server.host}`, '--archive', tempDir()]);
    expect(r.exitCode).toBe(0);
    expect(server.log.length).toBeGreaterThan(0);
    for (const l of server.log) expect(l.headers['accept-encoding'] ?? 'identity', l.path).toBe('identity');
  });

  it('records only the Location and Content-Type headers, and keeps the redirect to an address netral does not fetch', async () => {
    server.on('/short', (_q, res) => send(res, 301, 'text/plain', 'moved', { location: 'https://www.instagram.com/p/abc/', 'set-cookie': 'sid=rahasia', 'x-internal': 'rahasia' }));
    const dir = tempDir();
    const r = await fetch([`${server.origin}/short`, '--archive', dir]);
    expect(r.exitCode).toBe(2);
    const entries = manifest(dir);
    expect(entries.map((e) => [e.status, e.location, e.content_type, e.sha256])).toEqual([[301, 'https://www.instagram.com/p/abc/', 'text/plain', sha('moved')]]);
    expect(Object.keys(entries[0])).toEqual(['fetched_at', 'url', 'final_url', 'redirects', 'status', 'location', 'content_type', 'bytes', 'sha256', 'body', 'source', 'user_agent', 'hops']);
    expect(readFileSync(path.join(dir, 'manifest.jsonl'), 'utf8')).not.toContain('rahasia');
  });

  it('keeps error responses too, and never overwrites evidence when run again', async () => {
    blueskySiti(server);
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', sequence((_q, res) => send(res, 503, 'text/plain', 'maintenance'), json(fixture('bluesky/feed-page2.json'))));
    const dir = tempDir();
    const first = await fetch(['bluesky:siti.bsky.social', '--archive', dir]);
    expect(first.exitCode).toBe(0);
    const before = manifest(dir);
    expect(before.map((e) => e.status)).toEqual([200, 503, 200]);
    const body = path.join(dir, before[2].body);
    const st = statSync(body);

    const again = await fetch(['bluesky:siti.bsky.social', '--archive', dir]);
    expect(again.exitCode).toBe(0);
    const after = manifest(dir);
    expect(after).toHaveLength(5); // appended, earlier lines unchanged
    expect(after.slice(0, 3)).toEqual(before);
    expect(after[4].sha256).toBe(before[2].sha256);
    const st2 = statSync(body);
    expect([st2.ino, st2.mtimeMs]).toEqual([st.ino, st.mtimeMs]);
  });
});

describe('--state and --since', () => {
  it('fetches only newer posts on the next run, and nothing when nothing is new', async () => {
    mastodonAlice(server);
    const dir = tempDir();
    const state = path.join(dir, 'state.json');
    const one = await fetch([`mastodon:@alice@${server.host}`, '--state', state]);
    expect(posts(one.stdout)).toHaveLength(5);
    const saved = JSON.parse(readFileSync(state, 'utf8'));
    expect(saved.version).toBe(2);
    expect(saved.accounts[`mastodon:@alice@${server.host}`]).toMatchObject({ newest: '2024-01-20T02:15:00Z', ids_at_newest: ['111790000000000006'] });

    // A new status appears on top of the timeline.
    const page = JSON.parse(fixture('mastodon/statuses-page1.json')) as Record<string, unknown>[];
    const fresh = { ...page[0], id: '111800000000000007', created_at: '2024-01-22T03:00:00.000Z', content: '<p>Coblos 02 ya!</p>', tags: [] };
    mastodonAlice(server, { page1: JSON.stringify([fresh, ...page]) });
    server.log.length = 0;
    const two = await fetch([`mastodon:@alice@${server.host}`, '--state', state]);
    expect(two.exitCode).toBe(0);
    expect(posts(two.stdout).map((p) => p.id)).toEqual(['111800000000000007']);
    expect(server.hits(STATUSES)).toHaveLength(1); // stopped at the first older post, no second page

    const three = await fetch([`mastodon:@alice@${server.host}`, '--state', state]);
    expect(three.exitCode).toBe(0);
    expect(three.stdout).toBe('');
    expect(three.stderr).toContain('0 posts, 1 page');
  });

  it('does not advance the state of an account that failed, nor when the output cannot be written', async () => {
    mastodonAlice(server);
    blueskySiti(server);
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', (_q, res) => send(res, 500, 'text/plain', 'oops'));
    const dir = tempDir();
    const state = path.join(dir, 'state.json');
    const r = await fetch([`mastodon:@alice@${server.host}`, 'bluesky:siti.bsky.social', '--state', state, '--retries', '0']);
    expect(r.exitCode).toBe(2);
    const saved = JSON.parse(readFileSync(state, 'utf8'));
    expect(Object.keys(saved.accounts)).toEqual([`mastodon:@alice@${server.host}`]);

    const blocked = path.join(dir, 'not-a-folder');
    writeFileSync(blocked, '');
    const other = path.join(dir, 'other-state.json');
    const bad = await fetch([`mastodon:@alice@${server.host}`, '--state', other, '-o', path.join(blocked, 'posts.jsonl')]);
    expect(bad.exitCode).toBe(2);
    expect(existsSync(other)).toBe(false);
  });

  it('keeps the previous state of an account that fails on a later run, so the next run resumes from there', async () => {
    mastodonAlice(server);
    const state = path.join(tempDir(), 'state.json');
    expect((await fetch([`mastodon:@alice@${server.host}`, '--state', state])).exitCode).toBe(0);
    const before = JSON.parse(readFileSync(state, 'utf8')).accounts[`mastodon:@alice@${server.host}`];
    expect(before.newest).toBe('2024-01-20T02:15:00Z');

    server.on(STATUSES, (_q, res) => send(res, 500, 'text/plain', 'oops'));
    expect((await fetch([`mastodon:@alice@${server.host}`, '--state', state, '--retries', '0'])).exitCode).toBe(2);
    expect(JSON.parse(readFileSync(state, 'utf8')).accounts[`mastodon:@alice@${server.host}`]).toEqual(before);
  });

  it('--max-posts takes the newest N of an account, and with --state the older ones are not fetched later', async () => {
    mastodonAlice(server);
    const state = path.join(tempDir(), 'state.json');
    const one = await fetch([`mastodon:@alice@${server.host}`, '--state', state, '--max-posts', '2']);
    expect(one.exitCode).toBe(0);
    expect(posts(one.stdout).map((p) => p.id)).toEqual(['111790000000000006', '111780000000000005']);
    expect(one.stderr).toContain(`netral: mastodon:@alice@${server.host}: 2 posts, 1 page (stopped at --max-posts 2)`);
    expect(server.hits(STATUSES)).toHaveLength(1);

    const two = await fetch([`mastodon:@alice@${server.host}`, '--state', state]);
    expect(two.exitCode).toBe(0);
    expect(two.stdout).toBe('');
  });

  it('remembers feed items without a readable date by id, and fetches them once', async () => {
    server.on('/blog.rss', (_q, res) => send(res, 200, 'application/rss+xml', fixture('feeds/blog.rss.xml')));
    const state = path.join(tempDir(), 'state.json');
    const one = await fetch([`rss:${server.origin}/blog.rss`, '--state', state]);
    expect(posts(one.stdout).map((p) => [p.id, p.created_at])).toContainEqual(['https://rudi.example.id/2023/12/rusak', null]);
    expect(JSON.parse(readFileSync(state, 'utf8')).accounts[`rss:${server.origin}/blog.rss`].undated).toEqual(['https://rudi.example.id/2023/12/rusak']);
    const two = await fetch([`rss:${server.origin}/blog.rss`, '--state', state]);
    expect(two.exitCode).toBe(0);
    expect(two.stdout).toBe('');
  });

  it('pages Bluesky by the time the service gives (indexedAt), so a createdAt set in the future does not push the state ahead', async () => {
    blueskySiti(server);
    type Item = { post: { uri: string; cid: string; indexedAt: string; record: { text: string; createdAt: string } } };
    const page = JSON.parse(fixture('bluesky/feed-page1.json')) as { feed: Item[]; cursor?: string };
    delete page.cursor;
    // The app's clock was wrong; the service saw the post on 2024-01-19 and lists it by that time.
    page.feed[0].post.record.createdAt = '2030-01-01T00:00:00.000Z';
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', json(JSON.stringify(page)));
    const state = path.join(tempDir(), 'state.json');
    const one = await fetch(['bluesky:siti.bsky.social', '--state', state]);
    expect(posts(one.stdout).map((p) => p.created_at)).toEqual(['2030-01-01T00:00:00Z', '2024-01-18T08:00:00Z', '2024-01-12T02:00:00Z']);
    expect(JSON.parse(readFileSync(state, 'utf8')).accounts['bluesky:siti.bsky.social'].newest).toBe('2024-01-19T13:05:01.123Z');

    const next: Item = structuredClone(page.feed[0]);
    next.post.uri = next.post.uri.replace('3kj2abcdxyz2a', '3kj3newpostaa');
    next.post.indexedAt = '2024-01-21T10:00:01.000Z';
    next.post.record = { ...next.post.record, text: 'Posyandu hari ini', createdAt: '2024-01-21T10:00:00.000Z' };
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', json(JSON.stringify({ feed: [next, ...page.feed] })));
    const two = await fetch(['bluesky:siti.bsky.social', '--state', state]);
    expect(posts(two.stdout).map((p) => p.text)).toEqual(['Posyandu hari ini']);
  });

  it('refuses a state file that is not one, before any request', async () => {
    const dir = tempDir();
    const state = path.join(dir, 'state.json');
    writeFileSync(state, '{"version": 1, "accounts": ');
    const r = await fetch([`mastodon:@alice@${server.host}`, '--state', state]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${state}: the state file is not valid JSON`);
    expect(server.log).toHaveLength(0);
  });

  it('--since keeps only posts from that time on (naive dates in --tz) and stops paging there', async () => {
    mastodonAlice(server);
    const r = await fetch([`mastodon:@alice@${server.host}`, '--since', '2024-01-15']);
    expect(r.exitCode).toBe(0);
    // 2024-01-15 00:00 WIB = 2024-01-14T17:00Z: the status of 2024-01-15T01:30Z is in, the one of 01-10 is not.
    expect(posts(r.stdout).map((p) => p.id)).toEqual(['111790000000000006', '111780000000000005', '111770000000000004']);
    expect(server.hits(STATUSES)).toHaveLength(1);
  });

  it('--since stops a Bluesky feed at the first post the server saw before that time', async () => {
    blueskySiti(server);
    const r = await fetch(['bluesky:siti.bsky.social', '--since', '2024-01-15']);
    expect(r.exitCode).toBe(0);
    expect(posts(r.stdout).map((p) => p.kind)).toEqual(['post', 'repost']);
    expect(server.hits('/xrpc/app.bsky.feed.getAuthorFeed')).toHaveLength(1);
  });

  it('--since applies to feeds item by item (they are not reliably ordered)', async () => {
    server.on('/blog.rss', (_q, res) => send(res, 200, 'application/rss+xml', fixture('feeds/blog.rss.xml')));
    const r = await fetch([`rss:${server.origin}/blog.rss`, '--since', '2024-01-15T00:00:00+07:00']);
    // Two dated items on or after the cutoff; the undated one (unreadable date) is kept: its age is unknown.
    expect(posts(r.stdout).map((p) => p.id)).toEqual(['rudi-blog-101', 'https://rudi.example.id/?p=100', 'https://rudi.example.id/2023/12/rusak']);
  });
});
