import { describe, expect, it } from 'vitest';
import { SpanCache, WordCache } from '../../src/text/word-cache.js';

describe('WordCache', () => {
  it('keeps at most two generations: old entries go, entries in use stay', () => {
    const c = new WordCache<number>(3);
    for (const [i, w] of ['a', 'b', 'c'].entries()) c.set(w, i);
    c.set('d', 3); // generation full: a, b, c become the older one
    expect(c.get('a')).toBe(0); // in use: moved to the current generation
    c.set('e', 4);
    c.set('f', 5); // current (d, a, e) full: b and c are dropped
    expect(c.get('b')).toBeUndefined();
    expect(c.get('c')).toBeUndefined();
    expect([c.get('a'), c.get('d'), c.get('e'), c.get('f')]).toEqual([0, 3, 4, 5]);
  });

  it('stores false and empty values, and forgets everything on clear', () => {
    const c = new WordCache<boolean | string>(10);
    c.set('x', false);
    c.set('y', '');
    expect(c.get('x')).toBe(false);
    expect(c.get('y')).toBe('');
    c.clear();
    expect(c.get('x')).toBeUndefined();
  });

  it('makes a missing value once, from the key it keeps; a key over 64 units is made every time and never kept', () => {
    const c = new WordCache<string>(10);
    const made: string[] = [];
    const make = (own: string) => (made.push(own), `${own}!`);
    expect(c.getOrMake('dukung', make)).toBe('dukung!');
    expect(c.getOrMake('dukung', make)).toBe('dukung!');
    expect(made).toEqual(['dukung']);
    const long = 'a'.repeat(65);
    expect(c.getOrMake(long, make)).toBe(`${long}!`);
    expect(c.getOrMake(long, make)).toBe(`${long}!`);
    expect(made).toHaveLength(3);
    c.set(long, 'x');
    expect(c.get(long)).toBeUndefined();
  });
});

describe('SpanCache', () => {
  const at = (text: string, word: string) => [text.indexOf(word), text.indexOf(word) + word.length] as const;
  const get = (c: SpanCache<number>, text: string, s: number, e: number) => c.get(text, s, e, SpanCache.hash(text, s, e));
  const set = (c: SpanCache<number>, text: string, s: number, e: number, v: number) => c.set(text, s, e, SpanCache.hash(text, s, e), v);

  it('finds a word by its characters wherever it stands, and nothing else', () => {
    const c = new SpanCache<number>();
    set(c, 'ayo dukung', ...at('ayo dukung', 'dukung'), 1);
    expect(get(c, 'dukung!', ...at('dukung!', 'dukung'))).toBe(1);
    expect(get(c, 'didukung', 0, 8)).toBeUndefined();
    expect(get(c, 'dukun', 0, 5)).toBeUndefined();
    expect(get(c, 'dukunG', 0, 6)).toBeUndefined();
  });

  it('keeps only words of up to 14 units, and the last word of a slot', () => {
    const c = new SpanCache<number>();
    const long = 'ditindaklanjutinya';
    set(c, long, 0, long.length, 1);
    expect(get(c, long, 0, long.length)).toBeUndefined();
    // Words whose hashes share a slot replace each other.
    const words = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    for (const [i, w] of words.entries()) set(c, w, 0, w.length, i);
    const kept = words.filter((w, i) => get(c, w, 0, w.length) === i).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(4096);
    for (const w of words) expect([undefined, words.indexOf(w)]).toContain(get(c, w, 0, w.length));
    c.clear();
    expect(words.some((w) => get(c, w, 0, w.length) !== undefined)).toBe(false);
  });

  it('keeps longer keys in wider slots', () => {
    const c = new SpanCache<number>(64, 32);
    expect(c.maxKey).toBe(30);
    const tag = '#PrabowoGibranLanjutkan2024';
    set(c, tag, 0, tag.length, 7);
    expect(get(c, tag, 0, tag.length)).toBe(7);
    expect(get(c, tag.toLowerCase(), 0, tag.length)).toBeUndefined();
    const tooLong = '#'.padEnd(31, 'x');
    set(c, tooLong, 0, tooLong.length, 1);
    expect(get(c, tooLong, 0, tooLong.length)).toBeUndefined();
  });
});
