import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { normaliseHandle } from '../../src/roster/handles.js';
import { readRoster } from '../../src/roster/parse.js';
import { RosterMatcher } from '../../src/roster/match.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';

const dir = tempDir();
const HEADER = 'nip,nama,unit_kerja,jabatan,facebook,instagram,x,tiktok,mastodon,bluesky';

async function roster(name: string, content: string | Buffer) {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return readRoster(file);
}

describe('handles as people write them', () => {
  it.each([
    ['instagram', '@Rudi.Hartono_', 'rudi.hartono_'],
    ['instagram', 'https://www.instagram.com/rudi.hartono_/?hl=id', 'rudi.hartono_'],
    ['instagram', 'instagram.com/Rudi.Hartono_', 'rudi.hartono_'],
    ['x', 'https://twitter.com/Agung_WBS', 'agung_wbs'],
    ['x', 'https://x.com/agung_wbs/status/123', 'agung_wbs'],
    ['tiktok', 'https://www.tiktok.com/@neng.yulia?lang=id', 'neng.yulia'],
    ['facebook', 'https://m.facebook.com/profile.php?id=100012345678', '100012345678'],
    ['facebook', 'https://www.facebook.com/dadang.supriadi', 'dadang.supriadi'],
    ['mastodon', '@Agung@Mastodon.Social', 'agung@mastodon.social'],
    ['mastodon', 'https://mastodon.social/@agung', 'agung@mastodon.social'],
    ['bluesky', 'https://bsky.app/profile/agung.bsky.social', 'agung.bsky.social'],
    ['bluesky', 'agung', 'agung.bsky.social'],
  ] as const)('%s %s → %s', (platform, raw, handle) => {
    expect(normaliseHandle(platform, raw)).toEqual({ handle });
  });

  it.each([
    ['facebook', 'https://www.instagram.com/rudi/', /instagram address, in the facebook column/],
    ['instagram', 'Rudi Hartono', /contains spaces.*not the display name/],
    ['x', 'rudi@x', /not a x username/],
    ['mastodon', 'https://twitter.com/rudi', /x address, in the mastodon column/],
  ] as const)('%s %s is refused', (platform, raw, message) => {
    const r = normaliseHandle(platform, raw);
    expect('error' in r && r.error).toMatch(message);
  });
});

