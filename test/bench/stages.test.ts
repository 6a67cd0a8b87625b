// bench/stages.js splits a scan's cost by stage inside one process. Its figures vary with the machine; what must hold
// is that it runs the real stages on the generated input and that the stage it calls the whole scan finds what the
// CLI finds in the same posts.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('bench/stages.js', () => {
  it('prints each stage’s cost per post, and the whole scan finds what the CLI finds', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bench/stages.js'), '--posts', '2000', '--warm', '500'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout;
    for (const label of ['start-up', 'reading', 'warm-up', 'fold alone', 'fold and tokenise', 'text analysis', 'analysis and trie pass', 'whole scan', 'posts past the trie pass'])
      expect(out).toContain(label);
    expect(out).toMatch(/^2,000 posts from bench\/out\/posts-2000-s42-[0-9a-f]{8}\.jsonl/);
    // Ten steps of the warm-up curve, each a number of µs.
    expect(/warm-up, per 50 posts from the first: ((?:\d+ ){9}\d+) µs/.exec(out)).not.toBeNull();
    const findings = Number(/whole scan .*; ([\d,]+) findings\)/.exec(out)![1].replace(/,/g, ''));
    const file = /from (\S+) \(Node/.exec(out)![1];
    // The same posts through the CLI: its findings for posts 501–2,000 are the ones the stage counted.
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin/netral.js'), 'scan', path.join(ROOT, file), '--format', 'jsonl'], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    const after = cli.stdout.split('\n').filter((l) => l !== '' && (JSON.parse(l) as { source: { line: number } }).source.line > 500);
    expect(findings).toBe(after.length);
    expect(findings).toBeGreaterThan(0);
  });
});
