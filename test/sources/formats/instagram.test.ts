import { describe, expect, it } from 'vitest';
import { exportsPath, moved, post, readAll } from '../../helpers/read.js';

const F = (rel: string) => exportsPath(rel);
const who = { platform: 'instagram', author: 'neng.yulia', author_name: 'Yulia Rahmawati' };
const M = 'instagram/download-2024/your_instagram_activity/media';

const DOWNLOAD_2024 = [
  post({ id: 'instagram-post-1728097200-f328e122809d', ...who, created_at: '2024-10-05T03:00:00Z', created_at_raw: '1728097200', text: 'Bismillah, kita menangkan ASIH! 🙌 #ASIH #SyaikhuIlham #PilkadaJabar2024', source: { file: F(`${M}/posts_1.json`), line: 2, record: 1 } }),
  // A carousel: the caption is the group's title; another photo's own title is kept as media text.
  post({ id: 'instagram-post-1720936800-188a7c5756da', ...who, created_at: '2024-07-14T06:00:00Z', created_at_raw: '1720936800', text: 'Liburan keluarga di Pangandaran 🌊☀️', media_text: ['Sunset di Batu Karas'], source: { file: F(`${M}/posts_1.json`), line: 26, record: 2 } }),
  post({ id: 'instagram-reel-1725274800-b2db7cb252e0', ...who, created_at: '2024-09-02T11:00:00Z', created_at_raw: '1725274800', text: 'Tutorial membuat media pembelajaran sederhana 🎬 #guru #merdekabelajar', source: { file: F(`${M}/reels.json`), line: 3, record: 1 } }),
  post({ id: 'instagram-story-1731200400-755ff0691e16', ...who, created_at: '2024-11-10T01:00:00Z', created_at_raw: '1731200400', text: 'Upacara Hari Pahlawan di sekolah 🇮🇩', source: { file: F(`${M}/stories.json`), line: 3, record: 1 } }),
];

describe('Instagram download', () => {
  it('reads posts, reels and stories of the 2024 layout, with the username from personal_information.json', async () => {
    const r = await readAll([F('instagram/download-2024')]);
    expect(r.posts).toEqual(DOWNLOAD_2024);
    expect(r.skips).toEqual([{ source: { file: F(`${M}/stories.json`), line: 21, record: 2 }, reason: 'no text' }]);
    expect(r.counts).toEqual([{ input: F('instagram/download-2024'), format: 'instagram', read: 5, scanned: 0, skipped: 1 }]);
  });

  it('reads the .zip as one input with the same posts', async () => {
    const zip = F('instagram/instagram-neng.yulia-2024-12-01.zip');
    const r = await readAll([zip]);
    expect(r.posts).toEqual(moved(DOWNLOAD_2024, `${F('instagram/download-2024')}/`, `${zip}!`));
  });

  it('reads the older content/ layout', async () => {
    const r = await readAll([F('instagram/download-2022')]);
    expect(r.posts).toEqual([
      post({ id: 'instagram-post-1669341600-f16c35909e94', ...who, created_at: '2022-11-25T02:00:00Z', created_at_raw: '1669341600', text: 'Selamat Hari Guru Nasional 2022! Terima kasih murid-muridku tersayang ❤️', source: { file: F('instagram/download-2022/content/posts_1.json'), line: 2, record: 1 } }),
    ]);
  });

  it('never reads messages, archived posts, EXIF locations, e-mail or phone', async () => {
    const r = await readAll([F('instagram')]);
    const all = JSON.stringify(r.posts);
    for (const secret of ['coblos nomor 3', 'tim sukses', '-6.9175', 'android-1a2b3c', 'example.com', '+6281299998888']) expect(all).not.toContain(secret);
  });

  it('recognises the HTML version of the download and says how to get the JSON one', async () => {
    const r = await readAll([F('bad/instagram-html')]);
    expect(r.posts).toEqual([]);
    expect(r.counts).toEqual([
      {
        input: F('bad/instagram-html'),
        format: 'instagram',
        read: 0,
        scanned: 0,
        skipped: 0,
        error: expect.stringMatching(/^this is the HTML version of the Instagram download, which netral does not read: request it again with format "JSON"/),
      },
    ]);
    const file = await readAll([F('bad/instagram-html/your_instagram_activity/media/posts_1.html')]);
    expect(file.counts[0].error).toMatch(/HTML version/);
  });
});
