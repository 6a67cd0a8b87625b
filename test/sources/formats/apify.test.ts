import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exportsPath, post, readAll } from '../../helpers/read.js';
import { tempDir, writeFiles } from '../../helpers/cli.js';

const F = (rel: string) => exportsPath(rel);

describe('Apify Instagram scraper', () => {
  const FILE = F('apify-instagram/dataset_instagram-scraper_2024-11-01.json');
  const who = { platform: 'instagram', author: 'neng.yulia', author_name: 'Yulia Rahmawati' };
  const POSTS = [
    post({ id: '3471234567890123456', ...who, created_at: '2024-10-05T03:00:00Z', created_at_raw: '2024-10-05T03:00:00.000Z', url: 'https://www.instagram.com/p/DAbCdEfGhIj/', text: 'Bismillah, kita menangkan ASIH! 🙌 #ASIH #PilkadaJabar2024 bersama @ahmadsyaikhu', hashtags: ['ASIH', 'PilkadaJabar2024'], mentions: ['ahmadsyaikhu'], media_text: ["Photo by Yulia Rahmawati on October 05, 2024. May be an image of 2 people and text that says 'ASIH 3'."], source: { file: FILE, line: 2, record: 1 } }),
    post({ id: '3411234567890123457', ...who, created_at: '2024-07-14T06:00:00Z', created_at_raw: '2024-07-14T06:00:00.000Z', url: 'https://www.instagram.com/p/C9xYzAbCdEf/', text: 'Liburan keluarga di Pangandaran 🌊☀️', media_text: ['May be an image of beach and sunset', 'May be an image of 3 people'], source: { file: FILE, line: 38, record: 2 } }),
  ];

  it('reads a JSON dataset; an error item is skipped, saying what failed; comments by others are not read', async () => {
    const r = await readAll([FILE]);
    expect(r.posts).toEqual(POSTS);
    expect(r.skips).toEqual([{ source: { file: FILE, line: 65, record: 3 }, reason: 'the scraper reported an error for https://www.instagram.com/akun_dihapus_123/: not_found (Page not found)' }]);
    expect(r.counts[0].format).toBe('apify-instagram');
    expect(JSON.stringify(r.posts)).not.toContain('teman1');
  });

  it('reads the same dataset exported as JSONL', async () => {
    const dir = tempDir();
    const items = JSON.parse(readFileSync(FILE, 'utf8')) as unknown[];
    writeFiles(dir, { 'dataset.jsonl': items.map((i) => JSON.stringify(i)).join('\n') + '\n' });
    const file = path.join(dir, 'dataset.jsonl');
    const r = await readAll([file]);
    expect(r.posts).toEqual(POSTS.map((p, i) => ({ ...p, source: { file, line: i + 1, record: i + 1 } })));
    expect(r.counts[0]).toMatchObject({ format: 'apify-instagram', read: 3, skipped: 1 });
  });
});

describe('Apify Instagram scraper: tags given as one text', () => {
  it('reads hashtags and mentions given as a string instead of a list', async () => {
    const dir = tempDir();
    const item = (id: string, hashtags: unknown, mentions: unknown) => ({ id, shortCode: `C${id}`, ownerUsername: 'neng.yulia', caption: 'halo', hashtags, mentions });
    writeFiles(dir, { 'dataset.json': JSON.stringify([item('1', '#ASIH #PilkadaJabar2024', '@ahmadsyaikhu, @neng.yulia'), item('2', 'ASIH,PilkadaJabar2024', 'ahmadsyaikhu'), item('3', ['ASIH'], [])]) });
    const r = await readAll([path.join(dir, 'dataset.json')]);
    expect(r.counts[0].format).toBe('apify-instagram');
    expect(r.posts.map((p) => [p.id, p.hashtags, p.mentions])).toEqual([
      ['1', ['ASIH', 'PilkadaJabar2024'], ['ahmadsyaikhu', 'neng.yulia']],
      ['2', ['ASIH', 'PilkadaJabar2024'], ['ahmadsyaikhu']],
      ['3', ['ASIH'], []],
    ]);
  });
});

