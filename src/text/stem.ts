// Indonesian stemming through natural's Sastrawi port, loaded from its deep module path: the package root takes
// ~0.7 s to load and prints dotenv banners on stdout. Loaded on first use so commands that never stem stay fast.

import { createRequire } from 'node:module';

type StemFn = (word: string) => string;

let stemmer: StemFn | null = null;
const memo = new Map<string, string>();
// Bounded so memory stays flat however many distinct words a long run sees.
const MEMO_LIMIT = 200_000;

function load(): StemFn {
  const require = createRequire(import.meta.url);
  const mod = require('natural/lib/natural/stemmers/indonesian/stemmer_id.js') as { stem: StemFn };
  return (w) => mod.stem(w);
}

/** The stem of a lowercase word: mendukung, didukung, dukungan, dukunglah → dukung. */
export function stem(word: string): string {
  const hit = memo.get(word);
  if (hit !== undefined) return hit;
  if (stemmer === null) stemmer = load();
  // Short words and words with non-letters are left alone: the stemmer is for Indonesian word forms.
  let s = word;
  if (word.length > 3 && /^[a-z]+$/.test(word)) {
    s = stemmer(word);
    if (s === '') s = word;
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, s);
  return s;
}
