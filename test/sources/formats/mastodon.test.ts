import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exportsPath, moved, post, readAll } from '../../helpers/read.js';
import { tempDir, writeFiles } from '../../helpers/cli.js';

const F = (rel: string) => exportsPath(rel);
const OUTBOX = F('mastodon/archive-2024/outbox.json');
const who = { platform: 'mastodon', author: 'agung_wbs@mastodon.social', author_name: 'Agung Wibisana' };

const ARCHIVE = [
  // HTML content as text, paragraphs kept apart, entities decoded.
  post({ id: '111710000000000001', ...who, created_at: '2024-01-07T15:30:00Z', created_at_raw: '2024-01-07T15:30:00Z', url: 'https://mastodon.social/@agung_wbs/111710000000000001', text: 'Debat capres ketiga malam ini soal pertahanan & hubungan internasional.\n\nSaran saya: tonton lengkap, jangan cuma potongan klip di grup WA.', source: { file: OUTBOX, record: 1 } }),
  post({ id: '111780000000000002', ...who, created_at: '2024-01-20T03:00:00Z', created_at_raw: '2024-01-20T03:00:00Z', url: 'https://mastodon.social/@agung_wbs/111780000000000002', text: 'Ayo coblos 02! #PrabowoGibran2024', hashtags: ['PrabowoGibran2024'], media_text: ['Spanduk bertuliskan Prabowo-Gibran 2024 di depan rumah'], source: { file: OUTBOX, record: 2 } }),
  // A boost (Announce) holds only the address of the boosted post. Ids are the status numbers, as the API gives them.
  post({ id: '111790000000000003', ...who, created_at: '2024-01-22T10:00:00Z', created_at_raw: '2024-01-22T10:00:00Z', url: 'https://mastodon.social/users/aniesbaswedan/statuses/111789000000000099', text: '', kind: 'repost', repost_of: 'aniesbaswedan@mastodon.social', source: { file: OUTBOX, record: 3 } }),
  // Unlisted (public in cc) is public; a reply names the account replied to.
  post({ id: '111820000000000006', ...who, created_at: '2024-02-01T02:00:00Z', created_at_raw: '2024-02-01T02:00:00Z', url: 'https://mastodon.social/@agung_wbs/111820000000000006', text: '@kpu_ri Terima kasih infonya, sudah cek DPT online.\nAyo ke TPS 14 Februari!', mentions: ['kpu_ri@mastodon.social'], kind: 'reply', reply_to: 'kpu_ri@mastodon.social', source: { file: OUTBOX, record: 6 } }),
  // The content warning is read with the text.
  post({ id: '111830000000000007', ...who, created_at: '2024-02-03T05:00:00Z', created_at_raw: '2024-02-03T05:00:00Z', url: 'https://mastodon.social/@agung_wbs/111830000000000007', text: 'politik\n\nYang ini soal hasil survei, baca sendiri ya.', source: { file: OUTBOX, record: 7 } }),
];

const PRIVATE_SKIPS = [
  { source: { file: OUTBOX, record: 4 }, reason: 'followers-only post (use --include-private to read it)' },
  { source: { file: OUTBOX, record: 5 }, reason: 'direct message (use --include-private to read it)' },
];

describe('Mastodon archive', () => {
  it('reads the unpacked archive: public posts, boosts and replies; followers-only posts and DMs are skipped', async () => {
    const r = await readAll([F('mastodon/archive-2024')]);
    expect(r.posts).toEqual(ARCHIVE);
    expect(r.skips).toEqual(PRIVATE_SKIPS);
    expect(r.counts).toEqual([{ input: F('mastodon/archive-2024'), format: 'mastodon-archive', read: 7, scanned: 0, skipped: 2 }]);
    const all = JSON.stringify(r.posts);
    expect(all).not.toContain('Khusus pengikut');
    expect(all).not.toContain('tim sukses');
  });

  it('reads followers-only posts and DMs only with --include-private', async () => {
    const r = await readAll([F('mastodon/archive-2024')], { includePrivate: true });
    expect(r.skips).toEqual([]);
    expect(r.posts.map((p) => p.text)).toContain('@rekan_kerja jangan bilang siapa-siapa ya, saya ikut tim sukses.');
    expect(r.posts.map((p) => p.text)).toContain('Khusus pengikut: besok kumpul relawan 01 di posko kecamatan ya.');
  });

  it('reads the .zip (Mastodon 4.1 and later) and the .tar.gz (older, media first) alike', async () => {
    const zip = F('mastodon/archive-20240301120000-0a1b2c3d.zip');
    expect((await readAll([zip])).posts).toEqual(moved(ARCHIVE, OUTBOX, `${zip}!outbox.json`));
    const tgz = F('mastodon/archive-20221115090000-4e5f6a7b.tar.gz');
    const r = await readAll([tgz]);
    expect(r.posts).toEqual(moved(ARCHIVE, OUTBOX, `${tgz}!outbox.json`));
    expect(r.counts).toEqual([{ input: tgz, format: 'mastodon-archive', read: 7, scanned: 0, skipped: 2 }]);
  });

  it('reads outbox.json given alone (authors from the activities, no display name)', async () => {
    const r = await readAll([OUTBOX]);
    expect(r.posts).toEqual(ARCHIVE.map((p) => ({ ...p, author_name: null })));
  });
});

