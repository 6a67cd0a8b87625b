import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { exportsPath, moved, post, readAll } from '../../helpers/read.js';
import { cli, tempDir, writeFiles } from '../../helpers/cli.js';

const F = (rel: string) => exportsPath(rel);
const who = { platform: 'facebook', author: 'siti.rahmawati.77', author_name: 'Siti Rahmawati' };
const POSTS_2021 = F('facebook/download-2021/posts/your_posts_1.json');

const DOWNLOAD_2021 = [
  // Mojibake repaired: the flag emoji arrives as eight \u00XX escapes.
  post({ id: 'facebook-post-1629167400-b21af0587103', ...who, created_at: '2021-08-17T02:30:00Z', created_at_raw: '1629167400', text: 'Dirgahayu Republik Indonesia ke-76 🇮🇩 Tetap semangat melayani masyarakat!', media_text: ['updated her status.'], source: { file: POSTS_2021, line: 2, record: 1 } }),
  // A shared link: its address and title are kept.
  post({ id: 'facebook-post-1623632400-880cde63459c', ...who, created_at: '2021-06-14T01:00:00Z', created_at_raw: '1623632400', text: 'Info PPDB 2021 sudah dibuka, cek syaratnya di sini 👇', links: ['https://disdik.sukamajukab.go.id/ppdb-2021'], media_text: ['shared a link.', 'Pendaftaran PPDB Kabupaten Sukamaju 2021'], source: { file: POSTS_2021, line: 14, record: 2 } }),
  // Two records of one multi-photo post: one post, both photo descriptions.
  post({ id: 'facebook-post-1614999600-097bdfef4ece', ...who, created_at: '2021-03-06T03:00:00Z', created_at_raw: '1614999600', text: 'Kegiatan bakti sosial di Desa Mekarsari bersama PKK Kecamatan 📸', media_text: ['added 2 new photos.', 'Pembagian sembako untuk warga', 'Pemeriksaan kesehatan gratis oleh Puskesmas'], source: { file: POSTS_2021, line: 39, record: 3 } }),
  // A photo with only a description.
  post({ id: 'facebook-post-1606262400-3b0bd6a034bc', ...who, created_at: '2020-11-25T00:00:00Z', created_at_raw: '1606262400', text: '', media_text: ['added a new photo.', 'Selamat Hari Guru Nasional 2020 — terima kasih para pahlawan tanpa tanda jasa'], source: { file: POSTS_2021, line: 111, record: 5 } }),
  post({ id: 'facebook-post-1554858000-913b15d97ed1', ...who, created_at: '2019-04-10T01:00:00Z', created_at_raw: '1554858000', text: 'Bersama Jokowi-Amin, Indonesia Maju! Jangan lupa 17 April coblos 01 👍 #JokowiAmin', media_text: ['updated her status.'], source: { file: POSTS_2021, line: 144, record: 6 } }),
  post({ id: 'facebook-comment-1553061600-3dfbea1f432b', ...who, created_at: '2019-03-20T06:00:00Z', created_at_raw: '1553061600', text: 'Mantap pak, lanjutkan dua periode! 👏', media_text: ["commented on Joko Widodo's post."], kind: 'reply', reply_to: 'Joko Widodo', source: { file: F('facebook/download-2021/comments/comments.json'), line: 3, record: 1 } }),
  post({ id: 'facebook-comment-1593576000-abd2d085b4b3', ...who, created_at: '2020-07-01T04:00:00Z', created_at_raw: '1593576000', text: 'Terima kasih infonya bu 🙏', media_text: ["replied to Dewi Anggraini's comment."], kind: 'reply', reply_to: 'Dewi Anggraini', source: { file: F('facebook/download-2021/comments/comments.json'), line: 16, record: 2 } }),
  post({ id: 'facebook-group-post-1610330400-b960e8966b7b', ...who, created_at: '2021-01-11T02:00:00Z', created_at_raw: '1610330400', text: 'Info pencairan tunjangan bulan ini sudah masuk ya bapak ibu 🙏', media_text: ['posted in Guru Honorer Sukamaju.'], source: { file: F('facebook/download-2021/groups/your_posts_in_groups.json'), line: 3, record: 1 } }),
  // Likes until 2021: likes_and_reactions/posts_and_comments.json, {"reactions": […]}; whose post it was from the title.
  post({ id: 'facebook-like-1554094800-b5f8c73a3f68', ...who, created_at: '2019-04-01T05:00:00Z', created_at_raw: '1554094800', text: '', kind: 'like', repost_of: 'Joko Widodo', source: { file: F('facebook/download-2021/likes_and_reactions/posts_and_comments.json'), line: 3, record: 1 } }),
  post({ id: 'facebook-like-1612234800-a588a4a68f28', ...who, created_at: '2021-02-02T03:00:00Z', created_at_raw: '1612234800', text: '', kind: 'like', repost_of: 'Dewi Anggraini', source: { file: F('facebook/download-2021/likes_and_reactions/posts_and_comments.json'), line: 15, record: 2 } }),
];

