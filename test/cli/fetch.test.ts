// `netral fetch` against a real HTTP server on 127.0.0.1 serving realistic Mastodon, Bluesky, RSS/Atom and HTML
// answers (fixtures/fetch/). What a user checks: the JSONL records, what stderr says, the exit code.

import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cli, tempDir, writeFiles } from '../helpers/cli.js';
import { blueskySiti, fixture, mastodonAlice, send, TestServer, webfingerAlice } from '../helpers/http-server.js';
import type { Post } from '../../src/model.js';

const server = await TestServer.start();
const FAST = ['--rate', '1000'];
const STATUSES = '/api/v1/accounts/109876543210987654/statuses';
/** Where @alice's account lives when her handle's domain is another server's. */
const home = await TestServer.start();

function posts(stdout: string): Post[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Post);
}

beforeEach(() => {
  server.reset();
  home.reset();
});

describe('netral fetch mastodon:@user@host', () => {
  it('follows the Link header, turns boosts into reposts with the boosted text, keeps line breaks, skips empty statuses', async () => {
    mastodonAlice(server);
    const r = await cli(['fetch', `mastodon:@alice@${server.host}`, ...FAST]);
    expect(r.exitCode).toBe(0);
    const ps = posts(r.stdout);
    expect(ps.map((p) => p.id)).toEqual(['111790000000000006', '111780000000000005', '111770000000000004', '111760000000000003', '111600000000000002']);
    const [first, boost, reply, media, older] = ps;
    expect(first).toMatchObject({
      platform: 'mastodon',
      // The account's own address (its `url`), as a saved API response reads: not the address it was fetched from.
      author: 'alice@mastodon.example',
      author_name: 'Alice Wulandari',
      created_at: '2024-01-20T02:15:00Z',
      created_at_raw: '2024-01-20T02:15:00.000Z',
      url: 'https://mastodon.example/@alice/111790000000000006',
      text: 'Ayo coblos 02! #PrabowoGibran2024\n\nSampai jumpa di TPS & jangan lupa bawa KTP.',
      hashtags: ['PrabowoGibran2024'],
      links: [],
      kind: 'post',
      source: { file: `mastodon:@alice@${server.host}`, record: 1 },
    });
    expect(boost).toMatchObject({
      kind: 'repost',
      repost_of: 'relawan02@kampanye.example',
      text: 'Mari bersama kita lanjutkan!\nPilih 02 tanggal 14 Februari #Gemoy',
      hashtags: ['Gemoy'],
      media_text: ['Spanduk bertuliskan Prabowo-Gibran nomor 2'],
      created_at: '2024-01-18T10:00:00Z',
      url: 'https://kampanye.example/@relawan02/555',
    });
    expect(reply).toMatchObject({ kind: 'reply', reply_to: 'budi@mastodon.example', mentions: ['budi@mastodon.example'], text: '@budi siap, rapat koordinasi jam 9 di aula.' });
    expect(media).toMatchObject({ text: '', media_text: ['Foto kegiatan posyandu di kelurahan'] });
    expect(older.links).toEqual(['https://dinas.example.go.id/layanan']);
    expect(older.text).toBe('Selamat pagi, apel pagi di kantor dinas.\n\nSemangat melayani! Info layanan: https://dinas.example.go.id/layanan');
    expect(first).not.toHaveProperty('evidence_sha256');
    // The status without text or alt text is a skip with its reason, not a silent drop.
    expect(r.stderr).toMatch(new RegExp(`mastodon:@alice@${server.host.replace(/\./g, '\\.')}#6: skipped: no text`));
    expect(r.stderr).toMatch(/: 5 posts, 1 skipped, 2 pages\n/);
    expect(r.stderr).toMatch(/fetched 5 posts \(1 record skipped\) from 1 of 1 account/);
    expect(server.hits('/api/v1/accounts/lookup?acct=alice')).toHaveLength(1);
    expect(server.hits('/api/v1/accounts/109876543210987654/statuses')).toHaveLength(2);
  });

  it('names the tool and version in the User-Agent, with --contact', async () => {
    mastodonAlice(server);
    const r = await cli(['fetch', `mastodon:@alice@${server.host}`, ...FAST, '--contact', 'inspektorat@example.go.id']);
    expect(r.exitCode).toBe(0);
    const version = JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')).version as string;
    for (const l of server.log) expect(l.headers['user-agent']).toBe(`netral/${version} (ASN neutrality audit of public posts; contact: inspektorat@example.go.id)`);
  });

  it('reads poll options into media_text, like image descriptions', async () => {
    const page = JSON.parse(fixture('mastodon/statuses-page1.json')) as Record<string, unknown>[];
    page[0] = { ...page[0], poll: { id: '77', options: [{ title: 'Pilih 02', votes_count: 3 }, { title: 'Belum tahu', votes_count: 1 }] } };
    mastodonAlice(server, { page1: JSON.stringify(page) });
    const r = await cli(['fetch', `mastodon:@alice@${server.host}`, ...FAST]);
    expect(r.exitCode).toBe(0);
    expect(posts(r.stdout)[0].media_text).toEqual(['Pilih 02', 'Belum tahu']);
  });

  it('finds an account whose handle domain is not its server (WebFinger), and writes its posts with that handle', async () => {
    // @alice@<server> is her handle; her server answers WebFinger there, and the account lives on `home`.
    webfingerAlice(server, server.host, home);
    mastodonAlice(home);
    const r = await cli(['fetch', `mastodon:@alice@${server.host}`, ...FAST]);
    expect(r.exitCode).toBe(0);
    expect(server.log.map((l) => l.path.split('?')[0])).toEqual(['/.well-known/webfinger']);
    expect(home.log.map((l) => l.path.split('?')[0])).toEqual(['/api/v1/accounts/lookup', STATUSES, STATUSES]);
    const ps = posts(r.stdout);
    expect(ps).toHaveLength(5);
    expect(new Set(ps.map((p) => p.author))).toEqual(new Set([`alice@${server.host}`]));
  });

  it('writes posts with the handle domain WebFinger names, not the host of the profile address', async () => {
    mastodonAlice(server);
    webfingerAlice(server, 'pemkab-contoh.go.id');
    const r = await cli(['fetch', `mastodon:@alice@${server.host}`, ...FAST]);
    expect(r.exitCode).toBe(0);
    expect(new Set(posts(r.stdout).map((p) => p.author))).toEqual(new Set(['alice@pemkab-contoh.go.id']));
  });

  it('asks the server typed when WebFinger gives no answer, and takes the domain from the profile address', async () => {
    mastodonAlice(server);
    server.on('/.well-known/webfinger', (_q, res) => send(res, 404, 'text/html', '<h1>Not found</h1>'));
    const r = await cli(['fetch', `mastodon:@alice@${server.host}`, ...FAST]);
    expect(r.exitCode).toBe(0);
    expect(new Set(posts(r.stdout).map((p) => p.author))).toEqual(new Set(['alice@mastodon.example']));
  });

  it('sends no credentials, and no cookie back to a server that sets one: it reads as a logged-out visitor', async () => {
    mastodonAlice(server);
    server.on('/api/v1/accounts/lookup', (_q, res) => send(res, 200, 'application/json; charset=utf-8', fixture('mastodon/account.json'), { 'set-cookie': '_session_id=abc; path=/' }));
    const r = await cli(['fetch', `mastodon:@alice@${server.host}`, ...FAST]);
    expect(r.exitCode).toBe(0);
    expect(server.log.map((l) => l.path.split('?')[0])).toEqual(['/.well-known/webfinger', '/api/v1/accounts/lookup', STATUSES, STATUSES]);
    for (const l of server.log) {
      expect(l.headers.cookie, l.path).toBeUndefined();
      expect(l.headers.authorization, l.path).toBeUndefined();
    }
  });

  it('says when the account does not exist, and exits 2', async () => {
    mastodonAlice(server);
    const r = await cli(['fetch', `mastodon:@nobody@${server.host}`, ...FAST]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`netral: error: mastodon:@nobody@${server.host}: ${server.host} has no account @nobody@${server.host} (HTTP 404`);
  });
});

