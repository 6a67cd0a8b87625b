// Stale decisions: a rule pack changes (a rule renamed), so an analyst's decision on a post no longer matches any
// finding there. The post's finding comes back as new — shown, never hidden — and carries the earlier decision; the
// run warns. Through real files: custom packs, posts, a baseline an analyst edits, and the reports.

import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';
import { cli, jsonl, tempDir, writeFiles } from '../helpers/cli.js';
import { postKey } from '../../src/engine/fingerprint.js';

const dir = tempDir('netral-stale-');
const pack = (id: string, severity = 'high') =>
  `pack: kopi\nkind: rules\nrules:\n  - id: ${id}\n    title: { id: Ajakan minum kopi, en: Call to drink coffee }\n    category: endorsement\n    severity: ${severity}\n    legal_basis: Pasal uji\n    match: { term: kopi }\n    examples: { flag: [ayo kopi], pass: [teh manis] }\n`;
const BUDI = { id: '101', platform: 'x', author: 'Budi_S', created_at: '2024-01-10T10:00:00Z', url: 'https://x.com/Budi_S/status/101', text: 'ayo minum kopi bersama' };
const SARI = { id: '202', platform: 'x', author: 'sari', created_at: '2024-01-11T10:00:00Z', text: 'kopi pagi ini enak' };
writeFiles(dir, {
  'old/pack.yml': pack('kopi.ajakan'),
  // The same rule under a new id: every fingerprint on these posts changes.
  'new/pack.yml': pack('kopi.ajakan-minum'),
  'low/pack.yml': pack('kopi.ajakan', 'low'),
  'both.jsonl': jsonl([BUDI, SARI]),
  'budi.jsonl': jsonl([BUDI]),
});
const OLD = ['--no-default-rules', '--rules', path.join(dir, 'old/pack.yml')];
const NEW = ['--no-default-rules', '--rules', path.join(dir, 'new/pack.yml')];
const BOTH = path.join(dir, 'both.jsonl');
const BUDI_ONLY = path.join(dir, 'budi.jsonl');

interface Entry {
  fingerprint: string;
  decision: string;
  post?: string;
  details: Record<string, string>;
}
const entries = (file: string) => (parseYaml(readFileSync(file, 'utf8')) as { findings: Entry[] }).findings;

/** A baseline made with the old pack, Budi's finding dismissed and Sari's confirmed by an analyst. */
async function decidedBaseline(name: string): Promise<string> {
  const file = path.join(dir, name);
  const r = await cli(['baseline', 'create', BOTH, ...OLD, '-o', file]);
  expect(r.exitCode, r.stderr).toBe(0);
  let text = readFileSync(file, 'utf8');
  for (const e of entries(file)) {
    const budi = e.details.account.startsWith('x @Budi_S');
    text = text.replace(
      `fingerprint: ${e.fingerprint}\n    decision: open\n    note: ""\n    date: ""\n    by: ""`,
      budi ? `fingerprint: ${e.fingerprint}\n    decision: dismissed\n    note: ajakan ngopi, bukan kampanye\n    date: 2024-02-03\n    by: Bu Ani` : `fingerprint: ${e.fingerprint}\n    decision: confirmed\n    note: ""\n    date: 2024-02-04\n    by: Pak Joko`,
    );
  }
  writeFileSync(file, text);
  expect(entries(file).map((e) => e.decision).sort()).toEqual(['confirmed', 'dismissed']);
  return file;
}

async function json(args: string[]) {
  const r = await cli(['scan', ...args, '-f', 'json']);
  expect(r.exitCode, r.stderr).toBe(0);
  return { ...(JSON.parse(r.stdout) as { summary: Record<string, any>; findings: Record<string, any>[] }), stderr: r.stderr };
}

