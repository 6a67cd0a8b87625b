import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exportsPath, moved, post, readAll } from '../../helpers/read.js';
import { bin, tempDir, writeFiles } from '../../helpers/cli.js';

const F = (rel: string) => exportsPath(rel);
const FILE = F('tiktok/download-2024/user_data_tiktok.json');
const who = { platform: 'tiktok', author: 'neng.yulia' };

// Dates carry no zone in TikTok downloads and are read as UTC (see src/sources/formats/tiktok.ts).
const DOWNLOAD_2024 = [
  post({ id: 'tiktok-comment-20240125130000-69e5a27aca29', ...who, created_at: '2024-01-25T13:00:00Z', created_at_raw: '2024-01-25 13:00:00', text: 'Gas pol 01! ☝️ #AMIN', kind: 'reply', source: { file: FILE, line: 35, record: 1 } }),
  post({ id: 'tiktok-comment-20230901050000-c7a6ae703c96', ...who, created_at: '2023-09-01T05:00:00Z', created_at_raw: '2023-09-01 05:00:00', text: 'Lucu banget muridnya 😂', kind: 'reply', source: { file: FILE, line: 41, record: 2 } }),
  post({ id: '7327432100000000001', ...who, created_at: '2024-01-24T12:45:00Z', created_at_raw: '2024-01-24 12:45:00', url: 'https://www.tiktok.com/@neng.yulia/video/7327432100000000001', text: 'c0bl0s n0m3r 1 ya gaes ☝🏻 perubahan dimulai dr kita 🔥 #amin #aniesmuhaimin #fyp', media_text: ['Video di dalam kelas, guru menunjuk satu jari ke kamera'], source: { file: FILE, line: 66, record: 3 } }),
  post({ id: '7292000000000000003', ...who, created_at: '2023-10-20T13:10:00Z', created_at_raw: '2023-10-20 13:10:00', url: 'https://www.tiktok.com/@neng.yulia/video/7292000000000000003', text: "jadi guru tuh capek tapi pas murid bilang 'bu guru cantik' langsung sembuh 🥹 #guru #fyp", source: { file: FILE, line: 93, record: 5 } }),
];

