// fold() copies runs of printable ASCII in blocks and builds its offset map in place. This checks it against the
// plain definition — every code point folded on its own, with the emoji-joiner rule — text and offsets alike.

import { describe, expect, it } from 'vitest';
import { prng } from '../helpers/prng.js';
import { fold } from '../../src/text/fold.js';

const PICT = /\p{Extended_Pictographic}/u;

/** Regional indicators in the whole run around position i (back and forth). */
function riRun(s: string, i: number): number {
  const isRi = (j: number) => {
    const cp = s.codePointAt(j);
    return cp !== undefined && cp >= 0x1f1e6 && cp <= 0x1f1ff && s.charCodeAt(j) >= 0xd800;
  };
  let a = i;
  while (a >= 2 && isRi(a - 2)) a -= 2;
  let b = i;
  while (isRi(b)) b += 2;
  return (b - a) / 2;
}

/** The definition, one code point at a time. */
function reference(input: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  let prevPict = false;
  for (let i = 0; i < input.length; ) {
    const cp = input.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let s: string;
    if (cp < 0x80) {
      if (cp >= 0x41 && cp <= 0x5a) s = String.fromCharCode(cp + 32);
      else if (cp === 0x0a) s = '\n';
      else if (cp === 0x09 || cp === 0x0b || cp === 0x0c) s = ' ';
      else if (cp < 0x20 || cp === 0x7f) s = '';
      else s = input[i];
      prevPict = false;
    } else if (cp >= 0x1f1e6 && cp <= 0x1f1ff && riRun(input, i) >= 3) {
      // Three or more regional indicators in a row spell a word; two are a flag.
      s = String.fromCharCode(0x61 + cp - 0x1f1e6);
      prevPict = false;
    } else if (cp === 0x200d) {
      s = prevPict ? '\u200d' : '';
    } else {
      s = fold(String.fromCodePoint(cp)).text;
      if (s !== '') prevPict = PICT.test(s);
      else if (!(cp >= 0xfe00 && cp <= 0xfe0f) && !(cp >= 0x1f3fb && cp <= 0x1f3ff)) prevPict = false;
    }
    text += s;
    for (let k = 0; k < s.length; k++) map.push(i);
    i += width;
  }
  map.push(input.length);
  return { text, map };
}

const PIECES = ['Ayo ', 'COBLOS', 'dukung', ' ', '\n', '\t', '\r', '\u0000', '\u007f', '\u000b', '~', '02', '#AMIN', 'é', 'É', 'ß', 'İ', 'ﬁ', '㎏',
  'ｄｕ', '𝐝𝐮', 'у', 'α', '\u200b', '\u200c', '\u200d', '\u00ad', '\u202e', '\ufeff', '\u00a0', '\u2028', '’', '✌', '\ufe0f', '\ud83c\udffd',
  '👨', '😀', '\ud83c\uddee\ud83c\udde9', '\ud83c\uddf5', '🅰', '1\ufe0f\u20e3', '\ud83d', '\ude00', '…', '中文', '\u0085'];

describe('fold offsets', () => {
  it('equal the per-code-point definition on 20,000 random mixed strings', () => {
    const r = prng(7);
    for (let i = 0; i < 20_000; i++) {
      let t = '';
      const n = 1 + Math.floor(r() * 20);
      for (let k = 0; k < n; k++) t += PIECES[Math.floor(r() * PIECES.length)];
      const f = fold(t);
      const want = reference(t);
      expect(f.text, JSON.stringify(t)).toBe(want.text);
      if (f.map !== null) expect([...f.map], JSON.stringify(t)).toEqual(want.map);
      else expect(want.map, JSON.stringify(t)).toEqual([...want.map.keys()]);
    }
  });
});
