import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { archiveLimits } from '../../../src/sources/archive/limits.js';
import { folderTree } from '../../../src/sources/archive/tree.js';
import { exportsPath, readAll } from '../../helpers/read.js';
import { tempDir, writeFiles } from '../../helpers/cli.js';

const F = (rel: string) => exportsPath(rel);
const saved = { ...archiveLimits };
afterEach(() => Object.assign(archiveLimits, saved));

describe('zip archives', () => {
  it('leaves out entries with ../ or absolute names, reads the rest, and writes nothing outside', async () => {
    const zip = F('bad/traversal.zip');
    const r = await readAll([zip]);
    expect(r.posts.map((p) => [p.id, p.source.file])).toEqual([['ok-1', `${zip}!posts/inside.jsonl`]]);
    expect(r.warnings).toEqual([`${zip}: entry "../outside.jsonl" left out: a '..' in its name`, `${zip}: entry "/etc/absolute.jsonl" left out: an absolute name`]);
    expect(existsSync(F('outside.jsonl'))).toBe(false);
    expect(existsSync(F('bad/outside.jsonl'))).toBe(false);
    expect(existsSync('/etc/absolute.jsonl')).toBe(false);
  });

  it('does not follow symbolic links stored in a zip', async () => {
    const zip = F('bad/links.zip');
    const r = await readAll([zip]);
    expect(r.posts.map((p) => p.id)).toEqual(['ok-2']);
    expect(r.warnings).toEqual([`${zip}: entry "data/tweets.js" left out: a symbolic link (links are not followed)`]);
    expect(JSON.stringify(r)).not.toContain('root:');
  });

  it('reads the first of two entries with the same name and says so', async () => {
    const zip = F('bad/duplicates.zip');
    const r = await readAll([zip]);
    expect(r.posts.map((p) => p.id)).toEqual(['first']);
    expect(r.warnings).toEqual([`${zip}: entry "posts.jsonl" left out: the archive holds this name twice (the first one is read)`]);
  });

  it('refuses an entry that inflates like a zip bomb', async () => {
    const r = await readAll([F('bad/bomb.zip')]);
    expect(r.posts).toEqual([]);
    expect(r.counts).toEqual([{ input: `${F('bad/bomb.zip')}!posts.jsonl`, format: '', read: 0, scanned: 0, skipped: 0, error: 'compression ratio 1026:1 (11 MB from 11 KB) looks like a zip bomb; not read' }]);
  });

  it('stops when an archive inflates past the total cap', async () => {
    archiveLimits.maxTotalBytes = 3000;
    const zip = F('x-archive/twitter-2024-03-01-budi_santoso88.zip');
    const r = await readAll([zip]);
    expect(r.counts[0].error).toMatch(/^.*twitter-2024-03-01-budi_santoso88\.zip!data\/tweets\.js: more than 0 MB uncompressed; stopped reading/);
  });

  it('says a truncated download is incomplete, and an empty archive is empty', async () => {
    const t = await readAll([F('bad/truncated.zip')]);
    expect(t.counts[0].error).toBe('not a complete zip archive: its end (the list of files) is missing — was the download cut off?');
    const e = await readAll([F('bad/empty.zip')]);
    expect(e.counts[0].error).toBe('empty archive (no files in it)');
  });

  it('judges by content, not name: a text file called .zip is read as text; zip bytes under another name as a zip', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'posts.zip': '{"id":"1","text":"Apel pagi"}\n{"id":"2","text":"Rapat"}\n' });
    writeFileSync(path.join(dir, 'download'), readFileSync(F('x-archive/twitter-2024-03-01-budi_santoso88.zip')));
    const r = await readAll([path.join(dir, 'posts.zip'), path.join(dir, 'download')]);
    expect(r.counts.map((c) => [path.basename(c.input), c.format, c.read])).toEqual([
      ['posts.zip', 'jsonl', 2],
      ['download', 'x-archive', 16],
    ]);
  });

  it('refuses a zip on standard input, and leaves a zip inside a zip unopened', async () => {
    const r = await readAll(['-'], { stdin: readFileSync(F('bad/duplicates.zip')) });
    expect(r.counts).toEqual([{ input: '-', format: '', read: 0, scanned: 0, skipped: 0, error: 'a zip archive can only be read from a file, not from standard input or a pipe' }]);
    const dir = tempDir();
    execFileSync('zip', ['-q', '-j', path.join(dir, 'outer.zip'), F('bad/duplicates.zip')]);
    const nested = await readAll([path.join(dir, 'outer.zip')]);
    expect(nested.posts).toEqual([]);
    expect(nested.ignored).toEqual([{ input: `${path.join(dir, 'outer.zip')}!duplicates.zip`, reason: 'a zip archive inside another archive is not opened' }]);
  });
});

