// Rule packs are written by analysts, and a pack passed around between offices may be careless or hostile. None
// may make netral hang or exhaust memory: catastrophic regexes are refused at load or bounded at run time (the
// checker itself: regex-safety.prop.test.ts), YAML bombs are refused, large packs load in bounded time, and every
// problem names its file and line.

import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { bin, jsonl, tempDir } from '../helpers/cli.js';

const dir = tempDir('netral-hostile-packs-');

/** A rules pack around one match expression, with the examples every rule needs. */
function pack(id: string, match: string, extra = ''): string {
  return `pack: ${id}\nkind: rules\n${extra}rules:\n  - id: ${id}.r\n    title: { id: "Judul", en: "Title" }\n    category: endorsement\n    severity: high\n    legal_basis: "SKB 2022"\n    match: ${match}\n    examples: { flag: ["coblos nomor 2x"], pass: ["makan siang"] }\n`;
}

function writePack(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('netral with a hostile pack', () => {
  it('refuses a catastrophic regex at load, naming file, line and column', async () => {
    const p = writePack('redos.yml', pack('redos', '{ regex: "(a+)+$", keywords: [coblos] }'));
    const r = await bin(['scan', '--rules', p, '-'], { stdin: jsonl([{ id: '1', text: 'coblos' }]) });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${p}:9:21: rule redos.r: regex has a repeated group that itself repeats`);
  });

  it('runs an admitted costly regex on a bounded window: a post cannot make it hang', async () => {
    // Two open-ended repetitions over the same letters: admitted, and quadratic in what it is given.
    const p = writePack('costly.yml', pack('costly', '{ regex: "[a-z]*[0-9]*x", keywords: [coblos] }'));
    const long = 'coblos ' + 'a'.repeat(1_000_000);
    const many = Array.from({ length: 3000 }, () => `coblos ${'a'.repeat(290)}.`).join(' ');
    const file = path.join(dir, 'regex-bait.jsonl');
    writeFileSync(file, jsonl([{ id: '1', text: long }, { id: '2', text: many }, { id: '3', text: `coblos ${'aaaa '.repeat(100_000)}` }]));
    const r = await bin(['scan', '--rules', p, '-f', 'jsonl', file], { timeoutMs: 60_000 });
    expect(r.signal, 'killed after 60 s').toBeNull();
    expect(r.stderr).toMatch(/read 3 = scanned 3 \+ skipped 0/);
  });
});

describe('YAML bombs and oversized packs', () => {
  const LAUGHS = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');

  // name, pack text, the problem (file:line:col is checked for every problem line)
  const BROKEN: [string, string, RegExp][] = [
    ['billion-laughs', `pack: lol\nkind: rules\n${LAUGHS}\n`, /:4:8: YAML aliases \(\*name\) are not allowed in rule packs/],
    ['merge-key', `pack: m\nkind: rules\nlists:\n  a: &x [coblos]\n  b: { <<: *x }\n`, /:5:12: YAML aliases/],
    ['deep-flow', `pack: d\nkind: rules\nlists:\n  x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, /:4:\d+: YAML: the file nests lists or mappings too deeply/],
    ['deep-map', `pack: d\nkind: rules\ndescription: ${'{a: '.repeat(50_000)}1${'}'.repeat(50_000)}\n`, /:3:\d+: YAML: the file nests lists or mappings too deeply/],
    ['deep-expression', pack('deep', `${'{ not: '.repeat(200)}{ term: coblos }${' }'.repeat(200)}`), /:9:\d+: rule deep\.r: expression nested deeper than \d+ levels/],
    ['wide-map', `pack: w\nkind: rules\ndescription: {${Array.from({ length: 200_000 }, (_, i) => `k${i}: 1`).join(', ')}, k7: 2}\n`, /:3:\d+: YAML: the key "k7" appears twice in this mapping/],
    ['duplicate-key', `pack: dup\nkind: rules\nkind: rules\n`, /:3:1: YAML: the key "kind" appears twice/],
    ['many-documents', `${pack('one', '{ term: coblos }')}---\n${pack('two', '{ term: coblos }')}`, /:\d+:1: YAML: the file holds several YAML documents/],
    ['too-large', `pack: big\nkind: rules\ndescription: "${'x'.repeat(9 * 1024 * 1024)}"\n`, /:1:1: rule pack is larger than 8 MB/],
    ['syntax', 'pack: [unclosed\nkind: rules\n', /:\d+:\d+: YAML: /],
    ['tab-indent', 'pack: t\nkind: rules\nlists:\n\tx: [coblos]\n', /:4:1: YAML: .*: indent with spaces, not tabs/],
    ['empty', '', /:1:1: rule pack must be a mapping/],
    ['control-chars-in-key', 'pack: c\nkind: rules\n"\\e[2J": 1\n', /:3:1: rule pack: unknown key/],
  ];

  it.each(BROKEN)('%s: refused in bounded time, every problem with file and line', async (name, text, problem) => {
    const p = writePack(`${name}.yml`, text);
    const r = await bin(['rules', 'validate', p], { timeoutMs: 30_000 });
    expect(r.signal, 'killed after 30 s').toBeNull();
    expect(r.exitCode).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^netral: rule pack errors?:$/);
    for (const l of lines.slice(1)) expect(l).toMatch(new RegExp(`^  ${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:[1-9]\\d*:[1-9]\\d*: `));
    expect(r.stderr).toMatch(problem);
  });

  it('loads a pack of 10,000 terms in bounded time, and matches its last term', async () => {
    const terms = Array.from({ length: 10_000 }, (_, i) => `    - kata${String(i).padStart(5, '0')} lain${i}`).join('\n');
    const p = writePack('big-list.yml', pack('big', '{ all: [{ list: calon }, { term: coblos }] }', `lists:\n  calon:\n${terms}\n`).replace('flag: ["coblos nomor 2x"]', 'flag: ["coblos kata09999 lain9999"]'));
    const v = await bin(['rules', 'validate', p], { timeoutMs: 30_000 });
    expect(v.signal, 'killed after 30 s').toBeNull();
    expect(v.stderr).toBe('');
    expect(v.exitCode).toBe(0);
    const r = await bin(['scan', '--rules', p, '-f', 'jsonl', '-'], { stdin: jsonl([{ id: '1', text: 'Ayo coblos kata09999 lain9999' }]), timeoutMs: 30_000 });
    expect(r.stdout).toContain('"rule_id":"big.r"');
  });
});
