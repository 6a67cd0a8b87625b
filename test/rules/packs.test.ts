import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadRuleSet } from '../../src/rules/load.js';
import { compile } from '../../src/rules/compile.js';
import { parsePack } from '../../src/rules/parse.js';
import { runExamples } from '../../src/rules/examples.js';
import { electionTemplate } from '../../src/rules/template.js';
import { Scanner } from '../../src/engine/scan.js';
import { RuleError } from '../../src/errors.js';
import { post } from '../helpers/engine.js';
import { tempDir } from '../helpers/cli.js';

const dir = tempDir();

describe('shipped rule packs', () => {
  it('load and compile without problems', async () => {
    const rs = await loadRuleSet();
    expect(rs.elections.map((e) => e.id).sort()).toEqual([
      'party-2024',
      'pilkada-dki-2017',
      'pilkada-dki-2024',
      'pilkada-jabar-2024',
      'pilkada-jateng-2024',
      'pilkada-jatim-2024',
      'pilpres-2019',
      'pilpres-2024',
    ]);
    const categories = new Set(rs.rules.map((r) => r.category));
    expect([...categories].sort()).toEqual(['campaign_activity', 'campaign_hashtag', 'campaign_slogan', 'candidate_mention', 'candidate_symbol', 'endorsement', 'party_support', 'repost']);
    expect(compile(rs).rules.length).toBe(rs.rules.length);
  });

  it('every rule carries titles in both languages, a legal basis and examples', async () => {
    const rs = await loadRuleSet();
    for (const r of rs.rules) {
      expect(r.title.id.length, r.id).toBeGreaterThan(3);
      expect(r.title.en.length, r.id).toBeGreaterThan(3);
      expect(r.legal_basis.length, r.id).toBeGreaterThan(5);
      expect(r.examples.flag.length, r.id).toBeGreaterThan(0);
      expect(r.examples.pass.length, r.id).toBeGreaterThan(0);
    }
  });

  it("pass every rule's own examples (netral rules test)", async () => {
    const results = runExamples(new Scanner(compile(await loadRuleSet()), { explain: true }));
    const failures = results.filter((r) => !r.ok).map((r) => `${r.rule} ${r.kind} ${JSON.stringify(r.example.text)}: ${r.problem}`);
    expect(failures).toEqual([]);
    expect(results.length).toBeGreaterThan(60);
  });

  it('fails a rule whose example is wrong', async () => {
    const file = path.join(dir, 'broken-example.yaml');
    writeFileSync(
      file,
      `pack: broken\nkind: rules\nrules:\n  - id: broken.rule\n    title: { id: "x", en: "x" }\n    category: endorsement\n    severity: high\n    legal_basis: "SKB 2022"\n    match: { term: kopi }\n    examples:\n      flag: ["teh manis"]\n      pass: ["kopi hitam"]\n`,
    );
    const results = runExamples(new Scanner(compile(await loadRuleSet({ extra: [file] })), { explain: true }));
    const mine = results.filter((r) => r.rule === 'broken.rule');
    expect(mine.map((r) => [r.kind, r.ok])).toEqual([
      ['flag', false],
      ['pass', false],
    ]);
    expect(mine[0].problem).toBe('not flagged');
    expect(mine[1].problem).toBe('flagged: "kopi"');
  });

  it('reports duplicate rule ids, unknown lists and unknown elections across packs', async () => {
    const file = path.join(dir, 'dupes.yaml');
    writeFileSync(
      file,
      `pack: dupes\nkind: rules\nrules:\n  - id: endorsement.vote-call\n    title: { id: "x", en: "x" }\n    category: endorsement\n    severity: high\n    legal_basis: "SKB"\n    match: { all: [{ list: no_such_list }, { entity: candidate, election: pilbup-nowhere-2029 }] }\n    examples: { flag: [a], pass: [b] }\n`,
    );
    const err = await loadRuleSet({ extra: [file] }).catch((e) => e);
    expect(err).toBeInstanceOf(RuleError);
    const msgs = (err as RuleError).problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.col} ${p.where}: ${p.message}`);
    expect(msgs).toContain('dupes.yaml:4:5 rule endorsement.vote-call: rule id is already used at rules/generic.yaml:' + msgs[0].split('generic.yaml:')[1]);
    expect(msgs.some((m) => /dupes\.yaml:9:\d+ rule endorsement\.vote-call: unknown list "no_such_list"/.test(m))).toBe(true);
    expect(msgs.some((m) => /unknown election "pilbup-nowhere-2029"/.test(m))).toBe(true);
  });

  it('--election limits the election packs and refuses unknown ids', async () => {
    const rs = await loadRuleSet({ elections: ['pilpres-2024'] });
    expect(rs.elections.map((e) => e.id)).toEqual(['pilpres-2024']);
    await expect(loadRuleSet({ elections: ['pilpres-2099'] })).rejects.toThrow(/unknown election "pilpres-2099"; known: party-2024, pilkada-dki-2017/);
  });
});

describe('election template (netral rules init-election)', () => {
  it('is a valid pack that compiles with the shipped rules', async () => {
    const text = electionTemplate('pilbup-sleman-2029', 3);
    const r = parsePack(text, 'pilbup-sleman-2029.yaml');
    expect(r.problems).toEqual([]);
    expect(r.pack!.election!.candidates.map((c) => c.number)).toEqual([1, 2, 3]);
    const file = path.join(dir, 'pilbup-sleman-2029.yaml');
    writeFileSync(file, text);
    const rs = await loadRuleSet({ extra: [file] });
    expect(rs.elections.some((e) => e.id === 'pilbup-sleman-2029')).toBe(true);
    expect(() => compile(rs)).not.toThrow();
  });
});

describe('rule count and per-post work', () => {
  // Many rules that lean on the same shipped list and entity, each with a rare word of its own (as bench:rules
  // writes them): the post's hit on "coblos" must be one leaf hit, and must not wake any of them.
  it('rules that refer to the same list share its leaf, and a rule waits for the rarest thing it needs', async () => {
    const rules = Array.from({ length: 200 }, (_, i) => `  - id: bench.r${i}
    title: { id: "r${i}", en: "r${i}" }
    category: endorsement
    severity: high
    confidence: 0.99
    legal_basis: "x"
    match:
      all:
        - near: [{ list: vote_verbs }, { entity: candidate }]
        - "zorvak${i}"
    examples:
      flag: ["ayo coblos prabowo zorvak${i}"]
      pass: ["zorvak${i} saja"]
`);
    const file = path.join(dir, 'many.yaml');
    writeFileSync(file, `pack: many\nkind: rules\ntitle: many\nrules:\n${rules.join('')}`);
    const shipped = compile(await loadRuleSet());
    const c = compile(await loadRuleSet({ extra: [file] }));
    // The 200 rules add one leaf each (their own word), not three: vote_verbs and candidate are shared.
    expect(c.leaves.length - shipped.leaves.length).toBe(200);
    // "coblos" (a vote verb) and a candidate's name wake none of them; their own word does.
    const woken = (pattern: (p: (typeof c.patterns)[number]) => boolean) =>
      new Set(c.patterns.filter(pattern).flatMap((p) => c.patternLeaves[p.id].flatMap((l) => c.leafRules[l].map((r) => c.rules[r].def.id))));
    const byText = (t: string) => (p: (typeof c.patterns)[number]) => p.text.toLowerCase() === t;
    expect([...woken(byText('coblos'))].filter((id) => id.startsWith('bench.'))).toEqual([]);
    expect([...woken(byText('prabowo'))].filter((id) => id.startsWith('bench.'))).toEqual([]);
    expect([...woken(byText('zorvak7'))]).toEqual(['bench.r7']);
    // And the rules still match when everything they need is there (more confident than the shipped vote call).
    const r = new Scanner(c).scan(post('ayo coblos prabowo zorvak7', { date: '2024-01-20T10:00:00+07:00' }));
    expect(r.findings.map((f) => f.rule_id)).toContain('bench.r7');
  });
});
