// Hashtag splitting: #PrabowoGibran2024 → prabowo gibran 2024, #coblos02 → coblos 02, #prabowogibran →
// prabowo gibran (by the lexicon). The tag itself stays a token too; the parts let word rules see inside it.

import type { Lexicon } from './lexicon.js';

export interface TagPiece {
  /** Offset and length inside the folded tag body (without `#`). */
  offset: number;
  length: number;
}

/**
 * Splits a tag body. `isUpper(i)` tells whether the original character behind folded position i was uppercase,
 * which is what camelCase splitting needs and folding has erased.
 */
export function splitHashtag(body: string, isUpper: (i: number) => boolean, lex: Lexicon): TagPiece[] {
  const pieces: TagPiece[] = [];
  let start = 0;
  const kindAt = (i: number): number => {
    const c = body.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return 1; // digit
    if (c === 0x5f) return 0; // underscore: separator
    return 2; // letter
  };
  const push = (s: number, e: number) => {
    if (e > s) pieces.push({ offset: s, length: e - s });
  };
  for (let i = 1; i <= body.length; i++) {
    if (i === body.length) {
      push(start, i);
      break;
    }
    const prev = kindAt(i - 1);
    const cur = kindAt(i);
    let cut = false;
    if (cur === 0) {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (prev === 0) {
      start = i;
      continue;
    }
    // Letter ↔ digit, but a single letter keeps its digits: #S2sambilngajar is "s2" (a degree), not the number 2.
    if (prev !== cur) cut = !(prev === 2 && i - start === 1);
    else if (cur === 2) {
      const up = isUpper(i);
      const prevUp = isUpper(i - 1);
      if (up && !prevUp) cut = true; // gibranRaka
      else if (prevUp && up && i + 1 < body.length && kindAt(i + 1) === 2 && !isUpper(i + 1)) cut = true; // ASNNetral
    }
    if (cut) {
      push(start, i);
      start = i;
    }
  }
  // Long lowercase runs without case boundaries: segment by the lexicon when every piece is a known word.
  const out: TagPiece[] = [];
  for (const p of pieces) {
    const seg = p.length >= 6 && kindAt(p.offset) === 2 ? segment(body.substr(p.offset, p.length), lex) : null;
    if (seg === null) out.push(p);
    else for (const s of seg) out.push({ offset: p.offset + s.offset, length: s.length });
  }
  return out;
}

/** Fewest-pieces segmentation into lexicon words of length >= 2, or null when the word does not split fully. */
export function segment(word: string, lex: Lexicon): TagPiece[] | null {
  // Even a known word is split when it is made of known words: #prabowogibran is a tag and also two names.
  const n = word.length;
  if (n > 64) return null; // bounded work for absurd tags
  const best: Array<number> = new Array(n + 1).fill(Infinity);
  const from: Array<number> = new Array(n + 1).fill(-1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i] === Infinity) continue;
    for (let j = i + 2; j <= n && j - i <= 24; j++) {
      // The whole word is not a piece of itself.
      if (j - i === n) continue;
      if (best[i] + 1 < best[j] && lex.hasExact(word.slice(i, j))) {
        best[j] = best[i] + 1;
        from[j] = i;
      }
    }
  }
  if (best[n] === Infinity || best[n] < 2) return null;
  const pieces: TagPiece[] = [];
  for (let j = n; j > 0; j = from[j]) pieces.unshift({ offset: from[j], length: j - from[j] });
  return pieces;
}
