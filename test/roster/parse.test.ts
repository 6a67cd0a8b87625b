import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { parseRoster, readRoster } from '../../src/roster/parse.js';
import { tempDir, writeFiles } from '../helpers/cli.js';
import { InputError } from '../../src/errors.js';

describe('parseRoster', () => {
  it('reads the shipped example: rows, handles per platform, errors with line numbers', async () => {
    const r = await readRoster(path.join('fixtures', 'fetch', 'roster.csv'));
    expect(r.rows.map((x) => [x.line, x.nip, x.nama])).toEqual([
      [2, '199001012015031001', 'Alice Wulandari'],
      [3, '198505052010012002', 'Siti Rahma'],
      [4, '197912312005011003', 'Budi Santoso'],
      [6, '198001012006041004', 'Rina Kartika'],
    ]);
    expect(r.rows[0]).toMatchObject({ unit_kerja: 'Dinas Kominfo', jabatan: 'Pranata Komputer', handles: { facebook: ['alice.w'], instagram: ['alice_w'], x: [], tiktok: [], mastodon: ['@alice@HOST'], bluesky: [] } });
    expect(r.errors).toEqual([{ line: 5, message: expect.stringContaining('turned into a number by a spreadsheet') }]);
  });

  it('handles a BOM, comma separators, header variants, several handles per cell, spaces in NIPs and quoted line breaks', () => {
    const csv = '\uFEFFNIP,Nama Lengkap,Unit Kerja,Jabatan,Twitter,Bsky,Catatan\n' + '"19900101 201503 1 001",Alice,Dinas A,Staf,"@alice_x; alice2",a.bsky.social,ok\n' + '198505052010012002,"Siti\nRahma",Dinas B,Staf,,"b.bsky.social\nc.bsky.social;b.bsky.social",\n' + ',,,,,,\n' + '1234,Pendek,,,,,\n';
    const r = parseRoster(csv, 'r.csv');
    expect(r.rows).toHaveLength(3);
    expect(r.rows[0]).toMatchObject({ line: 2, nip: '199001012015031001', handles: { x: ['@alice_x', 'alice2'], bluesky: ['a.bsky.social'] } });
    expect(r.rows[1]).toMatchObject({ line: 3, nama: 'Siti\nRahma', handles: { bluesky: ['b.bsky.social', 'c.bsky.social'] } });
    expect(r.rows[2]).toMatchObject({ line: 7, nip: '1234' }); // the quoted line breaks above count
    expect(r.warnings).toEqual([
      { line: 1, message: 'columns not used: Catatan' },
      { line: 7, message: 'NIP 1234 has 4 digits, not 18' },
    ]);
  });

  it('reads ";"-separated rosters from Indonesian Excel, with quoted handle lists', () => {
    const r = parseRoster('nip;nama;instagram\n199001012015031001;Alice;"a1;a2"\n', 'r.csv');
    expect(r.rows[0].handles.instagram).toEqual(['a1', 'a2']);
  });

  it('reports duplicate NIPs, missing names and non-digit NIPs by line, leaving the rows out', () => {
    const r = parseRoster('nip,nama,mastodon\n199001012015031001,A,@a@x.social\n199001012015031001,B,@b@x.social\n198505052010012002,,@c@x.social\nABC,D,\n', 'r.csv');
    expect(r.rows.map((x) => x.nama)).toEqual(['A']);
    expect(r.errors).toEqual([
      { line: 3, message: 'NIP 199001012015031001 is already on line 2' },
      { line: 4, message: 'NIP 198505052010012002 has no nama' },
      { line: 5, message: 'NIP "ABC" must be digits' },
    ]);
  });

  it('refuses a file without a NIP or platform column, or empty, or missing', async () => {
    expect(() => parseRoster('nama,mastodon\nA,@a@x.social\n', 'r.csv')).toThrow(/r\.csv:1: the header has no nip column/);
    expect(() => parseRoster('nip,nama\n1,A\n', 'r.csv')).toThrow(/no platform column/);
    expect(() => parseRoster('  \n', 'r.csv')).toThrow(/the roster is empty/);
    expect(() => parseRoster('nip,nama,x,X\n', 'r.csv')).toThrow(/column "x" appears twice/);
    const dir = tempDir();
    writeFiles(dir, {});
    await expect(readRoster(path.join(dir, 'nope.csv'))).rejects.toThrow(InputError);
  });
});
