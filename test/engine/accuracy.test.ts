// The accuracy targets of issue 3: a test that fails when detection regresses. fixtures/labelled is the
// development set; fixtures/holdout was written independently and measured before any tuning; fixtures/blind was
// measured once after all tuning and never tuned on (README "Accuracy"): it guards against regressions only.

import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadLabelled } from '../../src/eval/labelled.js';
import { evaluateSet } from '../../src/eval/metrics.js';
import { TARGETS } from '../../src/eval/run.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { compile } from '../../src/rules/compile.js';
import { Scanner } from '../../src/engine/scan.js';
import { shippedScanner } from '../helpers/engine.js';
import { FIXTURES } from '../helpers/cli.js';

describe.each(['labelled', 'holdout', 'blind'])('accuracy on fixtures/%s', (set) => {
  it('meets precision >= 0.95 and recall >= 0.90 on post verdicts, with at least 40% hard negatives', async () => {
    const posts = loadLabelled(path.join(FIXTURES, set));
    expect(posts.length).toBeGreaterThanOrEqual(set === 'labelled' ? 400 : 200);
    expect(posts.filter((p) => p.label.verdict !== 'violation').length / posts.length).toBeGreaterThanOrEqual(0.4);
    const r = evaluateSet(await shippedScanner(), posts);
    expect(r.precision).toBeGreaterThanOrEqual(TARGETS.precision);
    expect(r.recall).toBeGreaterThanOrEqual(TARGETS.recall);
    expect(r.attribution.accuracy).toBeGreaterThanOrEqual(0.9);
  });
});

// fixtures/adversarial was built to break the engine and keeps violations no rule can catch without accusing innocent
// posts (its README lists them): precision is held to the same target, recall to what was reached without trading it.
describe('accuracy on fixtures/adversarial', () => {
  // Recall 0.847 since a slogan word and a finger sign alone are for review (adv-0089 "lanjutkan aja yg sekarang ✌🏻"
  // went with dozens of "bayi gemoy … pose ✌️" posts): a trade for precision, made on purpose.
  it('keeps precision >= 0.95 on posts built to trick it, and recall >= 0.84', async () => {
    const posts = loadLabelled(path.join(FIXTURES, 'adversarial'));
    expect(posts.length).toBeGreaterThanOrEqual(120);
    const r = evaluateSet(await shippedScanner(), posts);
    expect(r.precision).toBeGreaterThanOrEqual(TARGETS.precision);
    expect(r.recall).toBeGreaterThanOrEqual(0.84);
    expect(r.attribution.accuracy).toBeGreaterThanOrEqual(0.9);
  });
});

// fixtures/governance: civil servants at work in 2025–2026, after the 2024 winners took office. Most posts name the
// President, the Vice-President or a governor in their official role and must not reach an analyst at all; the
// violations are party membership and support and early campaigning for 2029. Its README lists what stays missed
// (a twibbon hashtag, an attack three words from the year, a party event by attributes) and the one false
// accusation left (a DPRD faction "dilanjut" read as support): precision and recall are held where they stand.
describe('accuracy on fixtures/governance', () => {
  it('leaves the official work of 2025–2026 clean and keeps its breaches violations', async () => {
    const posts = loadLabelled(path.join(FIXTURES, 'governance'));
    expect(posts.length).toBeGreaterThanOrEqual(100);
    const r = evaluateSet(await shippedScanner(), posts);
    // Not even review: hundreds of review findings a night on official work bury the real ones.
    const clean = r.confusion.clean;
    expect(clean.clean / (clean.clean + clean.review + clean.violation)).toBeGreaterThanOrEqual(0.95);
    expect(clean.violation).toBe(0);
    expect(r.precision).toBeGreaterThanOrEqual(0.94);
    expect(r.recall).toBeGreaterThanOrEqual(0.85);
  });
});

