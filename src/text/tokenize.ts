// The tokenizer's scanner: finds the tokens of folded text by hand, one character class lookup per character, where
// a single regular expression with Unicode property classes cost more than the rest of text analysis together.
// It finds exactly what this expression finds (test/text/tokenize.test.ts compares the two on real and random text):
//
//   /(https?:\/\/[^\s]+|www\.[^\s]+\.[^\s]+)                                  1 url
//   |(@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]*[\p{L}\p{N}_])?)                         2 mention
//   |(#[\p{L}\p{N}_]+)                                                         3 hashtag
//   |([\p{L}\p{N}$](?:[\p{L}\p{N}]|['*!$@|]+(?=[\p{L}\p{N}]))*)                4 word
//   |(\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic})*|[\u{1F1E6}-\u{1F1FF}]{2})   5 emoji
//   |(\.(?=\s|$)|[!?\n\u2026]+)                                                6 sentence end
//   |([,;:()"\u201c\u201d[\]])/gu                                              7 clause break
//
// Like the expression, it tries each position from left to right and, at a position, the alternatives in order.

export const TOKEN = { Url: 1, Mention: 2, Hashtag: 3, Word: 4, Emoji: 5, SentenceEnd: 6, Clause: 7 } as const;
export type TokenKind = (typeof TOKEN)[keyof typeof TOKEN];

// Character classes, as bits.
const LN = 1; // \p{L} or \p{N}
const PICT = 2; // \p{Extended_Pictographic}
const SPACE = 4; // \s
const RI = 8; // regional indicator U+1F1E6–U+1F1FF

const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) ASCII[c] = LN;
  else if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) ASCII[c] = SPACE;
}

const IS_LN = /^[\p{L}\p{N}]$/u;
const IS_PICT = /^\p{Extended_Pictographic}$/u;
const IS_SPACE = /^\s$/u;
// Classes of the non-ASCII code points met so far: few distinct ones occur, many times each.
const wide = new Map<number, number>();

function classOf(cp: number): number {
  if (cp < 128) return ASCII[cp];
  let k = wide.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    k = (IS_LN.test(ch) ? LN : 0) | (IS_PICT.test(ch) ? PICT : 0) | (IS_SPACE.test(ch) ? SPACE : 0) | (cp >= 0x1f1e6 && cp <= 0x1f1ff ? RI : 0);
    if (wide.size < 65536) wide.set(cp, k);
  }
  return k;
}

/** Code point at i (a lone surrogate counts as itself, as in a /u expression). */
function cpAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

const width = (cp: number): number => (cp > 0xffff ? 2 : 1);

/** Word-joining symbols of group 4: ' * ! $ @ | */
function isJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2a || c === 0x21 || c === 0x24 || c === 0x40 || c === 0x7c;
}

/** `[\p{L}\p{N}_]`: letters, digits, underscore. */
function isTagChar(cp: number): boolean {
  return cp === 0x5f || (classOf(cp) & LN) !== 0;
}

/**
 * Scans folded text token by token: after `next()` returns true, `kind`, `start` and `end` describe the token.
 * No allocation per token; the caller slices the text it needs.
 */
export class TokenScanner {
  kind: TokenKind = TOKEN.Word;
  start = 0;
  end = 0;
  private pos = 0;

  constructor(private readonly text: string) {}

  next(): boolean {
    const s = this.text;
    const n = s.length;
    let p = this.pos;
    while (p < n) {
      const c = s.charCodeAt(p);
      // Fast paths for the commonest characters: spaces match nothing, ASCII letters and digits start words.
      if (c === 0x20) {
        p++;
        continue;
      }
      if (c < 128 && ASCII[c] === LN && c !== 0x68 && c !== 0x77) {
        this.emit(TOKEN.Word, p, this.wordEnd(p));
        return true;
      }
      const e = this.matchAt(p);
      if (e >= 0) return true;
      p += width(cpAt(s, p));
    }
    this.pos = n;
    return false;
  }

  private emit(kind: TokenKind, start: number, end: number): void {
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.pos = end;
  }

