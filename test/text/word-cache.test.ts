import { describe, expect, it } from 'vitest';
import { WordCache } from '../../src/text/word-cache.js';

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
});
