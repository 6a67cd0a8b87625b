import { describe, expect, it } from 'vitest';
import { ListedWindow, MAX_SEEN, PagedWindow, type AccountState } from '../../src/fetch/state.js';

const t = (s: string) => Date.parse(s);

describe('PagedWindow (Mastodon, Bluesky: newest first, stop at older posts)', () => {
  it('takes everything without a cutoff, and remembers the newest time with the ids at it', () => {
    const w = new PagedWindow(null, new Set(), new Set());
    expect(w.decide(t('2024-01-01T00:00:00Z'), 'a')).toBe('take');
    w.taken(t('2024-01-02T00:00:00Z'), 'b');
    w.taken(t('2024-01-02T00:00:00Z'), 'c');
    w.taken(t('2024-01-01T00:00:00Z'), 'a');
    w.taken(null, 'u1');
    expect(w.next(undefined, 'now')).toEqual({ newest: '2024-01-02T00:00:00Z', ids_at_newest: ['b', 'c'], undated: ['u1'], updated_at: 'now' });
  });

  it('passes over older posts and those already fetched in the same second, but not new ones in that second', () => {
    const w = new PagedWindow(t('2024-01-02T00:00:00Z'), new Set(['b']), new Set(['u1']));
    expect(w.decide(t('2024-01-01T23:59:59Z'), 'x')).toBe('older');
    expect(w.decide(t('2024-01-02T00:00:00Z'), 'b')).toBe('seen');
    expect(w.decide(t('2024-01-02T00:00:00Z'), 'd')).toBe('take');
    expect(w.decide(t('2024-01-03T00:00:00Z'), 'e')).toBe('take');
    expect(w.decide(null, 'u1')).toBe('seen');
    expect(w.decide(null, 'u2')).toBe('take');
  });

  it('keeps the previous state when nothing new was fetched, and merges ids at an unchanged newest time', () => {
    const prev = { newest: '2024-01-02T00:00:00Z', ids_at_newest: ['b'], undated: [], updated_at: 'then' };
    expect(new PagedWindow(null, new Set(), new Set()).next(prev, 'now')).toEqual({ ...prev, updated_at: 'now' });
    const w = new PagedWindow(null, new Set(), new Set());
    w.taken(t('2024-01-02T00:00:00Z'), 'd');
    expect(w.next(prev, 'now').ids_at_newest).toEqual(['b', 'd']);
  });
});

describe('ListedWindow (feeds, pages: the whole list in hand, dates not to be trusted for order)', () => {
  const prev: AccountState = {
    newest: '2024-01-16T13:30:00Z',
    ids_at_newest: ['b'],
    undated: ['u1'],
    seen: { b: '2024-01-16T13:30:00Z', a: '2024-01-15T00:00:00Z' },
    seen_floor: null,
    updated_at: 'then',
  };

  it('takes an item it has not fetched before whatever its date, and passes over those it has', () => {
    const w = new ListedWindow(null, prev);
    expect(w.decide(t('2024-01-16T13:30:00Z'), 'b')).toBe('seen');
    expect(w.decide(t('2024-01-15T00:00:00Z'), 'a')).toBe('seen');
    expect(w.decide(t('2024-01-12T09:00:00Z'), 'backdated')).toBe('take');
    expect(w.decide(t('2024-02-03T09:00:00Z'), 'fresh')).toBe('take');
    expect(w.decide(null, 'u1')).toBe('seen');
    expect(w.decide(null, 'u2')).toBe('take');
    // An id listed twice is one item.
    expect(w.decide(t('2024-01-12T09:00:00Z'), 'backdated')).toBe('seen');
    expect(w.decide(null, 'u2')).toBe('seen');
  });

  it('keeps to --since, and does not remember what it passed over for being older', () => {
    const w = new ListedWindow(t('2024-01-14T00:00:00Z'), prev);
    expect(w.decide(t('2024-01-12T09:00:00Z'), 'backdated')).toBe('older');
    expect(w.decide(t('2024-01-14T00:00:00Z'), 'edge')).toBe('take');
    expect(Object.keys(w.next(prev, 'now').seen!)).toEqual(['b', 'a', 'edge']);
  });

  it('remembers every item decided on, taken or passed over at --max-posts, newest first, with the newest time', () => {
    const w = new ListedWindow(null, prev);
    for (const [at, id] of [['2024-02-03T09:00:00Z', 'fresh'], ['2024-01-12T09:00:00Z', 'backdated'], ['2024-01-16T13:30:00Z', 'b']] as const) w.decide(t(at), id);
    w.decide(null, 'u2');
    w.taken(t('2024-02-03T09:00:00Z'), 'fresh'); // only one taken: the cap
    expect(w.next(prev, 'now')).toEqual({
      newest: '2024-02-03T09:00:00Z',
      ids_at_newest: ['fresh'],
      undated: ['u1', 'u2'],
      seen: { fresh: '2024-02-03T09:00:00Z', b: '2024-01-16T13:30:00Z', a: '2024-01-15T00:00:00Z', backdated: '2024-01-12T09:00:00Z' },
      seen_floor: null,
      updated_at: 'now',
    });
  });

  it('reads a version 1 state (newest time only) as it was meant: up to that time was fetched; later, ids decide', () => {
    const v1: AccountState = { newest: '2024-01-16T13:30:00Z', ids_at_newest: ['b'], undated: [], updated_at: 'then' };
    const w = new ListedWindow(null, v1);
    expect(w.decide(t('2024-01-16T13:30:00Z'), 'b')).toBe('seen');
    expect(w.decide(t('2024-01-15T00:00:00Z'), 'a')).toBe('seen');
    expect(w.decide(t('2024-01-16T13:30:00Z'), 'same-second')).toBe('take');
    expect(w.decide(t('2024-02-03T09:00:00Z'), 'fresh')).toBe('take');
    const next = w.next(v1, 'now');
    expect(next.seen).toEqual({ fresh: '2024-02-03T09:00:00Z', b: '2024-01-16T13:30:00Z', 'same-second': '2024-01-16T13:30:00Z', a: '2024-01-15T00:00:00Z' });
    // From then on the ids decide: an item back-dated before the old newest time is new.
    expect(new ListedWindow(null, next).decide(t('2024-01-12T09:00:00Z'), 'backdated')).toBe('take');
  });

  it(`keeps at most ${MAX_SEEN} ids, dropping the oldest; an unknown item no later than those dropped counts as fetched`, () => {
    const base = t('2020-01-01T00:00:00Z');
    const w = new ListedWindow(null, undefined);
    for (let i = 0; i < MAX_SEEN + 10; i++) w.decide(base + i * 60_000, `item-${i}`);
    const next = w.next(undefined, 'now');
    expect(Object.keys(next.seen!)).toHaveLength(MAX_SEEN);
    expect(next.seen!['item-9']).toBeUndefined();
    expect(next.seen!['item-10']).toBe(new Date(base + 10 * 60_000).toISOString().replace('.000Z', 'Z'));
    expect(next.seen_floor).toBe(new Date(base + 9 * 60_000).toISOString().replace('.000Z', 'Z'));
    const later = new ListedWindow(null, next);
    expect(later.decide(base + 9 * 60_000, 'item-9')).toBe('seen');
    expect(later.decide(base + 5 * 60_000, 'never-seen')).toBe('seen');
    expect(later.decide(base + 9 * 60_000 + 1000, 'backdated-but-after-the-floor')).toBe('take');
  });
});
