import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectFormat, formatIds } from '../../src/sources/registry.js';
import { HEAD_BYTES } from '../../src/sources/head.js';
import { FIXTURES } from '../helpers/cli.js';
import { exportsPath, readAll } from '../helpers/read.js';

function detected(file: string): string | undefined {
  const head = readFileSync(file).subarray(0, HEAD_BYTES);
  return detectFormat(head, file)?.id;
}

describe('format detection', () => {
  it('recognises each platform file by its content, above the generic JSON readers', () => {
    const cases: [string, string][] = [
      ['x-archive/archive-2024/data/tweets.js', 'x-archive'],
      ['x-archive/archive-2024/data/deleted-tweets.js', 'x-archive'],
      ['facebook/download-2021/posts/your_posts_1.json', 'facebook'],
      ['facebook/download-2023/your_activity_across_facebook/groups/your_comments_in_groups.json', 'facebook'],
      ['instagram/download-2024/your_instagram_activity/media/posts_1.json', 'instagram'],
      ['instagram/download-2024/your_instagram_activity/media/reels.json', 'instagram'],
      ['tiktok/download-2024/user_data_tiktok.json', 'tiktok'],
      ['mastodon/archive-2024/outbox.json', 'mastodon-archive'],
      ['mastodon-api/statuses-page1.json', 'mastodon-api'],
      ['bluesky/getAuthorFeed-agungwbs.json', 'bluesky'],
      ['bluesky/pages/agungwbs-pages.jsonl', 'bluesky'],
      ['apify-instagram/dataset_instagram-scraper_2024-11-01.json', 'apify-instagram'],
      ['apify-tiktok/dataset_tiktok-scraper_2024-02-15.jsonl', 'apify-tiktok'],
      ['apify-facebook/dataset_facebook-posts-scraper_2024-02-01.json', 'apify-facebook'],
      ['snscrape/twitter-user-budi_santoso88.jsonl', 'snscrape'],
      ['snscrape/old-0.4/budi_santoso88-2019.jsonl', 'snscrape'],
      ['twarc2/raw/budi_santoso88-timeline.jsonl', 'twarc2'],
      ['twarc2/flat/budi_santoso88-timeline-flat.jsonl', 'twarc2'],
      ['instaloader/neng.yulia/2024-07-14_06-00-00_UTC.json', 'instaloader'],
    ];
    for (const [rel, id] of cases) expect([rel, detected(exportsPath(rel))]).toEqual([rel, id]);
  });

  it('leaves netral’s own records to the generic readers', () => {
    expect(detected(path.join(FIXTURES, 'demo/posts.jsonl'))).toBe('jsonl');
    expect(detected(path.join(FIXTURES, 'demo/komentar.csv'))).toBe('csv');
  });

  it('lists every format id for --from', () => {
    expect(formatIds()).toEqual(['jsonl', 'json', 'csv', 'x-archive', 'facebook', 'instagram', 'tiktok', 'mastodon-archive', 'mastodon-api', 'bluesky', 'apify-instagram', 'apify-tiktok', 'apify-facebook', 'snscrape', 'twarc2', 'instaloader']);
  });
});

describe('--from', () => {
  it('reads a folder as the named platform download', async () => {
    const r = await readAll([exportsPath('mastodon/archive-2024')], { from: 'mastodon-archive' });
    expect(r.counts[0]).toMatchObject({ format: 'mastodon-archive', read: 7 });
  });

  it('reads the download in an archive’s top folder as detection does, and lets the reader say what it misses', async () => {
    const zip = exportsPath('facebook/facebook-siti.rahmawati.77-2024-03-01.zip');
    const forced = await readAll([zip], { from: 'facebook' });
    const detected = await readAll([zip]);
    expect(forced.counts).toEqual(detected.counts);
    expect(forced.counts[0]).toMatchObject({ format: 'facebook', read: 14 });
    expect(forced.posts).toEqual(detected.posts);
    const other = await readAll([zip], { from: 'x-archive' });
    expect(other.counts).toEqual([{ input: zip, format: 'x-archive', read: 0, scanned: 0, skipped: 0, error: 'no X archive data here (expected data/tweets.js)' }]);
  });

  it('reads an archive with a file format as a folder of such files', async () => {
    const r = await readAll([exportsPath('bad/duplicates.zip')], { from: 'jsonl' });
    expect(r.counts.map((c) => c.format)).toEqual(['jsonl']);
  });

  it('says so when a platform reader is given another platform’s file', async () => {
    const r = await readAll([exportsPath('tiktok/download-2024/user_data_tiktok.json')], { from: 'x-archive' });
    expect(r.counts[0].error).toMatch(/not an X archive file/);
  });
});
