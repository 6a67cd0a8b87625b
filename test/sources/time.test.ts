import { describe, expect, it } from 'vitest';
import { formatInZone, monthNumber, normaliseTimestamp } from '../../src/sources/time.js';

describe('normaliseTimestamp', () => {
  it.each([
    ['2024-01-20T10:00:00+07:00', '2024-01-20T03:00:00Z'],
    ['2024-01-20T03:00:00Z', '2024-01-20T03:00:00Z'],
    ['2024-01-20 10:00:00+0700', '2024-01-20T03:00:00Z'],
    ['2024-01-20T03:00:00.250Z', '2024-01-20T03:00:00.250Z'],
    [1705719600, '2024-01-20T03:00:00Z'],
    ['1705719600', '2024-01-20T03:00:00Z'],
    [1705719600000, '2024-01-20T03:00:00Z'],
    ['Sat Jan 20 03:00:00 +0000 2024', '2024-01-20T03:00:00Z'],
    ['Sat, 20 Jan 2024 10:00:00 +0700', '2024-01-20T03:00:00Z'],
    ['Sat, 20 Jan 2024 03:00:00 GMT', '2024-01-20T03:00:00Z'],
  ])('%s → %s', (raw, utc) => {
    const t = normaliseTimestamp(raw);
    expect(t.utc).toBe(utc);
    expect(t.raw).toBe(String(raw));
    expect(t.error).toBeUndefined();
  });

  it('reads naive times in the given zone, never the machine zone', () => {
    expect(normaliseTimestamp('2024-01-20 10:00:00').utc).toBe('2024-01-20T03:00:00Z'); // Asia/Jakarta by default
    expect(normaliseTimestamp('2024-01-20 10:00:00', 'Asia/Jayapura').utc).toBe('2024-01-20T01:00:00Z');
    expect(normaliseTimestamp('2024-01-20 10:00:00', 'UTC').utc).toBe('2024-01-20T10:00:00Z');
    expect(normaliseTimestamp('2024-01-20').utc).toBe('2024-01-19T17:00:00Z');
  });

  it('reads day-first dates from Indonesian spreadsheets', () => {
    expect(normaliseTimestamp('20/01/2024 10:15').utc).toBe('2024-01-20T03:15:00Z');
    expect(normaliseTimestamp('5-2-2024').utc).toBe('2024-02-04T17:00:00Z');
  });

  it('refuses what it cannot read, keeping the raw value', () => {
    for (const bad of ['kemarin sore', '2024-13-45', 'Jan 20 2024 10:00', '99999999999999999']) {
      const t = normaliseTimestamp(bad);
      expect(t.utc, bad).toBeNull();
      expect(t.raw).toBe(bad);
      expect(t.error).toBeTruthy();
    }
  });

  it('refuses days a month does not have, in every form, rather than rolling them into the next month', () => {
    // 31/02 read as 2 March would move a post across the edge of a campaign period without a word.
    for (const bad of ['31/02/2024 10:00', '30/02/2024', '29/02/2023', '31/04/2024', '2024-02-30', '2024-02-31 10:00:00',
      '2024-02-31T10:00:00+07:00', '2024-02-31T10:00:00Z', 'Sat Feb 31 18:20:30 +0000 2024', 'Sat Dec 06 28:70:30 +0000 2025']) {
      const t = normaliseTimestamp(bad);
      expect(t.utc, bad).toBeNull();
      expect(t.raw).toBe(bad);
      expect(t.error, bad).toMatch(/not a valid/);
    }
    expect(normaliseTimestamp('29/02/2024 10:00').utc).toBe('2024-02-29T03:00:00Z');
    expect(normaliseTimestamp('2024-02-29T10:00:00+07:00').utc).toBe('2024-02-29T03:00:00Z');
    expect(normaliseTimestamp('Thu Feb 29 03:00:00 +0000 2024').utc).toBe('2024-02-29T03:00:00Z');
  });

  it('reads an ISO time with a space before its zone', () => {
    for (const v of ['2024-01-20 10:00:00 +0700', '2024-01-20T10:00:00 +07:00', '2024-01-20 03:00:00 Z'])
      expect(normaliseTimestamp(v).utc, v).toBe('2024-01-20T03:00:00Z');
  });

  it('shows UTC times in the display zone with its Indonesian label', () => {
    expect(formatInZone('2024-01-20T03:00:00Z', 'Asia/Jakarta')).toBe('2024-01-20 10:00 WIB');
    expect(formatInZone('2024-01-20T03:00:00Z', 'Asia/Makassar')).toBe('2024-01-20 11:00 WITA');
    expect(formatInZone('2024-01-20T03:00:00Z', 'Asia/Jayapura')).toBe('2024-01-20 12:00 WIT');
  });

  it('labels other zones with their offset at that time, zero included', () => {
    expect(formatInZone('2024-01-20T03:00:00Z', 'Europe/London')).toBe('2024-01-20 03:00 UTC+00:00');
    expect(formatInZone('2024-07-20T03:00:00Z', 'Europe/London')).toBe('2024-07-20 04:00 UTC+01:00');
    expect(formatInZone('2024-01-20T03:00:00Z', 'Asia/Kolkata')).toBe('2024-01-20 08:30 UTC+05:30');
    expect(formatInZone('2024-01-20T03:00:00Z', 'America/New_York')).toBe('2024-01-19 22:00 UTC-05:00');
    expect(formatInZone('2024-01-20T03:00:00Z', 'UTC')).toBe('2024-01-20 03:00 UTC');
  });
});

