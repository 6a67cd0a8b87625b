import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { bin, cli, tempDir, writeFiles } from '../../helpers/cli.js';
import { readAll } from '../../helpers/read.js';
import { prng } from '../../helpers/prng.js';
import { stringify } from 'csv-stringify/sync';

const dir = tempDir('netral-csv-');

describe('generic CSV: cells written by netral or by people', () => {
  it('reads neutralised formulas, JSON list cells and the own columns of a netral CSV', async () => {
    writeFiles(dir, {
      'tangan.csv': [
        'id,text,hashtags,links,media_text,deleted,source_file,source_line,source_record,created_at,created_at_raw',
        `1,"'@gibran_tweet mantap","#A, B;C","[""https://a.id/x,y"",""https://b.id""]","[""foto 1"",""foto 2""]",ya,'-asal.jsonl,7,,2024-01-14T13:15:00Z,14/01/2024 20:15`,
        `2,"'=1+1 bukan rumus",,,"[Foto] saja",tidak,,x,,,`,
      ].join('\n'),
    });
    const r = await cli(['convert', path.join(dir, 'tangan.csv')]);
    expect(r.exitCode).toBe(0);
    const [a, b] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(a).toMatchObject({
      text: '@gibran_tweet mantap',
      hashtags: ['A', 'B', 'C'],
      links: ['https://a.id/x,y', 'https://b.id'],
      media_text: ['foto 1', 'foto 2'],
      deleted: true,
      source: { file: '-asal.jsonl', line: 7 },
      created_at_raw: '14/01/2024 20:15',
    });
    expect(b).toMatchObject({ text: '=1+1 bukan rumus', media_text: ['[Foto] saja'], source: { file: path.join(dir, 'tangan.csv'), line: 3 } });
    expect(b.deleted).toBeUndefined();
  });
});

