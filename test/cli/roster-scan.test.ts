import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { cli, FIXTURES, tempDir, writeFiles } from '../helpers/cli.js';

const POSTS = path.join(FIXTURES, 'demo', 'posts.jsonl');
const KOMENTAR = path.join(FIXTURES, 'demo', 'komentar.csv');
const ROSTER = path.join(FIXTURES, 'roster', 'pegawai.csv');

interface F {
  post_id: string;
  author: string;
  platform: string;
  employee?: { nip: string; nama: string; unit_kerja: string; jabatan: string } | null;
}

describe('scan --roster', () => {
  it('gives every finding its employee, and leaves authors not in the roster unattributed', async () => {
    const r = await cli(['scan', POSTS, '--roster', ROSTER, '-f', 'json']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as { summary: { roster: Record<string, unknown> & { not_in_roster: { accounts: unknown[]; posts: number; findings: number }[] } }; findings: F[] };
    const rudi = doc.findings.filter((f) => f.author === 'rudi.hartono_');
    expect(rudi.length).toBeGreaterThan(0);
    // posts on several platforms all belong to the same person
    expect(new Set(rudi.map((f) => f.platform)).size).toBeGreaterThanOrEqual(2);
    for (const f of rudi) expect(f.employee).toEqual({ nip: '198501012010011001', nama: 'Rudi Hartono', unit_kerja: 'Dinas PUPR', jabatan: 'Kepala Seksi Jalan' });
    const euis = doc.findings.filter((f) => f.author === 'euis_komariah');
    expect(euis.length).toBeGreaterThan(0);
    for (const f of euis) expect(f.employee).toBeNull();
    expect(doc.summary.roster).toMatchObject({ employees: 5, employees_with_posts: 5, matched_posts: 32, unmatched_posts: 6, unmatched_findings: euis.length });
    expect(doc.summary.roster.not_in_roster).toEqual([expect.objectContaining({ accounts: [{ platform: 'facebook', handle: 'euis_komariah' }], posts: 6, findings: euis.length, in_roster: false })]);
  });

  it('reports accounts not in the roster apart in the terminal report, never dropping them', async () => {
    const r = await cli(['scan', POSTS, '--roster', ROSTER]);
    const out = r.stdout;
    const apart = out.indexOf('Not in the roster');
    expect(apart).toBeGreaterThan(0);
    expect(out.indexOf('Rudi Hartono · NIP 198501012010011001 · Dinas PUPR')).toBeLessThan(apart);
    expect(out.slice(apart)).toMatch(/@euis_komariah \(Euis Komariah\) — \d+ findings/);
    const m = /6 posts \((\d+) findings?\) by accounts not in the roster:\n\s+facebook @euis_komariah \(Euis Komariah\) — 6 posts scanned, (\d+) findings?/.exec(out);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(0);
    expect(m![2]).toBe(m![1]);
  });

  it('adds the employee columns to CSV; a comment export with "@handle" and a Platform column matches too', async () => {
    const r = await cli(['scan', KOMENTAR, '--roster', ROSTER, '-f', 'csv']);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]).slice(-5)).toEqual(['nip', 'nama', 'unit_kerja', 'jabatan', 'in_roster']);
    const rudi = rows.filter((x) => x.author === 'rudi.hartono_');
    expect(rudi.length).toBeGreaterThan(0);
    expect(rudi.every((x) => x.nip === '198501012010011001' && x.unit_kerja === 'Dinas PUPR' && x.in_roster === 'true')).toBe(true);
    // Dadang's roster row lists his Facebook as a profile address
    const dadang = rows.filter((x) => x.author === 'dadang_supriadi');
    expect(dadang.length).toBeGreaterThan(0);
    expect(dadang.every((x) => x.nama === 'Dadang Supriadi')).toBe(true);
    // Euis is not in the demo roster: her findings stay, without an employee
    const euis = rows.filter((x) => x.author === 'euis_komariah');
    expect(euis.length).toBeGreaterThan(0);
    expect(euis.every((x) => x.nip === '' && x.nama === '' && x.in_roster === 'false')).toBe(true);
  });

  it('stops before scanning when the roster has errors, naming every line', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'roster.csv': 'nip,nama,unit_kerja,jabatan,instagram\n198501012010011001,Rudi,PUPR,Staf,rudi.hartono_\n198501012010011001,Rudi Lagi,PUPR,Staf,rudi2\n12345,Pendek,PUPR,Staf,pendek\n198712122011011003,Dadang,Camat,Camat,@Rudi.Hartono_\n',
    });
    const r = await cli(['scan', POSTS, '--roster', path.join(dir, 'roster.csv')]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/the roster has 3 errors; nothing was scanned/);
    expect(r.stderr).toMatch(/roster\.csv:3: NIP 198501012010011001 is already used on line 2/);
    expect(r.stderr).toMatch(/roster\.csv:4: NIP "12345" must be 18 digits/);
    expect(r.stderr).toMatch(/roster\.csv:5: instagram account rudi\.hartono_ is already listed for Rudi/);
  });

  it('says so when the roster file is missing', async () => {
    const r = await cli(['scan', POSTS, '--roster', '/no/such/pegawai.csv']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/\/no\/such\/pegawai\.csv: cannot read the roster: no such file or folder/);
  });
});
