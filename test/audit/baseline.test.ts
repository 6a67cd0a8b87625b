import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { Baseline, readBaseline, readDay } from '../../src/audit/baseline.js';
import type { Finding, Post } from '../../src/model.js';
import { postKey } from '../../src/engine/fingerprint.js';
import { cli, FIXTURES, tempDir } from '../helpers/cli.js';

const POSTS = path.join(FIXTURES, 'demo', 'posts.jsonl');
const dir = tempDir();
const o = { lang: 'en' as const, timeZone: 'Asia/Jakarta', today: '2024-03-01' };

async function findings(): Promise<Finding[]> {
  return JSON.parse((await cli(['scan', POSTS, '-f', 'json'])).stdout).findings;
}

describe('the baseline file', () => {
  it('keeps an analyst\'s edit saved while a run was going, and adds the run\'s new findings to it', async () => {
    const all = await findings();
    const file = path.join(dir, 'race.yml');
    const start = Baseline.empty(file, 'en');
    for (const f of all.slice(0, 5)) start.record(f, o);
    await start.save(o);

    // The run reads the file, then finds more…
    const run = await readBaseline(file, { missingOk: false, lang: 'en' });
    for (const f of all) run.record(f, o);
    // …while an analyst dismisses the first finding and saves.
    const edited = readFileSync(file, 'utf8').replace('decision: open\n    note: ""', 'decision: dismissed\n    note: salah orang');
    writeFileSync(file, edited);

    const w = await run.save(o);
    expect(w).toMatchObject({ merged: true, added: all.length - 5, total: all.length });
    const doc = parseYaml(readFileSync(file, 'utf8')) as { findings: { fingerprint: string; decision: string; note: string; date: string }[] };
    expect(doc.findings).toHaveLength(all.length);
    expect(doc.findings[0]).toMatchObject({ decision: 'dismissed', note: 'salah orang', date: '2024-03-01' });
  });

  it('carries the posts a run filled in over to a file saved while the run was going', async () => {
    const all = await findings();
    const file = path.join(dir, 'race-posts.yml');
    const start = Baseline.empty(file, 'en');
    for (const f of all.slice(0, 3)) start.record(f, o);
    await start.save(o);
    // As a netral from before `post` wrote it.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n {4}post: [0-9a-f]{16}/g, ''));
    const run = await readBaseline(file, { missingOk: false, lang: 'en' });
    const f = all[0];
    run.scanned({ platform: f.platform, author: f.author, id: f.post_id, url: f.url } as Post, [f]);
    writeFileSync(file, readFileSync(file, 'utf8').replace('decision: open', 'decision: confirmed'));
    expect((await run.save(o)).merged).toBe(true);
    const doc = parseYaml(readFileSync(file, 'utf8')) as { findings: { fingerprint: string; decision: string; post?: string }[] };
    expect(doc.findings.map((e) => [e.decision, e.post ?? null])).toEqual([['confirmed', postKey(f.platform, f.author, f.post_id)], ['open', null], ['open', null]]);
  });

  it('reads the dates people type', () => {
    expect(readDay('2024-02-05')).toBe('2024-02-05');
    expect(readDay('5/2/2024')).toBe('2024-02-05');
    expect(readDay('05-02-2024')).toBe('2024-02-05');
    expect(readDay('2024-02-30')).toBeNull();
    expect(readDay('kemarin')).toBeNull();
  });
});
