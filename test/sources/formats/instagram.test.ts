import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { cpSync, writeFileSync } from 'node:fs';
import { exportsPath, moved, post, readAll } from '../../helpers/read.js';
import { tempDir, writeFiles } from '../../helpers/cli.js';

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

// Likes until 2024: {"likes_media_likes": [{title: owner, string_list_data: [{href, value: "👍", timestamp}]}]}. One
// entry lists two likes of the same owner's posts. No caption: the liked post's text is not in the download.
const LIKES = 'instagram/download-2024/your_instagram_activity/likes/liked_posts.json';
const igLike = (id: string, iso: string, url: string, owner: string, line: number, record: number, file = LIKES, text = '') =>
  post({ id, ...who, created_at: iso, created_at_raw: String(Date.parse(iso) / 1000), url, text, kind: 'like', repost_of: owner, source: { file: F(file), line, record } });
const LIKES_2024 = [
  igLike('instagram-like-1728187200-afe92e8926fb', '2024-10-06T04:00:00Z', 'https://www.instagram.com/p/DBaaaaaaaa1/', 'dedimulyadi71', 3, 1),
  igLike('instagram-like-1728363600-ffdc849979c3', '2024-10-08T05:00:00Z', 'https://www.instagram.com/reel/DBbbbbbbbb2/', 'dedimulyadi71', 3, 1),
  igLike('instagram-like-1728280800-70744897b25e', '2024-10-07T06:00:00Z', 'https://www.instagram.com/p/DBcccccccc3/', 'kompascom', 18, 2),
  igLike('instagram-like-1728457200-4cdf6bc7469d', '2024-10-09T07:00:00Z', 'https://www.instagram.com/p/DBdddddddd4/', 'sekolahku.sukamaju', 28, 3),
];

// Likes from 2025: label_values records with the liked post's caption (mojibake repaired) and its owner in a group;
// the third owner has no Username, only the address of their profile.
const L25 = 'instagram/download-2025/your_instagram_activity/likes/liked_posts.json';
const LIKES_2025 = [
  igLike('instagram-like-1728525600-f96f27b0751a', '2024-10-10T02:00:00Z', 'https://www.instagram.com/p/DEeeeeeeee6/', 'dedimulyadi71', 2, 1, L25, 'Bersama membangun Jawa Barat 💪 #JabarIstimewa'),
  igLike('instagram-like-1728702000-fb19b290d5dd', '2024-10-12T03:00:00Z', 'https://www.instagram.com/p/DEffffffff7/', 'rudi.hartono.id', 40, 2, L25, 'Alhamdulillah saya ikut kampanye akbar kemarin, terima kasih relawan!'),
  igLike('instagram-like-1728878400-6c893feaa0cc', '2024-10-14T04:00:00Z', 'https://www.instagram.com/p/DEgggggggg8/', 'relawan.sukamaju', 78, 3, L25, 'Ayo coblos nomor 4 di Pilkada Jabar! ☝️'),
];

