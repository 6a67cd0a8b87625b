import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { bin, cli, FIXTURES, jsonl, tempDir, writeFiles } from '../helpers/cli.js';
import { validJsonl } from '../helpers/post-schema.js';
import { POST_CSV_COLUMNS } from '../../src/report/post-record.js';

const dir = tempDir('netral-convert-');

const SHA = 'AB'.repeat(32);

// Records that test every field and every trap of writing lists and text into one spreadsheet cell.
const TRICKY = [
  {
    id: 'p1',
    platform: 'X',
    author: '@rudi.hartono_',
    author_name: ' Rudi Hartono ',
    created_at: '2024-01-16 20:41',
    text: '=HYPERLINK("http://evil.example","klik") coblos 02 ya!\r\nbaris dua, "kutip"',
    hashtags: ['#PrabowoGibran2024', 'Pemilu2024'],
    mentions: ['@gibran_tweet'],
    links: ['https://example.com/a,b;c=1', 'https://kompas.com/berita'],
    media_text: ['Baliho: coblos nomor 2,\nPrabowo-Gibran', 'foto kedua', '["bukan", "daftar"]'],
    source: { file: 'x-archive.zip!data/tweets.js', record: 12 },
  },
  { id: 'p2', platform: 'instagram', author: 'neng.yulia', created_at: 'kemarin sore', text: '@gibran_tweet mantap mas, 02 satu putaran ✌️', kind: 'reply', reply_to: 'gibran_tweet' },
  { id: 'p3', text: "'=bukan rumus, teks yang memang dimulai apostrof", created_at: 1705718400, deleted: true, evidence_sha256: SHA },
  { id: 'BIG', text: '\tdimulai tab; -minus', media_text: ['[Foto] spanduk AMIN'], url: ' https://x.com/a/status/1 ' },
  { id: 'p5', platform: 'x', author: 'ani', text: 'RT @prabowo: Mari bersama lanjutkan! #IndonesiaMaju', created_at: '2024-01-20T10:00:00+07:00', source: { file: 'lama.jsonl', line: 7 } },
];

