// `netral fetch` when the network misbehaves: a real server on 127.0.0.1 injects 429s, 5xx, stalls, truncated and
// oversized bodies, redirect loops, wrong content types and repeated cursors; a listener that never accepts makes
// connecting hang. Waits are scaled down by
// NETRAL_FETCH_DELAY_SCALE (test only) and timeouts set small, so every case runs in well under a second.

import { beforeEach, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import { cli } from '../helpers/cli.js';
import { blueskySiti, fixture, json, mastodonAlice, send, sequence, TestServer, unansweredPort, type Handler } from '../helpers/http-server.js';

const server = await TestServer.start();
const env = { NETRAL_FETCH_DELAY_SCALE: '0.05' };
const FAST = ['--rate', '1000'];
const STATUSES = '/api/v1/accounts/109876543210987654/statuses';

function fetch(args: string[]) {
  return cli(['fetch', ...args, ...FAST, '--bluesky-api', server.origin], { env });
}

function lines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l !== '');
}

const html = (status = 200): Handler => (_q, res) => send(res, status, 'text/html; charset=utf-8', fixture('html/login-page.html'));
const status = (code: number, headers: Record<string, string> = {}): Handler => (_q, res) => send(res, code, 'application/json', '{"error":"busy"}', headers);

beforeEach(() => server.reset());