describe('generic CSV: a quote that is never closed', () => {
  it('stops at a record longer than 16 MB instead of holding the rest of a large file in memory', async () => {
    const line = 'lorem ipsum dolor sit amet coblos 02 '.repeat(5) + '\n';
    writeFileSync(path.join(dir, 'unclosed.csv'), 'id,text\n1,hello\n2,"unclosed ' + line.repeat(200_000));
    // 37 MB of input in a 96 MB heap: only a bounded record fits.
    const r = await bin(['scan', '-f', 'jsonl', path.join(dir, 'unclosed.csv')], { env: { NODE_OPTIONS: '--max-old-space-size=96' }, timeoutMs: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.stderr).toContain(`${path.join(dir, 'unclosed.csv')}:3: a record longer than 16 MB (a quote opened here is never closed?); the rest of the file was not read`);
    expect(r.stderr).toMatch(/read 1 = scanned 1 \+ skipped 0/);
    expect(r.exitCode).toBe(2);
  });
});

describe('generic CSV: files not saved as UTF-8', () => {
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

  it('reads Excel\'s Windows-1252 "CSV", curly quotes and apostrophes included, and says so', async () => {
    // “Ayo dukung nomor 2” kata Ma’ruf di café — 0x93/0x94/0x92 are the bytes Node 20's own decoder gets wrong.
    writeFileSync(path.join(dir, 'excel.csv'), bytes('No;Isi\r\n1;', [0x93], 'Ayo dukung nomor 2', [0x94], ' kata Ma', [0x92], 'ruf di caf', [0xe9], '\r\n'));
    const r = await cli(['convert', path.join(dir, 'excel.csv')]);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).text).toBe('\u201cAyo dukung nomor 2\u201d kata Ma\u2019ruf di caf\u00e9');
    expect(r.stderr).toMatch(/excel\.csv: not UTF-8; read as Windows-1252/);
  });

  it('reads Excel\'s "Unicode Text" (UTF-16 with a byte-order mark, tab-separated) without --from', async () => {
    const text = 'No\tIsi\r\n1\tdukung Prabowo \u270c\ufe0f\r\n2\tselamat pagi\r\n';
    writeFileSync(path.join(dir, 'unicode.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await cli(['convert', path.join(dir, 'unicode.txt')]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).text)).toEqual(['dukung Prabowo \u270c\ufe0f', 'selamat pagi']);
    expect(r.stderr).not.toMatch(/warning/);
    // Big-endian too, and a character cut between two chunks of the stream survives.
    const be = Buffer.from(text, 'utf16le').swap16();
    writeFileSync(path.join(dir, 'unicode-be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    expect((await cli(['convert', path.join(dir, 'unicode-be.txt')])).stdout).toBe(r.stdout.replaceAll('unicode.txt', 'unicode-be.txt'));
  });

  it('names the line of invalid UTF-8 deep in a UTF-8 file, reads every row, and keeps a character cut between chunks whole', async () => {
    // Row 2's emoji sits on byte 65536, where both the 64 KiB head used to decide the encoding and the first chunk of
    // the file stream end; rows 3–3002 follow; row 3003 has a byte that is not UTF-8 (Excel's é).
    const head = 'No,Isi\n';
    const filler = 'a'.repeat(65534 - head.length - '1,'.length - '\n'.length - '2,x '.length);
    const rows = [`1,${filler}`, '2,x \u{1F91F} y', ...Array.from({ length: 3000 }, (_, i) => `${i + 3},baris biasa`)];
    const body = Buffer.concat([Buffer.from(`${head}${rows.join('\n')}\n`), bytes('3003,caf', [0xe9], ' dukung\n')]);
    expect(body.subarray(65534, 65538)).toEqual(Buffer.from('\u{1F91F}'));
    writeFileSync(path.join(dir, 'mostly-utf8.csv'), body);
    const r = await cli(['convert', path.join(dir, 'mostly-utf8.csv')]);
    const posts = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(posts).toHaveLength(3003);
    expect(posts[1].text).toBe('x \u{1F91F} y');
    expect(posts[2999].text).toBe('baris biasa');
    expect(posts[3002].text).toBe('caf\ufffd dukung');
    expect(r.stderr).toMatch(/mostly-utf8\.csv:3004: invalid UTF-8/);
    expect(r.stderr).not.toMatch(/Windows-1252/);
  });

  it('reads a UTF-8 file with one stray byte near its start as UTF-8, so the other rows keep their emoji and dashes', async () => {
    // Read as Windows-1252, row 1's 🤟 and en dash became "ðŸ¤Ÿ" and "â€“": the gesture rule no longer saw them.
    writeFileSync(path.join(dir, 'stray.csv'), Buffer.concat([Buffer.from('No,Isi\n1,coblos nomer 3 Ganjar\u2013Mahfud \u{1F91F}\n'), bytes('2,caf', [0xe9], '\n')]));
    const r = await cli(['convert', path.join(dir, 'stray.csv')]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).text)).toEqual(['coblos nomer 3 Ganjar\u2013Mahfud \u{1F91F}', 'caf\ufffd']);
    expect(r.stderr).toMatch(/stray\.csv:3: invalid UTF-8/);
    expect(r.stderr).not.toMatch(/Windows-1252/);
  });
});

describe('generic CSV: an input that breaks off', () => {
  it('a truncated .csv.gz is an input error with the rows before the break counted, not a crash', async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `${i + 1},kalimat biasa nomor ${i + 1}`).join('\n');
    const gz = gzipSync(Buffer.from(`No,Isi\n${rows}\n`));
    writeFileSync(path.join(dir, 'cut.csv.gz'), gz.subarray(0, gz.length >> 1));
    const r = await bin(['scan', '-f', 'json', path.join(dir, 'cut.csv.gz')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, 'cut.csv.gz')}: the gzip data ends early (truncated download?)`);
    expect(r.stderr).not.toMatch(/Unhandled|at .*\.js:\d+/);
    const { summary } = JSON.parse(r.stdout);
    expect(summary.read).toBeGreaterThan(1000);
    expect(summary.read).toBe(summary.scanned + summary.skipped);
  });

  it('reads every row of LF, CRLF and mixed files, each at the line it starts on, after cells with line breaks and blank lines', async () => {
    // csv-parse counts a CRLF inside a cell as two lines and skips blank lines without a trace in its record's raw
    // text: both once put rows several lines off. Lines are counted by \n, as in JSON Lines and in editors.
    const r = prng(21);
    const pieces = ['ayo', 'coblos', ',', '"', ' ', '\n', '\r\n', '\r', 'é✌️', ';'];
    for (let round = 0; round < 40; round++) {
      // LF, CRLF, or both in one file (rows added with a Linux tool to a file Excel saved).
      const style = Math.floor(r() * 3);
      const end = () => (style === 0 || (style === 2 && r() < 0.5) ? '\n' : '\r\n');
      let text = `id,text${end()}`;
      const expected: [string, number][] = [];
      for (let i = 1; i <= 25; i++) {
        while (r() < 0.2) text += end(); // blank lines
        let cell = 'x';
        for (let k = Math.floor(r() * 6); k > 0; k--) cell += pieces[Math.floor(r() * pieces.length)];
        expected.push([String(i), text.split('\n').length]);
        // Cells with line breaks are quoted, as spreadsheets write them (an unquoted one would end the row).
        text += stringify([[String(i), cell]], { record_delimiter: end(), quoted_match: /[\r\n]/ });
      }
      const file = path.join(dir, `lines-${round}.csv`);
      writeFileSync(file, text);
      const got = await readAll([file]);
      expect(got.skips, JSON.stringify(text)).toEqual([]);
      expect(got.posts.map((p) => [p.id, p.source.line]), JSON.stringify(text)).toEqual(expected);
    }
  });
});

describe('generic CSV: dates a calendar does not have', () => {
  it('keeps 31/02 as written, with a warning at its line, instead of moving the post to March', async () => {
    writeFileSync(path.join(dir, 'tanggal.csv'), 'No,Isi,Tanggal\n1,Ayo coblos nomor 2,31/02/2024 10:00\n2,Selamat pagi,29/02/2024 10:00\n');
    const r = await cli(['convert', path.join(dir, 'tanggal.csv')]);
    expect(r.exitCode).toBe(0);
    const recs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { created_at: string | null; created_at_raw: string | null });
    expect(recs.map((x) => [x.created_at, x.created_at_raw])).toEqual([
      [null, '31/02/2024 10:00'],
      ['2024-02-29T03:00:00Z', '29/02/2024 10:00'],
    ]);
    expect(r.stderr).toContain(`${path.join(dir, 'tanggal.csv')}:2: created_at ignored: not a valid day-first date: 31/02/2024 10:00`);
  });
});

describe('generic CSV: columns with the same name', () => {
  it('reads the first and warns, naming the file, the name and the positions', async () => {
    writeFiles(dir, { 'dua-teks.csv': 'id,text,text,Tanggal,tanggal\n1,pertama,kedua,2024-01-14,2024-01-15\n' });
    const f = path.join(dir, 'dua-teks.csv');
    const r = await readAll([f]);
    expect(r.posts.map((p) => [p.text, p.created_at_raw])).toEqual([['pertama', '2024-01-14']]);
    expect(r.warnings).toEqual([
      `${f}: columns 2, 3 are all named "text"; column 2 is read as text, column 3 is not read`,
      `${f}: columns 4 ("Tanggal"), 5 ("tanggal") have the same name; column 4 is read as created_at, column 5 is not read`,
    ]);
  });

  it('says nothing when the same column is given to two fields or duplicates are not read at all', async () => {
    writeFiles(dir, { 'bersih.csv': 'id,text,catatan,catatan\n1,halo,a,b\n' });
    expect((await readAll([path.join(dir, 'bersih.csv')])).warnings).toEqual([]);
  });
});

describe('generic CSV: rows with fewer cells than the header (Excel leaves out the separators of empty cells at the end)', () => {
  // As Excel in the Indonesian locale saves a sheet whose last columns are empty in some rows: `;`, CRLF.
  const sheet = [
    'ID;Akun;Isi;Tanggal;Tautan',
    '1;budi;Rapat koordinasi;20/01/2024 09:15;https://disdik.example.id/rapat',
    '2;budi;Ayo coblos 02, menangkan Prabowo-Gibran!', // Tanggal and Tautan empty
    '3;budi', // Isi empty too: nothing to scan
    '4;budi;Selamat pagi;;https://a.example.id;lebih', // a cell beyond the header: not read as a post
    '5;budi;Halo semua;21/01/2024 10:00;;;', // trailing separators only: read
    '6;budi;Selamat Hari Guru;25/11/2023 07:00', // Tautan empty
  ].join('\r\n') + '\r\n';

  it('scans them, counts them, and says so in one warning at the end of the input', async () => {
    const f = path.join(dir, 'excel-pendek.csv');
    writeFileSync(f, sheet);
    const r = await cli(['scan', '-f', 'json', f]);
    const report = JSON.parse(r.stdout) as { summary: { read: number; scanned: number; skipped: number }; findings: { post_id: string; verdict: string; source: { line?: number } }[] };
    expect(report.summary).toMatchObject({ read: 6, scanned: 4, skipped: 2 });
    // The post whose last cells are empty is the one that breaks the rules: it is no longer lost.
    expect(report.findings.filter((x) => x.verdict === 'violation').map((x) => [x.post_id, x.source.line])).toContainEqual(['2', 3]);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('netral: warning:'));
    expect(warnings).toEqual([
      `netral: warning: ${f}:4: skipped: no text`,
      `netral: warning: ${f}:5: skipped: row has 6 fields, the header has 5`,
      `netral: warning: ${f}: 3 rows had fewer cells than the header (Excel leaves out empty cells at the end of a row); their missing cells were read as empty (first at line 3)`,
    ]);
    expect(r.stderr).toContain('read 6 = scanned 4 + skipped 2');
  });

  it('convert and inspect see the same rows', async () => {
    const f = path.join(dir, 'excel-pendek-2.csv');
    writeFileSync(f, sheet);
    const c = await cli(['convert', f]);
    expect(c.exitCode).toBe(0);
    const recs = c.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string; url: string | null; created_at_raw: string | null; source: { line: number } });
    expect(recs.map((x) => [x.id, x.text, x.created_at_raw, x.url, x.source.line])).toEqual([
      ['1', 'Rapat koordinasi', '20/01/2024 09:15', 'https://disdik.example.id/rapat', 2],
      ['2', 'Ayo coblos 02, menangkan Prabowo-Gibran!', null, null, 3],
      ['5', 'Halo semua', '21/01/2024 10:00', null, 6],
      ['6', 'Selamat Hari Guru', '25/11/2023 07:00', null, 7],
    ]);
    expect(c.stderr).toContain('read 6 = converted 4 + skipped 2');
    const i = await cli(['inspect', '--format', 'json', f]);
    const doc = JSON.parse(i.stdout) as { inputs: { read: number; skipped: number; posts: number; skip_reasons: { reason: string; count: number; first: string }[] }[] };
    expect(doc.inputs[0]).toMatchObject({ read: 6, skipped: 2, posts: 4 });
    expect(doc.inputs[0].skip_reasons).toEqual([
      { reason: 'no text', count: 1, first: `${f}:4` },
      { reason: 'row has 6 fields, the header has 5', count: 1, first: `${f}:5` },
    ]);
    expect(i.stderr).toContain('3 rows had fewer cells than the header');
  });

  it('warns once for a sheet of 10,000 such rows (real process), and in the singular for one', async () => {
    const f = path.join(dir, 'excel-besar.csv');
    const rows = Array.from({ length: 10_000 }, (_, i) => `${i + 1};budi;kalimat biasa nomor ${i + 1}`);
    writeFileSync(f, ['ID;Akun;Isi;Tanggal;Tautan', '0;budi;baris lengkap;01/01/2024 08:00;https://a.example.id', ...rows].join('\r\n') + '\r\n');
    const r = await bin(['convert', f, '-o', path.join(dir, 'besar.jsonl')]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([
      `netral: warning: ${f}: 10000 rows had fewer cells than the header (Excel leaves out empty cells at the end of a row); their missing cells were read as empty (first at line 3)`,
      'netral: read 10001 = converted 10001 + skipped 0',
    ]);
    // Said also when the input breaks off after them (the rows before the break were read).
    const gz = gzipSync(Buffer.from(['No;Akun;Isi;Tanggal', ...rows].join('\r\n')));
    writeFileSync(path.join(dir, 'excel-putus.csv.gz'), gz.subarray(0, gz.length >> 1));
    const cut = await cli(['convert', path.join(dir, 'excel-putus.csv.gz')]);
    expect(cut.exitCode).toBe(2);
    expect(cut.stderr).toMatch(/excel-putus\.csv\.gz: \d+ rows had fewer cells than the header .*\(first at line 2\)\n/);
    const one = path.join(dir, 'excel-satu.csv');
    writeFileSync(one, 'No,Isi,Tanggal\n1,halo,01/01/2024\n2,selamat pagi\n');
    expect((await readAll([one])).warnings).toEqual([`${one}: 1 row had fewer cells than the header (Excel leaves out empty cells at the end of a row); its missing cells were read as empty (line 3)`]);
  });
});