describe('Apify TikTok scraper', () => {
  it('reads a JSONL dataset; a failed item is skipped', async () => {
    const FILE = F('apify-tiktok/dataset_tiktok-scraper_2024-02-15.jsonl');
    const who = { platform: 'tiktok', author: 'neng.yulia', author_name: 'Yulia Rahmawati' };
    const r = await readAll([FILE]);
    expect(r.posts).toEqual([
      post({ id: '7327432100000000001', ...who, created_at: '2024-01-24T12:45:00Z', created_at_raw: '2024-01-24T12:45:00.000Z', url: 'https://www.tiktok.com/@neng.yulia/video/7327432100000000001', text: 'c0bl0s n0m3r 1 ya gaes ☝🏻 perubahan dimulai dr kita 🔥 #amin #aniesmuhaimin #fyp', hashtags: ['amin', 'aniesmuhaimin', 'fyp'], source: { file: FILE, line: 1, record: 1 } }),
      post({ id: '7292000000000000003', ...who, created_at: '2023-10-20T13:10:00Z', created_at_raw: '2023-10-20T13:10:00.000Z', url: 'https://www.tiktok.com/@neng.yulia/video/7292000000000000003', text: "jadi guru tuh capek tapi pas murid bilang 'bu guru cantik' langsung sembuh 🥹 #guru #fyp @sinta.m", hashtags: ['guru', 'fyp'], mentions: ['sinta.m'], source: { file: FILE, line: 2, record: 2 } }),
    ]);
    expect(r.skips).toEqual([{ source: { file: FILE, line: 3, record: 3 }, reason: 'the scraper reported an error for https://www.tiktok.com/@akun_privat: Profile is private' }]);
    expect(r.counts[0].format).toBe('apify-tiktok');
  });
});

describe('Apify Facebook posts scraper', () => {
  it('reads hashtags from /hashtag/ links, links, OCR text of images; an error item is skipped', async () => {
    const FILE = F('apify-facebook/dataset_facebook-posts-scraper_2024-02-01.json');
    const who = { platform: 'facebook', author: 'siti.rahmawati.77', author_name: 'Siti Rahmawati' };
    const r = await readAll([FILE]);
    expect(r.posts).toEqual([
      post({ id: 'pfbid02AbCdEfGh1234567890', ...who, created_at: '2024-01-20T03:00:00Z', created_at_raw: '2024-01-20T03:00:00.000Z', url: 'https://www.facebook.com/siti.rahmawati.77/posts/pfbid02AbCdEfGh1234567890', text: 'Ayo coblos 02! #PrabowoGibran2024', hashtags: ['prabowogibran2024'], media_text: ["May be an image of 2 people and text that says 'PRABOWO GIBRAN 02 BERSAMA INDONESIA MAJU'"], source: { file: FILE, line: 2, record: 1 } }),
      post({ id: 'pfbid0ZyXwVuTsR9876543210', ...who, created_at: '2024-01-15T02:00:00Z', created_at_raw: '2024-01-15T02:00:00.000Z', url: 'https://www.facebook.com/siti.rahmawati.77/posts/pfbid0ZyXwVuTsR9876543210', text: 'Rapat persiapan ANBK SD se-Kecamatan Cibeber. Info lengkap: https://disdik.sukamajukab.go.id/anbk', links: ['https://disdik.sukamajukab.go.id/anbk'], source: { file: FILE, line: 38, record: 2 } }),
    ]);
    expect(r.skips).toEqual([{ source: { file: FILE, line: 59, record: 3 }, reason: 'the scraper reported an error for https://www.facebook.com/akun.tidak.ada: Page not found or not public (The page is not available)' }]);
    expect(r.counts[0].format).toBe('apify-facebook');
  });
});

describe('collector files with bad records', () => {
  it('skips a line over 16 MB and a line of invalid UTF-8, naming them, and reads the rest', async () => {
    const dir = tempDir();
    const item = (id: string) => JSON.stringify({ id, text: 'Apel pagi', createTimeISO: '2024-01-02T01:00:00.000Z', webVideoUrl: `https://www.tiktok.com/@a/video/${id}`, authorMeta: { name: 'a' } });
    const huge = `{"id":"9","text":"${'x'.repeat(17 * 1024 * 1024)}","webVideoUrl":"u","authorMeta":{}}`;
    const bad = Buffer.concat([Buffer.from('{"id":"8","text":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const file = path.join(dir, 'dataset.jsonl');
    writeFiles(dir, { 'dataset.jsonl': Buffer.concat([Buffer.from(`${item('1')}\n${huge}\n`), bad, Buffer.from(`\n${item('2')}\n`)]) });
    const r = await readAll([file]);
    expect(r.posts.map((p) => p.id)).toEqual(['1', '2']);
    expect(r.skips).toEqual([
      { source: { file, line: 2, record: 2 }, reason: 'line longer than 16 MB' },
      { source: { file, line: 3, record: 3 }, reason: 'invalid UTF-8' },
    ]);
    expect(r.counts[0]).toMatchObject({ format: 'apify-tiktok', read: 4, skipped: 2 });
  });
});