function lines(s: string): Record<string, unknown>[] {
  return s.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('netral convert: the records it writes', () => {
  const input = path.join(dir, 'tricky.jsonl');
  // An id written as a bare number above 2^53 (as snscrape writes them) must keep every digit.
  writeFileSync(input, jsonl(TRICKY).replace('"id":"BIG"', '"id":1750000000000000001'));

  it('writes one normalised record per post, every key in documented order, valid against the schema', async () => {
    const r = await cli(['convert', input]);
    expect(r.exitCode).toBe(0);
    const recs = validJsonl(r.stdout);
    expect(recs).toHaveLength(TRICKY.length);
    expect(Object.keys(recs[0])).toEqual(['id', 'platform', 'author', 'author_name', 'created_at', 'created_at_raw', 'url', 'text', 'hashtags', 'mentions', 'links', 'media_text', 'kind', 'repost_of', 'reply_to', 'source']);
    expect(recs[0]).toMatchObject({
      platform: 'x',
      author: 'rudi.hartono_',
      author_name: 'Rudi Hartono',
      created_at: '2024-01-16T13:41:00Z',
      created_at_raw: '2024-01-16 20:41',
      hashtags: ['PrabowoGibran2024', 'Pemilu2024'],
      mentions: ['gibran_tweet'],
      source: { file: 'x-archive.zip!data/tweets.js', record: 12 },
    });
    expect(recs[1]).toMatchObject({ created_at: null, created_at_raw: 'kemarin sore', kind: 'reply', reply_to: 'gibran_tweet', source: { file: input, line: 2 } });
    expect(recs[2]).toMatchObject({ created_at: '2024-01-20T02:40:00Z', created_at_raw: '1705718400', deleted: true, evidence_sha256: SHA.toLowerCase() });
    expect(Object.keys(recs[2]).slice(-2)).toEqual(['deleted', 'evidence_sha256']);
    expect(recs[3]).toMatchObject({ id: '1750000000000000001', url: 'https://x.com/a/status/1', platform: 'unknown' });
    expect(recs[4]).toMatchObject({ kind: 'repost', repost_of: 'prabowo', source: { file: 'lama.jsonl', line: 7 } });
    expect(r.stderr).toContain(`${input}:2: created_at ignored: unrecognised date format: kemarin sore`);
    expect(r.stderr).toMatch(/netral: read 5 = converted 5 \+ skipped 0\n$/);
  });

  it('reads its own output back into the same records (JSONL, CSV and Excel CSV)', async () => {
    const first = await cli(['convert', '-q', input]);
    const again = await cli(['convert', '-q', '-'], { stdin: first.stdout });
    expect(again.stdout).toBe(first.stdout);
    for (const extra of [[], ['--excel']]) {
      const csvFile = path.join(dir, `tricky${extra.length ? '-excel' : ''}.csv`);
      const c = await cli(['convert', '-q', '-f', 'csv', ...extra, '-o', csvFile, input]);
      expect(c.exitCode).toBe(0);
      const back = await cli(['convert', '-q', csvFile]);
      expect(back.exitCode).toBe(0);
      expect(lines(back.stdout)).toEqual(lines(first.stdout));
    }
  });

  it('writes CSV a spreadsheet cannot run: formulas neutralised, lists readable, the header fixed', async () => {
    const r = await cli(['convert', '-f', 'csv', input]);
    expect(r.exitCode).toBe(0);
    const { parse } = await import('csv-parse/sync');
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(r.stdout.split('\n', 1)[0]).toBe(POST_CSV_COLUMNS.join(','));
    expect(rows[0].text.startsWith(`'=HYPERLINK`)).toBe(true);
    expect(rows[0].hashtags).toBe('PrabowoGibran2024 Pemilu2024');
    expect(JSON.parse(rows[0].links)).toEqual(['https://example.com/a,b;c=1', 'https://kompas.com/berita']);
    expect(JSON.parse(rows[0].media_text)).toHaveLength(3);
    expect(rows[0]).toMatchObject({ source_file: 'x-archive.zip!data/tweets.js', source_line: '', source_record: '12' });
    expect(rows[1].text).toBe("'@gibran_tweet mantap mas, 02 satu putaran ✌️");
    expect(rows[2].text).toBe("''=bukan rumus, teks yang memang dimulai apostrof");
    expect(rows[2]).toMatchObject({ deleted: 'true', evidence_sha256: SHA.toLowerCase() });
    expect(rows[3].text).toBe("'\tdimulai tab; -minus");
    expect(rows[3].media_text).toBe('[Foto] spanduk AMIN');
    for (const row of rows) for (const v of Object.values(row)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('--excel writes a UTF-8 BOM, semicolons and CRLF line ends', async () => {
    const r = await cli(['convert', '-f', 'csv', '--excel', '-q', input]);
    expect(r.stdout.startsWith(`\ufeff${POST_CSV_COLUMNS.join(';')}\r\n`)).toBe(true);
    expect(r.stdout.endsWith('\r\n')).toBe(true);
  });

  it('writes only the CSV header when no post was read', async () => {
    writeFiles(dir, { 'hanya-rusak.jsonl': '{"id":"x"}\n' });
    const r = await cli(['convert', '-f', 'csv', path.join(dir, 'hanya-rusak.jsonl')]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`${POST_CSV_COLUMNS.join(',')}\n`);
    expect(r.stderr).toMatch(/skipped: no text[\s\S]*read 1 = converted 0 \+ skipped 1/);
  });
});

describe('netral convert: bad input, summary and exit codes', () => {
  writeFiles(dir, {
    'campur/a.jsonl': jsonl([{ id: 'a1', text: 'satu' }]) + '{rusak\n' + jsonl([{ id: 'a3', text: 'tiga', kind: 'bukan' }, { id: 'a4', text: 'empat' }]),
    'campur/b.csv': 'No,Isi Komentar\n1,halo\n2,"dua, tiga"\n',
    'campur/catatan.txt': 'bukan data\n',
  });
  const a = path.join(dir, 'campur', 'a.jsonl');
  const b = path.join(dir, 'campur', 'b.csv');

  it('warns about skipped records, names unreadable inputs, sums up per input, and exits 2', async () => {
    const missing = path.join(dir, 'tidak-ada.jsonl');
    const r = await cli(['convert', a, missing, b]);
    expect(r.exitCode).toBe(2);
    const recs = validJsonl(r.stdout);
    // b.csv's No is its running number, not an id: its rows are known by what they say
    expect(recs.map((x) => x.id)).toEqual(['a1', 'a4', expect.stringMatching(/^csv-[0-9a-f]{12}$/), expect.stringMatching(/^csv-[0-9a-f]{12}$/)]);
    expect(r.stderr).toContain(`netral: warning: ${a}:2: skipped: invalid JSON`);
    expect(r.stderr).toContain(`netral: warning: ${a}:3: skipped: kind must be post, reply, repost, quote or like, not "bukan"`);
    expect(r.stderr).toContain(`netral: error: ${missing}: cannot read: no such file or folder`);
    expect(r.stderr).toContain(`netral: ${a}: read 4 = converted 2 + skipped 2\n`);
    expect(r.stderr).toContain(`netral: ${b}: read 2 = converted 2 + skipped 0\n`);
    expect(r.stderr).toMatch(/netral: read 6 = converted 4 \+ skipped 2\n$/);
  });

  it('exits 0 when every input was read, even with skipped records; folders are read like scan reads them', async () => {
    const r = await cli(['convert', path.join(dir, 'campur')]);
    expect(r.exitCode).toBe(0);
    expect(lines(r.stdout)).toHaveLength(4);
    expect(r.stderr).toContain('1 file(s) in the given folders were not read');
    const scan = await cli(['scan', '-f', 'jsonl', path.join(dir, 'campur')]);
    expect(scan.stderr).toContain('read 6 = scanned 4 + skipped 2');
  });

  it('caps warnings per input but still counts every skipped record', async () => {
    const bad = path.join(dir, 'banyak-rusak.jsonl');
    writeFileSync(bad, '{x\n'.repeat(25) + jsonl([{ id: 'ok', text: 'baik' }]));
    const r = await cli(['convert', bad]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr.match(/skipped: invalid JSON/g)).toHaveLength(20);
    expect(r.stderr).toContain('5 more warnings not shown');
    expect(r.stderr).toContain('read 26 = converted 1 + skipped 25');
  });

  it('-q leaves only errors on stderr', async () => {
    const r = await cli(['convert', '-q', a, path.join(dir, 'hilang.csv')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`netral: error: ${path.join(dir, 'hilang.csv')}: cannot read: no such file or folder`]);
  });

  it('reads standard input when no input is given and stdin is piped; refuses a terminal', async () => {
    const r = await cli(['convert'], { stdin: jsonl([{ id: 's1', text: 'dari pipa' }]) });
    expect(r.exitCode).toBe(0);
    expect(lines(r.stdout)[0]).toMatchObject({ id: 's1', source: { file: '-', line: 1 } });
    const tty = await cli(['convert']);
    expect(tty.exitCode).toBe(2);
    expect(tty.stderr).toMatch(/no input/);
  });

  it('rejects bad usage with exit 2 and nothing on stdout', async () => {
    for (const args of [['convert', '-f', 'xml', a], ['convert', '--excel', a], ['convert', '--from', 'nope', a], ['convert', '--tz', 'Mars/Olympus', a]]) {
      const r = await cli(args);
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toBe('');
    }
  });

  it('documents its exit codes in --help', async () => {
    const r = await cli(['convert', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Exit codes:\n {2}0 {2}every input was read[\s\S]*\n {2}2 {2}usage error, or an input that could not be read/);
  });
});

describe('netral convert -o', () => {
  it('writes the file atomically and nothing on stdout; an existing file is replaced only when complete', async () => {
    const out = path.join(dir, 'keluar', 'semua.jsonl');
    writeFiles(dir, { 'keluar/semua.jsonl': 'lama\n' });
    const r = await cli(['convert', '-o', out, path.join(dir, 'tricky.jsonl')]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    expect(validJsonl(readFileSync(out, 'utf8'))).toHaveLength(TRICKY.length);
    expect(readdirSync(path.dirname(out))).toEqual(['semua.jsonl']);
  });

  it('completes the file when an input cannot be read (exit 2); an output that cannot be written is an error', async () => {
    const out = path.join(dir, 'gagal', 'x.csv');
    const r = await cli(['convert', '-f', 'csv', '-o', out, '--map', 'text=TidakAda', path.join(dir, 'campur', 'b.csv')]);
    // A --map naming a missing column makes that input unreadable, not the run: the output is still completed.
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--map text=TidakAda: no column "TidakAda"');
    expect(readFileSync(out, 'utf8')).toBe(`${POST_CSV_COLUMNS.join(',')}\n`);
    expect(readdirSync(path.dirname(out))).toEqual(['x.csv']);
    const bad = await cli(['convert', '-o', path.join(dir, 'tricky.jsonl', 'tidak-bisa.jsonl'), path.join(dir, 'tricky.jsonl')]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/cannot (create folder|write)/);
    expect(existsSync(path.join(dir, 'tricky.jsonl', 'tidak-bisa.jsonl'))).toBe(false);
  });
});

describe('netral convert as a real process', () => {
  it('keeps stdout for records only; its output piped into scan gives the findings of scanning the input', async () => {
    const input = path.join(dir, 'tricky.jsonl');
    const conv = await bin(['convert', input, path.join(dir, 'campur', 'a.jsonl')]);
    expect(conv.exitCode).toBe(0);
    expect(validJsonl(conv.stdout)).toHaveLength(TRICKY.length + 2);
    expect(conv.stderr).toContain('skipped: invalid JSON');
    const viaPipe = await bin(['scan', '-f', 'jsonl', '-q'], { stdin: conv.stdout });
    const direct = await bin(['scan', '-f', 'jsonl', '-q', input, path.join(dir, 'campur', 'a.jsonl')]);
    expect(viaPipe.exitCode).toBe(0);
    expect(lines(viaPipe.stdout).length).toBeGreaterThan(0);
    expect(lines(viaPipe.stdout)).toEqual(lines(direct.stdout));
  });
});

describe('netral convert --roster', () => {
  const ROSTER = path.join(FIXTURES, 'roster', 'pegawai.csv');
  const DEMO = path.join(FIXTURES, 'demo', 'posts.jsonl');

  it('adds the employee who owns each account to JSONL records, null for authors not in the roster', async () => {
    const r = await cli(['convert', DEMO, '--roster', ROSTER, '-q']);
    expect(r.exitCode).toBe(0);
    const records = validJsonl(r.stdout) as { author: string; employee: { nip: string } | null }[];
    const rudi = records.filter((x) => x.author === 'rudi.hartono_');
    expect(rudi.length).toBeGreaterThan(0);
    expect(rudi.every((x) => x.employee !== null && x.employee.nip === rudi[0].employee!.nip && /^\d{18}$/.test(x.employee.nip))).toBe(true);
    expect(records.filter((x) => x.author === 'euis_komariah').every((x) => x.employee === null)).toBe(true);
    // Read back, the records scan as before.
    const scanned = await cli(['scan', '-f', 'json', '-q'], { stdin: r.stdout });
    const direct = await cli(['scan', DEMO, '-f', 'json', '-q']);
    expect(JSON.parse(scanned.stdout).findings.map((f: { fingerprint: string }) => f.fingerprint).sort()).toEqual(JSON.parse(direct.stdout).findings.map((f: { fingerprint: string }) => f.fingerprint).sort());
  });

  it('adds employee columns to CSV, NIP grouped for Excel', async () => {
    const r = await cli(['convert', DEMO, '--roster', ROSTER, '-f', 'csv', '--excel', '-q']);
    const rows = parse(r.stdout, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]).slice(-5)).toEqual(['nip', 'nama', 'unit_kerja', 'jabatan', 'in_roster']);
    const rudi = rows.find((x) => x.author === 'rudi.hartono_')!;
    expect(rudi.in_roster).toBe('true');
    expect(rudi.nip).toMatch(/^\d{8} \d{6} \d \d{3}$/);
    expect(rows.find((x) => x.author === 'euis_komariah')!.in_roster).toBe('false');
  });

  it('stops before converting anything when the roster has errors, naming their lines', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'r.csv': 'nip,nama,x\n199001012015031001,A,a\n199001012015031001,B,b\n' });
    const r = await cli(['convert', DEMO, '--roster', path.join(dir, 'r.csv')]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/r\.csv: the roster has an error; nothing was converted/);
    expect(r.stderr).toMatch(/r\.csv:3:/);
  });
});