describe('netral fetch bluesky:HANDLE', () => {
  it('pages with the cursor, reads facets by UTF-8 byte offsets, and turns reposts into reposts of the original author', async () => {
    blueskySiti(server);
    const r = await cli(['fetch', 'bluesky:siti.bsky.social', ...FAST, '--bluesky-api', server.origin]);
    expect(r.exitCode).toBe(0);
    const ps = posts(r.stdout);
    expect(ps).toHaveLength(4);
    const [p, repost, reply, old] = ps;
    expect(p).toMatchObject({
      id: 'at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3kj2abcdxyz2a',
      platform: 'bluesky',
      author: 'siti.bsky.social',
      author_name: 'Siti Rahma',
      created_at: '2024-01-19T13:05:00Z',
      url: 'https://bsky.app/profile/siti.bsky.social/post/3kj2abcdxyz2a',
      hashtags: ['PrabowoGibran2024'],
      mentions: ['gibran.bsky.social'],
      links: ['https://kampanye.example/agenda/januari-2024'],
      kind: 'post',
    });
    expect(repost).toMatchObject({
      id: 'at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.repost/3kj2reposted1',
      kind: 'repost',
      author: 'siti.bsky.social',
      repost_of: 'relawan02.bsky.social',
      text: 'Coblos nomor 2 tanggal 14 Februari! Bersama Indonesia Maju.',
      media_text: ['Poster paslon nomor urut 2'],
      created_at: '2024-01-18T08:00:00Z',
    });
    expect(reply).toMatchObject({ kind: 'reply', reply_to: 'andi.bsky.social' });
    expect(old.created_at).toBe('2023-11-02T03:00:00Z');
    const feed = server.hits('/xrpc/app.bsky.feed.getAuthorFeed');
    expect(feed).toHaveLength(2);
    expect(feed[0].path).toContain('actor=did%3Aplc%3Aewvi7nxzyoun6zhxrhs64oiz');
    expect(feed[1].path).toContain('cursor=2024-01-12T02%3A00%3A01.000Z');
  });

  it('skips an account labelled !no-unauthenticated with a note, without reading its feed, and exits 0', async () => {
    blueskySiti(server);
    const r = await cli(['fetch', 'bluesky:tertutup.bsky.social', 'bluesky:@siti.bsky.social', ...FAST, '--bluesky-api', server.origin]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('netral: note: bluesky:tertutup.bsky.social: skipped: the account asks not to be shown to logged-out users (!no-unauthenticated)');
    expect(server.hits('/xrpc/app.bsky.feed.getAuthorFeed?actor=did%3Aplc%3Ahidden')).toHaveLength(0);
    expect(posts(r.stdout)).toHaveLength(4);
    expect(r.stderr).toMatch(/fetched 4 posts from 1 of 2 accounts; 1 skipped/);
  });

  it('reports an unknown handle as that account failing', async () => {
    blueskySiti(server);
    const r = await cli(['fetch', 'bluesky:nobody.bsky.social', ...FAST, '--bluesky-api', server.origin]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('bluesky:nobody.bsky.social: no Bluesky account nobody.bsky.social (Profile not found)');
  });
});

describe('netral fetch rss:URL and feed URLs', () => {
  it('reads RSS 2.0 with CDATA, content:encoded and lenient dates (Indonesian, naive in --tz, broken kept raw)', async () => {
    server.on('/blog.rss', (_q, res) => send(res, 200, 'application/rss+xml; charset=utf-8', fixture('feeds/blog.rss.xml')));
    const r = await cli(['fetch', `rss:${server.origin}/blog.rss`, ...FAST, '--tz', 'Asia/Makassar']);
    expect(r.exitCode).toBe(0);
    const ps = posts(r.stdout);
    expect(ps).toHaveLength(4);
    expect(ps[0]).toMatchObject({
      id: 'rudi-blog-101',
      platform: 'rss',
      // The account is the feed asked for; the writer an item names (dc:creator) is its author_name.
      author: `${server.origin}/blog.rss`,
      author_name: 'Rudi Hartono',
      created_at: '2024-01-16T13:30:00Z',
      created_at_raw: 'Selasa, 16 Januari 2024 20:30 WIB',
      url: 'https://rudi.example.id/2024/01/ayo-coblos',
      text: 'Ayo coblos 02! #PrabowoGibran2024\n\nBaris kedua\nbaris ketiga',
      hashtags: ['PrabowoGibran2024'],
    });
    expect(ps[1]).toMatchObject({ id: 'https://rudi.example.id/?p=100', created_at: '2024-01-15T00:00:00Z', text: 'Kerja bakti RT 05\n\nKerja bakti membersihkan selokan & taman bersama warga.' });
    // Naive time read in --tz (WITA, UTC+8), never in the machine's zone.
    expect(ps[2]).toMatchObject({ created_at: '2024-01-10T01:00:00Z', created_at_raw: 'Wed, 10 Jan 2024 09:00:00', author: `${server.origin}/blog.rss`, author_name: 'Catatan Pak Rudi' });
    // One blog, one account, whether an item names its writer or not.
    expect(new Set(ps.map((p) => p.author))).toEqual(new Set([`${server.origin}/blog.rss`]));
    expect(ps[3]).toMatchObject({ created_at: null, created_at_raw: 'kemarin sore' });
    expect(r.stderr).toContain('created_at ignored: unrecognised date format: kemarin sore');
  });

  it('reads Atom (html, text and xhtml content; relative links) from a plain feed URL', async () => {
    server.on('/news.atom', (_q, res) => send(res, 200, 'application/atom+xml', fixture('feeds/news.atom.xml')));
    const r = await cli(['fetch', `${server.origin}/news.atom`, ...FAST]);
    expect(r.exitCode).toBe(0);
    const ps = posts(r.stdout);
    expect(ps).toHaveLength(2);
    expect(ps[0]).toMatchObject({
      id: 'tag:kecamatan.example.id,2024:entry-7',
      author: `${server.origin}/news.atom`,
      author_name: 'Humas Kecamatan',
      created_at: '2024-01-21T01:00:00Z',
      url: `${server.origin}/berita/netralitas-asn`,
      text: 'Sosialisasi netralitas ASN\n\nASN dilarang mendukung salah satu calon.\n\nJaga netralitas!',
      hashtags: ['netralitas'],
    });
    expect(ps[1]).toMatchObject({ text: 'Jadwal posyandu\n\nPosyandu buka setiap Selasa.\n\nBawa buku KIA.', created_at: '2024-01-05T10:00:00Z', url: 'https://kecamatan.example.id/berita/posyandu' });
  });

  it('decodes a feed in the charset its XML declaration names', async () => {
    const xml = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>Kafe</title><item><guid>k1</guid><title>Kopi di caf'),
      Buffer.from([0xe9]),
      Buffer.from(' dekat kantor</title><pubDate>Mon, 15 Jan 2024 10:00:00 +0700</pubDate></item></channel></rss>'),
    ]);
    server.on('/kafe.xml', (_q, res) => send(res, 200, 'application/xml', xml));
    const r = await cli(['fetch', `rss:${server.origin}/kafe.xml`, ...FAST]);
    expect(posts(r.stdout)[0].text).toBe('Kopi di café dekat kantor');
  });

  it("writes a Mastodon profile feed's posts with the profile's handle, as mastodon: writes it, so the roster finds them", async () => {
    const feed = (_q: unknown, res: Parameters<typeof send>[0]) => send(res, 200, 'application/rss+xml; charset=utf-8', fixture('feeds/mastodon-alice.rss.xml'));
    server.on('/@alice.rss', feed).on('/users/alice.rss', feed).on('/@Alice.rss', feed).on('/blog.rss', feed);
    const handle = `alice@${server.host}`;
    for (const spec of [`rss:${server.origin}/@alice.rss`, `rss:${server.origin}/users/alice.rss`, `${server.origin}/@alice.rss`, `rss:${server.origin}/@Alice.rss`]) {
      const r = await cli(['fetch', spec, ...FAST]);
      expect(r.exitCode, r.stderr).toBe(0);
      const ps = posts(r.stdout);
      expect(ps.map((p) => [p.platform, p.author, p.author_name, p.id])).toEqual([
        ['rss', handle, 'Alice Wulandari', 'https://mastodon.example/@alice/111780000000000002'],
        ['rss', handle, 'Alice Wulandari', 'https://mastodon.example/@alice/111770000000000001'],
      ]);
      expect(ps[1]).toMatchObject({ text: 'Rapat koordinasi pagi ini di kantor dinas.', media_text: ['Ruang rapat dengan meja panjang'] });
    }
    // A profile page: netral follows the feed it advertises, whose account it is.
    server.on('/@alice', (_q, res) => send(res, 200, 'text/html; charset=utf-8', `<html><head><link rel="alternate" type="application/rss+xml" href="${server.origin}/@alice.rss"></head><body></body></html>`));
    const page = await cli(['fetch', `rss:${server.origin}/@alice`, ...FAST]);
    expect(page.stderr).toContain(`using the feed it advertises: ${server.origin}/@alice.rss`);
    expect(new Set(posts(page.stdout).map((p) => p.author))).toEqual(new Set([handle]));
    // The same form as the mastodon: source's (user@host, no leading @), for the same account.
    webfingerAlice(server, server.host);
    server.on('/api/v1/accounts/lookup', (_q, res) => send(res, 200, 'application/json; charset=utf-8', fixture('mastodon/account.json')));
    server.on(STATUSES, (_q, res) => send(res, 200, 'application/json; charset=utf-8', fixture('mastodon/statuses-page2.json')));
    expect(new Set(posts((await cli(['fetch', `mastodon:@alice@${server.host}`, ...FAST])).stdout).map((p) => p.author))).toEqual(new Set([handle]));
    // Any other feed is its own account, by its address.
    expect(posts((await cli(['fetch', `rss:${server.origin}/blog.rss`, ...FAST])).stdout)[0].author).toBe(`${server.origin}/blog.rss`);

    // What it is for: the roster's Mastodon handle names the employee on the findings.
    const dir = tempDir();
    const fetched = await cli(['fetch', `rss:${server.origin}/@alice.rss`, ...FAST, '-o', path.join(dir, 'alice.jsonl')]);
    expect(fetched.exitCode, fetched.stderr).toBe(0);
    writeFiles(dir, { 'pegawai.csv': `nip,nama,unit_kerja,jabatan,mastodon\n199001012015031001,Alice Wulandari,Dinas Kominfo,Pranata Komputer,@alice@${server.host}\n` });
    const scan = await cli(['scan', path.join(dir, 'alice.jsonl'), '--roster', path.join(dir, 'pegawai.csv'), '-f', 'json']);
    const found = JSON.parse(scan.stdout).findings as { post_id: string; employee: { nip: string } | null }[];
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((f) => f.employee?.nip))).toEqual(new Set(['199001012015031001']));
  });

  it('follows the feed a page advertises (autodiscovery), for rss: and for a plain page URL', async () => {
    server.on('/', (_q, res) => send(res, 200, 'text/html; charset=utf-8', fixture('html/blog-home.html')));
    server.on('/blog.rss', (_q, res) => send(res, 200, 'application/rss+xml', fixture('feeds/blog.rss.xml')));
    for (const spec of [`rss:${server.origin}/`, `${server.origin}/`]) {
      const r = await cli(['fetch', spec, ...FAST]);
      expect(r.exitCode).toBe(0);
      expect(posts(r.stdout)).toHaveLength(4);
      expect(r.stderr).toContain(`using the feed it advertises: ${server.origin}/blog.rss`);
    }
  });
});