const D23 = 'facebook/download-2023/your_activity_across_facebook';
const DOWNLOAD_2023 = [
  post({ id: 'facebook-post-1682125200-4973df660244', ...who, created_at: '2023-04-22T01:00:00Z', created_at_raw: '1682125200', text: 'Selamat Idulfitri 1444 H 🙏 Mohon maaf lahir & batin — keluarga besar Disdik Sukamaju', media_text: ['updated her status.'], source: { file: F(`${D23}/posts/your_posts_1.json`), line: 2, record: 1 } }),
  post({ id: 'facebook-post-1686538800-aa84414cbe72', ...who, created_at: '2023-06-12T03:00:00Z', created_at_raw: '1686538800', text: 'Sosialisasi netralitas ASN menjelang Pemilu 2024 di aula BKPSDM. ASN dilarang mendukung salah satu calon, jangan ikut kampanye!', media_text: ['updated her status.'], source: { file: F(`${D23}/posts/your_posts_1.json`), line: 14, record: 2 } }),
  post({ id: 'facebook-comment-1690880400-63ea5abc8442', ...who, created_at: '2023-08-01T09:00:00Z', created_at_raw: '1690880400', text: 'Setuju bu, data dapodik harus diperbarui sebelum akhir bulan.', media_text: ["commented on Dinas Pendidikan Sukamaju's post."], kind: 'reply', reply_to: 'Dinas Pendidikan Sukamaju', source: { file: F(`${D23}/comments_and_reactions/comments.json`), line: 3, record: 1 } }),
  post({ id: 'facebook-group-post-1693897200-034ddc516b19', ...who, created_at: '2023-09-05T07:00:00Z', created_at_raw: '1693897200', text: 'Jadwal rapat MGMP bulan September sudah kami unggah di drive 📁', media_text: ['posted in MGMP Bahasa Indonesia Sukamaju.'], source: { file: F(`${D23}/groups/group_posts_and_comments.json`), line: 3, record: 1 } }),
  // A comment in a group: the group's name is kept.
  post({ id: 'facebook-group-comment-1701345600-8e437a4162f5', ...who, created_at: '2023-11-30T12:00:00Z', created_at_raw: '1701345600', text: 'Siap hadir di kampanye akbar hari Minggu, menangkan Ganjar-Mahfud! 🔥', media_text: ["commented on Rudi Hartono's post in Relawan Ganjar Sukamaju.", 'Relawan Ganjar Sukamaju'], kind: 'reply', reply_to: 'Rudi Hartono', source: { file: F(`${D23}/groups/your_comments_in_groups.json`), line: 3, record: 1 } }),
];

