import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { cli, FIXTURES, tempDir, writeFiles } from '../helpers/cli.js';

const POSTS = path.join(FIXTURES, 'demo', 'posts.jsonl');
const dir = tempDir();
// The demo roster plus one employee with no posts at all.
writeFiles(dir, {
  'roster.csv': `${readFileSync(path.join(FIXTURES, 'roster', 'pegawai.csv'), 'utf8')}199501012020121006,Wawan Setiawan,Bappeda,Analis,,wawan.s,,,,\r\n`,
});
const ROSTER = path.join(dir, 'roster.csv');

interface Finding {
  severity: string;
  category: string;
  verdict: string;
  created_at: string;
  employee: { nip: string } | null;
}
const RANK: Record<string, number> = { clean: 0, review: 1, violation: 2 };

/** The per-employee totals computed here, independently, from the per-finding JSON report. */
async function expectedTotals(): Promise<Map<string, { findings: number; high: number; first: string; last: string; worst: string; categories: Record<string, number> }>> {
  const doc = JSON.parse((await cli(['scan', POSTS, '--roster', ROSTER, '-f', 'json'])).stdout) as { findings: Finding[] };
  const out = new Map();
  for (const f of doc.findings) {
    const key = f.employee?.nip ?? 'none';
    const t = out.get(key) ?? { findings: 0, high: 0, first: f.created_at, last: f.created_at, worst: 'clean', categories: {} };
    t.findings++;
    if (f.severity === 'high') t.high++;
    if (f.created_at < t.first) t.first = f.created_at;
    if (f.created_at > t.last) t.last = f.created_at;
    if (RANK[f.verdict] > RANK[t.worst]) t.worst = f.verdict;
    t.categories[f.category] = (t.categories[f.category] ?? 0) + 1;
    out.set(key, t);
  }
  return out;
}