describe('archives made on a Mac', () => {
  // Finder's "Compress" adds __MACOSX/ with an AppleDouble file (binary resource data) for every file.
  const appleDouble = Buffer.concat([Buffer.from([0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00]), Buffer.from('Mac OS X        '), Buffer.alloc(64)]);

  it('finds the download in its one top folder although __MACOSX/ stands beside it', async () => {
    const dir = tempDir();
    const zip = F('facebook/facebook-siti.rahmawati.77-2024-03-01.zip');
    execFileSync('unzip', ['-q', zip, '-d', dir]);
    const [top] = readdirSync(dir);
    writeFiles(dir, { [`__MACOSX/${top}/personal_information/profile_information/._profile_information.json`]: appleDouble });
    execFileSync('zip', ['-q', '-r', 'mac.zip', top, '__MACOSX'], { cwd: dir });
    const mac = await readAll([path.join(dir, 'mac.zip')]);
    const plain = await readAll([zip]);
    expect(mac.counts.map((c) => [c.format, c.read, c.skipped])).toEqual(plain.counts.map((c) => [c.format, c.read, c.skipped]));
    expect(mac.counts[0].format).toBe('facebook');
    expect(mac.posts.map((p) => p.id)).toEqual(plain.posts.map((p) => p.id));
  });

  it('does not read __MACOSX/ of an archive read file by file', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'posts/posts.jsonl': '{"id":"1","text":"Apel pagi"}\n', '__MACOSX/posts/._posts.jsonl': appleDouble });
    execFileSync('zip', ['-q', '-r', 'mac.zip', 'posts', '__MACOSX'], { cwd: dir });
    const r = await readAll([path.join(dir, 'mac.zip')]);
    expect(r.counts.map((c) => [c.input, c.format, c.read])).toEqual([[`${path.join(dir, 'mac.zip')}!posts/posts.jsonl`, 'jsonl', 1]]);
    expect(r.ignored).toEqual([]);
  });

  // `zip -r` and `tar` on a Mac also take .DS_Store and the ._ AppleDouble files beside each file.
  const dsStore = Buffer.concat([Buffer.from([0, 0, 0, 1]), Buffer.from('Bud1'), Buffer.alloc(64)]);
  const macMetadata = { '.DS_Store': dsStore, 'posts/._posts.jsonl': appleDouble, '__MACOSX/posts/._posts.jsonl': appleDouble, '__MACOSX/._posts': appleDouble };

  /** What reading `archive` gives, with its name taken out so archives of other names compare. */
  const readAs = async (archive: string) => JSON.parse(JSON.stringify(await readAll([archive])).replaceAll(archive, 'ARCHIVE')) as unknown;

  /** Reading a zip and a .tar.gz of `files` with and without the metadata a Mac adds: the results. */
  async function withAndWithout(files: Record<string, string | Buffer>, ext: 'zip' | 'tar.gz'): Promise<{ plain: unknown; mac: unknown }> {
    const dir = tempDir();
    writeFiles(path.join(dir, 'plain'), files);
    writeFiles(path.join(dir, 'mac'), { ...files, ...macMetadata });
    for (const kind of ['plain', 'mac']) {
      if (ext === 'zip') execFileSync('zip', ['-q', '-r', `../${kind}.zip`, '.'], { cwd: path.join(dir, kind) });
      else execFileSync('tar', ['-czf', `../${kind}.tar.gz`, '.'], { cwd: path.join(dir, kind) });
    }
    return { plain: await readAs(path.join(dir, `plain.${ext}`)), mac: await readAs(path.join(dir, `mac.${ext}`)) };
  }

  it.each(['zip', 'tar.gz'] as const)('reads a %s made on a Mac file by file as the same archive without its metadata', async (ext) => {
    const { plain, mac } = await withAndWithout({ 'posts/posts.jsonl': '{"id":"1","text":"Apel pagi"}\n', 'posts/rapat/posts.csv': 'id,text\n2,Rapat pagi\n' }, ext);
    expect(plain).toMatchObject({ posts: [{ id: '1' }, { id: '2' }], ignored: [], warnings: [] });
    expect(mac).toEqual(plain);
  });

  it.each(['zip', 'tar.gz'] as const)('finds the download in the one top folder of a %s made on a Mac', async (ext) => {
    const { plain, mac } = await withAndWithout({ 'tiktok-neng.yulia/user_data_tiktok.json': readFileSync(F('tiktok/download-2024/user_data_tiktok.json')) }, ext);
    expect(plain).toMatchObject({ counts: [{ format: 'tiktok', read: 5 }] });
    expect(mac).toEqual(plain);
  });
});