const D24 = 'facebook/download-2024/your_facebook_activity';
const DOWNLOAD_2024 = [
  // Event names are kept; the place (with its coordinates) is not.
  post({ id: 'facebook-post-1707483600-f65389806135', ...who, created_at: '2024-02-09T13:00:00Z', created_at_raw: '1707483600', text: 'Hadir di kampanye akbar, bersama relawan se-Jawa Barat 🎉', media_text: ['was at Lapangan Merdeka Sukamaju.', 'Kampanye Akbar Prabowo-Gibran Jawa Barat'], source: { file: F(`${D24}/posts/your_posts__check_ins__photos_and_videos_1.json`), line: 2, record: 1 } }),
  // "shared X's post": a repost of X.
  post({ id: 'facebook-post-1706155200-17a792c6e89e', ...who, created_at: '2024-01-25T04:00:00Z', created_at_raw: '1706155200', text: 'Perubahan untuk Sukamaju ☝️', media_text: ["shared Anies Baswedan's post."], kind: 'repost', repost_of: 'Anies Baswedan', source: { file: F(`${D24}/posts/your_posts__check_ins__photos_and_videos_1.json`), line: 38, record: 2 } }),
  post({ id: 'facebook-post-1705719600-75c28335d2e4', ...who, created_at: '2024-01-20T03:00:00Z', created_at_raw: '1705719600', text: 'Ayo coblos 02! #PrabowoGibran2024', media_text: ['updated her status.'], source: { file: F(`${D24}/posts/your_posts__check_ins__photos_and_videos_1.json`), line: 50, record: 3 } }),
  post({ id: 'facebook-post-1703037600-c19f90d16336', ...who, created_at: '2023-12-20T02:00:00Z', created_at_raw: '1703037600', text: 'Baca berita ini, penting untuk kita semua', links: ['https://news.example.id/2023/12/20/debat-capres'], media_text: ['shared a link.', 'Debat Capres Perdana: Ini Rangkuman Visi Misi Ketiga Paslon'], source: { file: F(`${D24}/posts/your_posts__check_ins__photos_and_videos_2.json`), line: 2, record: 1 } }),
  post({ id: 'facebook-comment-1706430600-05ddbd861d94', ...who, created_at: '2024-01-28T08:30:00Z', created_at_raw: '1706430600', text: 'Siap pak, 14 Februari kita menangkan! ✌️', media_text: ["commented on Prabowo Subianto's post."], kind: 'reply', reply_to: 'Prabowo Subianto', source: { file: F(`${D24}/comments_and_reactions/comments.json`), line: 3, record: 1 } }),
  post({ id: 'facebook-group-post-1704852000-f15719b97c6b', ...who, created_at: '2024-01-10T02:00:00Z', created_at_raw: '1704852000', text: 'Bapak ibu, posko pemenangan di Kecamatan Cibeber sudah buka. Mari bergabung!', media_text: ['posted in Relawan Prabowo-Gibran Sukamaju.'], source: { file: F(`${D24}/groups/group_posts_and_comments.json`), line: 3, record: 1 } }),
  // Likes from 2024, label_values records: the liked post's owner (Name) and link (URL); no text of the post.
  post({ id: 'facebook-like-1705802400-28f112139460', ...who, created_at: '2024-01-21T02:00:00Z', created_at_raw: '1705802400', url: 'https://www.facebook.com/prabowo/posts/pfbid0PrAbOwO1', text: '', kind: 'like', repost_of: 'Prabowo Subianto', source: { file: F(`${D24}/comments_and_reactions/likes_and_reactions.json`), line: 2, record: 1 } }),
  post({ id: 'facebook-like-1705662000-6bfe2b94a0ec', ...who, created_at: '2024-01-19T11:00:00Z', created_at_raw: '1705662000', url: 'https://www.facebook.com/dedi.kurniawan.82/posts/pfbid0DeDi2', text: '', kind: 'like', repost_of: 'Dedi Kurniawan', source: { file: F(`${D24}/comments_and_reactions/likes_and_reactions.json`), line: 21, record: 2 } }),
  // Mojibake repaired in the name.
  post({ id: 'facebook-like-1705474800-d79501a527a5', ...who, created_at: '2024-01-17T07:00:00Z', created_at_raw: '1705474800', url: 'https://www.facebook.com/warkopnusantara/posts/pfbid0KoPi3', text: '', kind: 'like', repost_of: 'Warung Kopi Nusantara ☕', source: { file: F(`${D24}/comments_and_reactions/likes_and_reactions.json`), line: 40, record: 3 } }),
  // likes_and_reactions_1.json: {timestamp, data: [{reaction}], title}; whose post it was from the title. A LOVE is read as a like.
  post({ id: 'facebook-like-1706000400-dee22cc20790', ...who, created_at: '2024-01-23T09:00:00Z', created_at_raw: '1706000400', text: '', kind: 'like', repost_of: 'Partai Gerindra', source: { file: F(`${D24}/comments_and_reactions/likes_and_reactions_1.json`), line: 14, record: 2 } }),
  post({ id: 'facebook-like-1706090400-590b04d19497', ...who, created_at: '2024-01-24T10:00:00Z', created_at_raw: '1706090400', text: '', kind: 'like', repost_of: 'Kompas.com', source: { file: F(`${D24}/comments_and_reactions/likes_and_reactions_1.json`), line: 26, record: 3 } }),
];
const LIKES_1 = F(`${D24}/comments_and_reactions/likes_and_reactions_1.json`);
const SKIPS_2024 = [
  { source: { file: LIKES_1, line: 2, record: 1 }, reason: 'the same like as one in likes_and_reactions.json (Facebook lists a like in more than one file)' },
  { source: { file: LIKES_1, line: 38, record: 4 }, reason: 'a "HAHA" reaction, not a like: it says nothing certain for or against the post\'s owner' },
  { source: { file: LIKES_1, line: 50, record: 5 }, reason: "a like that names neither the liked post's text nor whose post it was: nothing to scan" },
];

