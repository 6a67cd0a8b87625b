// The fast paths of time.ts promise to mean exactly what the platform does: isoFast what Date.parse reads, isoUtc
// what Date#toISOString writes (without ".000"). Every post's time goes through them, so a difference would shift
// dates in findings silently.

import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { isoFast, isoUtc } from '../../src/sources/time.js';
import { runs } from '../helpers/fuzz.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const isoLike = fc.record({
  y: fc.integer({ min: 0, max: 9999 }),
  mo: fc.integer({ min: 0, max: 13 }),
  d: fc.integer({ min: 0, max: 32 }),
  h: fc.integer({ min: 0, max: 25 }),
  mi: fc.integer({ min: 0, max: 61 }),
  sec: fc.integer({ min: 0, max: 61 }),
  zone: fc.oneof(fc.constant('Z'), fc.record({ sign: fc.constantFrom('+', '-'), oh: fc.integer({ min: 0, max: 25 }), om: fc.integer({ min: 0, max: 61 }) })),
});

describe('isoFast', () => {
  it.prop([isoLike], runs(2000))('reads what Date.parse reads, and takes every common value inside its bounds', (t) => {
    const zone = typeof t.zone === 'string' ? t.zone : `${t.zone.sign}${pad(t.zone.oh)}:${pad(t.zone.om)}`;
    const s = `${pad(t.y, 4)}-${pad(t.mo)}-${pad(t.d)}T${pad(t.h)}:${pad(t.mi)}:${pad(t.sec)}${zone}`;
    const fast = isoFast(s);
    if (fast !== null) expect(fast, s).toBe(Date.parse(s));
    const common = t.y >= 1000 && t.mo >= 1 && t.mo <= 12 && t.d >= 1 && t.d <= 28 && t.h <= 23 && t.mi <= 59 && t.sec <= 59 && (typeof t.zone === 'string' || (t.zone.oh <= 23 && t.zone.om <= 59));
    if (common) expect(fast, s).not.toBeNull();
  });

  it.prop([fc.string({ maxLength: 30 })], runs(500))('takes nothing that is not the form', (s) => {
    const fast = isoFast(s);
    if (fast !== null) expect(fast, s).toBe(Date.parse(s));
  });
});

describe('isoUtc', () => {
  it.prop([fc.oneof(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), fc.integer({ min: -8.64e15, max: 8.64e15 }))], runs(2000))('writes what Date#toISOString writes, without ".000"', (ms) => {
    const iso = new Date(ms).toISOString();
    expect(isoUtc(ms)).toBe(iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso);
  });
});