describe('stale decisions after a rule pack change', () => {
  it('baseline create writes each entry\'s post, the same key for every rule on that post', async () => {
    const file = path.join(dir, 'keys.yml');
    expect((await cli(['baseline', 'create', BOTH, ...OLD, '-o', file])).exitCode).toBe(0);
    const list = entries(file);
    expect(list.map((e) => e.post).sort()).toEqual([postKey('x', 'Budi_S', '101'), postKey('x', 'sari', '202')].sort());
    // case and "@" do not matter, as in fingerprints
    expect(postKey('X', '@budi_s', '101')).toBe(postKey('x', 'Budi_S', '101'));
    expect(Object.keys(list[0])).toEqual(['fingerprint', 'decision', 'note', 'date', 'by', 'first_seen', 'post', 'details']);
  });

  it('a renamed rule: the new finding is shown as new with the earlier decision, and the run warns', async () => {
    const file = await decidedBaseline('renamed.yml');
    const dismissed = entries(file).find((e) => e.decision === 'dismissed')!;
    const r = await json([BUDI_ONLY, ...NEW, '--baseline', file]);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0];
    expect(f.rule_id).toBe('kopi.ajakan-minum');
    expect(f.review).toEqual({
      status: 'new',
      note: '',
      date: null,
      by: null,
      earlier_decisions: [{ decision: 'dismissed', rule_id: 'kopi.ajakan', fingerprint: dismissed.fingerprint, note: 'ajakan ngopi, bukan kampanye', date: '2024-02-03', by: 'Bu Ani' }],
    });
    expect(r.summary.baseline).toMatchObject({ new: 1, known: 0, dismissed: 0, stale_decisions: 1 });
    // One summary line and the decision, with where it is in the file; Sari's post was not in the input: no word of it.
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('netral: warning:'));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/renamed\.yml: 1 decision is on posts scanned in this run but matches none of their findings \(a rule renamed or changed in the rule packs\?\)/);
    expect(warnings[1]).toMatch(/^netral: warning: {3}\S*renamed\.yml:\d+: x @Budi_S https:\/\/x\.com\/Budi_S\/status\/101 — rule kopi\.ajakan: dismissed 2024-02-03 by Bu Ani$/);
    expect(r.stderr).not.toMatch(/sari/);
    const line = await cli(['scan', BUDI_ONLY, ...NEW, '--baseline', file, '-f', 'jsonl']);
    expect(line.stderr).toMatch(/baseline: 1 new, 0 known, 0 dismissed, 1 stale decision$/m);

    // The note in every report, in English and Indonesian.
    // (lines wrapped to the terminal's width, read as one)
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    const term = flat((await cli(['scan', BUDI_ONLY, ...NEW, '--baseline', file])).stdout);
    expect(term).toContain('Earlier decision on this post: dismissed (rule kopi.ajakan, 2024-02-03, by Bu Ani): ajakan ngopi, bukan kampanye — rule pack changed?');
    expect(term).toMatch(/1 analyst decision on posts scanned in this run no longer matches any finding \(rule pack changed\?\)/);
    const id = flat((await cli(['scan', BUDI_ONLY, ...NEW, '--baseline', file, '--lang', 'id'])).stdout);
    expect(id).toContain('Keputusan sebelumnya pada unggahan ini: diabaikan (aturan kopi.ajakan, 2024-02-03, oleh Bu Ani): ajakan ngopi, bukan kampanye — paket aturan berubah?');
    const csv = parseCsv((await cli(['scan', BUDI_ONLY, ...NEW, '--baseline', file, '-f', 'csv'])).stdout, { columns: true }) as Record<string, string>[];
    expect(csv.map((row) => [row.review, row.review_earlier])).toEqual([['new', 'dismissed (rule kopi.ajakan, 2024-02-03, by Bu Ani): ajakan ngopi, bukan kampanye — rule pack changed?']]);
    const html = (await cli(['scan', BUDI_ONLY, ...NEW, '--baseline', file, '-f', 'html'])).stdout;
    expect(html).toContain('<dt>Earlier decision on this post</dt><dd><span class="earlier-decision">dismissed (rule kopi.ajakan, 2024-02-03, by Bu Ani): ajakan ngopi, bukan kampanye — rule pack changed?</span></dd>');
    // --fail-on still counts it: a decision on another rule never hides a finding.
    expect((await cli(['scan', BUDI_ONLY, ...NEW, '--baseline', file, '--fail-on', 'high', '-q'])).exitCode).toBe(1);

    // Both posts: both decisions are stale, the summary line says so.
    const both = await cli(['scan', BOTH, ...NEW, '--baseline', file, '-f', 'json', '-o', path.join(dir, 'both.json')]);
    expect(both.stderr).toMatch(/2 decisions are on posts scanned in this run but match none/);
    expect(both.stderr).toMatch(/baseline: 2 new, 0 known, 0 dismissed, 2 stale decisions/);
    expect(both.stderr).toMatch(/x @sari post 202 — rule kopi\.ajakan: confirmed 2024-02-04 by Pak Joko/);
  });

  it('no warning for posts not scanned: absent from the input, or outside the period', async () => {
    const file = await decidedBaseline('absent.yml');
    writeFiles(dir, { 'other.jsonl': jsonl([{ ...SARI, id: '303', author: 'lain' }]) });
    const other = await json([path.join(dir, 'other.jsonl'), ...NEW, '--baseline', file]);
    expect(other.summary.baseline.stale_decisions).toBe(0);
    expect(other.findings[0].review).toEqual({ status: 'new', note: '', date: null, by: null });
    expect(other.stderr).not.toMatch(/warning/);
    const outside = await json([BOTH, ...NEW, '--baseline', file, '--since', '2024-06-01']);
    expect([outside.summary.scanned, outside.summary.baseline.stale_decisions]).toEqual([0, 0]);
    expect(outside.stderr).not.toMatch(/warning/);
  });

  it('a decision still matched, even below --min-severity, is not stale; unchanged rules change nothing', async () => {
    const file = await decidedBaseline('same.yml');
    const same = await json([BOTH, ...OLD, '--baseline', file, '--include-known']);
    expect(same.summary.baseline).toEqual({ file, new: 0, known: 1, known_shown: 1, dismissed: 1, stale_decisions: 0 });
    expect(same.findings[0].review).toEqual({ status: 'confirmed', note: '', date: '2024-02-04', by: 'Pak Joko' });
    expect(same.stderr).not.toMatch(/warning/);
    const low = ['--no-default-rules', '--rules', path.join(dir, 'low/pack.yml')];
    const filtered = await json([BOTH, ...low, '--baseline', file, '--min-severity', 'high']);
    expect([filtered.summary.filtered, filtered.summary.baseline.stale_decisions]).toEqual([2, 0]);
  });

  it('an old baseline without post keys still loads, is recognised, and gets its keys on update', async () => {
    const file = await decidedBaseline('old.yml');
    const withKeys = readFileSync(file, 'utf8');
    // As an earlier netral wrote it, with an analyst's comment in the entry.
    const old = withKeys.replace(/\n {4}post: [0-9a-f]{16}/g, '').replace(/(\n {4}first_seen:)/, '\n    # dibahas di rapat$1');
    expect(old).not.toMatch(/post:/);
    writeFileSync(file, old);
    // Scanning does not write the file; the renamed rule is still caught, from what the details say.
    const r = await json([BUDI_ONLY, ...NEW, '--baseline', file]);
    expect(r.summary.baseline.stale_decisions).toBe(1);
    expect(r.findings[0].review.earlier_decisions).toMatchObject([{ decision: 'dismissed', rule_id: 'kopi.ajakan', by: 'Bu Ani' }]);
    expect(readFileSync(file, 'utf8')).toBe(old);

    // Update with the same rules: each entry gets its post back where create puts it; the rest stays as it was.
    const u = await cli(['baseline', 'update', BOTH, ...OLD, '-o', file]);
    expect(u.exitCode, u.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(withKeys.replace(/(\n {4}first_seen:)/, '\n    # dibahas di rapat$1'));
  });

  it('update with the new pack adds the new findings with their post and fills in the stale ones\' posts', async () => {
    const file = await decidedBaseline('update-new.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n {4}post: [0-9a-f]{16}/g, ''));
    const u = await cli(['baseline', 'update', BUDI_ONLY, ...NEW, '-o', file]);
    expect(u.exitCode, u.stderr).toBe(0);
    expect(u.stderr).toMatch(/update-new\.yml: 1 decision is on posts scanned in this run/);
    const list = entries(file);
    expect(list.map((e) => [e.decision, e.post ?? null])).toEqual([
      // Budi's post was scanned: found again from the old rule's fingerprint. Sari's was not in the input.
      ...(list[0].details.account.startsWith('x @Budi_S') ? [['dismissed', postKey('x', 'Budi_S', '101')], ['confirmed', null]] : [['confirmed', null], ['dismissed', postKey('x', 'Budi_S', '101')]]),
      ['open', postKey('x', 'Budi_S', '101')],
    ]);
    // The new finding is in the baseline now, open; the dismissed decision is still stale and still said.
    const again = await json([BUDI_ONLY, ...NEW, '--baseline', file, '--include-open']);
    expect(again.findings[0].review).toMatchObject({ status: 'open', earlier_decisions: [{ decision: 'dismissed', rule_id: 'kopi.ajakan', by: 'Bu Ani' }] });
    expect(again.summary.baseline.stale_decisions).toBe(1);
  });

  it('an Indonesian baseline gets its key in Indonesian', async () => {
    const file = path.join(dir, 'id.yml');
    expect((await cli(['baseline', 'create', BUDI_ONLY, ...OLD, '-o', file, '--lang', 'id'])).exitCode).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`    unggahan: ${postKey('x', 'Budi_S', '101')}\n    rincian:`);
    writeFileSync(file, text.replace('keputusan: terbuka', 'keputusan: diabaikan\n    oleh: Bu Ani').replace('    oleh: ""\n', '').replace(/\n {4}unggahan: .*/, ''));
    const r = await json([BUDI_ONLY, ...NEW, '--baseline', file]);
    expect(r.summary.baseline.stale_decisions).toBe(1);
    expect((await cli(['baseline', 'update', BUDI_ONLY, ...NEW, '-o', file, '-q'])).exitCode).toBe(0);
    expect(readFileSync(file, 'utf8').match(/unggahan: /g)).toHaveLength(2);
  });

  it('netral audit: the log line counts them, after the warning; the audit\'s reports carry the note', async () => {
    const run = tempDir('netral-stale-audit-');
    const config = (packFolder: string) =>
      `sources:\n  - ${BOTH}\nrules:\n  packs: [${path.join(dir, packFolder, 'pack.yml')}]\n  default: false\nbaseline:\n  file: baseline.yml\noutputs:\n  - format: json\n    file: audit.json\n`;
    writeFiles(run, { 'old.yml': config('old'), 'new.yml': config('new') });
    const first = await cli(['audit', '--config', path.join(run, 'old.yml')]);
    expect(first.exitCode, first.stderr).toBe(0);
    const file = path.join(run, 'baseline.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('decision: open', 'decision: dismissed'));
    const second = await cli(['audit', '--config', path.join(run, 'new.yml')]);
    expect(second.exitCode, second.stderr).toBe(0);
    const lines = second.stderr.trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ new: 2, known: 0, dismissed: 0, stale_decisions: 1 });
    expect(lines.slice(0, -1).join('\n')).toMatch(/baseline\.yml: 1 decision is on posts scanned in this run/);
    const report = JSON.parse(readFileSync(path.join(run, 'audit.json'), 'utf8'));
    expect(report.summary.baseline.stale_decisions).toBe(1);
    expect(report.findings.filter((f: { review: { earlier_decisions?: unknown[] } }) => f.review.earlier_decisions?.length === 1)).toHaveLength(1);
  });
});
