import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { exportsPath, moved, post, readAll } from '../../helpers/read.js';
import { cli, tempDir, writeFiles } from '../../helpers/cli.js';

const F = (rel: string) => exportsPath(rel);
const FOLDER = 'x-archive/archive-2024';
const ZIP = 'x-archive/twitter-2024-03-01-budi_santoso88.zip';
const who = { author: 'budi_santoso88', author_name: 'Budi Santoso' };

const LONG =
  'Catatan akhir pekan: hari ini saya ikut kerja bakti membersihkan saluran air di RW 05 bersama warga. Terima kasih untuk semua yang hadir sejak pagi, terutama ibu-ibu PKK yang menyiapkan konsumsi. Lingkungan bersih, banjir menjauh. Minggu depan kita lanjut ke RW 06 dan RW 07 supaya seluruh kelurahan siap menghadapi puncak musim hujan. Jangan lupa bawa cangkul dan karung sendiri ya, bapak-bapak. #SukamajuBersih #GotongRoyong';

const ARCHIVE_2024 = [
  post({ id: '1748540851614650369', platform: 'x', ...who, created_at: '2024-01-20T03:00:00Z', created_at_raw: 'Sat Jan 20 03:00:00 +0000 2024', url: 'https://x.com/budi_santoso88/status/1748540851614650369', text: 'Ayo coblos 02! #PrabowoGibran2024', hashtags: ['PrabowoGibran2024'], source: { file: F(`${FOLDER}/data/tweets.js`), line: 2, record: 1 } }),
  // HTML entities unescaped.
  post({ id: '1746702488171450369', platform: 'x', ...who, created_at: '2024-01-15T01:15:00Z', created_at_raw: 'Mon Jan 15 01:15:00 +0000 2024', url: 'https://x.com/budi_santoso88/status/1746702488171450369', text: 'Rapat koordinasi PPDB & zonasi 2024 di aula Disdik, jam 09.00 <wajib hadir>', source: { file: F(`${FOLDER}/data/tweets.js`), line: 45, record: 2 } }),
  post({ id: '1747132865704890369', platform: 'x', ...who, created_at: '2024-01-16T05:45:10Z', created_at_raw: 'Tue Jan 16 05:45:10 +0000 2024', url: 'https://x.com/budi_santoso88/status/1747132865704890369', text: '@disdik_sukamaju Siap, laporan BOS triwulan IV sudah dikirim lewat aplikasi 🙏', mentions: ['disdik_sukamaju'], kind: 'reply', reply_to: 'disdik_sukamaju', source: { file: F(`${FOLDER}/data/tweets.js`), line: 80, record: 3 } }),
  // A retweet is only its cut text "RT @x: …".
  post({ id: '1747951971333050369', platform: 'x', ...who, created_at: '2024-01-18T12:00:00Z', created_at_raw: 'Thu Jan 18 12:00:00 +0000 2024', url: 'https://x.com/budi_santoso88/status/1747951971333050369', text: 'RT @prabowo: Terima kasih relawan Jawa Barat! Kita lanjutkan perjuangan untuk Indonesia Maju bersama rakyat, dari desa sampai kota. Hadir di GBK tanggal 10 Februari…', mentions: ['prabowo'], kind: 'repost', repost_of: 'prabowo', source: { file: F(`${FOLDER}/data/tweets.js`), line: 131, record: 4 } }),
  // The full text of a long post comes from note-tweet.js; the link to the post itself is dropped.
  post({ id: '1746102283269050369', platform: 'x', ...who, created_at: '2024-01-13T09:30:00Z', created_at_raw: 'Sat Jan 13 09:30:00 +0000 2024', url: 'https://x.com/budi_santoso88/status/1746102283269050369', text: LONG, hashtags: ['SukamajuBersih', 'GotongRoyong'], source: { file: F(`${FOLDER}/data/tweets.js`), line: 177, record: 5 } }),
  post({ id: '1753362623493050369', platform: 'x', ...who, created_at: '2024-02-02T10:20:00Z', created_at_raw: 'Fri Feb 02 10:20:00 +0000 2024', url: 'https://x.com/budi_santoso88/status/1753362623493050369', text: 'Foto bersama peserta pelatihan guru penggerak angkatan 9 #GuruPenggerak', hashtags: ['GuruPenggerak'], media_text: ['Sekitar 30 guru berfoto di depan aula, memegang sertifikat'], source: { file: F(`${FOLDER}/data/tweets.js`), line: 222, record: 6 } }),
  post({ id: '1754399455441850369', platform: 'x', ...who, created_at: '2024-02-05T07:00:00Z', created_at_raw: 'Mon Feb 05 07:00:00 +0000 2024', url: 'https://x.com/budi_santoso88/status/1754399455441850369', text: 'Setuju sekali dengan ini https://t.co/QuOte123', links: ['https://twitter.com/ganjarpranowo/status/1754321098765432109'], kind: 'quote', repost_of: 'ganjarpranowo', source: { file: F(`${FOLDER}/data/tweets.js`), line: 315, record: 7 } }),
  post({ id: '1728216932152250369', platform: 'x', ...who, created_at: '2023-11-25T01:00:00Z', created_at_raw: 'Sat Nov 25 01:00:00 +0000 2023', url: 'https://x.com/budi_santoso88/status/1728216932152250369', text: 'Selamat Hari Guru Nasional untuk seluruh guru di Sukamaju! #HariGuruNasional', hashtags: ['HariGuruNasional'], source: { file: F(`${FOLDER}/data/tweets-part1.js`), line: 2, record: 1 } }),
  post({ id: '1756679479096250369', platform: 'x', ...who, created_at: '2024-02-11T14:00:00Z', created_at_raw: 'Sun Feb 11 14:00:00 +0000 2024', url: 'https://x.com/budi_santoso88/status/1756679479096250369', text: 'Jangan lupa 14 Februari coblos nomor 2 ya, Prabowo-Gibran satu putaran! ✌️', deleted: true, source: { file: F(`${FOLDER}/data/deleted-tweets.js`), line: 2, record: 1 } }),
  // A long post no tweet claims is read on its own.
  post({ id: 'note-1746200000000000002', platform: 'x', ...who, created_at: '2023-12-30T08:00:00Z', created_at_raw: '2023-12-30T08:00:00.000Z', text: 'Refleksi akhir tahun: terima kasih rekan-rekan guru yang tetap semangat mengajar di sekolah-sekolah terpencil Sukamaju sepanjang 2023. Semoga 2024 membawa sarana yang lebih baik untuk anak-anak kita.', source: { file: F(`${FOLDER}/data/note-tweet.js`), line: 33, record: 2 } }),
];

