// docs/audit.md shows a complete audit.yml and a crontab line; this runs them, so the documentation stays true.

import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { parseAuditConfig } from '../../src/audit/config.js';
import { bin, FIXTURES, ROOT, tempDir, writeFiles } from '../helpers/cli.js';

const doc = readFileSync(path.join(ROOT, 'docs', 'audit.md'), 'utf8');
const example = /<!-- The block below is run by test\/docs\/audit-doc\.test\.ts[^>]*-->\n```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
const crontab = /```crontab\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

describe('docs/audit.md', () => {
  it('has a complete audit.yml example that netral accepts and runs', async () => {
    expect(example).toMatch(/^sources:/m);
    const dir = tempDir();
    writeFiles(dir, { 'audit.yml': example });
    mkdirSync(path.join(dir, 'data'));
    copyFileSync(path.join(FIXTURES, 'demo', 'posts.jsonl'), path.join(dir, 'data', 'posts.jsonl'));
    copyFileSync(path.join(FIXTURES, 'demo', 'komentar.csv'), path.join(dir, 'komentar.csv'));
    copyFileSync(path.join(FIXTURES, 'roster', 'pegawai.csv'), path.join(dir, 'pegawai.csv'));
    const cfg = parseAuditConfig(example, path.join(dir, 'audit.yml'));
    expect(cfg.outputs.map((o) => o.format)).toEqual(['html', 'csv', 'csv', 'json']);

    const r = await bin(['audit', '--config', path.join(dir, 'audit.yml')], { cwd: '/' });
    const summary = JSON.parse(r.stderr.trim().split('\n').at(-1)!);
    expect(summary.status, r.stderr).toMatch(/^(ok|findings)$/);
    expect(summary.outside_period).toBeGreaterThan(0);
    for (const f of summary.outputs) expect(existsSync(f)).toBe(true);
    expect(existsSync(path.join(dir, 'state', 'baseline.yml'))).toBe(true);
  });

  it('has a crontab line that runs netral audit with absolute paths and no %', () => {
    const line = crontab.split('\n').find((l) => /^\d/.test(l))!;
    const fields = line.split(/\s+/);
    expect(fields.slice(0, 5)).toEqual(['30', '1', '*', '*', '*']);
    expect(fields.slice(5, 9)).toEqual(['/usr/local/bin/netral', 'audit', '--config', '/srv/netral/audit.yml']);
    expect(line).not.toContain('%');
  });
});