describe('Instagram download', () => {
  it('reads posts, reels, stories and likes of the 2024 layout, with the username from personal_information.json', async () => {
    const r = await readAll([F('instagram/download-2024')]);
    expect(r.posts).toEqual([...DOWNLOAD_2024, ...LIKES_2024]);
    expect(r.skips).toEqual([{ source: { file: F(`${M}/stories.json`), line: 21, record: 2 }, reason: 'no text' }]);
    expect(r.counts).toEqual([{ input: F('instagram/download-2024'), format: 'instagram', read: 9, scanned: 0, skipped: 1 }]);
  });

  it('reads the .zip as one input with the same posts', async () => {
    const zip = F('instagram/instagram-neng.yulia-2024-12-01.zip');
    const r = await readAll([zip]);
    expect(r.posts).toEqual(moved([...DOWNLOAD_2024, ...LIKES_2024], `${F('instagram/download-2024')}/`, `${zip}!`));
  });

  it('reads the older content/ layout, and its likes/liked_posts.json', async () => {
    const r = await readAll([F('instagram/download-2022')]);
    expect(r.posts).toEqual([
      post({ id: 'instagram-post-1669341600-f16c35909e94', ...who, created_at: '2022-11-25T02:00:00Z', created_at_raw: '1669341600', text: 'Selamat Hari Guru Nasional 2022! Terima kasih murid-muridku tersayang ❤️', source: { file: F('instagram/download-2022/content/posts_1.json'), line: 2, record: 1 } }),
      igLike('instagram-like-1668913200-34bd10438c0a', '2022-11-20T03:00:00Z', 'https://www.instagram.com/p/CkAaaaaaaa5/', 'ridwankamil', 3, 1, 'instagram/download-2022/likes/liked_posts.json'),
    ]);
  });

  describe('likes (liked_posts.json)', () => {
    it('reads the 2025 shape (label_values), in a download of likes only', async () => {
      const r = await readAll([F('instagram/download-2025')]);
      expect(r.posts).toEqual(LIKES_2025);
      expect(r.skips).toEqual([]);
      expect(r.counts).toEqual([{ input: F('instagram/download-2025'), format: 'instagram', read: 3, scanned: 0, skipped: 0 }]);
    });

    it('reads liked_posts.json given alone, in either shape, without the username', async () => {
      for (const [file, expected] of [
        [LIKES, LIKES_2024],
        [L25, LIKES_2025],
      ] as const) {
        const r = await readAll([F(file)]);
        expect(r.counts[0].format).toBe('instagram');
        expect(r.posts).toEqual(expected.map((p) => ({ ...p, author: '', author_name: null })));
        expect(r.warnings).toEqual([`${F(file)}: read on its own, likes have no author; give the whole download to have the username`]);
      }
    });

    it('reads the owner and caption under Indonesian labels (unverified), missing fields, and empty files', async () => {
      const dir = tempDir();
      const owner = (pairs: { label: string; value: string }[], title = 'Pemilik') => ({ title, dict: [{ dict: pairs, title: '' }] });
      const records = [
        { timestamp: 1728525600, label_values: [{ label: 'URL', value: 'https://www.instagram.com/p/A1/', href: 'https://www.instagram.com/p/A1/' }, { label: 'Keterangan', value: 'Coblos nomor 4!' }, owner([{ label: 'Nama pengguna', value: 'dedimulyadi71' }])] },
        // An owner group of an unknown title, and labels of an unknown language: the profile's address gives the owner.
        { timestamp: 1728525601, label_values: [{ label: 'URL', value: 'https://www.instagram.com/p/A2/' }, owner([{ label: 'URL', value: 'https://www.instagram.com/ridwankamil/' }, { label: 'Nome', value: 'Ridwan Kamil' }], 'Proprietário')] },
        // Nothing but a time: nothing to scan.
        { timestamp: 1728525602, label_values: [] },
        { timestamp: 1728525603, label_values: [{ label: 'URL', value: 'https://www.instagram.com/p/A4/' }] },
      ];
      writeFiles(dir, {
        'a/your_instagram_activity/likes/liked_posts.json': JSON.stringify(records, null, 1),
        'b/likes/liked_posts.json': JSON.stringify({ likes_media_likes: [] }, null, 1),
        'c/likes/liked_posts.json': JSON.stringify({ likes_media_likes: [{ title: 'prabowo', string_list_data: [] }, { title: '', string_list_data: [{ href: 'https://www.instagram.com/p/B2/', timestamp: 1728525700 }] }, { string_list_data: [{}] }] }, null, 1),
      });
      const a = await readAll([path.join(dir, 'a')]);
      expect(a.posts.map((p) => [p.created_at_raw, p.repost_of, p.text, p.url])).toEqual([
        ['1728525600', 'dedimulyadi71', 'Coblos nomor 4!', 'https://www.instagram.com/p/A1/'],
        ['1728525601', 'ridwankamil', '', 'https://www.instagram.com/p/A2/'],
      ]);
      const nothing = "a like that names neither the liked post's text nor whose post it was: nothing to scan";
      expect(a.skips.map((x) => [x.source.record, x.reason])).toEqual([
        [3, nothing],
        [4, nothing],
      ]);
      const b = await readAll([path.join(dir, 'b')]);
      expect(b.counts[0]).toMatchObject({ format: 'instagram', read: 0, skipped: 0 });
      expect(b.counts[0].error).toBeUndefined();
      // An entry without its list still says whose post was liked; one without the owner says nothing.
      const c = await readAll([path.join(dir, 'c')]);
      expect(c.posts.map((p) => [p.repost_of, p.url, p.created_at])).toEqual([['prabowo', null, null]]);
      expect(c.skips.map((x) => [x.source.record, x.reason])).toEqual([
        [2, nothing],
        [3, nothing],
      ]);
      expect(c.counts[0]).toMatchObject({ read: 3, skipped: 2 });
    });

    it('names a likes file that is not JSON, and keeps the posts read before it', async () => {
      const dir = tempDir();
      cpSync(F('instagram/download-2024'), dir, { recursive: true });
      writeFileSync(path.join(dir, 'your_instagram_activity/likes/liked_posts.json'), '<html>');
      const r = await readAll([dir]);
      expect(r.posts).toHaveLength(DOWNLOAD_2024.length);
      expect(r.counts[0]).toMatchObject({ format: 'instagram', error: `${path.join(dir, 'your_instagram_activity/likes/liked_posts.json')}: not JSON (starts with "<")` });
    });

    it('reads an empty likes file as no likes', async () => {
      const dir = tempDir();
      cpSync(F('instagram/download-2024'), dir, { recursive: true });
      writeFileSync(path.join(dir, 'your_instagram_activity/likes/liked_posts.json'), '');
      const r = await readAll([dir]);
      expect(r.posts).toHaveLength(DOWNLOAD_2024.length);
      expect(r.counts[0].error).toBeUndefined();
    });
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