describe('--per employee', () => {
  it('json: one entry per employee with counts, worst verdict and first/last finding that agree with the findings', async () => {
    const expected = await expectedTotals();
    const r = await cli(['scan', POSTS, '--roster', ROSTER, '--per', 'employee', '-f', 'json']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as { employees: Record<string, any>[] };
    const inRoster = doc.employees.filter((e) => e.in_roster);
    expect(inRoster.map((e) => e.nip)).toHaveLength(6);
    for (const e of inRoster) {
      const t = expected.get(e.nip);
      if (!t) {
        expect(e.findings).toBe(0);
        continue;
      }
      expect(e.findings).toBe(t.findings);
      expect(e.by_severity.high).toBe(t.high);
      expect(e.first_finding).toBe(t.first);
      expect(e.last_finding).toBe(t.last);
      expect(e.worst_verdict).toBe(t.worst);
      for (const [c, n] of Object.entries(t.categories)) expect(e.by_category[c]).toBe(n);
    }
    const wawan = doc.employees.find((e) => e.nama === 'Wawan Setiawan')!;
    expect(wawan).toMatchObject({ posts: 0, findings: 0, worst_verdict: 'clean', first_finding: null, accounts: [{ platform: 'instagram', handle: 'wawan.s' }] });
    // employees with findings first, the employee without posts after them, accounts not in the roster last
    expect(doc.employees.at(-1)).toMatchObject({ in_roster: false, nip: null, accounts: [{ platform: 'facebook', handle: 'euis_komariah' }], author_name: 'Euis Komariah' });
    expect(doc.employees.at(-2)!.nama).toBe('Wawan Setiawan');
  });

  it('csv: one row per employee; Indonesian headers only with --lang id', async () => {
    const en = await cli(['scan', POSTS, '--roster', ROSTER, '--per', 'employee', '-f', 'csv'], { env: { LANG: 'id_ID.UTF-8' } });
    const rows = parse(en.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(7);
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['nip', 'nama', 'unit_kerja', 'jabatan', 'posts', 'findings', 'high', 'endorsement', 'worst_verdict', 'first_finding', 'last_finding']));
    const rudi = rows.find((x) => x.nip === '198501012010011001')!;
    const expected = (await expectedTotals()).get('198501012010011001')!;
    expect(rudi).toMatchObject({ nama: 'Rudi Hartono', findings: String(expected.findings), worst_verdict: 'violation', first_finding: expected.first, in_roster: 'true' });
    const id = await cli(['scan', POSTS, '--roster', ROSTER, '--per', 'employee', '-f', 'csv', '--lang', 'id', '--excel']);
    expect(id.stdout.startsWith('\ufeffnip;nama_pegawai;unit_kerja;jabatan;dalam_daftar_pegawai;akun;nama_akun;unggahan;temuan;tinggi')).toBe(true);
    expect(id.stdout).toMatch(/\r\n/);
    // For Excel the NIP is written in its printed grouping, which Excel keeps as text (18 bare digits lose three)
    expect(id.stdout).toMatch(/\r\n19850101 201001 1 001;Rudi Hartono;/);
  });

  it('terminal: a section per employee, then accounts not in the roster, in the language asked for', async () => {
    const r = await cli(['scan', POSTS, '--roster', ROSTER, '--per', 'employee', '--lang', 'id']);
    const out = r.stdout;
    expect(out).toMatch(/^Laporan netralitas ASN — Per pegawai/);
    expect(out).toMatch(/Rudi Hartono · NIP 198501012010011001 · Dinas PUPR · Kepala Seksi Jalan\n {2}Akun: facebook @rudi\.hartono_, instagram @rudi\.hartono_, x @rudi\.hartono_\n {2}6 unggahan dipindai · \d+ temuan · putusan terburuk: pelanggaran/);
    expect(out).toMatch(/temuan pertama: 2024-01-16 20:41 WIB · temuan terakhir: 2024-11-09 16:30 WIB/);
    expect(out).toMatch(/Wawan Setiawan · NIP 199501012020121006 · Bappeda · Analis\n {2}Akun: instagram @wawan\.s\n {2}tidak ada unggahan yang terbaca untuk pegawai ini/);
    expect(out.indexOf('Di luar daftar pegawai')).toBeGreaterThan(out.indexOf('Wawan Setiawan'));
  });

  it('without a roster: one entry per account', async () => {
    const r = await cli(['scan', POSTS, '--per', 'employee', '-f', 'jsonl']);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    // six authors; agung.wbs posts on X, Mastodon and Bluesky: one entry per platform account
    expect(lines.every((l) => l.in_roster === null && l.nip === null)).toBe(true);
    expect(lines.reduce((n, l) => n + l.posts, 0)).toBe(38);
    expect(lines.filter((l) => l.accounts[0].handle === 'agung.wbs').map((l) => l.accounts[0].platform).sort()).toEqual(['bluesky', 'mastodon', 'x']);
  });

  it('counts what the report shows: not findings below --min-severity, not findings the baseline hides', async () => {
    type Doc = { summary: { findings: number; baseline?: { new: number; known_shown: number } }; employees: { findings: number; by_severity: Record<string, number>; by_review: Record<string, number> | null }[] };
    const run = async (...args: string[]) => JSON.parse((await cli(['scan', POSTS, '--roster', ROSTER, '--per', 'employee', '-f', 'json', ...args])).stdout) as Doc;
    const sum = (d: Doc, pick: (e: Doc['employees'][number]) => number) => d.employees.reduce((n, e) => n + pick(e), 0);

    const all = await run();
    const high = await run('--min-severity', 'high');
    expect(sum(high, (e) => e.findings)).toBe(high.summary.findings);
    expect(high.summary.findings).toBeLessThan(all.summary.findings);
    expect(sum(high, (e) => e.by_severity.medium + e.by_severity.low + e.by_severity.info)).toBe(0);

    // A baseline of the first 20 posts' findings: only the rest are new and counted; --include-known counts both.
    const base = path.join(dir, 'baseline.yml');
    writeFiles(dir, { 'first.jsonl': readFileSync(POSTS, 'utf8').split('\n').slice(0, 20).join('\n') + '\n' });
    expect((await cli(['baseline', 'create', path.join(dir, 'first.jsonl'), '-o', base])).exitCode).toBe(0);
    const fresh = await run('--baseline', base);
    expect(fresh.summary.findings).toBeGreaterThan(0);
    expect(fresh.summary.findings).toBeLessThan(all.summary.findings);
    expect(sum(fresh, (e) => e.findings)).toBe(fresh.summary.findings);
    expect(sum(fresh, (e) => e.by_review!.new)).toBe(fresh.summary.findings);
    const known = await run('--baseline', base, '--include-known');
    expect(sum(known, (e) => e.findings)).toBe(all.summary.findings);
    expect(sum(known, (e) => e.by_review!.open)).toBe(known.summary.baseline!.known_shown);

    const csv = parse((await cli(['scan', POSTS, '--roster', ROSTER, '--per', 'employee', '-f', 'csv', '--baseline', base, '--include-known'])).stdout, { columns: true }) as Record<string, string>[];
    expect(csv.reduce((n, r) => n + Number(r.review_new) + Number(r.review_open), 0)).toBe(all.summary.findings);
  });
});