// Likes: no date, the liked post's text (unescaped), its link; whose post it was only when "RT @x:" names it.
const LIKE_FILE = F(`${FOLDER}/data/like.js`);
const like = (id: string, text: string, line: number, record: number, repost_of: string | null = null) =>
  post({ id: `like-${id}`, platform: 'x', ...who, url: `https://twitter.com/i/web/status/${id}`, text, kind: 'like', repost_of, source: { file: LIKE_FILE, line, record } });
const LIKES_2024 = [
  like('1747999999999999999', 'Coblos 02, Prabowo-Gibran!', 2, 1),
  like('1748100000000000001', 'RT @prabowo: Terima kasih relawan Jawa Barat! Sampai jumpa di GBK tanggal 10 Februari.', 9, 2, 'prabowo'),
  like('1748200000000000002', 'Prabowo dan Gibran hadiri debat capres-cawapres di JCC malam ini. Simak jadwal lengkapnya di kanal kami.', 16, 3),
  like('1748300000000000003', 'Alhamdulillah hari ini saya ikut kampanye akbar di GBK, luar biasa ramainya!', 23, 4),
  like('1748400000000000004', 'Resep rendang padang yang empuk & gurih, cocok untuk lebaran <3', 30, 5),
];
// A like of a post since deleted or made private: only its tweetId is left.
const LIKE_SKIPS = [{ source: { file: LIKE_FILE, line: 37, record: 6 }, reason: "a like that names neither the liked post's text nor whose post it was: nothing to scan" }];

