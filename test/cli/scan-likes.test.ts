// Likes end to end: `netral scan` on the platform downloads in fixtures/exports reads the account's likes, reports a
// like of a candidate's or party's post, and says in every format that the post is a like.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bin, cli, tempDir, writeFiles } from '../helpers/cli.js';
import { exportsPath } from '../helpers/read.js';

interface Finding {
  post_id: string;
  rule_id: string;
  candidate: string | null;
  verdict: string;
  kind: string;
  evidence: string;
  url: string | null;
  created_at: string | null;
}

const X_ZIP = exportsPath('x-archive/twitter-2024-03-01-budi_santoso88.zip');
const FB = exportsPath('facebook/download-2024');
const likes = (findings: Finding[]) => findings.filter((f) => f.kind === 'like').map((f) => [f.post_id, f.rule_id, f.candidate, f.verdict]);

describe('netral scan reads and reports likes', () => {
  it('X archive, jsonl (real process): a like of a call to vote and a like of @prabowo are violations; a liked news post, a liked "saya ikut kampanye" and a recipe are not', async () => {
    const r = await bin(['scan', X_ZIP, '-f', 'jsonl']);
    expect(r.exitCode).toBe(0);
    const findings = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Finding);
    expect(likes(findings)).toEqual([
      ['like-1747999999999999999', 'endorsement.vote-call', 'pilpres-2024:2', 'violation'],
      ['like-1748100000000000001', 'repost.like-candidate-account', 'pilpres-2024:2', 'violation'],
    ]);
    const ofPrabowo = findings.find((f) => f.post_id === 'like-1748100000000000001')!;
    expect(ofPrabowo).toMatchObject({ evidence: '[liked post of] @prabowo', url: 'https://twitter.com/i/web/status/1748100000000000001', created_at: null });
    // The posts of the account's own are reported as before.
    expect(findings.filter((f) => f.kind !== 'like').map((f) => f.post_id)).toContain('1748540851614650369');
    expect(r.stderr).toContain('netral: read 16 = scanned 15 + skipped 1; 5 of the posts scanned are likes; ');
  });

  it('JSON: the summary counts the posts scanned by kind, and read = scanned + skipped holds', async () => {
    const r = await cli(['scan', FB, '-f', 'json']);
    const doc = JSON.parse(r.stdout) as { summary: { read: number; scanned: number; skipped: number; by_kind: Record<string, number> }; findings: Finding[] };
    expect(doc.summary).toMatchObject({ read: 14, scanned: 11, skipped: 3, by_kind: { post: 4, reply: 1, repost: 1, quote: 0, like: 5 } });
    expect(doc.summary.read).toBe(doc.summary.scanned + doc.summary.skipped);
    expect(likes(doc.findings)).toEqual([
      ['facebook-like-1705802400-28f112139460', 'repost.like-candidate-account', 'pilpres-2024:2', 'violation'],
      ['facebook-like-1706000400-dee22cc20790', 'repost.like-candidate-account', 'party-2024:2', 'violation'],
    ]);
    // A run without likes counts none.
    const none = JSON.parse((await cli(['scan', exportsPath('x-archive/archive-2019'), '-f', 'json'])).stdout) as { summary: { by_kind: Record<string, number> } };
    expect(none.summary.by_kind.like).toBe(0);
  });

  it('terminal, in English and Indonesian (real process): the post is a like, of whose post, and the summary counts the likes', async () => {
    const en = await bin(['scan', FB]);
    expect(en.exitCode).toBe(0);
    expect(en.stdout).toContain('2024-01-21 09:00 WIB  facebook · like of a post by Prabowo Subianto');
    expect(en.stdout).toContain('Like of a candidate\'s or party\'s post');
    expect(en.stdout).toContain('[liked post of] «Prabowo Subianto»');
    expect(en.stdout).toContain('facebook · like of a post by Partai Gerindra');
    expect(en.stdout).toMatch(/5 of the posts scanned are likes: other accounts' posts the account owner\s+liked/);
    const id = await bin(['scan', FB, '--lang', 'id']);
    expect(id.stdout).toContain('facebook · menyukai (like) unggahan Prabowo Subianto');
    expect(id.stdout).toContain('Menyukai (like) unggahan akun paslon/partai');
    expect(id.stdout).toContain('[unggahan yang disukai milik] «Prabowo Subianto»');
    expect(id.stdout).toMatch(/5 dari unggahan yang dipindai adalah like: unggahan akun lain yang disukai\s+pemilik akun/);
    // A like whose owner the download does not name says so in words too.
    const x = await bin(['scan', X_ZIP, '--lang', 'id']);
    expect(x.stdout).toContain('x · menyukai (like) unggahan orang lain  like-1747999999999999999');
    expect(x.stdout).toContain('x · menyukai (like) unggahan @prabowo  like-1748100000000000001');
  });

  it('CSV and HTML say it is a like', async () => {
    const csv = await cli(['scan', FB, '-f', 'csv']);
    const header = csv.stdout.split('\n')[0].split(',');
    const kindAt = header.indexOf('kind');
    const rows = csv.stdout.trim().split('\n').slice(1).filter((l) => l.includes('facebook-like-'));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.split(',')[kindAt]).toBe('like');
    const dir = tempDir();
    const out = path.join(dir, 'r.html');
    expect((await cli(['scan', FB, '-f', 'html', '-o', out, '--lang', 'id'])).exitCode).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('facebook @siti.rahmawati.77 · menyukai (like) unggahan Prabowo Subianto');
    expect(html).toContain('[unggahan yang disukai milik]');
    expect(html).toContain('5 dari unggahan yang dipindai adalah like');
  });

  it('Instagram: a like of a candidate\'s account and a liked call to vote; a liked "saya ikut kampanye" is not the liker\'s', async () => {
    const r = await cli(['scan', exportsPath('instagram/download-2025'), '-f', 'json']);
    const doc = JSON.parse(r.stdout) as { findings: Finding[] };
    expect(likes(doc.findings)).toEqual([
      ['instagram-like-1728525600-f96f27b0751a', 'repost.like-candidate-account', 'pilkada-jabar-2024:4', 'violation'],
      ['instagram-like-1728878400-6c893feaa0cc', 'endorsement.vote-call', 'pilkada-jabar-2024:4', 'violation'],
    ]);
  });

  it('undated likes are scanned within a period, as undated posts are', async () => {
    const r = await cli(['scan', X_ZIP, '-f', 'json', '--campaign', 'pilpres-2024']);
    const doc = JSON.parse(r.stdout) as { summary: { period: { undated: number }; by_kind: Record<string, number> }; findings: Finding[] };
    expect(doc.summary.period.undated).toBe(5);
    expect(doc.summary.by_kind.like).toBe(5);
    expect(likes(doc.findings)).toHaveLength(2);
  });
});

