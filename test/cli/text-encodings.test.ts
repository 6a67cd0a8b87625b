// JSON and JSON Lines saved as UTF-16 (Notepad's "Unicode", PowerShell 5's `>`): read as the text they hold, with
// the formats, records, line numbers and skip reasons of the same file in UTF-8 — not one skip per line. Files that
// hold NULs in no pattern netral can read are refused by name, with what to do.

import { cpSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bin, cli, jsonl, tempDir, writeFiles } from '../helpers/cli.js';
import { exportsPath } from '../helpers/read.js';

const dir = tempDir();

/** `text` as Notepad's "Unicode" writes it: UTF-16 little-endian with a byte-order mark. */
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
const records = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

const POST = { id: '1', platform: 'x', author: 'budi', created_at: '2024-01-20T03:00:00Z', text: 'Ayo coblos 02 Prabowo-Gibran! #PrabowoGibran2024 \u270c\ufe0f' };

describe('UTF-16 JSON Lines and JSON', () => {
  it('reads a one-record JSON Lines file saved by Notepad as "Unicode" as one post, with its finding', async () => {
    // Read as UTF-8 this was `read 2 = scanned 0 + skipped 2` (invalid UTF-8; a NUL line), exit 0, no finding.
    const f = path.join(dir, 'notepad.jsonl');
    writeFileSync(f, utf16le(`${JSON.stringify(POST)}\r\n`));
    const r = await bin(['scan', '-f', 'json', f]);
    expect(r.stderr).not.toMatch(/warning|skipped:/);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toMatchObject({ read: 1, scanned: 1, skipped: 0, by_verdict: { violation: 1 } });
    expect(report.summary.inputs).toEqual([expect.objectContaining({ input: f, format: 'jsonl', read: 1, scanned: 1, skipped: 0 })]);
    expect(report.findings[0]).toMatchObject({ post_id: '1', evidence: POST.text, source: { file: f, line: 1 } });
  });

  it('keeps line numbers and skip reasons: a bad line, a blank line and a broken character are where UTF-8 would put them', async () => {
    const f = path.join(dir, 'campur.jsonl');
    // Line 4: half of an emoji (a lone surrogate), which UTF-16 can hold and UTF-8 cannot.
    const text = [JSON.stringify({ ...POST, id: 'a' }), '{rusak', '', `{"id":"c","text":"setengah \ud83e emoji"}`, JSON.stringify({ ...POST, id: 'e' })].join('\r\n') + '\r\n';
    writeFileSync(f, utf16be(text));
    const r = await cli(['convert', f]);
    expect(r.exitCode).toBe(0);
    expect(records(r.stdout).map((p) => [p.id, p.source.line])).toEqual([
      ['a', 1],
      ['e', 5],
    ]);
    expect(r.stderr).toContain(`${f}:2: skipped: invalid JSON`);
    expect(r.stderr).toContain(`${f}:4: skipped: invalid UTF-8`);
    expect(r.stderr).toContain('netral: read 4 = converted 2 + skipped 2');
  });

  it('streams a large file: an emoji cut between two chunks stays whole, and the last line is numbered right', async () => {
    const text = (i: number, pad: string) => `baris ${i} \u{1F91F}${i === 0 ? pad : ''}`;
    const body = (pad: string) => utf16le(Array.from({ length: 20000 }, (_, i) => JSON.stringify({ id: `p${i}`, text: text(i, pad) })).join('\n') + '\n');
    // Padding the first line moves the last emoji before 256 KiB (where a file's first chunk ends) across that end.
    const CHUNK = 256 * 1024;
    const plain = body('');
    let at = CHUNK - 2;
    while (plain.readUInt16LE(at) < 0xd800 || plain.readUInt16LE(at) > 0xdbff) at -= 2;
    const pad = 'x'.repeat((CHUNK - 2 - at) / 2);
    const bytes = body(pad);
    expect(bytes.subarray(CHUNK - 2, CHUNK + 2).toString('utf16le')).toBe('\u{1F91F}');
    const f = path.join(dir, 'besar.jsonl');
    writeFileSync(f, bytes);
    const r = await cli(['convert', f]);
    expect(r.exitCode).toBe(0);
    const got = records(r.stdout);
    expect(got).toHaveLength(20000);
    expect(got.filter((p, i) => p.text !== text(i, pad) || p.source.line !== i + 1)).toEqual([]);
    expect(r.stderr).not.toMatch(/warning/);
  });

  it('detects a UTF-16 JSON list on standard input (no name to go by), big-endian too', async () => {
    const list = JSON.stringify([POST, { ...POST, id: '2' }], null, 2);
    for (const bytes of [utf16le(list), utf16be(list)]) {
      const r = await bin(['convert'], { stdin: bytes });
      expect(r.exitCode).toBe(0);
      expect(records(r.stdout).map((p) => [p.id, p.source])).toEqual([
        ['1', { file: '-', line: 2, record: 1 }],
        ['2', { file: '-', line: 9, record: 2 }],
      ]);
    }
  });

  it('reads a gzip-compressed UTF-16 file, and a JSON object holding one record', async () => {
    writeFileSync(path.join(dir, 'satu.jsonl.gz'), gzipSync(utf16le(jsonl([POST]))));
    writeFileSync(path.join(dir, 'objek.json'), utf16le(JSON.stringify(POST, null, 2)));
    const r = await cli(['convert', path.join(dir, 'satu.jsonl.gz'), path.join(dir, 'objek.json')]);
    expect(r.exitCode).toBe(0);
    expect(records(r.stdout).map((p) => p.text)).toEqual([POST.text, POST.text]);
  });

  it('says a file saved as UTF-16 that holds only a byte-order mark and blank lines is empty', async () => {
    writeFileSync(path.join(dir, 'kosong.jsonl'), utf16le('\r\n\r\n'));
    const r = await cli(['convert', path.join(dir, 'kosong.jsonl')]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('kosong.jsonl: empty, no posts to read');
  });

  it('inspect shows the format and the records of a UTF-16 file, as for the same file in UTF-8', async () => {
    const text = jsonl([POST, { ...POST, id: '2', text: '' }]);
    writeFileSync(path.join(dir, 'periksa.jsonl'), utf16le(text));
    writeFileSync(path.join(dir, 'periksa8.jsonl'), text);
    const r = await cli(['inspect', '--format', 'json', path.join(dir, 'periksa.jsonl')]);
    const r8 = await cli(['inspect', '--format', 'json', path.join(dir, 'periksa8.jsonl')]);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).inputs[0]).toMatchObject({ format: 'jsonl', read: 2, skipped: 1, posts: 1, skip_reasons: [{ reason: 'no text', count: 1, first: `${path.join(dir, 'periksa.jsonl')}:2` }] });
    expect(r.stdout.replaceAll('periksa.jsonl', 'periksa8.jsonl')).toBe(r8.stdout);
  });
});

