import { describe, expect, it } from 'vitest';
import { isLoopbackHost, parseSource, urlProblem } from '../../src/fetch/sources.js';

describe('parseSource', () => {
  it('reads Mastodon accounts in the forms people write them', () => {
    for (const spec of ['mastodon:@budi@mastodon.social', 'mastodon:budi@Mastodon.Social', 'mastodon:https://mastodon.social/@budi'])
      expect(parseSource(spec)).toEqual({ kind: 'mastodon', key: 'mastodon:@budi@mastodon.social', user: 'budi', host: 'mastodon.social', origin: 'https://mastodon.social' });
    // Loopback is plain http (tests, local mirrors); everything else https.
    expect(parseSource('mastodon:@alice@127.0.0.1:8089')).toMatchObject({ origin: 'http://127.0.0.1:8089', key: 'mastodon:@alice@127.0.0.1:8089' });
    expect(parseSource('mastodon:@alice@localhost:8089')).toMatchObject({ origin: 'http://localhost:8089' });
    expect(parseSource('mastodon:@budi')).toEqual({ error: expect.stringContaining('written @user@host') });
    expect(parseSource('mastodon:@bu di@x.social')).toHaveProperty('error');
    expect(parseSource('mastodon:@budi@host/path')).toHaveProperty('error');
  });

  it('reads Bluesky handles, DIDs and profile URLs', () => {
    expect(parseSource('bluesky:@Siti.bsky.social')).toEqual({ kind: 'bluesky', key: 'bluesky:siti.bsky.social', actor: 'siti.bsky.social' });
    expect(parseSource('bsky:did:plc:ewvi7nxzyoun6zhxrhs64oiz')).toMatchObject({ actor: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz' });
    expect(parseSource('https://bsky.app/profile/siti.bsky.social')).toMatchObject({ kind: 'bluesky', actor: 'siti.bsky.social' });
    expect(parseSource('bluesky:siti')).toHaveProperty('error');
  });

  it('reads feeds and pages, and knows the platforms that need a login', () => {
    expect(parseSource('rss:https://blog.example.id/feed')).toEqual({ kind: 'feed', key: 'rss:https://blog.example.id/feed', url: 'https://blog.example.id/feed' });
    expect(parseSource('https://blog.example.id/2024/01/x')).toMatchObject({ kind: 'page', url: 'https://blog.example.id/2024/01/x' });
    for (const u of ['https://www.facebook.com/x', 'https://m.facebook.com/x', 'https://fb.watch/abc', 'https://www.instagram.com/p/x/', 'https://twitter.com/x', 'https://x.com/x/status/1', 'https://www.tiktok.com/@x/video/1', 'https://vm.tiktok.com/abc'])
      expect(parseSource(u), u).toMatchObject({ kind: 'unfetchable', reason: expect.stringContaining('needs a login') });
    // Names that merely end like a platform are not that platform.
    expect(parseSource('https://notx.com/a')).toMatchObject({ kind: 'page' });
    expect(parseSource('https://myfacebook.com.example/a')).toMatchObject({ kind: 'page' });
  });

  it('refuses other schemes and plain http off this computer', () => {
    expect(parseSource('ftp://example.com/x')).toEqual({ error: expect.stringContaining('not a source netral can fetch') });
    expect(parseSource('rss:http://example.com/feed')).toEqual({ error: expect.stringContaining('plain http is only used for this computer') });
    expect(parseSource('rss:file:///etc/passwd')).toEqual({ error: expect.stringContaining('only http(s) addresses') });
    expect(parseSource('http://127.0.0.1:8080/feed')).toMatchObject({ kind: 'page' });
    expect(parseSource('http://[::1]:8080/feed')).toMatchObject({ kind: 'page' });
  });
});

describe('the URL policy', () => {
  it('allows http only to loopback hosts', () => {
    for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['128.0.0.1', 'localhost.example.com', '10.0.0.1', '192.168.1.1', '127.0.0.1.nip.io']) expect(isLoopbackHost(h), h).toBe(false);
    expect(urlProblem(new URL('https://example.com/'))).toBeNull();
    expect(urlProblem(new URL('http://localhost:9/'))).toBeNull();
    expect(urlProblem(new URL('http://example.com/'))).toMatch(/use https:\/\/example\.com\//);
    expect(urlProblem(new URL('data:text/plain,hi'))).toMatch(/not data:/);
  });
});
