import { describe, expect, it } from 'vitest';
import { exportsPath, post, readAll } from '../../helpers/read.js';

const F = (rel: string) => exportsPath(rel);
const DIR = 'instaloader/neng.yulia';
const who = { platform: 'instagram', author: 'neng.yulia' };

const CAROUSEL = post({ id: 'C9xYzAbCdEf', ...who, created_at: '2024-07-14T06:00:00Z', created_at_raw: '1720936800', url: 'https://www.instagram.com/p/C9xYzAbCdEf/', text: 'Liburan keluarga di Pangandaran 🌊☀️', media_text: ['May be an image of beach and sunset', 'May be an image of 3 people'], source: { file: F(`${DIR}/2024-07-14_06-00-00_UTC.json`), line: 1, record: 1 } });
const XZ = post({ id: 'DAbCdEfGhIj', ...who, created_at: '2024-10-05T03:00:00Z', created_at_raw: '1728097200', url: 'https://www.instagram.com/p/DAbCdEfGhIj/', text: 'Bismillah, kita menangkan ASIH! 🙌 #ASIH #PilkadaJabar2024', media_text: ["Photo by Yulia Rahmawati on October 05, 2024. May be an image of 2 people and text that says 'ASIH 3'."], source: { file: F(`${DIR}/2024-10-05_03-00-00_UTC.json.xz`), line: 1, record: 1 } });

describe('Instaloader', () => {
  it('reads a profile folder as one input: .json.xz and .json posts; profile, comments and captions files are not posts', async () => {
    const r = await readAll([F(DIR)]);
    expect(r.posts).toEqual([CAROUSEL, XZ]);
    expect(r.skips).toEqual([]);
    expect(r.counts).toEqual([{ input: F(DIR), format: 'instaloader', read: 2, scanned: 0, skipped: 0 }]);
    expect(JSON.stringify(r.posts)).not.toContain('teman1');
  });

  it('reads one .json.xz file given alone', async () => {
    const r = await readAll([F(`${DIR}/2024-10-05_03-00-00_UTC.json.xz`)]);
    expect(r.posts).toEqual([XZ]);
    expect(r.counts[0].format).toBe('instaloader');
  });

  it('says a profile metadata file is not a post', async () => {
    const r = await readAll([F(`${DIR}/neng.yulia_51234567890.json.xz`)]);
    expect(r.posts).toEqual([]);
    expect(r.skips.map((s) => s.reason)).toEqual(['Instaloader Profile metadata, not a post']);
  });
});
