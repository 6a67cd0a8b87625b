import { describe, expect, it } from 'vitest';
import { Window } from '../../src/fetch/state.js';

const t = (s: string) => Date.parse(s);

describe('Window (incremental collection)', () => {
  it('takes everything without a cutoff, and remembers the newest time with the ids at it', () => {
    const w = new Window(null, new Set(), new Set());
    expect(w.decide(t('2024-01-01T00:00:00Z'), 'a')).toBe('take');
    w.taken(t('2024-01-02T00:00:00Z'), 'b');
    w.taken(t('2024-01-02T00:00:00Z'), 'c');
    w.taken(t('2024-01-01T00:00:00Z'), 'a');
    w.taken(null, 'u1');
    expect(w.next(undefined, 'now')).toEqual({ newest: '2024-01-02T00:00:00Z', ids_at_newest: ['b', 'c'], undated: ['u1'], updated_at: 'now' });
  });

  it('passes over older posts and those already fetched in the same second, but not new ones in that second', () => {
    const w = new Window(t('2024-01-02T00:00:00Z'), new Set(['b']), new Set(['u1']));
    expect(w.decide(t('2024-01-01T23:59:59Z'), 'x')).toBe('older');
    expect(w.decide(t('2024-01-02T00:00:00Z'), 'b')).toBe('seen');
    expect(w.decide(t('2024-01-02T00:00:00Z'), 'd')).toBe('take');
    expect(w.decide(t('2024-01-03T00:00:00Z'), 'e')).toBe('take');
    expect(w.decide(null, 'u1')).toBe('seen');
    expect(w.decide(null, 'u2')).toBe('take');
  });

  it('keeps the previous state when nothing new was fetched, and merges ids at an unchanged newest time', () => {
    const prev = { newest: '2024-01-02T00:00:00Z', ids_at_newest: ['b'], undated: [], updated_at: 'then' };
    expect(new Window(null, new Set(), new Set()).next(prev, 'now')).toEqual({ ...prev, updated_at: 'now' });
    const w = new Window(null, new Set(), new Set());
    w.taken(t('2024-01-02T00:00:00Z'), 'd');
    expect(w.next(prev, 'now').ids_at_newest).toEqual(['b', 'd']);
  });
});
