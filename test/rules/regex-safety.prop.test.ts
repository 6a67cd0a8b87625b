// The regex check of rule packs (src/rules/regex-safety.ts) against known ReDoS shapes and random regexes: whatever
// it admits must run fast on the window the engine gives it, whatever a post puts there. Regexes run in a child
// process killed on overrun, so an admitted catastrophic regex fails the test instead of hanging it.

import { afterAll, describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { checkRegex, REGEX_WINDOW_CHARS } from '../../src/rules/regex-safety.js';
import { BoundedChild } from '../helpers/bounded-child.js';
import { runs, timeoutFor } from '../helpers/fuzz.js';

const child = new BoundedChild(10_000);
afterAll(() => child.stop());

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