// fixtures/single-pair: a race with one pair against the empty column, with its own election pack (as a user writes
// one). Written before the engine work for such races, then tuned on (its README: before and after). The calls for
// the column said without a word of marking a ballot ("yg kosong aja", "kokos", "🔲 > ☝️") stay missed; voter education about
// the column, and the words used literally, must stay clean.
describe('accuracy on fixtures/single-pair', () => {
  it('accuses no clean post of a single-pair race and finds calls for the pair and for the empty column', async () => {
    const dir = path.join(FIXTURES, 'single-pair');
    const posts = loadLabelled(dir);
    expect(posts.length).toBeGreaterThanOrEqual(100);
    const scanner = new Scanner(compile(await loadRuleSet({ extra: [path.join(dir, 'pilwalkot-sukamulya-2025.yaml')] })), { explain: true });
    const r = evaluateSet(scanner, posts);
    expect(r.confusion.clean.violation).toBe(0);
    expect(r.precision).toBeGreaterThanOrEqual(TARGETS.precision);
    expect(r.recall).toBeGreaterThanOrEqual(0.84);
    expect(r.attribution.accuracy).toBeGreaterThanOrEqual(0.9);
  });
});

// fixtures/legislative: support for legislative candidates (caleg DPR, DPD, DPRD), whom no pack can list. Written
// independently and measured before and after the first engine work, then tuned on (its README has all three
// rows). Held where it stands, above all: no clean post accused.
describe('accuracy on fixtures/legislative', () => {
  it('finds support for caleg by relative, party and list place, and accuses no clean post', async () => {
    const posts = loadLabelled(path.join(FIXTURES, 'legislative'));
    expect(posts.length).toBeGreaterThanOrEqual(130);
    const r = evaluateSet(await shippedScanner(), posts);
    expect(r.confusion.clean.violation).toBe(0);
    expect(r.precision).toBeGreaterThanOrEqual(TARGETS.precision);
    expect(r.recall).toBeGreaterThanOrEqual(0.94);
  });
});

// fixtures/blind2: written blind in the seventh session and measured once (0.947 / 0.882); only its one false
// accusation of a clean post was fixed after. A regression guard, not a target met.
describe('accuracy on fixtures/blind2', () => {
  it('stays where it was measured: precision >= 0.95, recall >= 0.88, no clean post accused', async () => {
    const posts = loadLabelled(path.join(FIXTURES, 'blind2'));
    expect(posts.length).toBeGreaterThanOrEqual(250);
    const r = evaluateSet(await shippedScanner(), posts);
    expect(r.confusion.clean.violation).toBe(0);
    expect(r.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.recall).toBeGreaterThanOrEqual(0.88);
  });
});

// The blind everyday sets: civil servants' own posts, mostly clean, each written blind in one session, measured once
// (the first figures below; each set's README and measured-output.txt), then tuned on. Regression guards: what each
// still gets wrong is in its README. None may accuse a clean post.
const EVERYDAY: { set: string; what: string; blind: string; precision: number; recall: number }[] = [
  { set: 'everyday2', what: 'office summons, schools, health, KPPS duty, everyday numbers', blind: '0.571 / 0.640', precision: 0.85, recall: 0.72 },
  { set: 'everyday3', what: 'family, neighbours, regional languages, results and reposts', blind: '0.682 / 0.789', precision: 0.88, recall: 0.86 },
  { set: 'everyday4', what: 'the office under a candidate-boss, online acts, professions, legislative and local races', blind: '0.750 / 0.667', precision: 0.89, recall: 0.72 },
  { set: 'everyday5', what: 'sarcasm, memes, chains, faith events, fans and games, eastern Indonesia, voting day', blind: '0.711 / 0.692', precision: 0.99, recall: 0.74 },
  { set: 'everyday6', what: 'Sumatra and Java languages, the 2024 Pilkada in depth, policy, platform styles', blind: '0.816 / 0.756', precision: 0.91, recall: 0.80 },
  { set: 'everyday7', what: 'agencies and field work, verse and nicknames, the 2025-2026 aftermath, grievances', blind: '0.765 / 0.634', precision: 0.93, recall: 0.68 },
  { set: 'everyday8', what: 'media and links, obfuscation and evasion, campaign-season life, community groups', blind: '0.645 / 0.500', precision: 0.8, recall: 0.6 },
];

describe.each(EVERYDAY)('accuracy on fixtures/$set ($what; blind $blind)', ({ set, precision, recall }) => {
  it(`stays where it was tuned to: precision >= ${precision}, recall >= ${recall}, no clean post accused`, async () => {
    const posts = loadLabelled(path.join(FIXTURES, set));
    expect(posts.length).toBeGreaterThanOrEqual(300);
    const r = evaluateSet(await shippedScanner(), posts);
    expect(r.confusion.clean.violation).toBe(0);
    expect(r.precision).toBeGreaterThanOrEqual(precision);
    expect(r.recall).toBeGreaterThanOrEqual(recall);
  });
});