describe('netral fetch https:// pages', () => {
  it('takes posts from JSON-LD (@graph, arrays, @type lists, sharedContent) and not from comments or og tags', async () => {
    server.on('/t/persiapan-pemilu/42', (_q, res) => send(res, 200, 'text/html; charset=utf-8', fixture('html/forum-thread.html')));
    const r = await cli(['fetch', `${server.origin}/t/persiapan-pemilu/42`, ...FAST]);
    expect(r.exitCode).toBe(0);
    // Newest first, as for every account: the repost of 13 January, then the post of 12 January.
    const [repost, post, ...rest] = posts(r.stdout);
    expect(rest).toEqual([]);
    expect(post).toMatchObject({
      id: 'https://forum.example/t/persiapan-pemilu/42#post-1',
      platform: 'web',
      author: 'rudi_h',
      author_name: 'Rudi Hartono',
      created_at: '2024-01-12T12:30:00Z',
      text: 'Persiapan pemilu di kantor\n\nTeman-teman, ayo coblos 02! #PrabowoGibran2024\nJangan lupa ajak keluarga.',
      hashtags: ['pemilu2024', 'kantor'],
      kind: 'post',
    });
    expect(repost).toMatchObject({ kind: 'repost', repost_of: 'timkampanye02', text: 'Prabowo-Gibran untuk Indonesia Maju. Coblos 02!', links: ['https://kampanye.example/p/123'] });
    expect(r.stdout).not.toContain('Komentar orang lain');
    expect(r.stderr).toContain('JSON-LD block 3 is not valid JSON');
  });

  it('falls back to OpenGraph and meta tags for an article, and says which tags the text is from', async () => {
    server.on('/2024/01/pasar', (_q, res) => send(res, 200, 'text/html', fixture('html/article-og.html')));
    const r = await cli(['fetch', `${server.origin}/2024/01/pasar`, ...FAST]);
    expect(r.exitCode).toBe(0);
    expect(posts(r.stdout)).toEqual([
      expect.objectContaining({
        id: 'https://berita.example/2024/01/pasar',
        url: 'https://berita.example/2024/01/pasar',
        text: 'Bupati resmikan pasar rakyat\n\nPasar rakyat baru diresmikan pagi ini & langsung ramai pengunjung.',
        created_at: '2024-01-08T02:15:00Z',
        author: 'Redaksi Portal',
        hashtags: ['ekonomi', 'pasar'],
        media_text: ['Bupati menggunting pita di pintu pasar'],
      }),
    ]);
    expect(r.stderr).toContain(`netral: note: ${server.origin}/2024/01/pasar: no structured post on the page; the text is taken from its og:title and og:description (a summary, which sites often shorten)`);
  });

  it('fails a page with nothing to read instead of writing an empty post', async () => {
    server.on('/app', (_q, res) => send(res, 200, 'text/html', fixture('html/no-post.html')));
    const r = await cli(['fetch', `${server.origin}/app`, ...FAST]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no post found on the page');
  });

  it("never makes a post of a page's title: a JavaScript app and a login form are errors that say why and what to do", async () => {
    server.on('/spa.html', (_q, res) => send(res, 200, 'text/html; charset=utf-8', fixture('html/app-shell.html')));
    server.on('/masuk', (_q, res) => send(res, 200, 'text/html; charset=utf-8', fixture('html/login-page.html')));
    const r = await cli(['fetch', `${server.origin}/spa.html`, `${server.origin}/masuk`, ...FAST]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    const instead = "use the account's data download from the platform, or a collector's export, and read it with netral scan";
    expect(r.stderr).toContain(
      `netral: error: ${server.origin}/spa.html: no post found on the page titled "Login · Relawan Prabowo Gibran 02": it has no structured post (JSON-LD), no OpenGraph or meta description and no advertised feed; it is probably built by JavaScript, which netral does not run, or needs a login; ${instead}\n`,
    );
    expect(r.stderr).toContain(`netral: error: ${server.origin}/masuk: no post found on the page titled "Masuk": it shows a login form, and netral does not log in; ${instead}\n`);
    expect(r.stderr).toContain('fetched 0 posts from 0 of 2 accounts; 2 failed');
  });

  it("does not take a login form's site description for a post, nor a title without a description", async () => {
    const login = '<!doctype html><html><head><title>Login · Relawan 02</title><meta name="description" content="Relawan Prabowo Gibran 02: bersama Indonesia Maju"></head><body><form><input name="u"><input type="Password" name="p"></form></body></html>';
    const titled = '<!doctype html><html><head><meta property="og:title" content="Coblos 02!"><meta property="og:type" content="website"></head><body><div id="root"></div></body></html>';
    server.on('/login', (_q, res) => send(res, 200, 'text/html; charset=utf-8', login));
    server.on('/titled', (_q, res) => send(res, 200, 'text/html', titled));
    const r = await cli(['fetch', `${server.origin}/login`, `${server.origin}/titled`, ...FAST]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${server.origin}/login: no post found on the page titled "Login · Relawan 02": it shows a login form, and netral does not log in`);
    expect(r.stderr).toContain(`${server.origin}/titled: no post found on the page: it has no structured post (JSON-LD), no OpenGraph or meta description and no advertised feed;`);
  });

  it('reads a page that has only a meta description, and says that is where its text comes from', async () => {
    const page = '<!doctype html><html><head><title>Pengumuman — Kelurahan Sukamaju</title><meta name="description" content="Posyandu buka setiap Selasa pukul 08.00."></head><body><div id="app"></div></body></html>';
    server.on('/pengumuman', (_q, res) => send(res, 200, 'text/html; charset=utf-8', page));
    const r = await cli(['fetch', `${server.origin}/pengumuman`, ...FAST]);
    expect(r.exitCode).toBe(0);
    // The text is the description alone: the document's <title> (here with the site's name) is not part of it.
    expect(posts(r.stdout).map((p) => p.text)).toEqual(['Posyandu buka setiap Selasa pukul 08.00.']);
    expect(r.stderr).toContain(`netral: note: ${server.origin}/pengumuman: no structured post on the page; the text is taken from its meta description (a summary, which sites often shorten)`);
  });

  it('refuses platforms that need a login without sending a request, and keeps fetching the rest', async () => {
    mastodonAlice(server);
    const r = await cli(['fetch', 'https://www.facebook.com/budi.s/posts/1', 'https://x.com/budi_s', `mastodon:@alice@${server.host}`, ...FAST]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('https://www.facebook.com/budi.s/posts/1: Facebook needs a login, so netral cannot collect its posts');
    expect(r.stderr).toContain('https://x.com/budi_s: X (Twitter) needs a login');
    expect(posts(r.stdout)).toHaveLength(5);
  });
});

describe('netral fetch usage', () => {
  it('rejects sources it cannot read, and plain http to other hosts, before any request', async () => {
    const r = await cli(['fetch', 'ftp://example.com/x', 'http://example.com/feed', 'mastodon:alice', 'bluesky:not a handle']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('"ftp://example.com/x" is not a source netral can fetch');
    expect(r.stderr).toContain('plain http is only used for this computer (localhost); use https://example.com/feed');
    expect(r.stderr).toContain('a Mastodon account is written @user@host');
    expect(r.stderr).toContain('is not a Bluesky handle');
    expect(server.log).toHaveLength(0);
  });

  it('rejects a bad --since, --rate or --max-body-size', async () => {
    expect((await cli(['fetch', 'bluesky:a.bsky.social', '--since', 'kemarin'])).stderr).toContain('--since: "kemarin" is not a date');
    expect((await cli(['fetch', 'bluesky:a.bsky.social', '--rate', '0'])).stderr).toContain('--rate must be a positive number');
    expect((await cli(['fetch', 'bluesky:a.bsky.social', '--max-body-size', 'big'])).stderr).toContain('--max-body-size must be a size');
  });

  it('rejects a --bluesky-api that is not a URL netral may request, before any request', async () => {
    const bad = async (api: string) => {
      const r = await cli(['fetch', 'bluesky:a.bsky.social', '--bluesky-api', api]);
      expect(r.exitCode, api).toBe(2);
      return r.stderr;
    };
    expect(await bad('public api')).toContain('--bluesky-api: "public api" is not a URL');
    expect(await bad('http://api.example/')).toContain('--bluesky-api: plain http is only used for this computer (localhost); use https://api.example/');
    expect(await bad('ftp://api.example/')).toContain('--bluesky-api: only http(s) addresses can be fetched, not ftp:');
    expect(server.log).toHaveLength(0);
  });

  it('takes --rate as a decimal, and --max-body-size in bytes, KB or MB', async () => {
    const atom = fixture('feeds/news.atom.xml');
    const n = Buffer.byteLength(atom);
    server.on('/news.atom', (_q, res) => send(res, 200, 'application/atom+xml', atom));
    for (const [size, exit] of [[String(n), 0], [String(n - 1), 2], ['1KB', 2], ['512KB', 0], ['5MB', 0]] as const) {
      const r = await cli(['fetch', `${server.origin}/news.atom`, '--rate', '0.5', '--max-body-size', size]);
      expect(r.exitCode, `${size}: ${r.stderr}`).toBe(exit);
    }
  });

  it('with -q writes nothing to stderr but errors', async () => {
    mastodonAlice(server);
    const r = await cli(['fetch', '-q', `mastodon:@alice@${server.host}`, `mastodon:@nobody@${server.host}`, ...FAST]);
    expect(r.exitCode).toBe(2);
    expect(posts(r.stdout)).toHaveLength(5);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(new RegExp(`^netral: error: mastodon:@nobody@${server.host.replace(/\./g, '\\.')}: .*HTTP 404`))]);
  });

  it('writes -o FILE atomically', async () => {
    mastodonAlice(server);
    const dir = tempDir();
    const out = path.join(dir, 'posts.jsonl');
    writeFiles(dir, { 'posts.jsonl': 'old\n' });
    const r = await cli(['fetch', `mastodon:@alice@${server.host}`, ...FAST, '-o', out]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    expect(posts(readFileSync(out, 'utf8'))).toHaveLength(5);
  });
});

describe('netral fetch --roster', () => {
  it('fetches the Mastodon and Bluesky accounts of a roster, says which platforms it cannot fetch, and names bad rows by line', async () => {
    mastodonAlice(server);
    blueskySiti(server);
    const dir = tempDir();
    const roster = path.join(dir, 'pegawai.csv');
    writeFiles(dir, { 'pegawai.csv': fixture('roster.csv').replace('@alice@HOST', `@alice@${server.host}`) });
    const r = await cli(['fetch', '--roster', roster, ...FAST, '--bluesky-api', server.origin]);
    expect(r.exitCode).toBe(2);
    const ps = posts(r.stdout);
    expect(new Set(ps.map((p) => p.author))).toEqual(new Set(['alice@mastodon.example', 'siti.bsky.social']));
    expect(ps).toHaveLength(9);
    expect(r.stderr).toContain(`netral: note: ${roster}: 2 facebook handles of 2 employees not fetched: Facebook needs a login`);
    expect(r.stderr).toContain(`${roster}: 2 instagram handles of 2 employees not fetched`);
    expect(r.stderr).toContain(`${roster}: 2 x handles of 2 employees not fetched: X (Twitter) needs a login`);
    expect(r.stderr).toContain(`${roster}: 1 tiktok handle of 1 employee not fetched: TikTok needs a login`);
    expect(r.stderr).toContain(`netral: error: ${roster}:5: NIP "1.98501E+17" was shortened by a spreadsheet into a number; format the column as Text and type the 18 digits again`);
    expect(r.stderr).toContain(`netral: error: ${roster}:6: mastodon handle of Rina Kartika (NIP 198001012006041004): a Mastodon account is written @user@host`);
    expect(r.stderr).toMatch(/fetched 9 posts \(1 record skipped\) from 2 of 2 accounts; 2 roster problems/);
  });

  it('fetches roster accounts and explicit sources together, each once', async () => {
    mastodonAlice(server);
    const dir = tempDir();
    writeFiles(dir, { 'r.csv': `nip,nama,mastodon\n199001012015031001,Alice,@alice@${server.host}\n` });
    const r = await cli(['fetch', `mastodon:@alice@${server.host}`, '--roster', path.join(dir, 'r.csv'), ...FAST]);
    expect(r.exitCode).toBe(0);
    expect(posts(r.stdout)).toHaveLength(5);
    expect(server.hits('/api/v1/accounts/lookup')).toHaveLength(1);
  });

  it('stops with a clear message when the roster has no NIP column', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'r.csv': 'nama,mastodon\nAlice,@alice@example.social\n' });
    const r = await cli(['fetch', '--roster', path.join(dir, 'r.csv')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, 'r.csv')}:1: no "nip" column (the columns are: "nama", "mastodon")`);
  });
});

describe('progress on a terminal', () => {
  it('shows an ora spinner with pages, posts and retries, and keeps a line per account', async () => {
    mastodonAlice(server);
    const r = await cli(['fetch', `mastodon:@alice@${server.host}`, ...FAST], { stderrIsTTY: true });
    expect(r.exitCode).toBe(0);
    // The spinner's frames name the account with its counts (ora draws them; a real terminal redraws in place).
    expect(r.stderr).toMatch(/(^|\n)[^\x00-\x7f] netral: mastodon:@alice@127\.0\.0\.1:\d+: \d+ posts?(, 1 skipped)?, \d+ pages?/);
    expect(r.stderr).toContain(`netral: mastodon:@alice@${server.host}: 5 posts, 1 skipped, 2 pages\n`);
  });

  it('shows no spinner with NO_COLOR, only the lines', async () => {
    mastodonAlice(server);
    const r = await cli(['fetch', `mastodon:@alice@${server.host}`, ...FAST], { stderrIsTTY: true, env: { NO_COLOR: '1' } });
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain(`netral: mastodon:@alice@${server.host}: 5 posts, 1 skipped, 2 pages\n`);
  });
});