describe('tar and compressed files', () => {
  it('reads a .tar.gz in two passes (list, then the entry) and reports a truncated one', async () => {
    const r = await readAll([F('bad/truncated.tar.gz')]);
    expect(r.counts[0].error).toBe('the gzip data ends early (truncated download?)');
  });

  it('reads .jsonl.gz and .jsonl.xz files as their content', async () => {
    const dir = tempDir();
    const jsonl = '{"id":"1","text":"Apel pagi","platform":"x"}\n';
    writeFileSync(path.join(dir, 'posts.jsonl.gz'), gzipSync(jsonl));
    writeFileSync(path.join(dir, 'posts.jsonl'), jsonl);
    execFileSync('xz', ['-k', path.join(dir, 'posts.jsonl')]);
    const r = await readAll([path.join(dir, 'posts.jsonl.gz'), path.join(dir, 'posts.jsonl.xz')]);
    expect(r.counts.map((c) => [path.basename(c.input), c.format, c.read])).toEqual([
      ['posts.jsonl.gz', 'jsonl', 1],
      ['posts.jsonl.xz', 'jsonl', 1],
    ]);
    expect(r.posts.map((p) => p.source.file)).toEqual([path.join(dir, 'posts.jsonl.gz'), path.join(dir, 'posts.jsonl.xz')]);
  });

  it('refuses a compressed file that inflates like a bomb, and names damaged xz data', async () => {
    archiveLimits.ratioFloor = 1024 * 1024;
    const dir = tempDir();
    writeFileSync(path.join(dir, 'bomb.jsonl.gz'), gzipSync(Buffer.concat([Buffer.from('{"id":"1","text":"x"}'), Buffer.alloc(3 * 1024 * 1024, 0x20), Buffer.from('\n')])));
    const r = await readAll([path.join(dir, 'bomb.jsonl.gz'), F('bad/not-xz.json.xz')]);
    expect(r.counts[0].error).toMatch(/^compression ratio \d+:1 \(\d+ MB from \d+ KB\) looks like a zip bomb; not read$/);
    expect(r.counts[1].error).toBe('the xz data is damaged (corrupt compressed data)');
  });
});

describe('folders', () => {
  it('do not list symbolic links as files of a download', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'data/account.js': readFileSync(F('x-archive/archive-2024/data/account.js')) });
    symlinkSync(F('x-archive/archive-2024/data/tweets.js'), path.join(dir, 'data/tweets.js'));
    expect(await folderTree(dir).list('data')).toEqual(['account.js']);
  });
});
