import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadRuleSet } from '../../src/rules/load.js';
import { compile } from '../../src/rules/compile.js';
import { parsePack } from '../../src/rules/parse.js';
import { runExamples } from '../../src/rules/examples.js';
import { electionTemplate } from '../../src/rules/template.js';
import { Scanner } from '../../src/engine/scan.js';
import { RuleError, sortProblems } from '../../src/errors.js';
import { post } from '../helpers/engine.js';
import { tempDir } from '../helpers/cli.js';
import { fillTemplate } from '../helpers/election-template.js';

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
  const id = 'pilbup-sukamaju-2029';
  const text = electionTemplate(id, 3);
  /** line:column of `needle` in the template, looked for from `anchor` on (the header comment names some too). */
  const at = (needle: string, anchor: string) => {
    const i = text.indexOf(needle, text.indexOf(anchor));
    expect(i, needle).toBeGreaterThan(text.indexOf(anchor));
    const lines = text.slice(0, i).split('\n');
    return `${lines.length}:${lines[lines.length - 1].length + 1}`;
  };

  it('untouched, is refused: every placeholder is named at its line and column, with what to write instead', () => {
    const r = parsePack(text, `${id}.yaml`);
    expect(r.pack).toBeNull();
    const el = `election ${id}: `;
    const expected = [
      [at('"Pilkada ... (replace)"', 'title:'), '', 'title', 'Pilkada ... (replace)', "the pack's title"],
      [at('"Keputusan KPU', 'sources:'), '', 'sources', 'Keputusan KPU Kabupaten/Kota ... tentang penetapan nomor urut pasangan calon (replace)', 'the source of the facts'],
      [at('"Pemilihan Bupati', 'name:'), el, 'name.id', 'Pemilihan Bupati dan Wakil Bupati ... (replace)', "the election's name in Indonesian"],
      [at('"... regent election (replace)"', 'name:'), el, 'name.en', '... regent election (replace)', "the election's name in English"],
      [at('"Kabupaten ... (replace)"', 'region:'), el, 'region', 'Kabupaten ... (replace)', "the region's name"],
      ...['pilbup ...', 'pilkada ...', 'cabup ...', 'bupati ... 1'].map((w) => [at(w, 'words:'), el, 'words', w, 'a word that names this race']),
      ...[1, 2, 3].flatMap((n) => [
        [at(`"Nama Calon ${n} – Nama Wakil ${n}"`, `- number: ${n}`), el, 'name', `Nama Calon ${n} – Nama Wakil ${n}`, "the pair's name as the KPU decision writes it"],
        ...[`Nama Calon ${n}`, `Nama Wakil ${n}`, `Calon${n}-Wakil${n}`].map((name) => [at(name, `names: [Nama Calon ${n}`), el, 'names', name, 'a name of this pair']),
      ]),
    ].map(([pos, where, field, value, hint]) => `${pos} ${where}${field}: "${value}" is a placeholder from the template; replace it with ${hint}`);
    const got = sortProblems(r.problems).map((p) => `${p.line}:${p.col} ${p.where ? `${p.where}: ` : ''}${p.message}`);
    expect(got).toHaveLength(expected.length);
    got.forEach((g, i) => expect(g.startsWith(expected[i]), `${g}\n  should start with\n${expected[i]}`).toBe(true));
  });

  it('filled in, is a valid pack: the shipped rules and their examples work with it, and find support for its pairs', async () => {
    const filled = fillTemplate(text, 3);
    const r = parsePack(filled, `${id}.yaml`);
    expect(r.problems).toEqual([]);
    expect(r.pack!.election!.candidates.map((c) => [c.number, c.name, c.names[0]])).toEqual([
      [1, 'Hendra Gunawan – Wati Suryani', 'Hendra Gunawan'],
      [2, 'Yusuf Maulana – Rini Astuti', 'Yusuf Maulana'],
      [3, 'Bambang Sutrisno – Dewi Lestari', 'Bambang Sutrisno'],
    ]);
    const file = path.join(dir, `${id}.yaml`);
    writeFileSync(file, filled);
    const scanner = new Scanner(compile(await loadRuleSet({ extra: [file] })), { explain: true });
    expect(runExamples(scanner).filter((x) => !x.ok)).toEqual([]);
    const found = scanner.scan(post('Ayo coblos nomor 2 Yusuf-Rini di pilbup sukamaju! #YusufRini', { date: '2029-10-01T10:00:00+07:00' })).findings;
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((f) => f.candidate))).toEqual(new Set([`${id}:2`]));
  });

  it('only the template\'s own placeholders are refused: "..." in a note, an example or a source is text', () => {
    const pack = `pack: mine\nkind: rules\ntitle: "Kopi ... dan teh"\nsources: ["Keputusan ... tentang nomor urut"]\nrules:\n  - id: mine.kopi\n    title: { id: "Kopi ...", en: "Coffee ..." }\n    category: endorsement\n    severity: high\n    legal_basis: "SKB 2022"\n    note: "..."\n    match: { term: kopi }\n    examples: { flag: ["kopi ... enak"], pass: ["teh ..."] }\n`;
    expect(parsePack(pack, 'mine.yaml').problems).toEqual([]);
    // In an election's word lists "..." stands for a word (and would match nothing itself): a placeholder, even typed by hand.
    const el = fillTemplate(text, 3).replace('[pilbup sukamaju,', '[pilwalkot ...,');
    expect(parsePack(el, 'el.yaml').problems.map((p) => p.message)).toEqual(['words: "pilwalkot ..." is a placeholder from the template; replace it with a word that names this race (e.g. pilbup sleman), or delete it']);
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