describe('Mastodon API statuses', () => {
  const FILE = F('mastodon-api/statuses-page1.json');
  const STATUSES = [
    post({ id: '111830000000000007', ...who, created_at: '2024-02-03T05:00:00Z', created_at_raw: '2024-02-03T05:00:00Z', url: 'https://mastodon.social/@agung_wbs/111830000000000007', text: 'politik\n\nYang ini soal hasil survei, baca sendiri ya.', source: { file: FILE, line: 2, record: 1 } }),
    post({ id: '111820000000000006', ...who, created_at: '2024-02-01T02:00:00Z', created_at_raw: '2024-02-01T02:00:00Z', url: 'https://mastodon.social/@agung_wbs/111820000000000006', text: '@kpu_ri Terima kasih infonya, sudah cek DPT online.\nAyo ke TPS 14 Februari!', mentions: ['kpu_ri@mastodon.social'], kind: 'reply', reply_to: 'kpu_ri@mastodon.social', source: { file: FILE, line: 37, record: 2 } }),
    // A boost carries the boosted status: its text and author.
    post({ id: '111790000000000003', ...who, created_at: '2024-01-22T10:00:00Z', created_at_raw: '2024-01-22T10:00:00Z', url: 'https://kolektif.social/@aniesbaswedan/111789000000000099', text: 'Perubahan dimulai dari kita. Bersama AMIN!', kind: 'repost', repost_of: 'aniesbaswedan@kolektif.social', source: { file: FILE, line: 114, record: 4 } }),
    post({ id: '111780000000000002', ...who, created_at: '2024-01-20T03:00:00Z', created_at_raw: '2024-01-20T03:00:00Z', url: 'https://mastodon.social/@agung_wbs/111780000000000002', text: 'Ayo coblos 02! #PrabowoGibran2024', hashtags: ['prabowogibran2024'], media_text: ['Spanduk bertuliskan Prabowo-Gibran 2024 di depan rumah'], source: { file: FILE, line: 183, record: 5 } }),
  ];

  it('reads a saved page of statuses; private ones are skipped', async () => {
    const r = await readAll([FILE]);
    expect(r.posts).toEqual(STATUSES);
    expect(r.skips).toEqual([{ source: { file: FILE, line: 79, record: 3 }, reason: 'followers-only post (use --include-private to read it)' }]);
    expect(r.counts[0].format).toBe('mastodon-api');
  });

  it('reads several pages saved one per line, numbering statuses across them', async () => {
    const dir = tempDir();
    const page = JSON.parse(readFileSync(FILE, 'utf8')) as unknown[];
    writeFiles(dir, { 'pages.jsonl': `${JSON.stringify(page.slice(0, 2))}\n${JSON.stringify(page.slice(2))}\n` });
    const file = path.join(dir, 'pages.jsonl');
    const r = await readAll([file]);
    expect(r.posts.map((p) => [p.id, p.source])).toEqual([
      ['111830000000000007', { file, line: 1, record: 1 }],
      ['111820000000000006', { file, line: 1, record: 2 }],
      ['111790000000000003', { file, line: 2, record: 4 }],
      ['111780000000000002', { file, line: 2, record: 5 }],
    ]);
    expect(r.skips).toHaveLength(1);
  });

  it('reads quotes, poll options and the links in a status (not its mention and hashtag links)', async () => {
    const dir = tempDir();
    const account = { id: '1', username: 'agung_wbs', acct: 'agung_wbs', display_name: 'Agung Wibisana', url: 'https://mastodon.social/@agung_wbs' };
    const status = {
      id: '112000000000000001',
      uri: 'https://mastodon.social/users/agung_wbs/statuses/112000000000000001',
      url: 'https://mastodon.social/@agung_wbs/112000000000000001',
      created_at: '2024-11-01T02:00:00.000Z',
      visibility: 'public',
      spoiler_text: '',
      content: '<p>Pilih yang mana? Baca <a href="https://kpu.go.id/paslon" rel="nofollow">https://kpu.go.id/paslon</a> <a href="https://mastodon.social/tags/pilkada" class="mention hashtag">#<span>pilkada</span></a></p>',
      account,
      reblog: null,
      mentions: [],
      tags: [{ name: 'pilkada' }],
      media_attachments: [],
      poll: { options: [{ title: 'RIDO' }, { title: 'Pram-Doel' }] },
      quote: { state: 'accepted', quoted_status: { id: '9', account: { acct: 'ridwankamil@kolektif.social', url: 'https://kolektif.social/@ridwankamil' } } },
    };
    writeFiles(dir, { 'statuses.json': JSON.stringify([status]) });
    const file = path.join(dir, 'statuses.json');
    const r = await readAll([file]);
    expect(r.posts).toEqual([
      post({ id: '112000000000000001', ...who, created_at: '2024-11-01T02:00:00Z', created_at_raw: '2024-11-01T02:00:00.000Z', url: 'https://mastodon.social/@agung_wbs/112000000000000001', text: 'Pilih yang mana? Baca https://kpu.go.id/paslon #pilkada', hashtags: ['pilkada'], links: ['https://kpu.go.id/paslon'], media_text: ['RIDO', 'Pram-Doel'], kind: 'quote', repost_of: 'ridwankamil@kolektif.social', source: { file, line: 1, record: 1 } }),
    ]);
  });
});

