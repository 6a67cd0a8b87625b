// The hand-written scanner must find exactly what the tokenizer's regular expression (its specification) finds:
// same tokens, same spans, same groups — on real posts and on random strings of the characters that matter.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prng } from '../helpers/prng.js';
import { TokenScanner } from '../../src/text/tokenize.js';
import { fold } from '../../src/text/fold.js';
import { FIXTURES } from '../helpers/cli.js';

const SPEC =
  /(https?:\/\/[^\s]+|www\.[^\s]+\.[^\s]+)|(@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]*[\p{L}\p{N}_])?)|(#[\p{L}\p{N}_]+)|([\p{L}\p{N}$](?:[\p{L}\p{N}]|['*!$@|]+(?=[\p{L}\p{N}]))*)|(\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic})*|[\u{1F1E6}-\u{1F1FF}]{2})|(\.(?=\s|$)|[!?\n\u2026]+)|([,;:()"\u201c\u201d[\]])/gu;

function bySpec(text: string): string[] {
  const out: string[] = [];
  SPEC.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPEC.exec(text)) !== null) {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    out.push(`${group}:${m.index}:${m.index + m[0].length}`);
  }
  return out;
}

function byScanner(text: string): string[] {
  const out: string[] = [];
  const s = new TokenScanner(text);
  while (s.next()) out.push(`${s.kind}:${s.start}:${s.end}`);
  return out;
}

const PIECES = [
  'a', 'z', 'Q', '0', '9', '$', '@', '#', '_', '.', '..', '!', '?', '\n', '\u2026', ',', ';', ':', '(', ')', '"', '\u201c', '\u201d', '[', ']',
  "'", '*', '|', '-', '/', ' ', ' ', ' ', '\t', '\r', '\u00a0', '\u3000', '\u1680', '\u2028', '\ufeff', 'w', 'ww', 'www.', 'http', 'http://',
  'https://', 'h', 'é', 'ß', '中', '\u0663', '²', 'Ⅻ', '😀', '✌', '\u200d', '\ud83c\udffd', '\ufe0f', '\ud83c\uddee', '\ud83c\udde9', '\ud83d',
  '\ude00', '©', '👨‍👩‍👧', 'dukung', 'c0bl0s', 'p!lih', 'd*kung', "ma'ruf", '02', '#AMIN', '@prabowo', 'x.com',
];

describe('TokenScanner', () => {
  it('matches the specification on real posts (labelled and demo sets)', () => {
    const texts: string[] = [];
    for (const dir of ['labelled', 'demo']) {
      for (const f of readdirSync(path.join(FIXTURES, dir)).filter((n) => n.endsWith('.jsonl'))) {
        for (const line of readFileSync(path.join(FIXTURES, dir, f), 'utf8').split('\n')) {
          if (line.trim() === '') continue;
          const p = JSON.parse(line) as { text: string; media_text?: string[] };
          texts.push(p.text, ...(p.media_text ?? []));
        }
      }
    }
    expect(texts.length).toBeGreaterThan(400);
    for (const t of texts) {
      const folded = fold(t).text;
      expect(byScanner(folded), folded).toEqual(bySpec(folded));
    }
  });

  it('matches the specification on 30,000 random strings of tricky characters', () => {
    const r = prng(2024);
    for (let i = 0; i < 30_000; i++) {
      let t = '';
      const n = Math.floor(r() * 24);
      for (let k = 0; k < n; k++) t += PIECES[Math.floor(r() * PIECES.length)];
      expect(byScanner(t), JSON.stringify(t)).toEqual(bySpec(t));
    }
  });
});