describe('UTF-16 without a byte-order mark, and files of NULs', () => {
  it('reads UTF-16 without a byte-order mark when every character has its NUL on the same side', async () => {
    const text = jsonl([POST, { ...POST, id: '2' }]);
    writeFiles(dir, { 'tanpa-bom-le.jsonl': Buffer.from(text, 'utf16le'), 'tanpa-bom-be.txt': Buffer.from(text, 'utf16le').swap16() });
    const r = await cli(['convert', path.join(dir, 'tanpa-bom-le.jsonl'), path.join(dir, 'tanpa-bom-be.txt')]);
    expect(r.exitCode).toBe(0);
    expect(records(r.stdout).map((p) => [p.id, p.source.line])).toEqual([
      ['1', 1],
      ['2', 2],
      ['1', 1],
      ['2', 2],
    ]);
  });

  it('refuses a file of NULs in no UTF-16 pattern (UTF-32) by name, saying to save it as UTF-8, and exits 2', async () => {
    const text = jsonl([POST, POST]);
    const u32 = Buffer.alloc(text.length * 4);
    for (let i = 0; i < text.length; i++) u32.writeUInt32LE(text.charCodeAt(i), i * 4);
    const f = path.join(dir, 'utf32.jsonl');
    writeFileSync(f, u32);
    const r = await bin(['scan', f]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).not.toMatch(/skipped:/);
    expect(r.stderr).toMatch(new RegExp(`netral: error: ${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: holds NUL bytes, so it is not UTF-8 text .*save it as UTF-8`));
    expect(r.stdout).toContain('read 0 = scanned 0 + skipped 0');
  });

  it('still passes over a binary file in a folder, and names an old Excel workbook given as .csv as one', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(200)]);
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500)]);
    writeFiles(dir, { 'map/foto.png': png, 'map/data.jsonl': jsonl([POST]), 'lama.csv': xls });
    const folder = await cli(['convert', path.join(dir, 'map')]);
    expect(folder.exitCode).toBe(0);
    expect(folder.stderr).toContain('foto.png');
    const r = await cli(['convert', path.join(dir, 'lama.csv')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('lama.csv: an Office 97–2003 document (.xls, .doc), not a format netral reads: save it as CSV first');
  });
});

