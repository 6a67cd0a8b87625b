import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { exportsPath, post, readAll } from '../../helpers/read.js';
import { tempDir, writeFiles } from '../../helpers/cli.js';

const F = (rel: string) => exportsPath(rel);
const FILE = F('bluesky/getAuthorFeed-agungwbs.json');
const who = { platform: 'bluesky', author: 'agungwbs.bsky.social', author_name: 'Agung Wibisana' };
const A = 'at://did:plc:agungwbs0000000000000001/app.bsky.feed.post';

const PAGE = [
  // Pinned first (reasonPin): an ordinary post of the author. Image alt text kept.
  post({ id: `${A}/3kz1cccccccc3`, ...who, created_at: '2024-09-26T05:00:00Z', created_at_raw: '2024-09-26T05:00:00.000Z', url: 'https://bsky.app/profile/agungwbs.bsky.social/post/3kz1cccccccc3', text: 'Masa kampanye Pilkada mulai kemarin sampai 23 November. Rekan ASN: jangan ikut kampanye, jangan like/share konten paslon. Netral itu kewajiban.', media_text: ['Infografis netralitas ASN dari BKN'], source: { file: FILE, line: 3, record: 1 } }),
  post({ id: `${A}/3kz1ffffffff6`, ...who, created_at: '2024-10-15T03:00:00Z', created_at_raw: '2024-10-15T03:00:00.000Z', url: 'https://bsky.app/profile/agungwbs.bsky.social/post/3kz1ffffffff6', text: 'Setuju banget 👇', kind: 'quote', repost_of: 'ridwankamil.bsky.social', source: { file: FILE, line: 60, record: 2 } }),
  post({ id: `${A}/3kz1eeeeeeee5`, ...who, created_at: '2024-10-14T03:00:00Z', created_at_raw: '2024-10-14T03:00:00.000Z', url: 'https://bsky.app/profile/agungwbs.bsky.social/post/3kz1eeeeeeee5', text: 'Saya ikut pak! Nomor 1 pasti menang ☝️', kind: 'reply', reply_to: 'ridwankamil.bsky.social', source: { file: FILE, line: 118, record: 3 } }),
  // A repost (reason): the reposting account is the author, at the time of the repost; the text is the original.
  post({ id: 'at://did:plc:ridwankamil00000000000002/app.bsky.feed.post/3kz1bbbbbbbb2#repost-by-did:plc:agungwbs0000000000000001', ...who, created_at: '2024-10-12T04:00:00Z', created_at_raw: '2024-10-12T04:00:00.000Z', url: 'https://bsky.app/profile/ridwankamil.bsky.social/post/3kz1bbbbbbbb2', text: 'Terima kasih warga Jakarta Selatan! Kita lanjutkan kerja untuk Jakarta 🙏', kind: 'repost', repost_of: 'ridwankamil.bsky.social', source: { file: FILE, line: 206, record: 4 } }),
  // Facets by UTF-8 byte offsets, after emoji: tag, mention (handle from the text it covers), link.
  post({ id: `${A}/3kz1aaaaaaaa1`, ...who, created_at: '2024-10-10T03:00:00Z', created_at_raw: '2024-10-10T03:00:00.000Z', url: 'https://bsky.app/profile/agungwbs.bsky.social/post/3kz1aaaaaaaa1', text: '🔥 Dukung RIDO! Jakarta baru 💪 #RIDO @ridwankamil.bsky.social https://rido.example.id', hashtags: ['RIDO'], mentions: ['ridwankamil.bsky.social'], links: ['https://rido.example.id'], source: { file: FILE, line: 244, record: 5 } }),
];

describe('Bluesky getAuthorFeed', () => {
  it('reads one saved page: posts, quote, reply, repost via reason', async () => {
    const r = await readAll([FILE]);
    expect(r.posts).toEqual(PAGE);
    expect(r.counts).toEqual([{ input: FILE, format: 'bluesky', read: 5, scanned: 0, skipped: 0 }]);
  });

  it('reads pages saved one per line; a post listed again (pinned) is read once', async () => {
    const file = F('bluesky/pages/agungwbs-pages.jsonl');
    const r = await readAll([file]);
    expect(r.posts.map((p) => p.id)).toEqual(PAGE.map((p) => p.id));
    expect(r.posts.map((p) => p.source)).toEqual([1, 2, 3, 4, 5].map((record) => ({ file, line: 1, record })));
    expect(r.skips).toEqual([{ source: { file, line: 2, record: 6 }, reason: 'the same post appears again in the feed (a pinned post is listed twice)' }]);
  });

  it('reads a JSON array of pages', async () => {
    const dir = tempDir();
    const page = (await import('node:fs')).readFileSync(FILE, 'utf8');
    writeFiles(dir, { 'pages.json': `[${page}, {"feed": []}]` });
    const r = await readAll([path.join(dir, 'pages.json')]);
    expect(r.posts.map((p) => p.text)).toEqual(PAGE.map((p) => p.text));
    expect(r.counts[0].format).toBe('bluesky');
  });

  it('names a repost by its own record when the response gives it (reason.uri), as netral fetch does', async () => {
    const dir = tempDir();
    const page = JSON.parse((await import('node:fs')).readFileSync(FILE, 'utf8')) as { feed: { reason?: Record<string, unknown> }[] };
    const repost = page.feed.find((i) => i.reason?.['$type'] === 'app.bsky.feed.defs#reasonRepost')!;
    repost.reason!.uri = 'at://did:plc:agungwbs0000000000000001/app.bsky.feed.repost/3kz1rrrrrrrr9';
    writeFiles(dir, { 'page.json': JSON.stringify({ feed: [repost] }) });
    const r = await readAll([path.join(dir, 'page.json')]);
    expect(r.posts.map((p) => [p.id, p.kind, p.repost_of])).toEqual([['at://did:plc:agungwbs0000000000000001/app.bsky.feed.repost/3kz1rrrrrrrr9', 'repost', 'ridwankamil.bsky.social']]);
  });
});

