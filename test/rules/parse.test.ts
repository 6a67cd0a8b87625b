import { describe, expect, it } from 'vitest';
import { parsePack } from '../../src/rules/parse.js';
import { checkRegex } from '../../src/rules/regex-safety.js';

const RULE = `pack: mine
kind: rules
rules:
  - id: my.rule
    title: { id: "Judul", en: "Title" }
    category: endorsement
    severity: high
    legal_basis: "SKB 2022"
    match:
      near: [dukung, { entity: candidate }]
    examples:
      flag: ["dukung prabowo"]
      pass: ["dukung umkm"]
`;

function problems(text: string) {
  return parsePack(text, 'mine.yaml').problems.map((p) => `${p.line}:${p.col} ${p.where ? `${p.where}: ` : ''}${p.message}`);
}

describe('rule pack parsing', () => {
  it('accepts a complete rule', () => {
    const r = parsePack(RULE, 'mine.yaml');
    expect(r.problems).toEqual([]);
    expect(r.pack!.rules[0]).toMatchObject({ id: 'my.rule', category: 'endorsement', severity: 'high', confidence: 0.8, stance: 'support' });
  });

  it('names file, line, column and rule for an unknown key, with a suggestion', () => {
    const p = problems(RULE.replace('severity: high', 'sevrity: high'));
    expect(p).toContain('7:5 rule my.rule: rule: unknown key "sevrity" (did you mean "severity"?); allowed: id, title, category, severity, confidence, legal_basis, stance, ignore_context, unless, match, examples, note');
    expect(p).toContain('4:5 rule my.rule: severity is required');
  });

  it('rejects a bad severity and category with the allowed values', () => {
    const p = problems(RULE.replace('severity: high', 'severity: urgent').replace('category: endorsement', 'category: politics'));
    expect(p).toContain('6:15 rule my.rule: category must be one of endorsement, candidate_symbol, campaign_hashtag, campaign_slogan, repost, campaign_activity, party_support, candidate_mention');
    expect(p).toContain('7:15 rule my.rule: severity must be one of info, low, medium, high');
  });

  it('requires examples that flag and pass', () => {
    const p = problems(RULE.replace('      pass: ["dukung umkm"]\n', ''));
    expect(p.some((x) => /examples\.pass needs at least one example/.test(x))).toBe(true);
  });

  it('refuses a match that can never find anything on its own', () => {
    const p = problems(RULE.replace('      near: [dukung, { entity: candidate }]', '      not: { term: dukung }'));
    expect(p.some((x) => /can never find anything on its own/.test(x))).toBe(true);
  });

  it('refuses an unknown entity type and an expression with two operators', () => {
    expect(problems(RULE.replace('{ entity: candidate }', '{ entity: candidat }')).join('\n')).toMatch(/unknown entity "candidat"/);
    expect(problems(RULE.replace('{ entity: candidate }', '{ entity: candidate, term: x }')).join('\n')).toMatch(/has one operator, found term and entity/);
  });

  it('reports YAML syntax errors with their position', () => {
    const p = problems('pack: x\nkind: rules\nrules: [\n  - id: a\n');
    expect(p[0]).toMatch(/^\d+:\d+ YAML: /);
  });

  it('refuses YAML aliases (no alias bombs)', () => {
    const bomb = `pack: bomb\nkind: rules\nlists:\n  a: &a [x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n`;
    expect(problems(bomb)).toEqual(['5:10 YAML aliases (*name) are not allowed in rule packs; define shared words under lists: instead']);
  });

  it('refuses a catastrophic regex at load, naming the rule', () => {
    const p = problems(RULE.replace('      near: [dukung, { entity: candidate }]', '      regex: "(a+)+$"\n      keywords: [a]'));
    expect(p).toContain('10:14 rule my.rule: regex has a repeated group that itself repeats (like (a+)+ or (.*a){20}): matching could take forever');
  });

  it('validates election packs: dates, duplicate ballot numbers, id matching the pack', () => {
    const el = `pack: pilbup-x-2029
kind: election
election:
  id: pilbup-y-2029
  name: { id: "A", en: "B" }
  dates:
    campaign: { start: 2029-11-01, end: 2029-10-01 }
    voting: 2029-13-40
  candidates:
    - { number: 1, names: [Satu] }
    - { number: 1, names: [Dua] }
`;
    const p = problems(el);
    expect(p).toContain('4:7 election id "pilbup-y-2029" must equal the pack id "pilbup-x-2029"');
    expect(p).toContain('7:15 election pilbup-x-2029: dates.campaign: start 2029-11-01 is after end 2029-10-01');
    expect(p).toContain('8:13 election pilbup-x-2029: dates.voting must be a date written YYYY-MM-DD');
    expect(p).toContain('11:7 election pilbup-x-2029: ballot number 1 is used twice in this election');
  });

  it("takes a pair's name verbatim, and names a name that is empty or not text at its line and column", () => {
    const el = (name: string) => `pack: pilbup-x-2029
kind: election
election:
  id: pilbup-x-2029
  name: { id: "A", en: "B" }
  candidates:
    - number: 1
      ${name}
      names: [Hendra Gunawan, Wati Suryani]
`;
    expect(parsePack(el('name: "H. Hendra Gunawan, S.E. – Dra. Wati Suryani"'), 'mine.yaml').pack!.election!.candidates[0].name).toBe('H. Hendra Gunawan, S.E. – Dra. Wati Suryani');
    expect(parsePack(el('note: no name'), 'mine.yaml').pack!.election!.candidates[0].name).toBeUndefined();
    const bad = (name: string) => parsePack(el(name), 'mine.yaml').problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.where}: ${p.message}`);
    const empty = "name must not be empty: write the pair's name (Hendra Gunawan – Wati Suryani), or delete the key";
    expect(bad('name: ""')).toEqual([`mine.yaml:8:13 election pilbup-x-2029: ${empty}`]);
    expect(bad('name: "   "')).toEqual([`mine.yaml:8:13 election pilbup-x-2029: ${empty}`]);
    expect(bad('name:')).toEqual([`mine.yaml:8:12 election pilbup-x-2029: ${empty}`]);
    expect(bad('name: [Hendra, Wati]')).toEqual(['mine.yaml:8:13 election pilbup-x-2029: name must be text']);
    expect(bad('name: { id: A }')).toEqual(['mine.yaml:8:13 election pilbup-x-2029: name must be text']);
    expect(bad('name: true')).toEqual(['mine.yaml:8:13 election pilbup-x-2029: name must be text']);
  });
});

describe('regex safety', () => {
  it.each([
    ['(a+)+$', /repeated group that itself repeats/],
    ['(x*)*y', /repeated group that itself repeats/],
    ['(a|ab)+c', /repeats a group with alternatives/],
    ['(\\w+)\\1', /backreferences/],
    ['(?<=a)b', /lookbehind/],
    ['a{1,1000}', /above 100/],
    ['a*b*c*d*e*', /backtrack too much/],
    ['(', /invalid regex/],
  ])('refuses %s', (re, why) => {
    expect(checkRegex(re)).toMatch(why);
  });

  it.each(['coblos\\s*0?[1-3]', '\\bno\\.?\\s*\\d{1,2}', '(salam|pose) (dua|2) jari', '[a-z]+ [0-9]+'])('accepts %s', (re) => {
    expect(checkRegex(re)).toBeNull();
  });
});