/** A download of Budi Santoso's with one `file` of records titled as `cases` say, each with `data(i)`, read. */
async function readTitled(file: string, cases: [string, string | null][], data: (i: number) => unknown) {
  const dir = tempDir();
  const profile = { profile_v2: { name: { full_name: 'Budi Santoso' }, profile_uri: 'https://www.facebook.com/budi.santoso.88' } };
  const records = cases.map(([title], i) => ({ timestamp: 1705719600 + i, data: [data(i)], title }));
  writeFiles(dir, { 'profile_information/profile_information.json': JSON.stringify(profile), [file]: JSON.stringify(records, null, 1) });
  return readAll([dir]);
}

describe('Facebook download', () => {
  it('reads the layout used until 2021 (posts/, comments/, groups/)', async () => {
    const r = await readAll([F('facebook/download-2021')]);
    expect(r.posts).toEqual(DOWNLOAD_2021);
    expect(r.skips).toEqual([
      { source: { file: POSTS_2021, line: 75, record: 4 }, reason: 'the same post as record 3 (Facebook lists each photo of a post separately)' },
      { source: { file: POSTS_2021, line: 156, record: 7 }, reason: "no text: only Facebook's title line (the shared content is not in the download)" },
    ]);
    expect(r.counts).toEqual([{ input: F('facebook/download-2021'), format: 'facebook', read: 12, scanned: 0, skipped: 2 }]);
  });

  it('reads the 2022–2023 layout (your_activity_across_facebook/)', async () => {
    const r = await readAll([F('facebook/download-2023')]);
    expect(r.posts).toEqual(DOWNLOAD_2023);
    expect(r.skips).toEqual([]);
  });

  it('reads the 2024 layout (your_facebook_activity/, posts split in _1 and _2, likes in both shapes)', async () => {
    const r = await readAll([F('facebook/download-2024')]);
    expect(r.posts).toEqual(DOWNLOAD_2024);
    expect(r.skips).toEqual(SKIPS_2024);
    expect(r.counts).toEqual([{ input: F('facebook/download-2024'), format: 'facebook', read: 14, scanned: 0, skipped: 3 }]);
  });

  it('reads the .zip, its download wrapped in a top folder, as one input', async () => {
    const zip = F('facebook/facebook-siti.rahmawati.77-2024-03-01.zip');
    const r = await readAll([zip]);
    expect(r.posts).toEqual(moved(DOWNLOAD_2024, `${F('facebook/download-2024')}/`, `${zip}!facebook-siti.rahmawati.77-2024-03-01-Xy7Zq/`));
    expect(r.counts).toEqual([{ input: zip, format: 'facebook', read: 14, scanned: 0, skipped: 3 }]);
    // The same like in both files is told by the file's name, wherever the download is.
    expect(r.skips.map((x) => x.reason)).toEqual(SKIPS_2024.map((x) => x.reason));
  });

  it('takes the username from a profile address with a query, and none from profile.php?id=', async () => {
    const dir = tempDir();
    cpSync(F('facebook/download-2024'), dir, { recursive: true });
    const profile = path.join(dir, 'personal_information/profile_information/profile_information.json');
    const original = readFileSync(profile, 'utf8');
    writeFileSync(profile, original.replace('"https://www.facebook.com/siti.rahmawati.77"', '"https://www.facebook.com/siti.rahmawati.77?locale=id_ID"'));
    expect((await readAll([dir])).posts.map((p) => p.author)).toEqual(DOWNLOAD_2024.map(() => 'siti.rahmawati.77'));
    writeFileSync(profile, original.replace('"https://www.facebook.com/siti.rahmawati.77"', '"https://www.facebook.com/profile.php?id=100012345"'));
    expect((await readAll([dir])).posts.map((p) => p.author)).toEqual(DOWNLOAD_2024.map(() => 'Siti Rahmawati'));
  });

  it('never reads messages, upload IPs, e-mail addresses, phone numbers or coordinates', async () => {
    const r = await readAll([F('facebook')]);
    expect(r.posts.length).toBeGreaterThan(0);
    const all = JSON.stringify(r.posts);
    for (const secret of ['pilih 01 ya', '36.72.10.20', 'example.com', '+6281311112222', '-6.91', '107.61', 'Ani Lestari']) expect(all).not.toContain(secret);
  });

  it('reads one posts file given alone, without the owner (and without title lines, which name the owner)', async () => {
    const r = await readAll([POSTS_2021]);
    expect(r.counts[0].format).toBe('facebook');
    expect(r.posts.map((p) => [p.author, p.text, p.media_text])).toEqual([
      ['', 'Dirgahayu Republik Indonesia ke-76 🇮🇩 Tetap semangat melayani masyarakat!', []],
      ['', 'Info PPDB 2021 sudah dibuka, cek syaratnya di sini 👇', ['Pendaftaran PPDB Kabupaten Sukamaju 2021']],
      ['', 'Kegiatan bakti sosial di Desa Mekarsari bersama PKK Kecamatan 📸', ['Pembagian sembako untuk warga', 'Pemeriksaan kesehatan gratis oleh Puskesmas']],
      ['', '', ['Selamat Hari Guru Nasional 2020 — terima kasih para pahlawan tanpa tanda jasa']],
      ['', 'Bersama Jokowi-Amin, Indonesia Maju! Jangan lupa 17 April coblos 01 👍 #JokowiAmin', []],
    ]);
    expect(r.skips.map((s) => s.reason)).toEqual(['the same post as record 3 (Facebook lists each photo of a post separately)', 'no text']);
    expect(r.warnings.join('\n')).toMatch(/read on its own, posts have no author/);
  });

  it('takes the owner of a comments file from its comments, so titles are kept without the name', async () => {
    const r = await readAll([F('facebook/download-2021/comments/comments.json')]);
    expect(r.posts.map((p) => [p.author, p.media_text, p.reply_to])).toEqual([
      ['Siti Rahmawati', ["commented on Joko Widodo's post."], 'Joko Widodo'],
      ['Siti Rahmawati', ["replied to Dewi Anggraini's comment."], 'Dewi Anggraini'],
    ]);
  });

  it('warns about a timestamp that is not a Unix time and keeps it as created_at_raw', async () => {
    const dir = tempDir();
    const records = [
      { timestamp: 1629167400, data: [{ post: 'pertama' }] },
      { timestamp: 'yesterday', data: [{ post: 'kedua' }] },
      { data: [{ post: 'ketiga' }] },
    ];
    writeFiles(dir, { 'posts/your_posts_1.json': JSON.stringify(records, null, 1) });
    const r = await readAll([dir]);
    expect(r.posts.map((p) => [p.text, p.created_at, p.created_at_raw])).toEqual([
      ['pertama', '2021-08-17T02:30:00Z', '1629167400'],
      ['kedua', null, 'yesterday'],
      ['ketiga', null, null],
    ]);
    const file = path.join(dir, 'posts/your_posts_1.json');
    expect(r.warnings.filter((w) => w.includes('created_at'))).toEqual([`${file}:10: created_at ignored: unrecognised date format: yesterday`]);
  });

  it('recognises the HTML version of the download and says how to get the JSON one', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'download/your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.html': '<html><body>Ayo coblos 02!</body></html>', 'download/start_here.html': '<html></html>' });
    const r = await readAll([path.join(dir, 'download')]);
    expect(r.posts).toEqual([]);
    expect(r.counts).toEqual([{ input: path.join(dir, 'download'), format: 'facebook', read: 0, scanned: 0, skipped: 0, error: expect.stringMatching(/^this is the HTML version of the download, which netral does not read: request it again with format "JSON"/) }]);
  });

  describe('title lines in Indonesian (unverified wordings)', () => {
    const ID = F('facebook/download-2024-id');

    it('reads an Indonesian download: "membagikan kiriman X" is a repost of X, "mengomentari kiriman X" a reply to X, "menyukai kiriman X" a like of X, titles kept without the owner', async () => {
      const r = await readAll([ID]);
      const likes = F('facebook/download-2024-id/your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json');
      const nothing = "a like that names neither the liked post's text nor whose post it was: nothing to scan";
      // "menyukai kiriman detikcom." (a small letter) and "menyukai sebuah kiriman di grup …" name no owner.
      expect(r.skips).toEqual([
        { source: { file: likes, line: 38, record: 4 }, reason: nothing },
        { source: { file: likes, line: 50, record: 5 }, reason: nothing },
      ]);
      expect(r.warnings).toEqual([]);
      expect(r.posts.every((p) => p.author === 'dedi.kurniawan.82' && p.author_name === 'Dedi Kurniawan')).toBe(true);
      expect(r.posts.map((p) => [p.kind, p.repost_of, p.reply_to, p.media_text])).toEqual([
        ['repost', 'Prabowo Subianto', null, ['membagikan kiriman Prabowo Subianto.']],
        ['repost', 'Gibran Rakabuming Raka', null, ['membagikan postingan milik Gibran Rakabuming Raka.']],
        ['repost', 'Anies Baswedan', null, ['membagikan video siaran langsung Anies Baswedan.']],
        ['repost', 'Dinas Pendidikan Sukamaju', null, ['membagikan foto Dinas Pendidikan Sukamaju.', 'Juara lomba cerdas cermat tingkat SD']],
        // Titles that name nobody after the noun: no repost_of.
        ['post', null, null, ['membagikan sebuah tautan.', 'Jadwal KTP Keliling Januari 2024']],
        ['post', null, null, ['membagikan kenangan.']],
        ['post', null, null, ['memperbarui statusnya.']],
        ['reply', null, 'Prabowo Subianto', ['mengomentari kiriman Prabowo Subianto.']],
        ['reply', null, 'Dewi Anggraini', ['membalas komentar Dewi Anggraini.']],
        ['reply', null, 'Dinas Pendidikan Sukamaju', ['berkomentar di kiriman Dinas Pendidikan Sukamaju.']],
        ['post', null, null, ['memposting di Guru Honorer Sukamaju.']],
        // The group is not the owner of the post commented on.
        ['reply', null, 'Rudi Hartono', ['mengomentari kiriman Rudi Hartono di grup Relawan Ganjar Sukamaju.', 'Relawan Ganjar Sukamaju']],
        // Likes carry no title text: whose post it was is their repost_of.
        ['like', 'Prabowo Subianto', null, []],
        ['like', 'Ganjar Pranowo', null, []],
        ['like', 'Dinas Pendidikan Sukamaju', null, []],
      ]);
      // The owner's name is never in a record (a person's own name can look like a candidate's).
      expect(JSON.stringify(r.posts.map((p) => [p.text, p.media_text]))).not.toContain('Dedi Kurniawan');
    });

    it('gives an owner only when one follows the noun', async () => {
      const cases: [string, string | null][] = [
        ['Budi Santoso membagikan kiriman Prabowo Subianto.', 'Prabowo Subianto'],
        ['Budi Santoso membagikan postingan milik Prabowo Subianto.', 'Prabowo Subianto'],
        ['Budi Santoso membagikan postingan milik dr. Tirta.', 'dr. Tirta'],
        ['Budi Santoso membagikan reel Ganjar Pranowo', 'Ganjar Pranowo'],
        ['Budi Santoso membagikan tautan Relawan Amin.', 'Relawan Amin'],
        ['Budi Santoso membagikan album Partai Contoh.', 'Partai Contoh'],
        ['Budi Santoso membagikan acara Relawan 02 Sukamaju.', 'Relawan 02 Sukamaju'],
        ['Budi Santoso membagikan video Anies Baswedan.', 'Anies Baswedan'],
        ['Budi Santoso membagikan kiriman Prabowo Subianto ke grup Relawan 02.', 'Prabowo Subianto'],
        ['Budi Santoso membagikan sebuah tautan.', null],
        ['Budi Santoso membagikan kenangan.', null],
        ['Budi Santoso membagikan foto baru.', null],
        ['Budi Santoso membagikan kiriman.', null],
        ['Budi Santoso membagikan 3 foto.', null],
        ['Budi Santoso membagikan kiriman Anda.', null],
        ['Budi Santoso membagikan kiriman miliknya sendiri.', null],
        ['Budi Santoso membagikan postingan milik Anda.', null],
        ['Budi Santoso membagikan tautan ke grup Relawan Prabowo.', null],
      ];
      const r = await readTitled('posts/your_posts_1.json', cases, (i) => ({ post: `kiriman ${i}` }));
      expect(r.posts.map((p) => [p.media_text[0], p.repost_of, p.kind])).toEqual(cases.map(([title, owner]) => [title.slice('Budi Santoso '.length), owner, owner ? 'repost' : 'post']));
    });

    it('scan flags an Indonesian repost of a candidate\'s account as it flags the English one', async () => {
      const id = 'facebook-post-1706324400-0a34ab5dd87c';
      const en = tempDir();
      cpSync(ID, en, { recursive: true });
      const file = path.join(en, 'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json');
      const original = readFileSync(file, 'utf8');
      expect(original).toContain('"Dedi Kurniawan membagikan kiriman Prabowo Subianto."');
      writeFileSync(file, original.replace('"Dedi Kurniawan membagikan kiriman Prabowo Subianto."', `"Dedi Kurniawan shared Prabowo Subianto's post."`));
      type Finding = { post_id: string; rule_id: string; category: string; candidate: string | null; verdict: string; kind: string };
      const findings = async (input: string) => {
        const r = await cli(['scan', '-f', 'json', input]);
        expect(r.exitCode).toBe(0);
        return (JSON.parse(r.stdout) as { findings: Finding[] }).findings.filter((f) => f.post_id === id).map((f) => [f.rule_id, f.category, f.candidate, f.verdict, f.kind]);
      };
      const indonesian = await findings(ID);
      // The text ("Simak baik-baik, bapak ibu 👇") names no one: the finding is the repost itself.
      expect(indonesian).toEqual([['repost.candidate-account', 'repost', 'pilpres-2024:2', 'violation', 'repost']]);
      expect(await findings(en)).toEqual(indonesian);
    });

    it('gives the owner of a liked post only when one follows the noun (Indonesian and English titles)', async () => {
      const cases: [string, string | null][] = [
        ['Budi Santoso menyukai kiriman Prabowo Subianto.', 'Prabowo Subianto'],
        ['Budi Santoso menyukai postingan milik Partai Gerindra.', 'Partai Gerindra'],
        ['Budi Santoso menyukai foto Ganjar Pranowo.', 'Ganjar Pranowo'],
        ['Budi Santoso menyukai komentar Anies Baswedan.', 'Anies Baswedan'],
        ['Budi Santoso menyukai kiriman Rudi Hartono di grup Relawan Ganjar Sukamaju.', 'Rudi Hartono'],
        ['Budi Santoso bereaksi terhadap video Gibran Rakabuming.', 'Gibran Rakabuming'],
        ["Budi Santoso likes Prabowo Subianto's post.", 'Prabowo Subianto'],
        ["Budi Santoso liked Anies Baswedan's photo.", 'Anies Baswedan'],
        ["Budi Santoso reacted to Ganjar Pranowo's video.", 'Ganjar Pranowo'],
        ["Budi Santoso likes Rudi Hartono's post in Relawan Prabowo-Gibran Sukamaju.", 'Rudi Hartono'],
        ['Budi Santoso menyukai sebuah kiriman.', null],
        ['Budi Santoso menyukai kiriman Anda.', null],
        ['Budi Santoso menyukai kiriman miliknya sendiri.', null],
        ['Budi Santoso menyukai kiriman detikcom.', null],
        ['Budi Santoso likes his own post.', null],
        ['Budi Santoso likes a post in Relawan Prabowo-Gibran Sukamaju.', null],
        ['Budi Santoso likes a link.', null],
      ];
      const r = await readTitled('your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json', cases, () => ({ reaction: { reaction: 'LIKE', actor: 'Budi Santoso' } }));
      expect(r.posts.map((p) => [p.created_at_raw, p.repost_of])).toEqual(cases.flatMap(([, owner], i) => (owner ? [[String(1705719600 + i), owner]] : [])));
      expect(r.skips).toHaveLength(cases.filter(([, owner]) => owner === null).length);
      expect(r.counts[0]).toMatchObject({ read: cases.length, skipped: r.skips.length });
    });
  });

  describe('likes and reactions', () => {
    const LABELS = F(`${D24}/comments_and_reactions/likes_and_reactions.json`);

    it('reads a likes file given alone, by its content or (label_values records) its name, with the liker from the record where it names them', async () => {
      const one = await readAll([LIKES_1]);
      expect(one.counts[0]).toMatchObject({ format: 'facebook', read: 5, skipped: 2 });
      // Alone, no like is in another file; the account's name is the reaction's actor.
      expect(one.posts.map((p) => [p.author, p.author_name, p.repost_of])).toEqual([
        ['Siti Rahmawati', 'Siti Rahmawati', 'Prabowo Subianto'],
        ['Siti Rahmawati', 'Siti Rahmawati', 'Partai Gerindra'],
        ['Siti Rahmawati', 'Siti Rahmawati', 'Kompas.com'],
      ]);
      expect(one.warnings.join('\n')).toMatch(/read on its own, likes have the account's name only where Facebook's record gives it/);
      const labels = await readAll([LABELS]);
      expect(labels.counts[0]).toMatchObject({ format: 'facebook', read: 3, skipped: 0 });
      expect(labels.posts.map((p) => [p.author, p.repost_of, p.url])).toEqual([
        ['', 'Prabowo Subianto', 'https://www.facebook.com/prabowo/posts/pfbid0PrAbOwO1'],
        ['', 'Dedi Kurniawan', 'https://www.facebook.com/dedi.kurniawan.82/posts/pfbid0DeDi2'],
        ['', 'Warung Kopi Nusantara ☕', 'https://www.facebook.com/warkopnusantara/posts/pfbid0KoPi3'],
      ]);
      // The same records under another name are not taken for likes: label_values records are in many files.
      const dir = tempDir();
      writeFiles(dir, { 'other.json': readFileSync(LABELS) });
      expect((await readAll([path.join(dir, 'other.json')])).counts[0].format).not.toBe('facebook');
    });

    it('reads reactions: LIKE, LOVE and CARE as likes, the others skipped with why; missing fields and empty files too', async () => {
      const dir = tempDir();
      const reaction = (ts: number, reaction: string | undefined, title: string | undefined) => ({ timestamp: ts, ...(reaction !== undefined ? { data: [{ reaction: { reaction, actor: 'Budi Santoso' } }] } : {}), ...(title !== undefined ? { title } : {}) });
      const records = [
        reaction(1705719601, 'LIKE', "Budi Santoso likes Prabowo Subianto's post."),
        reaction(1705719602, 'CARE', "Budi Santoso reacted to Prabowo Subianto's post."),
        reaction(1705719603, 'ANGRY', "Budi Santoso reacted to Anies Baswedan's post."),
        reaction(1705719604, 'SAD', "Budi Santoso reacted to Ganjar Pranowo's post."),
        // No reaction named: a like, as Facebook's title says.
        reaction(1705719605, undefined, "Budi Santoso likes Gibran Rakabuming's photo."),
        // No title: nothing says whose post it was.
        reaction(1705719606, 'LIKE', undefined),
        { data: [{ reaction: { reaction: 'LIKE' } }], title: "Budi Santoso likes Prabowo Subianto's post." },
        'not a record',
        // At the second of a label_values record that names no owner: not taken for it, since this one names one.
        reaction(1705719611, 'LIKE', "Budi Santoso likes Ganjar Pranowo's post."),
        // The same like as a label_values record (second and owner): read once.
        reaction(1705719612, 'LIKE', "Budi Santoso likes Partai Gerindra's photo."),
      ];
      const labels = [
        { timestamp: 1705719610, label_values: [{ label: 'Reaction', value: 'Wow' }, { label: 'URL', value: 'https://www.facebook.com/x/posts/1' }, { label: 'Name', value: 'Anies Baswedan' }] },
        { timestamp: 1705719611, label_values: [{ label: 'URL', value: 'https://www.facebook.com/x/posts/2' }] },
        { timestamp: 1705719612, label_values: [{ label: 'Name', value: 'Partai Gerindra' }, { label: 'URL', value: 'bukan tautan' }] },
      ];
      writeFiles(dir, {
        'your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json': JSON.stringify(records, null, 1),
        'your_facebook_activity/comments_and_reactions/likes_and_reactions_2.json': '[]',
        'your_facebook_activity/comments_and_reactions/likes_and_reactions.json': JSON.stringify(labels, null, 1),
      });
      const r = await readAll([dir]);
      expect(r.posts.map((p) => [p.created_at_raw, p.kind, p.repost_of, p.url])).toEqual([
        ['1705719612', 'like', 'Partai Gerindra', null],
        ['1705719601', 'like', 'Prabowo Subianto', null],
        ['1705719602', 'like', 'Prabowo Subianto', null],
        ['1705719605', 'like', 'Gibran Rakabuming', null],
        [null, 'like', 'Prabowo Subianto', null],
        ['1705719611', 'like', 'Ganjar Pranowo', null],
      ]);
      const nothing = "a like that names neither the liked post's text nor whose post it was: nothing to scan";
      expect(r.skips.map((x) => [path.basename(x.source.file), x.source.record, x.reason])).toEqual([
        ['likes_and_reactions.json', 1, 'a "Wow" reaction, not a like: it says nothing certain for or against the post\'s owner'],
        ['likes_and_reactions.json', 2, nothing],
        ['likes_and_reactions_1.json', 3, 'a "ANGRY" reaction, not a like: it says nothing certain for or against the post\'s owner'],
        ['likes_and_reactions_1.json', 4, 'a "SAD" reaction, not a like: it says nothing certain for or against the post\'s owner'],
        ['likes_and_reactions_1.json', 6, nothing],
        ['likes_and_reactions_1.json', 8, 'record is not an object'],
        ['likes_and_reactions_1.json', 10, 'the same like as one in likes_and_reactions.json (Facebook lists a like in more than one file)'],
      ]);
      expect(r.counts[0]).toMatchObject({ read: 13, skipped: 7 });
      expect(r.counts[0].error).toBeUndefined();
    });

    it('a download of likes alone is a Facebook download', async () => {
      const dir = tempDir();
      writeFiles(dir, { 'likes_and_reactions/posts_and_comments.json': readFileSync(F('facebook/download-2021/likes_and_reactions/posts_and_comments.json')) });
      const r = await readAll([dir]);
      expect(r.counts[0]).toMatchObject({ format: 'facebook', read: 2, skipped: 0 });
      expect(r.posts.map((p) => [p.kind, p.repost_of])).toEqual([
        ['like', 'Joko Widodo'],
        ['like', 'Dewi Anggraini'],
      ]);
    });
  });
});