describe('TikTok download', () => {
  it('reads videos and comments of the newer layout (Post.Posts.VideoList, lower-case comment keys)', async () => {
    const r = await readAll([FILE]);
    expect(r.posts).toEqual(DOWNLOAD_2024);
    expect(r.skips).toEqual([{ source: { file: FILE, line: 84, record: 4 }, reason: 'not public (who can view: Friends); use --include-private to read it' }]);
    expect(r.counts).toEqual([{ input: FILE, format: 'tiktok', read: 5, scanned: 0, skipped: 1 }]);
  });

  it('reads a friends-only video with --include-private', async () => {
    const r = await readAll([FILE], { includePrivate: true });
    expect(r.posts.map((p) => p.id)).toEqual(['tiktok-comment-20240125130000-69e5a27aca29', 'tiktok-comment-20230901050000-c7a6ae703c96', '7327432100000000001', '7330000000000000002', '7292000000000000003']);
    expect(r.skips).toEqual([]);
  });

  it('reads the folder and the .zip the same way', async () => {
    expect((await readAll([F('tiktok/download-2024')])).posts).toEqual(DOWNLOAD_2024);
    const zip = F('tiktok/tiktok-neng.yulia-2024-03-01.zip');
    expect((await readAll([zip])).posts).toEqual(moved(DOWNLOAD_2024, FILE, `${zip}!user_data_tiktok.json`));
  });

  it('reads the older layout (Video.Videos.VideoList), whose videos have no caption', async () => {
    const file = F('tiktok/download-2022/user_data.json');
    const r = await readAll([file]);
    expect(r.posts).toEqual([
      post({ id: 'tiktok-comment-20220817030000-9bd08c837924', ...who, created_at: '2022-08-17T03:00:00Z', created_at_raw: '2022-08-17 03:00:00', text: 'Selamat HUT RI ke-77 🇮🇩 merdeka!', kind: 'reply', source: { file, line: 15, record: 1 } }),
    ]);
    expect(r.skips).toEqual([{ source: { file, line: 33, record: 2 }, reason: 'no caption in the download (older TikTok downloads list videos without their text)' }]);
  });

  it('never reads direct messages, logins (IP addresses), likes or the e-mail address', async () => {
    const all = JSON.stringify((await readAll([F('tiktok')], { includePrivate: true })).posts);
    for (const secret of ['posko 01 bareng', '114.124.0.10', '7326000000000000001', 'example.com', '+6281299998888']) expect(all).not.toContain(secret);
  });

  it('reads keys in any case and spacing', async () => {
    const dir = tempDir();
    const doc = { post: { POSTS: { videolist: [{ date: '2024-01-20 03:00:00', link: 'https://www.tiktokv.com/share/video/7326000000000000777/', title: 'Ayo coblos 02!' }] } }, profile: { 'PROFILE INFO': { profileMap: { UserName: 'budi' } } } };
    writeFiles(dir, { 'user_data_tiktok.json': JSON.stringify(doc) });
    const r = await readAll([path.join(dir, 'user_data_tiktok.json')]);
    expect(r.posts).toEqual([post({ id: '7326000000000000777', platform: 'tiktok', author: 'budi', created_at: '2024-01-20T03:00:00Z', created_at_raw: '2024-01-20 03:00:00', url: 'https://www.tiktok.com/@budi/video/7326000000000000777', text: 'Ayo coblos 02!', source: { file: path.join(dir, 'user_data_tiktok.json'), line: 1, record: 1 } })]);
  });

  it('reads a short download on standard input as the file (it is held in memory, so it can be read twice)', async () => {
    const r = await readAll(['-'], { stdin: readFileSync(FILE) });
    expect(r.posts).toEqual(moved(DOWNLOAD_2024, FILE, '-'));
    expect(r.warnings).toEqual([]);
  });

  it('reads a long standard input in one pass (the username is found only if it comes first)', async () => {
    // A browsing history ahead of the videos makes the download longer than the head stdin keeps in memory.
    const doc = JSON.parse(readFileSync(FILE, 'utf8')) as { Activity: Record<string, unknown> };
    doc.Activity['Video Browsing History'] = { VideoList: Array.from({ length: 2000 }, (_, i) => ({ Date: '2024-01-01 00:00:00', Link: `https://www.tiktokv.com/share/video/${7300000000000000000 + i}/` })) };
    const long = JSON.stringify(doc, null, 2);
    expect(long.length).toBeGreaterThan(64 * 1024);
    const dir = tempDir();
    writeFiles(dir, { 'user_data_tiktok.json': long });
    const fromFile = await readAll([path.join(dir, 'user_data_tiktok.json')]);
    expect(fromFile.posts.map((p) => p.author)).toEqual(['neng.yulia', 'neng.yulia', 'neng.yulia', 'neng.yulia']);
    const r = await readAll(['-'], { stdin: long });
    expect(r.posts.map((p) => p.text)).toEqual(fromFile.posts.map((p) => p.text));
    expect(r.posts.map((p) => p.author)).toEqual(['', '', '', '']);
    expect(r.warnings.join('\n')).toMatch(/5 record\(s\) came before the username in the download and have no author/);
  });

  it('recognises a download whose first activity section is long (the markers come after 16 KB)', async () => {
    const doc = JSON.parse(readFileSync(FILE, 'utf8')) as { Activity: Record<string, unknown> };
    const sounds = { FavoriteSoundList: Array.from({ length: 400 }, (_, i) => ({ Date: '2024-01-01 00:00:00', Link: `https://www.tiktok.com/music/suara-${i}-${7300000000000000000 + i}` })) };
    const long = JSON.stringify({ ...doc, Activity: { 'Favorite Sounds': sounds, ...doc.Activity } }, null, 2);
    expect(long.indexOf('Like List')).toBeGreaterThan(16 * 1024);
    expect(long.indexOf('Like List')).toBeLessThan(64 * 1024);
    const dir = tempDir();
    writeFiles(dir, { 'tiktok-budi.json': long });
    const r = await readAll([path.join(dir, 'tiktok-budi.json')]);
    expect(r.counts.map((c) => [c.format, c.read])).toEqual([['tiktok', 5]]);
  });

  it('reads a file called `-` as a file, not as standard input', async () => {
    const dir = tempDir();
    writeFiles(dir, { '-': readFileSync(FILE) });
    // `netral convert .` names the file `-` (the folder is `.`); `./-` is the way to give it on its own.
    for (const spec of ['.', './-']) {
      const r = await bin(['convert', '--tz', 'UTC', spec], { cwd: dir });
      expect(r.exitCode).toBe(0);
      expect(r.stderr).not.toMatch(/no author/);
      const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { author: string; id: string });
      expect(records.map((x) => [x.id, x.author])).toEqual(DOWNLOAD_2024.map((p) => [p.id, 'neng.yulia']));
    }
  });
});
