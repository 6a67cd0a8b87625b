import { describe, expect, it } from 'vitest';
import { bin, cli } from '../helpers/cli.js';
import { exportsPath } from '../helpers/read.js';

describe('netral inspect', () => {
  it('prints format, counts by kind and platform, dates in WIB, authors and skip reasons', async () => {
    const zip = exportsPath('mastodon/archive-20240301120000-0a1b2c3d.zip');
    const r = await cli(['inspect', zip]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      [
        zip,
        '  format     mastodon-archive',
        '  records    7 read: 5 posts, 2 skipped',
        '  kinds      post 3, reply 1, repost 1',
        '  platforms  mastodon 5',
        '  dates      2024-01-07 22:30 WIB – 2024-02-03 12:00 WIB',
        '  authors    @agung_wbs@mastodon.social (Agung Wibisana) 5',
        `  skipped    1 × followers-only post (use --include-private to read it) (first at ${zip}!outbox.json#4)`,
        `             1 × direct message (use --include-private to read it) (first at ${zip}!outbox.json#5)`,
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
  });

  it('adds a total over several inputs, marks deleted posts, and shows another zone with --tz', async () => {
    const r = await cli(['inspect', exportsPath('x-archive/archive-2024'), exportsPath('x-archive/archive-2019'), '--tz', 'Asia/Jayapura', '-q']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('  deleted    1\n');
    // Likes are posts of their own kind; X keeps no date for them.
    expect(r.stdout).toContain(
      `All 2 inputs\n  records    18 read: 17 posts, 1 skipped\n  kinds      post 9, reply 1, repost 1, quote 1, like 5\n  platforms  x 17\n  deleted    1\n  dates      2019-03-02 12:30 WIT – 2024-02-11 23:00 WIT (5 without a date)\n  authors    @budi_santoso88 (Budi Santoso) 17\n  skipped    1 × a like that names neither the liked post's text nor whose post it was: nothing to scan (first at ${exportsPath('x-archive/archive-2024/data/like.js')}:37)\n`,
    );
  });

  it('counts the likes of a download by kind, and says why a like was skipped', async () => {
    const dir = exportsPath('facebook/download-2024');
    const r = await cli(['inspect', dir, '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as { inputs: { read: number; skipped: number; posts: number; kinds: Record<string, number>; skip_reasons: { reason: string; count: number }[] }[] };
    const i = doc.inputs[0];
    expect(i.kinds).toEqual({ post: 4, reply: 1, repost: 1, quote: 0, like: 5 });
    expect(i.read).toBe(i.posts + i.skipped);
    expect(i.skip_reasons.map((x) => [x.reason, x.count])).toEqual([
      ['the same like as one in likes_and_reactions.json (Facebook lists a like in more than one file)', 1],
      ['a "HAHA" reaction, not a like: it says nothing certain for or against the post\'s owner', 1],
      ["a like that names neither the liked post's text nor whose post it was: nothing to scan", 1],
    ]);
  });

  it('writes the same facts as JSON with --format json', async () => {
    const file = exportsPath('apify-tiktok/dataset_tiktok-scraper_2024-02-15.jsonl');
    const r = await cli(['inspect', file, '--format', 'json']);
    const facts = {
      read: 3,
      skipped: 1,
      posts: 2,
      kinds: { post: 2, reply: 0, repost: 0, quote: 0, like: 0 },
      platforms: { tiktok: 2 },
      deleted: 0,
      first_created_at: '2023-10-20T13:10:00Z',
      last_created_at: '2024-01-24T12:45:00Z',
      undated: 0,
      authors: [{ platform: 'tiktok', author: 'neng.yulia', author_name: 'Yulia Rahmawati', posts: 2 }],
      skip_reasons: [{ reason: 'the scraper reported an error for https://www.tiktok.com/@akun_privat: Profile is private', count: 1, first: `${file}:3` }],
    };
    expect(JSON.parse(r.stdout)).toEqual({ inputs: [{ input: file, format: 'apify-tiktok', ...facts }], total: { inputs: 1, ...facts } });
  });

  it('speaks Indonesian with --lang id', async () => {
    const r = await cli(['inspect', exportsPath('instaloader/neng.yulia'), '--lang', 'id']);
    expect(r.stdout).toContain('  rekaman    2 dibaca: 2 unggahan, 0 dilewati\n');
    expect(r.stdout).toContain('  akun       @neng.yulia 2\n');
  });

  it('exits 2 and names the input that could not be read; stdout stays the report (real process)', async () => {
    const r = await bin(['inspect', exportsPath('bad/empty.zip'), exportsPath('bad/instagram-html')]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain(`${exportsPath('bad/empty.zip')}\n  failed     empty archive (no files in it)\n`);
    expect(r.stderr).toContain(`netral: error: ${exportsPath('bad/instagram-html')}: this is the HTML version of the Instagram download`);
  });

  it('reads standard input', async () => {
    const r = await cli(['inspect'], { stdin: '{"id":"1","text":"Apel pagi","platform":"x","author":"budi","created_at":"2024-01-02T01:00:00Z"}\n{"id":"2","text":"Rapat","platform":"x","author":"budi"}\n' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('-\n  format     jsonl\n  records    2 read: 2 posts, 0 skipped\n');
    expect(r.stdout).toContain('(1 without a date)');
  });
});