describe('X archive', () => {
  it('reads the unpacked archive: tweets, parts, deleted tweets, long posts, likes, account name', async () => {
    const r = await readAll([F(FOLDER)]);
    expect(r.posts).toEqual([...ARCHIVE_2024, ...LIKES_2024]);
    expect(r.skips).toEqual(LIKE_SKIPS);
    expect(r.counts).toEqual([{ input: F(FOLDER), format: 'x-archive', read: 16, scanned: 0, skipped: 1 }]);
    expect(r.warnings).toEqual([`${F(FOLDER)}/data/note-tweet.js: 1 long post(s) matched no tweet in the archive; read on their own (no post URL)`]);
  });

  it('reads the .zip as one input with the same posts, sources named archive.zip!entry', async () => {
    const r = await readAll([F(ZIP)]);
    expect(r.posts).toEqual(moved([...ARCHIVE_2024, ...LIKES_2024], `${F(FOLDER)}/`, `${F(ZIP)}!`));
    expect(r.counts).toEqual([{ input: F(ZIP), format: 'x-archive', read: 16, scanned: 0, skipped: 1 }]);
  });

  it('never reads direct messages or the e-mail address', async () => {
    const r = await readAll([F(FOLDER), F(ZIP)]);
    const all = JSON.stringify(r.posts);
    expect(all).not.toContain('RAHASIA');
    expect(all).not.toContain('pemilih tetap');
    expect(all).not.toContain('example.com');
  });

  it('reads the 2019 layout: tweet.js with bare tweet objects', async () => {
    const r = await readAll([F('x-archive/archive-2019')]);
    expect(r.posts).toEqual([
      post({ id: '1115796538782650369', platform: 'x', ...who, created_at: '2019-04-10T02:00:00Z', created_at_raw: 'Wed Apr 10 02:00:00 +0000 2019', url: 'https://x.com/budi_santoso88/status/1115796538782650369', text: 'Tanggal 17 April jangan lupa coblos 02 #2019PrabowoPresiden', hashtags: ['2019PrabowoPresiden'], source: { file: F('x-archive/archive-2019/data/tweet.js'), line: 2, record: 1 } }),
      post({ id: '1101686061265850369', platform: 'x', ...who, created_at: '2019-03-02T03:30:00Z', created_at_raw: 'Sat Mar 02 03:30:00 +0000 2019', url: 'https://x.com/budi_santoso88/status/1101686061265850369', text: 'Bimtek kurikulum 2013 untuk guru SD se-kecamatan Cibeber hari ini', source: { file: F('x-archive/archive-2019/data/tweet.js'), line: 33, record: 2 } }),
    ]);
  });

  it('reads data/tweets.js given alone, completed by account.js and note-tweet.js next to it', async () => {
    const file = F(`${FOLDER}/data/tweets.js`);
    const r = await readAll([file]);
    expect(r.posts).toEqual(ARCHIVE_2024.filter((p) => p.source.file === file));
    expect(r.counts[0].format).toBe('x-archive');
  });

  it('reads a tweets.js with nothing next to it, without author but with a link, and says what is missing', async () => {
    const dir = tempDir();
    copyFileSync(F(`${FOLDER}/data/tweets-part1.js`), path.join(dir, 'tweets-part1.js'));
    const file = path.join(dir, 'tweets-part1.js');
    const r = await readAll([file]);
    expect(r.posts).toHaveLength(1);
    expect(r.posts[0]).toMatchObject({ author: '', author_name: null, url: 'https://x.com/i/web/status/1728216932152250369' });
    expect(r.warnings).toEqual([`${file}: no account.js or manifest.js naming the account next to it; posts have no author (the handle and name are in account.js, or in manifest.js; give the whole archive)`]);
  });

  it('reads an archive without account.js, without author but with links, and says what is missing', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'data/tweets-part1.js': readFileSync(F(`${FOLDER}/data/tweets-part1.js`)) });
    const r = await readAll([dir]);
    expect(r.posts.map((p) => [p.author, p.author_name, p.url])).toEqual([['', null, 'https://x.com/i/web/status/1728216932152250369']]);
    expect(r.warnings).toEqual([`${dir}: no account.js or manifest.js naming the account; posts have no author (the handle and name are in account.js, or in manifest.js)`]);
  });

  describe('without account.js, the account from data/manifest.js', () => {
    const manifest = readFileSync(F(`${FOLDER}/data/manifest.js`));
    const tweet = (id: string, created: string, text: string, url: string) => ({
      tweet: { id_str: id, created_at: created, full_text: text, entities: { hashtags: [], user_mentions: [], urls: [{ url: 'https://t.co/x', expanded_url: url, display_url: url.replace('https://', '') }] } },
    });
    const tweets = [
      tweet('1750000000000000001', 'Wed Jan 24 01:00:00 +0000 2024', 'Lanjutan utas kemarin https://t.co/x', 'https://x.com/budi_santoso88/status/1748540851614650369'),
      tweet('1750000000000000002', 'Wed Jan 24 02:00:00 +0000 2024', 'Setuju https://t.co/x', 'https://twitter.com/ganjarpranowo/status/1754321098765432109'),
    ];
    const tweetsJs = `window.YTD.tweets.part0 = ${JSON.stringify(tweets, null, 2)}`;

    it('gives the posts their author, in the archive and in tweets.js given alone, and a link to the author\'s own post is not a quote', async () => {
      const dir = tempDir();
      writeFiles(dir, { 'data/tweets.js': tweetsJs, 'data/manifest.js': manifest });
      for (const input of [dir, path.join(dir, 'data/tweets.js')]) {
        const r = await cli(['convert', input]);
        expect(r.exitCode).toBe(0);
        expect(r.stderr).not.toContain('warning');
        const recs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { author: string; author_name: string; url: string; kind: string; repost_of: string | null });
        expect(recs.map((p) => [p.author, p.author_name, p.url, p.kind, p.repost_of])).toEqual([
          ['budi_santoso88', 'Budi Santoso', 'https://x.com/budi_santoso88/status/1750000000000000001', 'post', null],
          ['budi_santoso88', 'Budi Santoso', 'https://x.com/budi_santoso88/status/1750000000000000002', 'quote', 'ganjarpranowo'],
        ]);
      }
    });

    it('account.js wins when both are there; a manifest that names no one, or cannot be read, leaves the warning', async () => {
      const dir = tempDir();
      writeFiles(dir, {
        'a/data/tweets.js': tweetsJs,
        'a/data/account.js': readFileSync(F(`${FOLDER}/data/account.js`)),
        'a/data/manifest.js': manifest.toString().replace('"budi_santoso88"', '"akun_lain"'),
        'b/data/tweets.js': tweetsJs,
        'b/data/manifest.js': 'window.__THAR_CONFIG = {"archiveInfo": {"sizeBytes": "1"}};',
        'c/data/tweets.js': tweetsJs,
        'c/data/manifest.js': 'window.__THAR_CONFIG = {"userInfo": {"userName": "budi_santoso88"',
      });
      const a = await readAll([path.join(dir, 'a')]);
      expect(a.posts.map((p) => [p.author, p.author_name])).toEqual([
        ['budi_santoso88', 'Budi Santoso'],
        ['budi_santoso88', 'Budi Santoso'],
      ]);
      expect(a.warnings).toEqual([]);
      // An account.js without the display name takes it from the manifest of the same account only.
      const noName = readFileSync(F(`${FOLDER}/data/account.js`), 'utf8').replace(/,\s*"accountDisplayName" : "Budi Santoso"/, '');
      writeFiles(dir, { 'd/data/tweets.js': tweetsJs, 'd/data/account.js': noName, 'd/data/manifest.js': manifest, 'e/data/tweets.js': tweetsJs, 'e/data/account.js': noName, 'e/data/manifest.js': readFileSync(path.join(dir, 'a/data/manifest.js')) });
      expect((await readAll([path.join(dir, 'd')])).posts[0]).toMatchObject({ author: 'budi_santoso88', author_name: 'Budi Santoso' });
      expect((await readAll([path.join(dir, 'e')])).posts[0]).toMatchObject({ author: 'budi_santoso88', author_name: null });
      for (const x of ['b', 'c']) {
        const r = await readAll([path.join(dir, x)]);
        expect(r.counts[0].error).toBeUndefined();
        expect(r.posts.map((p) => [p.author, p.kind])).toEqual([
          ['', 'quote'], // without the author, the link to its own post cannot be told from another's
          ['', 'quote'],
        ]);
        expect(r.warnings).toEqual([`${path.join(dir, x)}: no account.js or manifest.js naming the account; posts have no author (the handle and name are in account.js, or in manifest.js)`]);
      }
    });
  });

  it('refuses direct messages given alone, saying why', async () => {
    const dm = await readAll([F(`${FOLDER}/data/direct-messages.js`)]);
    expect(dm.posts).toEqual([]);
    expect(dm.counts[0].error).toMatch(/direct messages, which are private and never read/);
  });

  describe('likes (data/like.js)', () => {
    it('reads like.js given alone, its author from account.js next to it', async () => {
      const r = await readAll([LIKE_FILE]);
      expect(r.posts).toEqual(LIKES_2024);
      expect(r.skips).toEqual(LIKE_SKIPS);
      expect(r.counts).toEqual([{ input: LIKE_FILE, format: 'x-archive', read: 6, scanned: 0, skipped: 1 }]);
      expect(r.warnings).toEqual([]);
    });

    it('reads split like files, takes whose post it was from a link that names it, and accounts for every record', async () => {
      const dir = tempDir();
      const likes = [
        { like: { tweetId: '1750000000000000001', fullText: 'Konsolidasi relawan malam ini', expandedUrl: 'https://twitter.com/gibran_tweet/status/1750000000000000001' } },
        { like: { tweetId: '1750000000000000002', fullText: '' } },
        { like: { fullText: 'tanpa id' } },
        { like: 'bukan objek' },
        { like: { tweetId: '1750000000000000003', fullText: 'tautan aneh', expandedUrl: 'javascript:alert(1)' } },
      ];
      writeFiles(dir, {
        'data/tweets.js': 'window.YTD.tweets.part0 = []',
        'data/account.js': readFileSync(F(`${FOLDER}/data/account.js`)),
        'data/like.js': 'window.YTD.like.part0 = []',
        'data/like-part1.js': `window.YTD.like.part1 = ${JSON.stringify(likes, null, 2)}`,
      });
      const r = await readAll([dir]);
      expect(r.posts.map((p) => [p.id, p.kind, p.author, p.created_at, p.url, p.repost_of, p.text])).toEqual([
        ['like-1750000000000000001', 'like', 'budi_santoso88', null, 'https://twitter.com/gibran_tweet/status/1750000000000000001', 'gibran_tweet', 'Konsolidasi relawan malam ini'],
        // Not a link: the post's own address stands instead.
        ['like-1750000000000000003', 'like', 'budi_santoso88', null, 'https://x.com/i/web/status/1750000000000000003', null, 'tautan aneh'],
      ]);
      expect(r.skips.map((x) => [x.source.record, x.reason])).toEqual([
        [2, "a like that names neither the liked post's text nor whose post it was: nothing to scan"],
        [3, 'like without a tweet id'],
        [4, '"like" is not an object (string)'],
      ]);
      expect(r.counts[0]).toMatchObject({ read: 5, skipped: 3 });
    });

    it('a like is a post of its own: an account that liked its own tweet has both, with different ids', async () => {
      const dir = tempDir();
      writeFiles(dir, {
        'data/account.js': readFileSync(F(`${FOLDER}/data/account.js`)),
        'data/tweets.js': readFileSync(F(`${FOLDER}/data/tweets-part1.js`)),
        'data/like.js': `window.YTD.like.part0 = ${JSON.stringify([{ like: { tweetId: '1728216932152250369', fullText: 'Selamat Hari Guru Nasional untuk seluruh guru di Sukamaju! #HariGuruNasional' } }])}`,
      });
      const r = await readAll([dir]);
      expect(r.posts.map((p) => [p.id, p.kind])).toEqual([
        ['1728216932152250369', 'post'],
        ['like-1728216932152250369', 'like'],
      ]);
    });
  });

  it('reports a truncated tweets.js with file and line, keeping what was read before', async () => {
    const dir = tempDir();
    const text = readFileSync(F(`${FOLDER}/data/tweets.js`), 'utf8');
    writeFiles(dir, { 'data/tweets.js': text.slice(0, text.indexOf('"Setuju sekali')), 'data/account.js': readFileSync(F(`${FOLDER}/data/account.js`)) });
    const r = await readAll([dir]);
    expect(r.posts.map((p) => p.id)).toEqual(ARCHIVE_2024.slice(0, 6).map((p) => p.id));
    expect(r.skips).toEqual([{ source: { file: path.join(dir, 'data/tweets.js'), line: 315, record: 7 }, reason: 'the file ends in the middle of this record (truncated?)' }]);
    expect(r.counts[0]).toMatchObject({ error: 'the file ends before the JSON is complete (truncated?)', file: path.join(dir, 'data/tweets.js'), line: expect.any(Number) });
  });

  it('skips a record with invalid UTF-8 and reads the others', async () => {
    const dir = tempDir();
    const text = readFileSync(F(`${FOLDER}/data/tweets.js`));
    const at = text.indexOf('Rapat koordinasi');
    const broken = Buffer.concat([text.subarray(0, at), Buffer.from([0xc3, 0x28]), text.subarray(at + 2)]);
    writeFiles(dir, { 'data/tweets.js': broken, 'data/account.js': readFileSync(F(`${FOLDER}/data/account.js`)) });
    const r = await readAll([dir]);
    expect(r.posts.map((p) => p.id)).toEqual(ARCHIVE_2024.slice(0, 7).map((p) => p.id).filter((id) => id !== '1746702488171450369'));
    expect(r.skips).toEqual([{ source: { file: path.join(dir, 'data/tweets.js'), line: 45, record: 2 }, reason: 'invalid UTF-8' }]);
  });

  it('says a "tweet" that is not an object is that, not a tweet without an id', async () => {
    const dir = tempDir();
    const tweets = [{ tweet: 'not an object' }, { tweet: null }, { tweet: { full_text: 'tanpa id' } }, { tweet: { id_str: '1', full_text: 'halo' } }];
    writeFiles(dir, { 'data/tweets.js': `window.YTD.tweets.part0 = ${JSON.stringify(tweets, null, 1)}`, 'data/account.js': readFileSync(F(`${FOLDER}/data/account.js`)) });
    const r = await readAll([dir]);
    expect(r.posts.map((p) => p.id)).toEqual(['1']);
    expect(r.skips.map((s) => [s.source.record, s.reason])).toEqual([
      [1, '"tweet" is not an object (string)'],
      [2, '"tweet" is not an object (null)'],
      [3, 'tweet without an id'],
    ]);
  });
});
