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
};

const MARK = /\p{M}/gu;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

// Folding of one non-ASCII code point, memoised: the set of distinct characters is small, the number of posts is not.
const cache = new Map<number, string>();

function foldCodePoint(cp: number): string {
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  let out: string;
  if (isDropped(cp)) {
    out = '';
  } else if (cp === 0x2019 || cp === 0x2018 || cp === 0x02bc || cp === 0x0060 || cp === 0x00b4) {
    out = "'"; // typographic apostrophes: Ma’ruf = Ma'ruf
  } else if (cp === 0x00a0 || cp === 0x2007 || cp === 0x202f || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x3000) {
    out = ' ';
  } else if (cp === 0x2028 || cp === 0x2029 || cp === 0x0085) {
    out = '\n';
  } else {
    const ch = String.fromCodePoint(cp);
    if (PICTOGRAPHIC.test(ch)) {
      out = ch; // NFKC would leave emoji alone anyway; skip the work and keep them intact
    } else {
      let s = ch.normalize('NFKC').toLowerCase().normalize('NFD').replace(MARK, '').normalize('NFC');
      if (s.length === 1 && CONFUSABLES[s] !== undefined) s = CONFUSABLES[s];
      out = s;
    }
  }
  if (cache.size < 65536) cache.set(cp, out);
  return out;
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

export function fold(input: string): Folded {
  if (PLAIN_ASCII.test(input)) {
    return { text: input.toLowerCase().replace(/\t/g, ' '), map: null };
  }
  const out: string[] = [];
  const map: number[] = [];
  let prevPictographic = false;
  for (let i = 0; i < input.length; ) {
    const cp = input.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let s: string;
    if (cp < 0x80) {
      if (cp >= 0x41 && cp <= 0x5a) s = String.fromCharCode(cp + 32);
      else if (cp === 0x0a) s = '\n';
      else if (cp === 0x09 || cp === 0x0d || cp === 0x0b || cp === 0x0c) s = cp === 0x0d ? '' : ' ';
      else if (cp < 0x20 || cp === 0x7f) s = '';
      else s = input[i];
      prevPictographic = false;
    } else if (cp === 0x200d) {
      // Zero-width joiner: part of an emoji sequence (👨‍👩‍👧) when it follows one, an evasion trick otherwise.
      s = prevPictographic ? '\u200d' : '';
    } else {
      s = foldCodePoint(cp);
      if (s !== '') prevPictographic = PICTOGRAPHIC.test(s);
      else if (!(cp >= 0xfe00 && cp <= 0xfe0f) && !(cp >= 0x1f3fb && cp <= 0x1f3ff)) prevPictographic = false;
    }
    for (let k = 0; k < s.length; k++) {
      out.push(s[k]);
      map.push(i);
    }
    i += width;
  }
  // A joiner left dangling at the end of an emoji run joins nothing: drop it.
  const m = new Int32Array(map.length + 1);
  for (let k = 0; k < map.length; k++) m[k] = map[k];
  m[map.length] = input.length;
  return { text: out.join(''), map: m };
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
