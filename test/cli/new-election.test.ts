// The design promise for the races netral ships no pack for: a new Pilkada needs a new election pack and no new
// rule. fixtures/new-election holds a fictional regency's re-vote as an analyst would prepare it (the pack from
// `rules init-election`, posts as JSONL and as an Excel-style CSV, a roster) and what netral must say about every
// post (expected.yaml). This checks what matters — no innocent post accused, no violation missed, the right pair
// and stance — not every byte of the report.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { cli, FIXTURES } from '../helpers/cli.js';

const DIR = path.join(FIXTURES, 'new-election');
const PACK = path.join(DIR, 'psu-pilbup-wanasari-2026.yaml');
const POSTS = path.join(DIR, 'posts.jsonl');
const KOMENTAR = path.join(DIR, 'komentar.csv');
const ROSTER = path.join(DIR, 'pegawai.csv');
const RACE = 'psu-pilbup-wanasari-2026';

interface Expected {
  clean: string[];
  not_violation: string[];
  violation: Record<string, { category: string; pair: number; stance?: 'support' | 'against' }>;
}
interface F {
  post_id: string;
  author: string;
  category: string;
  candidate: string | null;
  stance: string;
  verdict: string;
  source: { file: string; line?: number };
  employee?: { nip: string } | null;
}

const expected = parse(readFileSync(path.join(DIR, 'expected.yaml'), 'utf8')) as Expected;

/** A post's name in expected.yaml: its id in posts.jsonl, file:line in the spreadsheet (which has no id column). */
function nameOf(f: F): string {
  return path.basename(f.source.file) === 'komentar.csv' ? `komentar.csv:${f.source.line}` : f.post_id;
}

async function scan(extra: string[]): Promise<Map<string, F[]>> {
  const r = await cli(['scan', '--rules', PACK, ...extra, '--roster', ROSTER, POSTS, KOMENTAR, '-f', 'json']);
  expect(r.exitCode, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout) as { summary: { read: number; scanned: number; skipped: number }; findings: F[] };
  const labelled = expected.clean.length + expected.not_violation.length + Object.keys(expected.violation).length;
  // Every post is labelled, so a post added to the fixture must say what netral should make of it.
  expect(doc.summary).toMatchObject({ read: labelled, scanned: labelled, skipped: 0 });
  const byPost = new Map<string, F[]>();
  for (const f of doc.findings) byPost.set(nameOf(f), [...(byPost.get(nameOf(f)) ?? []), f]);
  return byPost;
}

describe('a race netral ships no pack for, covered by its election pack alone (fixtures/new-election)', () => {
  it('the pack the analyst filled in from the template is valid', async () => {
    const r = await cli(['rules', 'validate', PACK]);
    expect(r.exitCode, r.stderr).toBe(0);
  });

  it('labels every category of violation the generic rules know for a candidate', () => {
    const categories = new Set(Object.values(expected.violation).map((v) => v.category));
    for (const c of ['endorsement', 'candidate_symbol', 'campaign_hashtag', 'campaign_slogan', 'repost', 'campaign_activity']) expect(categories).toContain(c);
  });

  for (const [label, extra] of [
    ['with --election', ['--election', RACE]],
    ['with every shipped election pack loaded', []],
  ] as const) {
    describe(label, () => {
      let byPost: Map<string, F[]>;
      const findings = async () => (byPost ??= await scan([...extra]));

      it('accuses no innocent post: everyday posts, reminders, voter education and "nomor 2" in daily life stay clean', async () => {
        const got = await findings();
        const wrong = expected.clean.filter((n) => got.has(n)).map((n) => `${n}: ${got.get(n)!.map((f) => `${f.category} ${f.candidate}`).join(', ')}`);
        expect(wrong).toEqual([]);
        const raised = expected.not_violation.filter((n) => got.get(n)?.[0].verdict === 'violation');
        expect(raised).toEqual([]);
      });

      it('misses no violation, and names the right pair and stance', async () => {
        const got = await findings();
        const wrong: string[] = [];
        for (const [n, want] of Object.entries(expected.violation)) {
          const fs = got.get(n) ?? [];
          const hit = fs.find((f) => f.category === want.category && f.candidate === `${RACE}:${want.pair}` && (want.stance === undefined || f.stance === want.stance));
          if (fs[0]?.verdict !== 'violation' || !hit) wrong.push(`${n}: wanted ${want.category} ${want.pair} ${want.stance ?? ''}; got ${fs.map((f) => `${f.category} ${f.candidate} ${f.stance}`).join(', ') || 'nothing'}`);
        }
        expect(wrong).toEqual([]);
      });

      it('attributes every finding to this race, and to the employee behind the account', async () => {
        const all = [...(await findings()).values()].flat();
        expect(all.filter((f) => f.candidate !== null && !f.candidate.startsWith(`${RACE}:`)).map((f) => `${nameOf(f)} ${f.candidate}`)).toEqual([]);
        for (const f of all) expect(f.employee === null, `${nameOf(f)} @${f.author}`).toBe(f.author === 'wawan_sipil');
      });
    });
  }
});
