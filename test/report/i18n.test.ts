import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { cli, FIXTURES, tempDir } from '../helpers/cli.js';

const POSTS = path.join(FIXTURES, 'demo', 'posts.jsonl');
const ROSTER = path.join(FIXTURES, 'roster', 'pegawai.csv');
const ID = { LANG: 'id_ID.UTF-8' };

describe('--lang and the locale for human-facing text', () => {
  it('terminal reports follow LANG, LC_ALL over LANG, and --lang over both', async () => {
    const id = await cli(['scan', POSTS, '--roster', ROSTER], { env: ID });
    expect(id.stdout).toMatch(/^Laporan netralitas ASN/);
    expect(id.stdout).toMatch(/Di luar daftar pegawai/);
    expect(id.stdout).toMatch(/daftar pegawai: 5 pegawai, 5 dengan unggahan, 5 dengan temuan/);
    const lcAll = await cli(['scan', POSTS, '--roster', ROSTER], { env: { ...ID, LC_ALL: 'en_US.UTF-8' } });
    expect(lcAll.stdout).toMatch(/^ASN neutrality report/);
    const flag = await cli(['scan', POSTS, '--roster', ROSTER, '--lang', 'en'], { env: ID });
    expect(flag.stdout).toMatch(/Not in the roster/);
  });

  it('CSV headers are stable keys unless --lang is given, even in an Indonesian locale', async () => {
    const dir = tempDir();
    const base = path.join(dir, 'b.yml');
    await cli(['baseline', 'create', POSTS, '-o', base]);
    const keys = await cli(['scan', POSTS, '--roster', ROSTER, '--baseline', base, '--include-known', '-f', 'csv'], { env: ID });
    const header = keys.stdout.split('\n')[0];
    expect(header).toMatch(/^fingerprint,verdict,severity,/);
    expect(header).toMatch(/,source,evidence_sha256,nip,nama,unit_kerja,jabatan,in_roster,review,review_note,review_date,review_by,review_earlier$/);
    const id = await cli(['scan', POSTS, '--roster', ROSTER, '--baseline', base, '--include-known', '-f', 'csv', '--lang', 'id']);
    expect(id.stdout.split('\n')[0]).toMatch(/^sidik_jari,putusan,tingkat,.*,sumber,sha256_bukti,nip,nama_pegawai,unit_kerja,jabatan,dalam_daftar_pegawai,keputusan,catatan_keputusan,tanggal_keputusan,diputuskan_oleh,keputusan_sebelumnya$/);
    // values stay machine values: the review status is a key, not a translation
    expect(id.stdout).toMatch(/,open,,,,\n/);
  });

  it('JSON keeps the same keys in every language', async () => {
    const a = JSON.parse((await cli(['scan', POSTS, '--roster', ROSTER, '--per', 'employee', '-f', 'json', '--lang', 'id'])).stdout);
    const b = JSON.parse((await cli(['scan', POSTS, '--roster', ROSTER, '--per', 'employee', '-f', 'json', '--lang', 'en'])).stdout);
    expect(Object.keys(a.employees[0])).toEqual(Object.keys(b.employees[0]));
    expect(a.employees).toEqual(b.employees);
  });
});
