// Property-based campaigns (fast-check): a fixed seed and few runs in the normal suite, so it stays deterministic
// and takes seconds; `npm run fuzz` (test/fuzz.mjs) sets NETRAL_FUZZ to a multiplier of runs and NETRAL_FUZZ_SEED
// to a random seed it prints, so a long campaign's failure can be replayed with the same seed.

import fc from 'fast-check';

/** How many times more runs a long campaign makes; 0 in the normal suite. */
export const FUZZ_FACTOR = Number(process.env.NETRAL_FUZZ ?? 0) || 0;
const FIXED_SEED = 20240214;
export const FUZZ_SEED = process.env.NETRAL_FUZZ_SEED ? Number(process.env.NETRAL_FUZZ_SEED) : FIXED_SEED;

/** fast-check parameters for a property worth `n` runs in the normal suite. */
export function runs(n: number, extra: Partial<fc.Parameters<unknown>> = {}): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns: FUZZ_FACTOR > 0 ? n * FUZZ_FACTOR : n, ...extra };
}

/** A test timeout that grows with the campaign. */
export function timeoutFor(ms: number): number {
  return FUZZ_FACTOR > 0 ? ms * FUZZ_FACTOR : ms;
}

// Pieces that hostile or just unusual posts are made of, mixed with arbitrary code points: the places where
// folding, offsets and tokenising have something to get wrong.
const PIECES = [
  // words the shipped rules know, obfuscated forms, numbers, hashtags, mentions, urls
  'coblos', 'Coblos', 'COBLOS', 'c0bl0s', 'd*kung', 'dukuuung', 'p!lih', 'paslon02', '02', '0 2', 'c o b l o s', 'AMIN', 'aamiin',
  'Prabowo', 'gibran', '#AMIN', '#Prabowo-Gibran', '#Coblos02', '@budi', '@a.b', 'http://x.id/a?b=1', 'https://', 'www.x.id', 'www.', "Ma'ruf",
  // ligatures, compatibility forms, special case mappings
  'ﬁ', 'ﬀ', 'ŉ', 'İ', 'ẞ', 'ß', 'ǅ', '⑴', '㍱', 'ﷺ', 'Ａ', '𝐃𝐔𝐊𝐔𝐍𝐆', 'ͺ', 'ᾼ',
  // look-alikes
  'Рrаbоwо', 'у', 'ο',
  // marks and invisibles
  '\u0301', '\u0301\u0301\u0301', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e',
  // emoji and their modifiers
  '✌', '✌️', '✌🏽', '☝️', '🤟', '👍🏿', '👨‍👩‍👧', '🏳️‍🌈', '\ufe0f', '🏽', '2️⃣', '\u20e3', '🇮🇩', '🇮', '\u{e0067}',
  // bidi and terminal controls
  '\u202e', '\u202d', '\u2066', '\u2069', '\u200f', '\u061c', '\u001b[2J', '\u001b]0;title\u0007', '\u001b]8;;http://evil\u001b\\', '\u009b31m', '\u0085',
  // lone surrogates (JSON escapes can produce them)
  '\ud800', '\udfff', '\ud83d',
  // whitespace and punctuation that end sentences or clauses
  ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\u3000', '.', '. ', '!', '?', '…', ',', ';', ':', '"', '“', '”', '(', ')', "'", '*', '$', '|', '@', '#', '-', '_',
];

/** One unit of hostile text: a known piece or any code point (including controls and lone surrogates). */
export const hostileUnit: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...PIECES), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), weight: 1 },
  { arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), weight: 1 },
);

/** Hostile text of up to `maxLength` units. */
export function hostileText(maxLength = 40): fc.Arbitrary<string> {
  return fc.array(hostileUnit, { maxLength }).map((a) => a.join(''));
}

/** Well-formed text (no lone surrogates), for outputs encoded as UTF-8, which cannot carry them. */
export function wellFormedText(maxLength = 40): fc.Arbitrary<string> {
  return hostileText(maxLength).map((s) => s.replace(/\p{Cs}/gu, '\ufffd'));
}