  /** Tries every alternative at p, in order; emits and returns the end of the match, or -1. */
  private matchAt(p: number): number {
    const s = this.text;
    const c = s.charCodeAt(p);
    // 1 url
    if (c === 0x68 || c === 0x77) {
      const e = this.urlEnd(p);
      if (e > p) {
        this.emit(TOKEN.Url, p, e);
        return e;
      }
    }
    // 2 mention
    if (c === 0x40 && p + 1 < s.length) {
      const first = cpAt(s, p + 1);
      if (isTagChar(first)) {
        // The longest run of [\p{L}\p{N}_.] that ends in a character other than a dot.
        let q = p + 1;
        let last = q + width(first);
        q = last;
        while (q < s.length) {
          const cp = cpAt(s, q);
          if (cp === 0x2e) q++;
          else if (isTagChar(cp)) {
            q += width(cp);
            last = q;
          } else break;
        }
        this.emit(TOKEN.Mention, p, last);
        return last;
      }
    }
    // 3 hashtag
    if (c === 0x23 && p + 1 < s.length && isTagChar(cpAt(s, p + 1))) {
      let q = p + 1;
      while (q < s.length) {
        const cp = cpAt(s, q);
        if (!isTagChar(cp)) break;
        q += width(cp);
      }
      this.emit(TOKEN.Hashtag, p, q);
      return q;
    }
    const cp = cpAt(s, p);
    const k = classOf(cp);
    // 4 word
    if ((k & LN) !== 0 || c === 0x24) {
      const e = this.wordEnd(p);
      this.emit(TOKEN.Word, p, e);
      return e;
    }
    // 5 emoji
    if ((k & PICT) !== 0) {
      let q = p + width(cp);
      while (q + 1 < s.length && s.charCodeAt(q) === 0x200d) {
        const nx = cpAt(s, q + 1);
        if ((classOf(nx) & PICT) === 0) break;
        q += 1 + width(nx);
      }
      this.emit(TOKEN.Emoji, p, q);
      return q;
    }
    if ((k & RI) !== 0 && p + 2 < s.length && (classOf(cpAt(s, p + 2)) & RI) !== 0) {
      this.emit(TOKEN.Emoji, p, p + 4);
      return p + 4;
    }
    // 6 sentence end
    if (c === 0x2e) {
      if (p + 1 === s.length || (classOf(cpAt(s, p + 1)) & SPACE) !== 0) {
        this.emit(TOKEN.SentenceEnd, p, p + 1);
        return p + 1;
      }
      return -1;
    }
    if (c === 0x21 || c === 0x3f || c === 0x0a || c === 0x2026) {
      let q = p + 1;
      while (q < s.length) {
        const d = s.charCodeAt(q);
        if (d === 0x21 || d === 0x3f || d === 0x0a || d === 0x2026) q++;
        else break;
      }
      this.emit(TOKEN.SentenceEnd, p, q);
      return q;
    }
    // 7 clause break
    if (c === 0x2c || c === 0x3b || c === 0x3a || c === 0x28 || c === 0x29 || c === 0x22 || c === 0x201c || c === 0x201d || c === 0x5b || c === 0x5d) {
      this.emit(TOKEN.Clause, p, p + 1);
      return p + 1;
    }
    return -1;
  }

  /** End of a word starting at p (its first character already known to qualify). */
  private wordEnd(p: number): number {
    const s = this.text;
    const n = s.length;
    let q = p + width(cpAt(s, p));
    while (q < n) {
      const c = s.charCodeAt(q);
      if (c < 128) {
        if (ASCII[c] === LN) {
          q++;
          continue;
        }
        if (!isJoiner(c)) break;
        // Symbols join only when a letter or digit follows them: p!lih, d*kung, ma'ruf.
        let r = q + 1;
        while (r < n && isJoiner(s.charCodeAt(r))) r++;
        if (r < n && (classOf(cpAt(s, r)) & LN) !== 0) {
          q = r;
          continue;
        }
        break;
      }
      const cp = cpAt(s, q);
      if ((classOf(cp) & LN) === 0) break;
      q += width(cp);
    }
    return q;
  }

  /** End of a url starting at p, or p when there is none: http(s):// or www. and the rest of the non-space run. */
  private urlEnd(p: number): number {
    const s = this.text;
    let q = -1;
    if (s.startsWith('http://', p)) q = p + 7;
    else if (s.startsWith('https://', p)) q = p + 8;
    if (q >= 0) {
      const e = this.runEnd(q);
      if (e > q) return e;
    }
    if (s.startsWith('www.', p)) {
      const from = p + 4;
      const e = this.runEnd(from);
      // [^\s]+\.[^\s]+ : a dot inside the run with at least one character before and after it.
      const dot = s.lastIndexOf('.', e - 2);
      if (dot >= from + 1) return e;
    }
    return p;
  }

  /** End of the run of non-space characters starting at q. */
  private runEnd(q: number): number {
    const s = this.text;
    while (q < s.length) {
      const cp = cpAt(s, q);
      if ((classOf(cp) & SPACE) !== 0) break;
      q += width(cp);
    }
    return q;
  }
}