describe('reading a roster file', () => {
  it('reads the demo roster: NIP with spaces, profile URLs, several platforms', async () => {
    const r = await readRoster(path.join(FIXTURES, 'roster', 'pegawai.csv'));
    expect(r.problems).toEqual([]);
    expect(r.employees.map((e) => e.nip)).toContain('199207042019032004');
    const rudi = r.employees.find((e) => e.nama === 'Rudi Hartono')!;
    expect(rudi).toMatchObject({ nip: '198501012010011001', unit_kerja: 'Dinas PUPR', jabatan: 'Kepala Seksi Jalan', line: 2 });
    expect(rudi.handles).toMatchObject({ facebook: ['rudi.hartono_'], instagram: ['rudi.hartono_'], x: ['rudi.hartono_'], tiktok: [] });
  });

  it('splits several handles on ; and reads Excel\'s ;-separated CSV with a BOM', async () => {
    const r = await roster('excel.csv', `\ufeffNIP;Nama;Unit Kerja;Jabatan;Instagram;X\r\n198501012010011001;Rudi;PUPR;Staf;"rudi_a; @rudi_b";rudi\r\n`);
    expect(r.problems).toEqual([]);
    expect(r.employees[0].handles.instagram).toEqual(['rudi_a', 'rudi_b']);
    expect(r.employees[0].handles.x).toEqual(['rudi']);
  });

  it('reports duplicate NIPs, malformed NIPs and handles claimed twice, each with its line', async () => {
    const r = await roster(
      'bad.csv',
      [
        HEADER,
        '198501012010011001,Rudi Hartono,PUPR,Staf,,rudi,,,,',
        // a quoted cell with a line break: the next row starts on line 5, not 4
        '199003152015032002,"Yulia\nRahmawati",Dikbud,Guru,,yulia,,,,',
        '198501012010011001,Rudi Kembar,PUPR,Staf,,rudi2,,,,',
        '"1,98501E+17",Excel Shortened,PUPR,Staf,,short,,,,',
        '19850101201001100,Satu Kurang,PUPR,Staf,,kurang,,,,',
        '198712122011011003,Dadang,Camat,Camat,,RUDI,,,,',
        '198712122011011004,Tanpa Akun,Camat,Staf,,,,,,',
      ].join('\n'),
    );
    const errors = r.problems.filter((p) => p.level === 'error').map((p) => `${p.line}: ${p.message}`);
    expect(errors).toEqual([
      expect.stringMatching(/^5: NIP 198501012010011001 is already used on line 2 \(Rudi Hartono\)/),
      expect.stringMatching(/^6: NIP "1,98501E\+17" was shortened by a spreadsheet/),
      expect.stringMatching(/^7: NIP "19850101201001100" must be 18 digits \(it has 17 digits\)/),
      expect.stringMatching(/^8: instagram account rudi is already listed for Rudi Hartono \(NIP 198501012010011001, line 2\)/),
    ]);
    expect(r.problems.filter((p) => p.level === 'warning').map((p) => `${p.line}: ${p.message}`)).toEqual([expect.stringMatching(/^9: Tanpa Akun has no account listed/)]);
  });

  it('names the right line after blank lines and a cell with a CRLF line break, and reads files with mixed line endings', async () => {
    const r = await roster(
      'crlf.csv',
      [
        HEADER,
        '',
        '198501012010011001,Rudi Hartono,PUPR,Staf,,rudi,,,,',
        '199003152015032002,"Yulia\r\nRahmawati",Dikbud,Guru,,yulia,,,,',
        '',
        '',
        '19850101201001100,Satu Kurang,PUPR,Staf,,kurang,,,,',
      ].join('\r\n'),
    );
    expect(r.problems.filter((p) => p.level === 'error').map((p) => `${p.line}: ${p.message}`)).toEqual([expect.stringMatching(/^8: NIP "19850101201001100" must be 18 digits/)]);
    // Rows added with a Linux tool (LF) to a file Excel saved (CRLF) are rows, not parts of one.
    const mixed = await roster('mixed.csv', `${HEADER}\r\n198501012010011001,Rudi Hartono,PUPR,Staf,,rudi,,,,\r\n199003152015032002,Yulia,Dikbud,Guru,,yulia,,,,\n198712122011011003,Dadang,Camat,Camat,,dadang,,,,\n`);
    expect(mixed.employees.map((e) => e.nama)).toEqual(['Rudi Hartono', 'Yulia', 'Dadang']);
    expect(mixed.problems).toEqual([]);
  });

  it('explains a NIP that a spreadsheet turned into a number', async () => {
    const r = await roster('sci.csv', `${HEADER}\n1.98501E+17,Rudi,PUPR,Staf,,rudi,,,,\n`);
    expect(r.problems[0]).toMatchObject({ line: 2, level: 'error' });
    expect(r.problems[0].message).toMatch(/shortened by a spreadsheet into a number; format the column as Text/);
  });

  it('reads a Windows-1252 file (Excel "CSV") and says so', async () => {
    const latin = Buffer.concat([Buffer.from(`${HEADER}\n198501012010011001,Ren`), Buffer.from([0xe9]), Buffer.from(' Ma'), Buffer.from([0x92]), Buffer.from('ruf,PUPR,Staf,,rene,,,,\n')]);
    const r = await roster('cp1252.csv', latin);
    expect(r.employees[0].nama).toBe('René Ma\u2019ruf');
    expect(r.problems).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/not UTF-8; read as Windows-1252/) })]);
  });

  it('reads Excel\'s "Unicode Text" (UTF-16 with a byte-order mark, tab-separated) without a warning', async () => {
    const text = `${HEADER.replaceAll(',', '\t')}\n198501012010011001\tRené Ma\u2019ruf\tPUPR\tStaf\t\trene\t\t\t\t\n`;
    const r = await roster('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(r.employees[0]).toMatchObject({ nama: 'René Ma\u2019ruf', handles: expect.objectContaining({ instagram: ['rene'] }) });
    expect(r.problems).toEqual([]);
  });

  it('refuses a workbook (.xlsx is a zip, .xls an OLE2 file) with how to save it as CSV, instead of reading its bytes as columns', async () => {
    const xlsx = await roster('pegawai.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(200)]));
    expect(xlsx.problems).toEqual([expect.objectContaining({ line: 1, level: 'error', message: expect.stringMatching(/^a zip archive \(an \.xlsx or \.ods workbook\?\), not CSV: save it as CSV first \(Excel: File → Save As → "CSV UTF-8/) })]);
    const xls = await roster('pegawai.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.alloc(200)]));
    expect(xls.problems).toEqual([expect.objectContaining({ line: 1, level: 'error', message: expect.stringMatching(/^an Office 97–2003 document \(\.xls, \.doc\), not a format netral reads: save it as CSV first/) })]);
  });

  it('needs nip, nama and at least one platform column', async () => {
    const r = await roster('cols.csv', 'nomor,name,alamat\n1,a,b\n');
    expect(r.problems.filter((p) => p.level === 'error').map((p) => p.message)).toEqual([
      expect.stringMatching(/no "nip" column/),
      expect.stringMatching(/no account column/),
    ]);
    expect(r.problems.some((p) => p.level === 'warning' && /column "alamat" is not a roster column/.test(p.message))).toBe(true);
  });
});

describe('matching posts to employees', () => {
  it('matches case-insensitively, with or without @, per platform, and never guesses', async () => {
    const r = await roster(
      'm.csv',
      [
        HEADER,
        '198501012010011001,Rudi,PUPR,Staf,,rudi,rudi_x,,rudi@kota.social,',
        '198712122011011003,Dadang,Camat,Camat,,dadang,,,dadang@a.social,',
        '198712122011011004,Dadang Lain,Camat,Staf,,,dadang,,dadang@b.social,',
      ].join('\n'),
    );
    const m = new RosterMatcher(r.employees);
    const nama = (platform: string, author: string) => {
      const x = m.match(platform, author);
      return x.employee ? x.employee.nama : x.reason;
    };
    expect(nama('instagram', '@RUDI')).toBe('Rudi');
    expect(nama('twitter', 'Rudi_X')).toBe('Rudi');
    expect(nama('x', 'rudi')).toBe('not_in_roster'); // rudi is his Instagram, not his X account
    expect(nama('mastodon', 'rudi')).toBe('Rudi'); // one employee has that local part
    expect(nama('mastodon', 'https://kota.social/@rudi')).toBe('Rudi');
    expect(nama('mastodon', 'dadang')).toBe('ambiguous'); // two employees are dadang@…
    expect(nama('unknown', 'rudi_x')).toBe('Rudi'); // no platform: a handle only one employee has
    expect(nama('unknown', 'dadang')).toBe('ambiguous'); // Instagram of one, X of the other
    expect(nama('instagram', '')).toBe('no_author');
  });
});
