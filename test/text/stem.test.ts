// StemTargets decides, without running the stemmer, that a word's stem cannot be one of a set of stems. That is
// only sound while natural's stemmer keeps the property it relies on (a returned root is the word's own letters
// from the root's second letter on, followed only by strippable suffixes); these tests check it over thousands of
// affixed words, so an upgrade of natural that breaks it fails here instead of silently missing findings.

import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StemTargets, stem } from '../../src/text/stem.js';
import { Lexicon } from '../../src/text/lexicon.js';
import { FIXTURES } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
const natural = require('natural/lib/natural/stemmers/indonesian/stemmer_id.js') as { stem(w: string): string; dictionary: string[] };

const PREFIXES = ['', 'me', 'mem', 'men', 'meng', 'meny', 'menge', 'di', 'ber', 'be', 'bel', 'ter', 'te', 'pe', 'pem', 'pen', 'peng', 'peny', 'penge', 'per', 'pel', 'ke', 'se', 'memper', 'diper', 'ku', 'kau', 'keber', 'seper'];
const SUFFIXES = ['', 'kan', 'an', 'i', 'nya', 'lah', 'kah', 'pun', 'ku', 'mu', 'kanlah', 'annya', 'inya', 'kannya', 'isasi', 'isme', 'is', 'ilah'];
// Nasal prefixes replace the root's first consonant (me+pukul → memukul, me+tulis → menulis, me+sapu → menyapu).
const NASAL: Record<string, string> = { p: 'mem', t: 'men', k: 'meng', s: 'meny' };

/** Affixed forms of the stemmer's own roots, chosen by a fixed rule (deterministic), plus infixed forms. */
function affixedWords(): string[] {
  const roots = natural.dictionary.filter((r) => /^[a-z]{3,}$/.test(r));
  const out = new Set<string>();
  let k = 0;
  for (let i = 0; i < roots.length; i += 3) {
    const r = roots[i];
    for (let j = 0; j < 3; j++, k++) out.add(PREFIXES[(k * 7) % PREFIXES.length] + r + SUFFIXES[(k * 5) % SUFFIXES.length]);
    const nasal = NASAL[r[0]];
    if (nasal) out.add(nasal + r.slice(1) + SUFFIXES[k % SUFFIXES.length]);
    // Infixes: g-er-igi, t-el-unjuk, g-em-etar, k-in-erja; also behind a prefix, and behind a nasal prefix that
    // replaced the root's first letter (mem-er-ukul → p-er-ukul → pukul).
    const infix = ['er', 'el', 'em', 'in'][k % 4];
    out.add(r[0] + infix + r.slice(1));
    out.add(PREFIXES[(k * 3) % PREFIXES.length] + r[0] + infix + r.slice(1) + SUFFIXES[(k * 11) % SUFFIXES.length]);
    if (nasal) out.add(nasal + ['er', 'el', 'em', 'in'][(k + 1) % 4] + r.slice(1));
  }
  return [...out].filter((w) => w.length > 3);
}

/** Every lowercase letter word of the labelled posts: real spellings, slang and names. */
function fixtureWords(): string[] {
  const dir = path.join(FIXTURES, 'labelled');
  const out = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
    for (const m of readFileSync(path.join(dir, f), 'utf8').toLowerCase().matchAll(/[a-z]{4,}/g)) out.add(m[0]);
  }
  return [...out];
}

describe('StemTargets', () => {
  const words = [...affixedWords(), ...fixtureWords()];

  it('admits every word whose stem is the target (checked against the stemmer itself)', () => {
    expect(words.length).toBeGreaterThan(15_000);
    const missed: string[] = [];
    let reduced = 0;
    for (const w of words) {
      const s = natural.stem(w);
      if (s === w) continue;
      reduced++;
      // A fresh set per word, asked before our memoised stem() has seen the word, so the test really runs.
      if (!new StemTargets(new Set([s])).admits(w)) missed.push(`${w} → ${s}`);
    }
    expect(reduced).toBeGreaterThan(5_000);
    expect(missed).toEqual([]);
  });

  it('turns away words that cannot stem to a target, and keeps those that can', () => {
    const t = new StemTargets(new Set(['dukung', 'pilih', 'coblos']));
    for (const w of ['mendukungnya', 'didukung', 'dukungan', 'memilih', 'pilihan', 'dipilihkan', 'mencoblos', 'dukung']) expect(t.admits(w), w).toBe(true);
    // coblosin: the stemmer does not strip the colloquial -in, so its stem is coblosin itself.
    for (const w of ['makanan', 'berangkat', 'kantor', 'sekolah', 'banget', 'jalan', 'coblosin']) expect(t.admits(w), w).toBe(false);
  });

  it('leaves Lexicon.knows exactly as "the word or its stem is known"', () => {
    const lex = new Lexicon();
    for (const w of ['dukung', 'pilih', 'coblos', 'menang', 'kawal', 'relawan', 'kampanye', 'tolak', 'gas', 'dan']) {
      lex.add(w);
      lex.add(stem(w));
    }
    const sample = words;
    const answers = sample.map((w) => lex.knows(w)); // before stem() has memoised these words
    const expected = sample.map((w) => lex.hasExact(w) || (w.length > 3 && lex.hasExact(stem(w))));
    expect(answers).toEqual(expected);
    expect(answers.filter(Boolean).length).toBeGreaterThan(20);
  });
});
