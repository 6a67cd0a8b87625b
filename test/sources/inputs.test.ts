import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { cli, tempDir, writeFiles } from '../helpers/cli.js';
import { readAll } from '../helpers/read.js';

describe('InputSet: --map', () => {
  const dir = tempDir();
  writeFiles(dir, {
    'posts.jsonl': '{"id":"1","text":"halo"}\n',
    'posts.json': '[{"id":"2","text":"halo"}]\n',
    'mixed/a.jsonl': '{"id":"3","text":"halo"}\n',
    'mixed/b.csv': 'No,Isian\n4,halo\n',
  });
  const f = (p: string) => path.join(dir, p);
  const unused = (w: string[]) => w.filter((m) => m.includes('--map applies to CSV inputs'));

  it('warns once, naming the inputs, when no input read is CSV', async () => {
    const r = await readAll([f('posts.jsonl'), f('posts.json')], { map: { text: 'Isian' } });
    expect(r.posts).toHaveLength(2);
    expect(unused(r.warnings)).toEqual([`--map applies to CSV inputs and none was read, so it was not used: ${f('posts.jsonl')} (jsonl), ${f('posts.json')} (json)`]);
  });

  it('says nothing when a CSV input used it, or when --map was not given', async () => {
    const mixed = await readAll([f('mixed')], { map: { text: 'Isian', id: 'No' } });
    expect(mixed.posts.map((p) => p.id).sort()).toEqual(['3', '4']);
    expect(unused(mixed.warnings)).toEqual([]);
    expect(unused((await readAll([f('posts.jsonl')])).warnings)).toEqual([]);
  });
});

describe('InputSet: an input none of whose records could be read', () => {
  const dir = tempDir();
  const good = '{"id":"1","text":"Ayo coblos nomor 2 ✌️"}\n';
  writeFiles(dir, {
    'broken.jsonl': '{"id": 1, "text": "halo"\nbukan json\n{rusak\n',
    'one-good.jsonl': `{rusak\n${good}bukan json\n`,
    'photos.jsonl': '{"id":"1","text":""}\n{"id":"2","text":"   "}\n',
    'not-records.json': '[1, "dua", null]\n',
    'wide.csv': 'id,text\n1,halo,x,y\n2,dunia,z,w\n',
    'good.jsonl': good,
  });
  const f = (p: string) => path.join(dir, p);
  const one = async (p: string) => (await readAll([f(p)])).counts[0];

  it('is an input error naming the first bad record, so a cron run does not pass it for a quiet day', async () => {
    const c = await one('broken.jsonl');
    expect(c).toMatchObject({ read: 3, scanned: 0, skipped: 3, line: 1 });
    expect(c.error).toMatch(/^none of its 3 records could be read \(the first: invalid JSON: .*\); is it the file and format you meant\?$/);
    expect((await one('not-records.json')).error).toMatch(/^none of its 3 records could be read \(the first: record is .*not an object\)/);
    expect((await one('wide.csv')).error).toMatch(/^none of its 2 records could be read \(the first: row has 4 fields, the header has 2\)/);
  });

  it('is an input error when every item of a scraper dataset is the scraper saying it failed', async () => {
    const failed = [
      { url: 'https://www.instagram.com/akun_privat/', error: 'not_found', errorDescription: 'Page not found' },
      { url: 'https://www.instagram.com/akun_lain/', error: 'restricted_page', errorDescription: 'This page is private' },
    ];
    writeFiles(dir, { 'dataset_instagram-scraper_2024.json': JSON.stringify(failed) });
    const c = (await readAll([f('dataset_instagram-scraper_2024.json')], { from: 'apify-instagram' })).counts[0];
    expect(c).toMatchObject({ read: 2, scanned: 0, skipped: 2 });
    expect(c.error).toMatch(/^none of its 2 records could be read \(the first: the scraper reported an error for https:\/\/www\.instagram\.com\/akun_privat\/: not_found \(Page not found\)\); the collector got no post; check its run$/);
  });

  it('is not an error when one record could be read, or when the records were read and left out for what they hold', async () => {
    expect((await one('one-good.jsonl')).error).toBeUndefined();
    // Photo-only posts (no text) are skipped for what they are, as in a Facebook download of photos.
    const photos = await one('photos.jsonl');
    expect(photos).toMatchObject({ read: 2, skipped: 2 });
    expect(photos.error).toBeUndefined();
  });

  it('makes scan exit 2 and name it in the report, while the other inputs are reported', async () => {
    const r = await cli(['scan', f('broken.jsonl'), f('good.jsonl'), '--format', 'json']);
    expect(r.exitCode).toBe(2);
    const inputs = JSON.parse(r.stdout).summary.inputs;
    expect(inputs[0]).toMatchObject({ input: f('broken.jsonl'), read: 3, skipped: 3, line: 1 });
    expect(inputs[0].error).toMatch(/^none of its 3 records/);
    expect(inputs[1]).toMatchObject({ input: f('good.jsonl'), read: 1, scanned: 1 });
    expect(JSON.parse(r.stdout).findings.length).toBeGreaterThan(0);
    expect(r.stderr).toContain(`netral: error: ${f('broken.jsonl')}:1: none of its 3 records could be read`);
    // The same good file twice: its second reading is all repeats, which is not an error.
    const twice = await cli(['scan', f('good.jsonl'), f('good.jsonl'), '--format', 'json']);
    expect(twice.exitCode).toBe(0);
  });
});
