// Folding: the character-level normalisation that every later step relies on.
// NFKC + case folding + diacritics stripped + invisible and control characters removed + emoji variation
// selectors and skin tones dropped + common look-alike letters mapped to Latin. The result keeps a map from each
// folded UTF-16 unit back to its offset in the original string, so findings can point at what the author wrote.

export interface Folded {
  /** The folded text. */
  text: string;
  /**
   * `map[i]` is the offset in the original string of folded unit i; `map[text.length]` is the original length.
   * Null when folding kept every offset (pure ASCII without controls): then offsets are the identity.
   */
  map: Int32Array | null;
}

// Cyrillic and Greek letters that look like Latin ones, used to dodge keyword filters ("dukung" with a Cyrillic у).
const CONFUSABLES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y',
  // Armenian and Latin-extension look-alikes (օ ո ս հ, dotless ı, script ɑ ɡ).
  օ: 'o', ո: 'n', ս: 'u', հ: 'h', ı: 'i', ɑ: 'a', ɡ: 'g',
  // Small capitals (ᴄᴏʙʟᴏꜱ): "fancy text" generators spell whole posts in them, and NFKC leaves them alone.
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm',
  ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z',
};

/**
 * Emoji letters (🅰 🅿 🅐 🆁 Ⓜ️ ℹ️): negative squared and negative circled capitals, which NFKC leaves alone, and the
 * circled M and the information sign, which NFKC would fold but which count as emoji. "🅰🅼🅸🅽" and "🅰️Ⓜ️ℹ️Ⓝ" would
 * otherwise read as pictures. Their letter, or '' for any other code point.
 */
function emojiLetter(cp: number): string {
  if (cp >= 0x1f170 && cp <= 0x1f189) return String.fromCharCode(0x61 + cp - 0x1f170);
  if (cp >= 0x1f150 && cp <= 0x1f169) return String.fromCharCode(0x61 + cp - 0x1f150);
  if (cp === 0x24c2) return 'm';
  if (cp === 0x2139) return 'i';
  return '';
}

const RI_FIRST = 0x1f1e6;
const RI_LAST = 0x1f1ff;
/**
 * Regional indicators (two UTF-16 units each) in a row from `from`: two are a flag (🇮🇩), three or more spell a word
 * (🇵🇷🇦🇧🇴🇼🇴). The end of such a word, or -1.
 */
function spelledRunEnd(s: string, from: number): number {
  let i = from;
  for (let cp = s.codePointAt(i); cp !== undefined && cp >= RI_FIRST && cp <= RI_LAST; cp = s.codePointAt(i)) i += 2;
  return i - from >= 6 ? i : -1;
}

const MARK = /\p{M}/gu;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

// Folding of one non-ASCII code point, memoised: the set of distinct characters is small, the number of posts is not.
// `pict`: whether the folded form contains an emoji (what a following zero-width joiner may join).
const cache = new Map<number, { s: string; pict: boolean }>();

function foldCodePoint(cp: number): { s: string; pict: boolean } {
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  let out: string;
  if (isDropped(cp)) {
    out = '';
  } else if (cp >= 0xd800 && cp <= 0xdfff) {
    // A lone surrogate half (JSON escapes can make one): a replacement character, never half of a pair that
    // removing an invisible character between two halves would otherwise forge.
    out = '\ufffd';
  } else if (cp === 0x2019 || cp === 0x2018 || cp === 0x02bc || cp === 0x0060 || cp === 0x00b4) {
    out = "'"; // typographic apostrophes: Ma’ruf = Ma'ruf
  } else if (cp === 0x00a0 || cp === 0x2007 || cp === 0x202f || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x3000) {
    out = ' ';
  } else if (cp === 0x2028 || cp === 0x2029 || cp === 0x0085) {
    out = '\n';
  } else {
    const ch = String.fromCodePoint(cp);
    const letter = emojiLetter(cp);
    if (letter !== '') {
      out = letter;
    } else if (PICTOGRAPHIC.test(ch)) {
      out = ch; // NFKC would leave emoji alone anyway; skip the work and keep them intact
    } else {
      let s = ch.normalize('NFKC').toLowerCase().normalize('NFD').replace(MARK, '').normalize('NFC');
      if (s.length === 1 && CONFUSABLES[s] !== undefined) s = CONFUSABLES[s];
      // A character that becomes several (ŉ → ʼn) is folded again piece by piece, so that folding is idempotent.
      else if (s.length > 1) s = Array.from(s, (c) => (c.codePointAt(0) === cp ? c : foldCodePoint(c.codePointAt(0)!).s)).join('');
      out = s;
    }
  }
  const r = { s: out, pict: PICTOGRAPHIC.test(out) };
  if (cache.size < 65536) cache.set(cp, r);
  return r;
}

