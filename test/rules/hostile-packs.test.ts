// Rule packs are written by analysts, and a pack passed around between offices may be careless or hostile. None
// may make netral hang or exhaust memory: catastrophic regexes are refused at load or bounded at run time, YAML
// bombs are refused, large packs load in bounded time, and every problem names its file and line.

import { afterAll, describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { checkRegex, REGEX_WINDOW_CHARS } from '../../src/rules/regex-safety.js';
import { bin, jsonl, tempDir } from '../helpers/cli.js';
import { BoundedChild } from '../helpers/bounded-child.js';
import { runs, timeoutFor } from '../helpers/fuzz.js';

const dir = tempDir('netral-hostile-packs-');
const child = new BoundedChild(10_000);
afterAll(() => child.stop());

/** A rules pack around one match expression, with the examples every rule needs. */
function pack(id: string, match: string, extra = ''): string {
  return `pack: ${id}\nkind: rules\n${extra}rules:\n  - id: ${id}.r\n    title: { id: "Judul", en: "Title" }\n    category: endorsement\n    severity: high\n    legal_basis: "SKB 2022"\n    match: ${match}\n    examples: { flag: ["coblos nomor 2x"], pass: ["makan siang"] }\n`;
}

function writePack(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

// Known ReDoS shapes: the classic nested and overlapping repetitions (OWASP's examples), and cases from public
// ReDoS test suites (CodeQL's js/redos tests, safe-regex), each with the input that makes it backtrack.
const CATALOGUE: [string, string][] = [
  ['(a+)+$', 'a'.repeat(40) + '!'],
  ['(a*)*b', 'a'.repeat(40)],
  ['(a+)*b', 'a'.repeat(40)],
  ['([a-z]+)+$', 'a'.repeat(40) + '!'],
  ['([a-z]*)*$', 'a'.repeat(40) + '!'],
  ['(a|aa)+$', 'a'.repeat(40) + '!'],
  ['(a|a?)+$', 'a'.repeat(40) + '!'],
  ['(a|aa?)*b', 'a'.repeat(40)],
  ['(b|a?b)*c', 'b'.repeat(40)],
  ['(.|\\n)*!', 'a'.repeat(300)],
  ['((\\d|[0-9])*)"', '1'.repeat(40)],
  ['((\\s|\\s)*)"', ' '.repeat(300)],
  ['((\\w|g)*)"', 'g'.repeat(40)],
  ['(\\w+\\s?)+$', 'aaaa '.repeat(10) + '!'],
  ['^(\\w+\\s?)*$', 'a'.repeat(40) + '!'],
  ['(.*a){12}$', 'a'.repeat(40) + 'b'],
  ['(a+){10}b', 'a'.repeat(40)],
  ['(a?){25}a{25}', 'a'.repeat(25)],
  ['(a|a){25}b', 'a'.repeat(30)],
  ['(x+x+)+y', 'x'.repeat(40)],
  ['(.*,)+.+', ','.repeat(40)],
  ['^([\\s\\[{(]|#.*)*$', '##'.repeat(40) + '\na'],
  ['^(([a-z])+.)+[A-Z]([a-z])+$', 'a'.repeat(40) + '!'],
  ['^[a-z][a-z0-9]*(\\[.*?\\])*(\\.[a-z][a-z0-9]*(\\[.*?\\])*)*$', 'a' + '[]'.repeat(40) + '.b\n'],
  ['(([^"]|\\\\.)*)"', '\\\\'.repeat(40)],
  ['^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$', 'aaaaaaaaaaaaaaaaaaaaaaaa!'],
  // Polynomial: overlapping open-ended repetitions, which a long window makes slow.
  ['a*a*a*b', 'a'.repeat(300)],
  ['\\w*\\w*\\w*\\w*x', 'a'.repeat(300)],
  ['.*.*=.*', 'x'.repeat(300)],
  ['\\d+\\.?\\d+\\.?\\d+x', '1'.repeat(300)],
  ['[a-z]+ ?[a-z]+ ?[a-z]+$', 'a'.repeat(300) + '!'],
  ['a?'.repeat(25) + 'a'.repeat(25), 'a'.repeat(25)],
  ['(a|a)'.repeat(25) + 'b', 'a'.repeat(30)],
  ['a{0,100}a{0,100}a{0,100}b', 'a'.repeat(300)],
];

/** Windows a post could give a regex: its attack, and long runs of the characters it names. */
function windowsFor(source: string, attack?: string): string[] {
  const chars = [...new Set([...source.replace(/\\[a-zA-Z]|[\\[\](){}*+?|^$.]/g, ''), 'a', '0', ' '])];
  const out = chars.flatMap((c) => [c.repeat(REGEX_WINDOW_CHARS), `${c.repeat(REGEX_WINDOW_CHARS - 1)}!`]);
  out.push('aaaa '.repeat(REGEX_WINDOW_CHARS / 5), 'a0'.repeat(REGEX_WINDOW_CHARS / 2));
  if (attack) out.push(attack.slice(0, REGEX_WINDOW_CHARS));
  return out;
}

/** Refused at load, or fast on every window: what "no post can make a scan hang" needs of a regex. */
async function refusedOrBounded(source: string, attack?: string): Promise<void> {
  if (checkRegex(source) !== null) return;
  const r = await child.run({ source, windows: windowsFor(source, attack) });
  expect(r.outcome, `${source} was admitted and ${r.message ?? ''}`).toBe('done');
  expect(r.ms!, `${source} was admitted and took ${Math.round(r.ms!)} ms on one window`).toBeLessThan(250);
}

describe('regexes in rule packs', () => {
  it.each(CATALOGUE)('refuses %s, or runs it bounded', async (source, attack) => {
    // All of these are refused outright today; the bound is the guarantee if one ever is not.
    expect(checkRegex(source), source).not.toBeNull();
    await refusedOrBounded(source, attack);
  });

  it.each(['coblos\\s*0?[1-3]', '\\bno\\.?\\s*\\d{1,2}', '(salam|pose) (dua|2) jari', '[a-z]+ [0-9]+', 'pilih\\s+(nomor|no)?\\s*0?2', '(dukung|pilih) [a-z]+ (02|2)', 'coblos.*02', '(?<nomor>0?[1-3])\\b'])(
    'admits the ordinary regex %s, and it runs bounded',
    async (source) => {
      expect(checkRegex(source)).toBeNull();
      await refusedOrBounded(source);
    },
  );

  // Regexes built at random from the pieces of real ones: whatever the checker admits must be bounded.
  const regex = fc.letrec<{ re: string; term: string; atom: string }>((tie) => ({
    re: fc.oneof({ depthSize: 'small' }, tie('term'), fc.array(tie('term'), { minLength: 2, maxLength: 4 }).map((ts) => ts.join('')), fc.tuple(tie('term'), tie('term')).map(([a, b]) => `${a}|${b}`)),
    term: fc.tuple(tie('atom'), fc.constantFrom('', '', '*', '+', '?', '{2}', '{0,3}', '{1,20}', '{2,}', '*?', '+?')).map(([a, q]) => a + q),
    atom: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('a', 'b', '0', ' ', '.', '\\w', '\\d', '\\s', '\\S', '[ab]', '[^ ]', '[a-z]', '[0-9]', '[ \\t]'),
      tie('re').map((r) => `(${r})`),
      tie('re').map((r) => `(?:${r})`),
    ),
  })).re;

  it.prop([fc.string({ unit: 'binary', maxLength: 60 })], runs(300))('never throws on any text', (s) => {
    expect(() => checkRegex(s)).not.toThrow();
  });

  it.prop([regex], runs(60))('admits only regexes that run bounded on any window', async (source) => refusedOrBounded(source), timeoutFor(120_000));
});

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