describe('likes in netral\'s own records (JSONL, CSV) and netral convert', () => {
  it('kind "like" is read from a record; a like with neither text nor owner is skipped with why', async () => {
    const dir = tempDir();
    const records = [
      { id: 'l1', platform: 'instagram', author: 'budi', kind: 'like', repost_of: 'prabowo', text: '', created_at: '2024-01-20T10:00:00+07:00' },
      { id: 'l2', platform: 'instagram', author: 'budi', kind: 'like', text: '' },
      { id: 'l3', platform: 'instagram', author: 'budi', kind: 'LIKE', repost_of: 'Partai Gerindra', created_at: '2024-01-20T10:00:00+07:00' },
      { id: 'l4', platform: 'x', author: 'budi', kind: 'suka', text: 'x' },
    ];
    writeFiles(dir, {
      'likes.jsonl': records.map((x) => JSON.stringify(x)).join('\n') + '\n',
      'likes.csv': 'id,platform,author,kind,repost_of,text,created_at\nc1,facebook,budi,like,Prabowo Subianto,,2024-01-20T10:00:00+07:00\n',
    });
    const r = await cli(['scan', path.join(dir, 'likes.jsonl'), path.join(dir, 'likes.csv'), '-f', 'jsonl']);
    const findings = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Finding);
    expect(findings.map((f) => [f.post_id, f.kind, f.rule_id, f.candidate])).toEqual([
      ['l1', 'like', 'repost.like-candidate-account', 'pilpres-2024:2'],
      ['l3', 'like', 'repost.like-candidate-account', 'party-2024:2'],
      ['c1', 'like', 'repost.like-candidate-account', 'pilpres-2024:2'],
    ]);
    expect(r.stderr).toContain(`${path.join(dir, 'likes.jsonl')}:2: skipped: a like that names neither the liked post's text nor whose post it was: nothing to scan`);
    expect(r.stderr).toContain(`${path.join(dir, 'likes.jsonl')}:4: skipped: kind must be post, reply, repost, quote or like, not "suka"`);
  });

  it('convert writes likes as records of kind like, which scan reads back to the same findings', async () => {
    const direct = await cli(['scan', FB, '-f', 'jsonl']);
    const converted = await cli(['convert', FB]);
    const recs = converted.stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; repost_of: string | null; text: string });
    expect(recs.filter((x) => x.kind === 'like').map((x) => x.repost_of)).toEqual(['Prabowo Subianto', 'Dedi Kurniawan', 'Warung Kopi Nusantara ☕', 'Partai Gerindra', 'Kompas.com']);
    const back = await cli(['scan', '-f', 'jsonl'], { stdin: converted.stdout });
    expect(back.stdout).toBe(direct.stdout);
  });

  it('explain --kind like shows why a liked mention is nothing and a like of a candidate is a violation', async () => {
    const mention = await cli(['explain', 'Prabowo dan Gibran hadiri debat di JCC malam ini', '--kind', 'like', '--date', '2024-01-20T10:00:00+07:00']);
    expect(mention.stdout).toContain('like_of_mention: suppress (a like of a post that only names a candidate)');
    expect(mention.stdout).toMatch(/Verdict: clean/);
    const account = await cli(['explain', 'Terima kasih semuanya', '--kind', 'like', '--repost-of', 'prabowo', '--date', '2024-01-20T10:00:00+07:00']);
    expect(account.stdout).toContain('repost.like-candidate-account');
    expect(account.stdout).toMatch(/Verdict: violation/);
  });
});