/** Characters removed outright: invisible, formatting, bidi controls, variation selectors, skin tones, keycap. */
function isDropped(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200c) || // zero-width space, non-joiner (ZWJ is handled by the caller)
    cp === 0x2060 || cp === 0xfeff || cp === 0x00ad || cp === 0x180e || // word joiner, BOM, soft hyphen, MVS
    cp === 0x200e || cp === 0x200f || cp === 0x061c || // directional marks
    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || // bidi embeddings, overrides, isolates
    (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || // variation selectors
    (cp >= 0x1f3fb && cp <= 0x1f3ff) || // skin tones: ✌🏽 = ✌
    cp === 0x20e3 || // combining keycap: 2️⃣ = 2
    (cp >= 0xe0000 && cp <= 0xe007f) || // tag characters
    (cp >= 0x80 && cp <= 0x9f) // C1 controls
  );
}

// Text that is plain printable ASCII (plus tab/newline) folds by lowercasing alone, with identity offsets.
const PLAIN_ASCII = /^[\x20-\x7e\n\t]*$/;

/**
 * A reusable buffer for the offset maps of many folds (the analyser folds every field of every post): a map in a
 * buffer is a view, valid until the next fold into the same buffer. Typed arrays of this size live outside the
 * JavaScript heap, so allocating two per field cost more in malloc and garbage collection than folding itself.
 */
export class FoldBuffer {
  buf: Int32Array = new Int32Array(1024);
}

export function fold(input: string, into?: FoldBuffer): Folded {
  if (PLAIN_ASCII.test(input)) {
    return { text: input.toLowerCase().replace(/\t/g, ' '), map: null };
  }
  const n = input.length;
  let map: Int32Array = into !== undefined && into.buf.length >= n + 16 ? into.buf : new Int32Array(n + 16);
  let len = 0; // folded units so far
  let text = '';
  let prevPictographic = false;
  // End of the run of regional indicators being read as letters (see spelledRunEnd).
  let lettersUntil = -1;
  for (let i = 0; i < n; ) {
    // A run of printable ASCII and newlines folds by lowercasing alone, one unit for one.
    let j = i;
    for (let c = input.charCodeAt(j); j < n && ((c >= 0x20 && c <= 0x7e) || c === 0x0a); c = input.charCodeAt(++j));
    if (j > i) {
      text += input.slice(i, j).toLowerCase();
      if (len + (j - i) > map.length) map = grow(map, len + (j - i));
      for (let k = i; k < j; k++) map[len++] = k;
      prevPictographic = false;
      i = j;
      continue;
    }
    const cp = input.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let s: string;
    if (cp < 0x80) {
      // Controls (printable ASCII was handled above): tabs and form feeds are spaces, the rest goes.
      s = cp === 0x09 || cp === 0x0b || cp === 0x0c ? ' ' : '';
      prevPictographic = false;
    } else if (cp >= RI_FIRST && cp <= RI_LAST && (i < lettersUntil || (lettersUntil = spelledRunEnd(input, i)) > i)) {
      s = String.fromCharCode(0x61 + cp - RI_FIRST);
      prevPictographic = false;
    } else if (cp === 0x200d) {
      // Zero-width joiner: part of an emoji sequence (👨‍👩‍👧) when it follows one, an evasion trick otherwise.
      s = prevPictographic ? '\u200d' : '';
    } else {
      const fc = foldCodePoint(cp);
      s = fc.s;
      if (s !== '') prevPictographic = fc.pict;
      else if (!(cp >= 0xfe00 && cp <= 0xfe0f) && !(cp >= 0x1f3fb && cp <= 0x1f3ff)) prevPictographic = false;
    }
    if (s !== '') {
      text += s;
      if (len + s.length > map.length) map = grow(map, len + s.length);
      for (let k = 0; k < s.length; k++) map[len++] = i;
    }
    i += width;
  }
  if (into !== undefined) {
    if (len + 1 > map.length) map = grow(map, len + 1);
    map[len] = n;
    into.buf = map;
    return { text, map: map.subarray(0, len + 1) };
  }
  const m = new Int32Array(len + 1);
  m.set(map.subarray(0, len));
  m[len] = n;
  return { text, map: m };
}

function grow(map: Int32Array, need: number): Int32Array {
  const bigger = new Int32Array(Math.max(need, map.length * 2));
  bigger.set(map);
  return bigger;
}

/**
 * Maps a [start, end) range of folded text back to the original string. Several folded units can come from one
 * original character (ﬁ → fi): a range never ends inside that character, nor inside a surrogate pair.
 */
export function originalSpan(f: Folded, original: string, start: number, end: number): [number, number] {
  if (f.map === null) return [start, end];
  const s = f.map[start];
  if (end <= start) return [s, s];
  const last = f.map[end - 1];
  let e = f.map[end];
  if (e <= last) {
    const c = original.charCodeAt(last);
    e = last + (c >= 0xd800 && c <= 0xdbff ? 2 : 1);
  }
  return [s, e];
}