describe('retries', () => {
  it('waits as long as Retry-After says after a 429, then continues', async () => {
    mastodonAlice(server);
    server.on(STATUSES, sequence(status(429, { 'retry-after': '2' }), json(fixture('mastodon/statuses-page1.json'))));
    const r = await fetch([`mastodon:@alice@${server.host}`]);
    expect(r.exitCode).toBe(0);
    expect(lines(r.stdout)).toHaveLength(4);
    const hits = server.hits(STATUSES);
    expect(hits).toHaveLength(2);
    // 2 s scaled by 0.05 = 100 ms: the retry came no earlier.
    expect(hits[1].at - hits[0].at).toBeGreaterThanOrEqual(95);
    expect(r.stderr).toMatch(/4 posts, 1 page, 1 retry\n/);
  });

  it("waits for Mastodon's X-RateLimit-Reset (an ISO time) when a 429 has no Retry-After", async () => {
    mastodonAlice(server);
    server.on(STATUSES, sequence((q, res, u) => status(429, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(Date.now() + 3000).toISOString() })(q, res, u), json('[]')));
    const r = await fetch([`mastodon:@alice@${server.host}`]);
    expect(r.exitCode).toBe(0);
    const hits = server.hits(STATUSES);
    expect(hits[1].at - hits[0].at).toBeGreaterThanOrEqual(120);
  });

  it('gives an account up when the server asks for a longer wait than --max-wait, and keeps the others', async () => {
    mastodonAlice(server);
    blueskySiti(server);
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', status(429, { 'retry-after': '3600' }));
    const r = await fetch([`mastodon:@alice@${server.host}`, 'bluesky:siti.bsky.social']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/netral: error: bluesky:siti\.bsky\.social: .*HTTP 429 \(too many requests\); the server asks to wait 3600 s, longer than netral waits \(300 s\); run again later/);
    expect(server.hits('/xrpc/app.bsky.feed.getAuthorFeed')).toHaveLength(1);
    expect(lines(r.stdout)).toHaveLength(5);
    expect(r.stderr).toContain('1 failed: bluesky:siti.bsky.social');
  });

  it('retries a 500 and goes on', async () => {
    blueskySiti(server);
    const feed = fixture('bluesky/feed-page2.json');
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', sequence(status(500), json(feed)));
    const r = await fetch(['bluesky:siti.bsky.social']);
    expect(r.exitCode).toBe(0);
    expect(lines(r.stdout)).toHaveLength(1);
    expect(r.stderr).toMatch(/1 post, 1 page, 1 retry\n/);
  });

  it('gives up after --retries, saying how many attempts were made', async () => {
    blueskySiti(server);
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', status(503));
    const r = await fetch(['bluesky:siti.bsky.social', '--retries', '2']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('HTTP 503 (gave up after 3 attempts)');
    expect(server.hits('/xrpc/app.bsky.feed.getAuthorFeed')).toHaveLength(3);
  });

  it('with --retries 0 makes one attempt and says no retry was allowed', async () => {
    blueskySiti(server);
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', status(503));
    const r = await fetch(['bluesky:siti.bsky.social', '--retries', '0']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('HTTP 503 (no retries allowed)');
    expect(server.hits('/xrpc/app.bsky.feed.getAuthorFeed')).toHaveLength(1);
  });

  it('stops retrying when the run’s retry budget is used up', async () => {
    blueskySiti(server);
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', status(502));
    const r = await fetch(['bluesky:siti.bsky.social', '--retries', '5', '--retry-budget', '1']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("HTTP 502 (the run's retry budget of 1 is used up)");
    expect(server.hits('/xrpc/app.bsky.feed.getAuthorFeed')).toHaveLength(2);
  });

  it('retries a refused connection, then reports it', async () => {
    const gone = await TestServer.start();
    const port = gone.port;
    await gone.close();
    const r = await fetch([`mastodon:@alice@127.0.0.1:${port}`, '--retries', '1']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('connection refused (gave up after 2 attempts)');
  });
});

describe('broken responses', () => {
  it('times out a stalled body (--timeout), retries, then fails only that account', async () => {
    mastodonAlice(server);
    blueskySiti(server);
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
      res.write('{"feed":[');
      // …and nothing more.
    });
    const t0 = Date.now();
    const r = await fetch([`mastodon:@alice@${server.host}`, 'bluesky:siti.bsky.social', '--timeout', '0.2', '--retries', '1']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('the response stalled (no data for 200 ms) (gave up after 2 attempts)');
    expect(lines(r.stdout)).toHaveLength(5);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('ends a response that drips in slowly after four times --timeout plus a second, though no single pause is long', async () => {
    blueskySiti(server);
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const drip = setInterval(() => res.write(' '), 25); // never a pause of --timeout, never the end
      res.on('close', () => clearInterval(drip));
    });
    const t0 = Date.now();
    const r = await fetch(['bluesky:siti.bsky.social', '--timeout', '0.5', '--retries', '0']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('no complete response within 3 s (no retries allowed)');
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('times out a server that never answers', async () => {
    blueskySiti(server);
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', () => {
      // never answers
    });
    const r = await fetch(['bluesky:siti.bsky.social', '--timeout', '0.2', '--retries', '0']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('no response within 200 ms');
  });

  it('times out a connection that is never accepted (--timeout covers connecting), and retries it', async () => {
    const port = await unansweredPort();
    const t0 = Date.now();
    const r = await fetch([`mastodon:@alice@127.0.0.1:${port}`, '--timeout', '0.2', '--retries', '1']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('could not connect within 200 ms (gave up after 2 attempts)');
    // About a second per attempt (undici checks connect timeouts on a coarse clock); the system's own connect
    // timeout would take minutes. The bound leaves room for a loaded machine.
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('retries a truncated body (connection closed before Content-Length was reached)', async () => {
    blueskySiti(server);
    const feed = fixture('bluesky/feed-page2.json');
    const truncated: Handler = (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(feed.length + 500) });
      res.write(feed.slice(0, 40));
      setTimeout(() => res.socket?.destroy(), 20);
    };
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', sequence(truncated, json(feed)));
    const ok = await fetch(['bluesky:siti.bsky.social']);
    expect(ok.exitCode).toBe(0);
    expect(ok.stderr).toMatch(/1 post, 1 page, 1 retry\n/);

    server.on('/xrpc/app.bsky.feed.getAuthorFeed', truncated);
    const bad = await fetch(['bluesky:siti.bsky.social', '--retries', '1']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/bluesky:siti\.bsky\.social: .*(the connection closed before the response was complete|the response was cut short)/);
  });

  it('refuses a body larger than --max-body-size, with or without Content-Length, without retrying', async () => {
    blueskySiti(server);
    const big = JSON.stringify({ feed: [], cursor: 'x'.repeat(5000) });
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', json(big));
    const a = await fetch(['bluesky:siti.bsky.social', '--max-body-size', '2KB']);
    expect(a.exitCode).toBe(2);
    expect(a.stderr).toContain('the response is 4.9 KB, more than the 2 KB netral accepts (--max-body-size)');
    expect(server.hits('/xrpc/app.bsky.feed.getAuthorFeed')).toHaveLength(1);

    server.on('/xrpc/app.bsky.feed.getAuthorFeed', (_q, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' }); // chunked: no length announced
      for (let i = 0; i < 10; i++) res.write('x'.repeat(1000));
      res.end();
    });
    const b = await fetch(['bluesky:siti.bsky.social', '--max-body-size', '2KB']);
    expect(b.exitCode).toBe(2);
    expect(b.stderr).toContain('the response is larger than the 2 KB netral accepts');
  });

  it('stops a redirect loop and a too-long redirect chain', async () => {
    server.on('/loop-a', (_q, res) => send(res, 302, 'text/plain', '', { location: '/loop-b' }));
    server.on('/loop-b', (_q, res) => send(res, 301, 'text/plain', '', { location: `${server.origin}/loop-a` }));
    const loop = await fetch([`${server.origin}/loop-a`]);
    expect(loop.exitCode).toBe(2);
    expect(loop.stderr).toContain(`redirect loop (${server.origin}/loop-a → ${server.origin}/loop-b → ${server.origin}/loop-a)`);

    server.on('/hop', (_q, res, url) => send(res, 307, 'text/plain', '', { location: `/hop?n=${Number(url.searchParams.get('n') ?? 0) + 1}` }));
    const chain = await fetch([`${server.origin}/hop`, '--max-redirects', '2']);
    expect(chain.exitCode).toBe(2);
    expect(chain.stderr).toContain(`more than 2 redirects (last: ${server.origin}/hop?n=3)`);
    expect(server.hits('/hop')).toHaveLength(3);
  });

  it("names a page's or a feed's own address once in its error line, and another address where it says more", async () => {
    const o = server.origin;
    server.on('/loop', (_q, res) => send(res, 302, 'text/plain', '', { location: '/loop' }));
    server.on('/gone', (_q, res) => send(res, 404, 'text/html', '<h1>Not found</h1>'));
    server.on('/moved', (_q, res) => send(res, 301, 'text/plain', '', { location: '/gone' }));
    server.on('/big', (_q, res) => send(res, 200, 'application/rss+xml', 'x'.repeat(5000)));
    server.on('/doc', (_q, res) => send(res, 200, 'application/pdf', '%PDF-1.7'));
    const r = await fetch([`${o}/loop`, `${o}/gone`, `${o}/moved`, `rss:${o}/big`, `${o}/doc`, '--jobs', '1', '--max-body-size', '2KB']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('netral: error: '))).toEqual([
      `netral: error: ${o}/loop: redirect loop (${o}/loop → ${o}/loop)`,
      `netral: error: ${o}/gone: page: HTTP 404 Not Found`,
      `netral: error: ${o}/moved: page: HTTP 404 Not Found (${o}/gone)`,
      `netral: error: rss:${o}/big: the response is 4.9 KB, more than the 2 KB netral accepts (--max-body-size)`,
      `netral: error: ${o}/doc: not a web page or a feed (Content-Type application/pdf)`,
    ]);
  });

  it('holds a redirect body to --max-body-size like any other answer', async () => {
    server.on('/moved', (_q, res) => send(res, 301, 'text/html', 'x'.repeat(5000), { location: '/there' }));
    server.on('/there', (_q, res) => send(res, 200, 'application/atom+xml', fixture('feeds/news.atom.xml')));
    const r = await fetch([`${server.origin}/moved`, '--max-body-size', '2KB']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${server.origin}/moved: the response is 4.9 KB, more than the 2 KB netral accepts (--max-body-size)`);
    expect(server.hits('/there')).toHaveLength(0);
  });

  it('refuses a redirect to another scheme or to plain http off this computer', async () => {
    server.on('/to-ftp', (_q, res) => send(res, 302, 'text/plain', '', { location: 'ftp://files.example/x' }));
    server.on('/to-http', (_q, res) => send(res, 302, 'text/plain', '', { location: 'http://example.com/feed' }));
    const a = await fetch([`${server.origin}/to-ftp`]);
    expect(a.stderr).toContain('redirected to ftp://files.example/x: only http(s) addresses can be fetched, not ftp:');
    const b = await fetch([`${server.origin}/to-http`]);
    expect(b.stderr).toContain('redirected to http://example.com/feed: plain http is only used for this computer');
  });

  it('refuses a redirect to a platform that needs a login', async () => {
    server.on('/short', (_q, res) => send(res, 301, 'text/plain', '', { location: 'https://www.instagram.com/p/abc/' }));
    const r = await fetch([`${server.origin}/short`]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${server.origin}/short: redirected to https://www.instagram.com/p/abc/: Instagram needs a login`);
  });
});

describe('wrong answers', () => {
  it('ends the account when an API answers with an HTML page instead of JSON', async () => {
    mastodonAlice(server);
    server.on(STATUSES, html());
    const r = await fetch([`mastodon:@alice@${server.host}`]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`statuses: got an HTML page where JSON was expected (Content-Type text/html; charset=utf-8; ${server.origin}${STATUSES}?limit=40)`);
  });

  it('ends the account on invalid JSON and on a non-JSON content type', async () => {
    blueskySiti(server);
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', (_q, res) => send(res, 200, 'application/json', '{"feed": [ {"post": '));
    const a = await fetch(['bluesky:siti.bsky.social']);
    expect(a.exitCode).toBe(2);
    expect(a.stderr).toMatch(/author feed: invalid JSON \(.*; http:\/\/127\.0\.0\.1/);
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', (_q, res) => send(res, 200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])));
    const b = await fetch(['bluesky:siti.bsky.social']);
    expect(b.stderr).toContain('author feed: got image/png where JSON was expected');
  });

  it('ends the account on a JSON answer of the wrong shape', async () => {
    mastodonAlice(server);
    server.on(STATUSES, json('{"statuses": []}'));
    const r = await fetch([`mastodon:@alice@${server.host}`]);
    expect(r.stderr).toContain('statuses: expected a list of statuses');
  });

  it('says a page is not a page when it is a PDF', async () => {
    server.on('/doc', (_q, res) => send(res, 200, 'application/pdf', '%PDF-1.7'));
    const r = await fetch([`${server.origin}/doc`]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('not a web page or a feed (Content-Type application/pdf)');
  });

  it('says when the instance wants a login for its API', async () => {
    mastodonAlice(server);
    server.on(STATUSES, (_q, res) => send(res, 401, 'application/json', '{"error":"This method requires an authenticated user"}'));
    const r = await fetch([`mastodon:@alice@${server.host}`]);
    expect(r.stderr).toContain('statuses: HTTP 401 Unauthorized: This method requires an authenticated user (the server wants a login)');
    expect(r.stderr).toContain(`the account's public feed may still work: netral fetch rss:${server.origin}/@alice.rss`);
  });
});

describe('pagination that repeats', () => {
  it('ends a Bluesky account whose cursor repeats, keeping the posts already fetched', async () => {
    blueskySiti(server);
    const page1 = fixture('bluesky/feed-page1.json');
    server.on('/xrpc/app.bsky.feed.getAuthorFeed', json(page1)); // every page answers with the same cursor
    const r = await fetch(['bluesky:siti.bsky.social']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('bluesky:siti.bsky.social: failed after 3 posts, 2 pages: pagination repeats the cursor "2024-01-12T02:00:01.000Z"; stopped to avoid a loop');
    expect(lines(r.stdout)).toHaveLength(3);
  });

  it('ends a Mastodon account whose Link header points back at a page already fetched', async () => {
    mastodonAlice(server);
    const page = fixture('mastodon/statuses-page1.json');
    server.on(STATUSES, json(page, { link: `<${server.origin}${STATUSES}?limit=40>; rel="next"` }));
    const r = await fetch([`mastodon:@alice@${server.host}`]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('pagination repeats a page already fetched');
    expect(lines(r.stdout)).toHaveLength(4);
  });
});

/**
 * `n` requests at --rate 5: 200 ms apart, where no limit at all would give gaps of a millisecond or two. Arrival
 * times are taken at the server, so a busy machine that delays one arrival shortens the gap after it: the wide
 * margin keeps the test about behaviour, not timing precision.
 */
function expectSpacedAtFivePerSecond(times: number[], n = 3): void {
  expect(times).toHaveLength(n);
  for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(100);
  expect(times[times.length - 1] - times[0]).toBeGreaterThanOrEqual(300);
}

describe('politeness', () => {
  it('keeps to --rate per host', async () => {
    mastodonAlice(server);
    const r = await cli(['fetch', `mastodon:@alice@${server.host}`, '--rate', '5'], { env });
    expect(r.exitCode).toBe(0);
    // WebFinger, the account lookup, two pages of statuses.
    expectSpacedAtFivePerSecond(server.log.map((l) => l.at), 4);
  });

  it('asks one host at most once a second by default', async () => {
    server.on('/moved', (_q, res) => send(res, 301, 'text/plain', '', { location: '/news.atom' }));
    server.on('/news.atom', (_q, res) => send(res, 200, 'application/atom+xml', fixture('feeds/news.atom.xml')));
    const r = await cli(['fetch', `${server.origin}/moved`], { env });
    expect(r.exitCode).toBe(0);
    const [a, b] = server.log.map((l) => l.at);
    expect(b - a).toBeGreaterThanOrEqual(900); // the default --rate 1 (arrival times at the server: a small margin)
  });

  it('makes the accounts on one host share its --rate, however many --jobs run at once', async () => {
    for (const p of ['/a', '/b', '/c']) server.on(p, (_q, res) => send(res, 200, 'application/atom+xml', fixture('feeds/news.atom.xml')));
    const r = await cli(['fetch', ...['/a', '/b', '/c'].map((p) => `${server.origin}${p}`), '--rate', '5', '--jobs', '3'], { env });
    expect(r.exitCode).toBe(0);
    // Three jobs without a shared limit would arrive together.
    expectSpacedAtFivePerSecond(server.log.map((l) => l.at));
  });

  it('keeps to --concurrency per host when several accounts are fetched at once', async () => {
    let inFlight = 0;
    let most = 0;
    const slow: Handler = (_q, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight--;
        send(res, 200, 'application/atom+xml', fixture('feeds/news.atom.xml'));
      }, 60);
    };
    for (const p of ['/a', '/b', '/c', '/d']) server.on(p, slow);
    const args = ['/a', '/b', '/c', '/d'].map((p) => `${server.origin}${p}`);
    const one = await fetch([...args, '--jobs', '4', '--concurrency', '1']);
    expect(one.exitCode).toBe(0);
    expect(most).toBe(1);
    most = 0;
    const two = await fetch([...args, '--jobs', '4', '--concurrency', '2']);
    expect(two.exitCode).toBe(0);
    expect(most).toBe(2);
  });

  it('holds a host whose rate-limit window is used up until it resets', async () => {
    mastodonAlice(server);
    const account = fixture('mastodon/account.json');
    server.on('/api/v1/accounts/lookup', json(account, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(Date.now() + 4000).toISOString() }));
    const r = await fetch([`mastodon:@alice@${server.host}`]);
    expect(r.exitCode).toBe(0);
    const [lookup, statuses] = server.log.filter((l) => l.path.startsWith('/api/'));
    expect(statuses.at - lookup.at).toBeGreaterThanOrEqual(150);
  });
});
