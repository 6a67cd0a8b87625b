// Reading obfuscated words the way a person would: c0bl0s → coblos, p!lih → pilih, d*kung → dukung,
// dukuuuung → dukung, paslon02 → paslon 02. A reading is chosen only when the lexicon knows it, so ordinary
// words with digits ("14feb", "2x") are split rather than "decoded" into nonsense.

import type { Lexicon } from './lexicon.js';

export interface WordPart {
  /** Normal form. */
  t: string;
  /** Offset and length inside the raw (folded) token. */
  offset: number;
  length: number;
  isNumber: boolean;
  /** True when the normal form differs from the raw letters (decoded leet, filled mask, collapsed elongation). */
  obfuscated: boolean;
}

const LEET: Record<string, string[]> = {
  '0': ['o'], '1': ['i', 'l'], '3': ['e'], '4': ['a'], '5': ['s'], '6': ['g'], '7': ['t'], '8': ['b'], '9': ['g'],
  '@': ['a'], $: ['s'], '!': ['i'], '|': ['l', 'i'],
};

const PURE_LETTERS = /^\p{L}+$/u;
const PURE_DIGITS = /^[0-9]+$/;
const TRIPLE = /(\p{L})\1\1+/u;
const DOUBLE_END = /(\p{L})\1$/u;

/** Collapses elongations: a letter repeated three or more times becomes one (or two) letters. */
function elongationReadings(w: string): string[] {
  const out: string[] = [];
  if (TRIPLE.test(w)) {
    out.push(w.replace(/(\p{L})\1\1+/gu, '$1'));
    out.push(w.replace(/(\p{L})\1\1+/gu, '$1$1'));
  }
  if (DOUBLE_END.test(w)) out.push(w.slice(0, -1)); // yukk → yuk, dukungg → dukung
  return out;
}

/** Resolves a pure-letter word: itself if known, else an elongation reading the lexicon knows, else collapsed. */
export function resolveLetters(w: string, lex: Lexicon): { t: string; obfuscated: boolean } {
  const readings = elongationReadings(w);
  // Without another reading the word stands as written, known or not: no need to ask the lexicon.
  if (readings.length === 0 || lex.knows(w)) return { t: w, obfuscated: false };
  for (const r of readings) if (lex.knows(r)) return { t: r, obfuscated: true };
  if (TRIPLE.test(w)) return { t: readings[0], obfuscated: true };
  return { t: w, obfuscated: false };
}

/** Every leet reading of a token, at most `limit` of them (1 and | have two readings each). */
function leetReadings(w: string, limit = 8): string[] {
  let acc = [''];
  for (const ch of w) {
    const subs = LEET[ch];
    if (subs === undefined) {
      for (let i = 0; i < acc.length; i++) acc[i] += ch;
      continue;
    }
    const next: string[] = [];
    for (const a of acc) for (const s of subs) if (next.length < limit) next.push(a + s);
    acc = next;
  }
  return acc;
}

const SEGMENT = /\p{L}+|[0-9]+/gu;
const REDUPLICATED = /^(\p{L}{3,})2(?:nya|ku|mu|lah|kah|an)?$/u;

/**
 * Resolves a raw word token (letters, digits and the obfuscation symbols `* ! $ @ |`) into one or more parts.
 * Budget: masked (`*`) lookups scan the lexicon, so the caller passes how many it may still afford.
 */
export function resolveWord(raw: string, lex: Lexicon, allowMask: boolean): WordPart[] {
  if (PURE_DIGITS.test(raw)) return [{ t: raw, offset: 0, length: raw.length, isNumber: true, obfuscated: false }];
  if (PURE_LETTERS.test(raw)) {
    const r = resolveLetters(raw, lex);
    return [{ t: r.t, offset: 0, length: raw.length, isNumber: false, obfuscated: r.obfuscated }];
  }
  const letters = raw.replace(/[^\p{L}]/gu, '').length;
  // Leet and masks only for tokens that are mostly letters: "r1do", "c0bl0s", "p!lih", "d*kung".
  if (letters >= 2) {
    if (raw.includes('*')) {
      if (allowMask && !/\*\*\*/.test(raw)) {
        const unleeted = leetReadings(raw.replace(/\*/g, '\u0000'), 4).map((r) => r.replace(/\u0000/g, '*'));
        for (const r of unleeted) {
          const filled = lex.fill(r);
          if (filled !== null) return [{ t: filled, offset: 0, length: raw.length, isNumber: false, obfuscated: true }];
        }
      }
    } else {
      for (const r of leetReadings(raw)) {
        if (PURE_LETTERS.test(r)) {
          const res = resolveLetters(r, lex);
          if (lex.knows(res.t)) return [{ t: res.t, offset: 0, length: raw.length, isNumber: false, obfuscated: true }];
        }
      }
    }
  }
  // A digit glued to one or two letters is a code (S2, D3, 4G, B2), not a word and a number.
  if (/^(\p{L}{1,2}[0-9]{1,2}|[0-9]{1,2}\p{L}{1,2})$/u.test(raw) && !lex.hasExact(raw.replace(/[0-9]+/g, ''))) {
    return [{ t: raw, offset: 0, length: raw.length, isNumber: false, obfuscated: false }];
  }
  // "rekan2", "anak2nya": a 2 after a word is the informal reduplication mark (rekan-rekan), not the number 2 — a
  // ballot number to the rules — unless a rule writes that word before a number ("paslon2", "nomor2").
  const redup = REDUPLICATED.exec(raw);
  if (redup !== null && !lex.takesNumber(redup[1])) {
    const r = resolveLetters(redup[1], lex);
    return [{ t: r.t, offset: 0, length: raw.length, isNumber: false, obfuscated: r.obfuscated }];
  }
  // Otherwise split at letter/digit boundaries and drop the symbols: paslon02 → paslon 02, salam2jari → salam 2 jari.
  const parts: WordPart[] = [];
  for (const m of raw.matchAll(SEGMENT)) {
    const seg = m[0];
    const isNumber = seg.charCodeAt(0) < 0x3a;
    if (isNumber) parts.push({ t: seg, offset: m.index!, length: seg.length, isNumber: true, obfuscated: false });
    else {
      const r = resolveLetters(seg, lex);
      parts.push({ t: r.t, offset: m.index!, length: seg.length, isNumber: false, obfuscated: r.obfuscated });
    }
  }
  return parts;
}