describe('UTF-16 in the other JSON readers: the same records as from the file in UTF-8', () => {
  /** `netral convert` of `file` and of its copy re-encoded by `encode`, with the copy's name put back. */
  async function same(file: string, copy: string, encode: (text: string) => Buffer): Promise<void> {
    writeFileSync(copy, encode(readFileSync(file, 'utf8')));
    const want = await cli(['convert', file]);
    const got = await cli(['convert', copy]);
    expect(want.stdout.length).toBeGreaterThan(0);
    expect(got.exitCode).toBe(want.exitCode);
    expect(got.stdout.replaceAll(JSON.stringify(copy).slice(1, -1), JSON.stringify(file).slice(1, -1))).toBe(want.stdout);
    expect(got.stderr.replaceAll(copy, file)).toBe(want.stderr);
  }

  const noBom = (text: string) => Buffer.from(text, 'utf16le');
  it.each([
    ['snscrape/twitter-user-budi_santoso88.jsonl', utf16le],
    ['twarc2/raw/budi_santoso88-timeline.jsonl', noBom],
    ['twarc2/flat/budi_santoso88-timeline-flat.jsonl', utf16be],
    ['apify-instagram/dataset_instagram-scraper_2024-11-01.json', utf16le],
    ['apify-tiktok/dataset_tiktok-scraper_2024-02-15.jsonl', utf16be],
    ['bluesky/getAuthorFeed-agungwbs.json', utf16le],
    ['bluesky/pages/agungwbs-pages.jsonl', noBom],
    ['mastodon-api/statuses-page1.json', utf16le],
    ['mastodon/archive-2024/outbox.json', utf16be],
    ['tiktok/download-2024/user_data_tiktok.json', utf16be],
    ['instagram/download-2024/your_instagram_activity/media/posts_1.json', utf16le],
    ['facebook/download-2021/posts/your_posts_1.json', utf16le],
    ['instaloader/neng.yulia/2024-07-14_06-00-00_UTC.json', noBom],
    ['x-archive/archive-2024/data/tweets.js', utf16le],
  ])('%s', async (rel, encode) => {
    // The copy keeps the file name (some readers go by it) and its neighbours (an X archive file's account.js,
    // itself saved again), in a folder of its own.
    const copy = path.join(dir, 'salinan', rel);
    cpSync(path.dirname(exportsPath(rel)), path.dirname(copy), { recursive: true });
    if (rel.startsWith('x-archive')) writeFileSync(path.join(path.dirname(copy), 'account.js'), utf16le(readFileSync(exportsPath('x-archive/archive-2024/data/account.js'), 'utf8')));
    await same(exportsPath(rel), copy, encode);
  });

  it('a platform download given as a folder and as a zip, with a file in it saved again as UTF-16', async () => {
    const top = path.join(dir, 'fb');
    cpSync(exportsPath('facebook', 'download-2024'), top, { recursive: true });
    const posts = path.join(top, 'your_facebook_activity', 'posts');
    for (const name of readdirSync(posts)) writeFileSync(path.join(posts, name), utf16le(readFileSync(path.join(posts, name), 'utf8')));
    const want = records((await cli(['convert', exportsPath('facebook', 'download-2024')])).stdout).map((p) => ({ ...p, source: null }));
    expect(want.length).toBeGreaterThan(3);
    const folder = await cli(['convert', top]);
    expect(folder.exitCode).toBe(0);
    expect(records(folder.stdout).map((p) => ({ ...p, source: null }))).toEqual(want);
    execFileSync('zip', ['-q', '-r', path.join(dir, 'fb.zip'), '.'], { cwd: top });
    const zip = await cli(['convert', path.join(dir, 'fb.zip')]);
    expect(zip.exitCode).toBe(0);
    expect(records(zip.stdout).map((p) => ({ ...p, source: null }))).toEqual(want);
  });
});
