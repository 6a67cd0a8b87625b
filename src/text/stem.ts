// Indonesian stemming through natural's Sastrawi port, loaded from its deep module path: the package root takes
// ~0.7 s to load and prints dotenv banners on stdout. Loaded on first use so commands that never stem stay fast.

import { createRequire } from 'node:module';
import { WordCache } from './word-cache.js';

type StemFn = (word: string) => string;

let stemmer: StemFn | null = null;
/** The stemmer's dictionary of roots; null when this version of natural does not expose it. */
let roots: Set<string> | null = null;
// Bounded so memory stays flat however many distinct words a long run sees.
const memo = new WordCache<string>(50_000);

function load(): StemFn {
  const require = createRequire(import.meta.url);
  const mod = require('natural/lib/natural/stemmers/indonesian/stemmer_id.js') as { stem: StemFn; dictionary?: unknown };
  roots = Array.isArray(mod.dictionary) ? new Set(mod.dictionary as string[]) : null;
  return (w) => mod.stem(w);
}

/** Short words and words with non-letters are left alone: the stemmer is for Indonesian word forms. */
function stemmable(word: string): boolean {
  return word.length > 3 && /^[a-z]+$/.test(word);
}

/** The stem of a lowercase word: mendukung, didukung, dukungan, dukunglah → dukung. */
export function stem(word: string): string {
  return memo.getOrMake(word, stemOf);
}

/** The stem of a word the memo does not hold. `w` may be kept in the memo, and the stem is often `w` itself. */
function stemOf(w: string): string {
  if (stemmer === null) stemmer = load();
  // A root of the stemmer's dictionary is its own stem (the stemmer looks the word up before anything else).
  if (!stemmable(w) || (roots !== null && roots.has(w))) return w;
  const s = stemmer(w);
  return s === '' ? w : s;
}

// What the stemmer can take off the end of a word, outermost first (natural's suffix_rules.js): a particle, a
// possessive, a derivational suffix — each at most once.
const PARTICLES = ['', 'lah', 'kah', 'tah', 'pun'];
const POSSESSIVES = ['', 'ku', 'mu', 'nya'];
const DERIVATIONAL = ['', 'is', 'isme', 'isasi', 'i', 'kan', 'an'];
// What stands right before a root's second letter when the stemmer changed the root's first letter: the end of a
// nasal prefix it replaced (mem-ukul → pukul, men-ulis → tulis, meng-irim → kirim, meny-apu → sapu) or an infix it
// removed (g-er-igi → gigi, t-el-unjuk, g-em-etar, k-in-erja).
const BEFORE_CHANGED_INITIAL = new Set(['em', 'en', 'ng', 'ny', 'er', 'el', 'in']);
// How a word must begin for the stemmer to take anything off its front: the starts its prefix rules look for
// (natural's prefix_rules.js: di-, ke-, se-, be(r)-, te(r)-, me-, pe-, ku-, kau-, and the infixes of a word's first
// consonant). Two of its rules also look for "ber"/"be" anywhere in the word, hence the second test.
const PREFIX_START = /^(?:di|ke|se|be|te|me|pe|ku|kau|[bcdfghjklmnpqrstvwxyz](?:er|el|em|in))/;

/**
 * A set of stems that matter (those some rule matches), and a cheap test of whether a word's stem can be one of
 * them — so that the stemmer, by far the slowest step of text analysis, runs only for words that might match.
 *
 * Why the test is exact: the stemmer returns either the word itself or a root from its dictionary, and every root
 * it returns is a piece of the word, except that the root's first letter may have been restored after a nasal
 * prefix or kept across an infix — so the root from its second letter on is in the word, followed only by suffixes
 * the stemmer strips, and preceded by the root's own first letter or by one of BEFORE_CHANGED_INITIAL; and
 * anything before the root's first letter was removed by a prefix rule, which needs PREFIX_START
 * (test/text/stem.test.ts checks this over thousands of affixed words against the stemmer itself). A word that
 * fits no target that way cannot have a target as its stem.
 */
export class StemTargets {
  /** Roots among the targets (the stemmer's dictionary words): their first letters, by the rest of the root. */
  private readonly tails = new Map<string, string>();
  private readonly tailLengths: number[];
  private readonly seen = new WordCache<boolean>(25_000);

  constructor(private readonly targets: ReadonlySet<string>) {
    if (stemmer === null) stemmer = load();
    const lengths = new Set<number>();
    for (const t of targets) {
      if (t.length === 0 || (roots !== null && !roots.has(t))) continue;
      const tail = t.slice(1);
      this.tails.set(tail, (this.tails.get(tail) ?? '') + t[0]);
      lengths.add(tail.length);
    }
    this.tailLengths = [...lengths];
  }

  /** False when the stem of `word` is certainly not a target; true when it may be (then ask `stem`). */
  admits(word: string): boolean {
    if (this.targets.has(word)) return true;
    const known = memo.get(word);
    if (known !== undefined) return this.targets.has(known);
    if (!stemmable(word)) return false; // its stem is the word itself, which is not a target
    let r = this.seen.get(word);
    if (r === undefined) {
      r = this.fits(word);
      this.seen.set(word, r);
    }
    return r;
  }

  private fits(word: string): boolean {
    // Letters before the root (beyond its own first letter) are only removed by a prefix rule.
    const prefixable = PREFIX_START.test(word) || word.includes('be');
    for (const p of PARTICLES) {
      if (!word.endsWith(p)) continue;
      const e1 = word.length - p.length;
      for (const pp of POSSESSIVES) {
        if (!word.endsWith(pp, e1)) continue;
        const e2 = e1 - pp.length;
        for (const ds of DERIVATIONAL) {
          if (!word.endsWith(ds, e2)) continue;
          const end = e2 - ds.length;
          for (const n of this.tailLengths) {
            const at = end - n;
            if (at < 1 || (at > 1 && !prefixable)) continue;
            const firsts = this.tails.get(word.slice(at, end));
            if (firsts === undefined) continue;
            if (firsts.includes(word[at - 1]) || (at >= 2 && BEFORE_CHANGED_INITIAL.has(word.slice(at - 2, at)))) return true;
          }
        }
      }
    }
    return false;
  }
}