describe('normaliseTimestamp: RSS pubDate and its variants', () => {
  const cases: [string, string | null][] = [
    ['Mon, 15 Jan 2024 10:00:00 +0700', '2024-01-15T03:00:00Z'],
    ['Mon, 15 Jan 2024 03:00:00 GMT', '2024-01-15T03:00:00Z'],
    ['15 Jan 24 03:00 UT', '2024-01-15T03:00:00Z'],
    ['Mon, 15 Jan 2024 10:00:00 +0700 (WIB)', '2024-01-15T03:00:00Z'],
    ['Senin, 15 Januari 2024 10:00 WIB', '2024-01-15T03:00:00Z'],
    ['15 Agustus 2024 11:00 WITA', '2024-08-15T03:00:00Z'],
    ['15 Des 2023 12:00 WIT', '2023-12-15T03:00:00Z'],
    ['Mon, 15 Jan 2024 10:00:00 EST', '2024-01-15T15:00:00Z'],
    ['Mon, 15 January 2024 10:00:00 -05:00', '2024-01-15T15:00:00Z'],
    ['Thu, 31 Feb 2024 10:00:00 GMT', null],
    ['Mon, 15 Foo 2024 10:00:00 GMT', null],
  ];
  for (const [raw, utc] of cases)
    it(raw, () => {
      const ts = normaliseTimestamp(raw, 'Asia/Jakarta');
      expect(ts.utc).toBe(utc);
      expect(ts.raw).toBe(raw);
      if (utc === null) expect(ts.error).toBeTruthy();
    });

  it('reads a pubDate without a zone in the zone it is given, never the machine’s', () => {
    expect(normaliseTimestamp('Wed, 10 Jan 2024 09:00:00', 'Asia/Jakarta').utc).toBe('2024-01-10T02:00:00Z');
    expect(normaliseTimestamp('Wed, 10 Jan 2024 09:00:00', 'Asia/Jayapura').utc).toBe('2024-01-10T00:00:00Z');
    expect(normaliseTimestamp('10 Januari 2024', 'UTC').utc).toBe('2024-01-10T00:00:00Z');
  });

  it('leaves the forms it read before unchanged', () => {
    expect(normaliseTimestamp('Sat Dec 06 18:20:30 +0000 2025').utc).toBe('2025-12-06T18:20:30Z');
    expect(normaliseTimestamp('2024-01-15T10:00:00+07:00').utc).toBe('2024-01-15T03:00:00Z');
    expect(normaliseTimestamp('20/01/2024 09:15', 'Asia/Jakarta').utc).toBe('2024-01-20T02:15:00Z');
  });
});

describe('monthNumber', () => {
  it('reads Indonesian and English month names and abbreviations, in any case, and nothing else', () => {
    expect(['Februari', 'feb', 'Pebruari', 'NOV', 'Nop', 'Agustus', 'okt', 'December'].map(monthNumber)).toEqual([2, 2, 2, 11, 11, 8, 10, 12]);
    expect(['constructor', 'toString', 'minggu', ''].map(monthNumber)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
