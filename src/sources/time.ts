// Timestamps: stored in UTC (ISO 8601) with the raw value kept. Sources write ISO with and without offsets,
// Unix seconds or milliseconds, X's "Sat Dec 06 18:20:30 +0000 2025", RFC 822 and naive local strings. A naive
// time is read in an explicit zone (Asia/Jakarta unless told otherwise), never in the machine's local zone.

export interface Timestamp {
  /** UTC ISO 8601 (seconds precision, `Z`), or null when the value could not be read. */
  utc: string | null;
  raw: string | null;
  error?: string;
}

const MIN_MS = Date.UTC(1990, 0, 1);
const MAX_MS = Date.UTC(2100, 0, 1);

export function isoUtc(ms: number): string {
  // Date#toISOString is slow and every post's time goes through here: the date part is taken from it once per day
  // (posts of a run fall on a few thousand days at most), the time of day is written out.
  if (!Number.isInteger(ms)) return isoUtcSlow(ms);
  const day = Math.floor(ms / 86_400_000);
  let date = dayCache.get(day);
  if (date === undefined) {
    const full = new Date(day * 86_400_000).toISOString();
    date = full.slice(0, full.indexOf('T'));
    if (dayCache.size >= 4096) dayCache.clear();
    dayCache.set(day, date);
  }
  let t = ms - day * 86_400_000;
  const milli = t % 1000;
  t = (t - milli) / 1000;
  const sec = t % 60;
  t = (t - sec) / 60;
  const min = t % 60;
  const hour = (t - min) / 60;
  const hms = `${date}T${pad2(hour)}:${pad2(min)}:${pad2(sec)}`;
  return milli === 0 ? `${hms}Z` : `${hms}.${String(milli).padStart(3, '0')}Z`;
}

const dayCache = new Map<number, string>();

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function isoUtcSlow(ms: number): string {
  const s = new Date(ms).toISOString();
  return s.endsWith('.000Z') ? `${s.slice(0, -5)}Z` : s;
}

const offsetCache = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = offsetCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    offsetCache.set(tz, f);
  }
  return f;
}

/** True when `tz` is an IANA zone name this runtime knows. */
export function isTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `tz` from UTC at instant `ms`, in minutes. */
export function zoneOffset(tz: string, ms: number): number {
  const parts = formatter(tz).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/** The UTC instant of a wall-clock time in `tz`. */
export function zonedToUtc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, tz: string): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  let off = zoneOffset(tz, guess);
  let t = guess - off * 60000;
  const off2 = zoneOffset(tz, t);
  if (off2 !== off) {
    off = off2;
    t = guess - off * 60000;
  }
  return t;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_NAIVE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?$/;
// Spreadsheets in the Indonesian locale write the day first: 20/01/2024 09:15, 20-01-2024.
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;
const TWITTER = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) (\d{4})$/;
const HAS_ZONE = /(\b(GMT|UTC|UT|Z)\b|[+-]\d{2}:?\d{2}\s*$|\b[ECMP][SD]T\b)/;

// RSS pubDate and its real-world variants: "Mon, 15 Jan 2024 10:00:00 +0700", two-digit years, no seconds, a
// trailing "(WIB)" comment, Indonesian CMS output like "Senin, 15 Januari 2024 10:00 WIB", and no zone at all
// (then read in the caller's explicit zone, like every naive time).
const RFC822 = /^(?:[\p{L}]+\.?,?\s+)?(\d{1,2})[\s-]+([\p{L}]+)\.?[\s-]+(\d{4}|\d{2})(?:,?\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?(?:\s*(Z|UTC?|GMT|[+-]\d{2}:?\d{2}|[ECMP][SD]T|WIB|WITA|WIT)\b)?$/iu;
const MONTH_NAMES: Record<string, number> = {
  ...MONTHS,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, sept: 9, october: 10, november: 11, december: 12,
  januari: 1, februari: 2, pebruari: 2, maret: 3, mei: 5, juni: 6, juli: 7, agustus: 8, agu: 8, ags: 8, agt: 8, oktober: 10, okt: 10, desember: 12, des: 12, nop: 11, nopember: 11,
};
/** The month a month name or its abbreviation names, in English or Indonesian ("Februari", "feb", "Nop"), or undefined. */
export function monthNumber(word: string): number | undefined {
  const key = word.toLowerCase();
  return Object.hasOwn(MONTH_NAMES, key) ? MONTH_NAMES[key] : undefined;
}

const ZONE_MINUTES: Record<string, number> = { z: 0, ut: 0, utc: 0, gmt: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420, wib: 420, wita: 480, wit: 540 };

/** True when day `d` exists in month `mo` of year `y`: Date.UTC would roll 31/02 over into March, silently. */
function dayExists(y: number, mo: number, d: number): boolean {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d >= 1 && d <= (mo === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[mo - 1]);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function readRfc822(s: string, raw: string, naiveZone: string): Timestamp | null {
  const m = RFC822.exec(s.replace(/\s*\([^)]*\)\s*$/, ''));
  if (!m) return null;
  const [, d, monName, yRaw, h = '0', mi = '0', sec = '0', zone] = m;
  const mo = MONTH_NAMES[monName.toLowerCase()];
  if (!mo) return null;
  const y = yRaw.length === 2 ? (Number(yRaw) < 50 ? 2000 : 1900) + Number(yRaw) : Number(yRaw);
  if (!dayExists(y, mo, Number(d)) || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 60) return { utc: null, raw, error: `not a valid date: ${raw}` };
  if (zone === undefined) return fromMs(zonedToUtc(y, mo, Number(d), Number(h), Number(mi), Number(sec), 0, naiveZone), raw);
  const z = zone.toLowerCase();
  const off = z in ZONE_MINUTES ? ZONE_MINUTES[z] : (z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(-2)));
  return fromMs(Date.UTC(y, mo - 1, Number(d), Number(h), Number(mi), Number(sec)) - off * 60000, raw);
}

function fromMs(ms: number, raw: string): Timestamp {
  if (!Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) return { utc: null, raw, error: `timestamp out of range: ${raw}` };
  return { utc: isoUtc(ms), raw };
}

/** Two ASCII digits at s[i], or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The instant of the commonest form, "2024-11-14T15:51:03+07:00" or "…Z", read without regular expressions or
 * Date.parse; null for anything else, and for values near the edges of the calendar (day 29-31, year before
 * 1000), which take the general path. Inside these bounds the form means exactly what Date.parse reads.
 */
export function isoFast(s: string): number | null {
  const n = s.length;
  if ((n !== 20 && n !== 25) || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return null;
  const y1 = two(s, 0);
  const y2 = two(s, 2);
  const mo = two(s, 5);
  const d = two(s, 8);
  const h = two(s, 11);
  const mi = two(s, 14);
  const sec = two(s, 17);
  if (y1 < 10 || y2 < 0 || mo < 1 || mo > 12 || d < 1 || d > 28 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return null;
  let off = 0;
  if (n === 20) {
    if (s.charCodeAt(19) !== 90) return null; // Z
  } else {
    const sign = s.charCodeAt(19);
    const oh = two(s, 20);
    const om = two(s, 23);
    if ((sign !== 43 && sign !== 45) || s.charCodeAt(22) !== 58 || oh < 0 || oh > 23 || om < 0 || om > 59) return null;
    off = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  }
  return Date.UTC(y1 * 100 + y2, mo - 1, d, h, mi, sec) - off * 60000;
}

/**
 * Reads a timestamp. `naiveZone` is the IANA zone for values without an offset (e.g. TikTok's "2023-01-15
 * 12:34:56"); pass 'UTC' where a format is documented to be UTC.
 */
export function normaliseTimestamp(value: unknown, naiveZone = 'Asia/Jakarta'): Timestamp {
  if (value === null || value === undefined || value === '') return { utc: null, raw: null };
  if (typeof value === 'number') {
    const raw = String(value);
    return fromMs(Math.abs(value) >= 1e11 ? value : value * 1000, raw);
  }
  if (typeof value !== 'string') return { utc: null, raw: String(value), error: 'timestamp is not text or a number' };
  const raw = value;
  const s = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(s)) {
    const n = Number(s);
    return fromMs(Math.abs(n) >= 1e11 ? n : n * 1000, raw);
  }
  const iso = isoFast(s);
  if (iso !== null) return fromMs(iso, raw);
  const z = ISO_ZONED.exec(s);
  if (z) {
    const [y, mo, d] = [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
    if (mo < 1 || mo > 12 || !dayExists(y, mo, d)) return { utc: null, raw, error: `not a valid date: ${raw}` };
    // Date.parse reads neither a space before the zone ("10:00:00 +07:00") nor "+0700".
    const zone = z[3].length === 5 ? `${z[3].slice(0, 3)}:${z[3].slice(3)}` : z[3].toUpperCase();
    const ms = Date.parse(`${s.slice(0, 10)}T${s.slice(11, s.length - z[3].length).trimEnd()}${zone}`);
    return Number.isNaN(ms) ? { utc: null, raw, error: `not a valid date: ${raw}` } : fromMs(ms, raw);
  }
  const n = ISO_NAIVE.exec(s);
  if (n) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '0'] = n;
    const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
    if (Number(mo) < 1 || Number(mo) > 12 || !dayExists(Number(y), Number(mo), Number(d)) || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 60)
      return { utc: null, raw, error: `not a valid date: ${raw}` };
    return fromMs(zonedToUtc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec), ms, naiveZone), raw);
  }
  const df = DAY_FIRST.exec(s);
  if (df) {
    const [, d, mo, y, h = '0', mi = '0', sec = '0'] = df;
    if (Number(mo) < 1 || Number(mo) > 12 || !dayExists(Number(y), Number(mo), Number(d)) || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 60)
      return { utc: null, raw, error: `not a valid day-first date: ${raw}` };
    return fromMs(zonedToUtc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec), 0, naiveZone), raw);
  }
  const t = TWITTER.exec(s);
  if (t) {
    const [, mon, d, h, mi, sec, off, y] = t;
    const m = MONTHS[mon.toLowerCase()];
    if (!m || !dayExists(Number(y), m, Number(d)) || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 60) return { utc: null, raw, error: `not a valid date: ${raw}` };
    const sign = off[0] === '-' ? -1 : 1;
    const offMin = sign * (Number(off.slice(1, 3)) * 60 + Number(off.slice(3, 5)));
    return fromMs(Date.UTC(Number(y), m - 1, Number(d), Number(h), Number(mi), Number(sec)) - offMin * 60000, raw);
  }
  const rfc = readRfc822(s, raw, naiveZone);
  if (rfc) return rfc;
  // Other zoned forms: only when the zone is explicit, so the machine's zone never leaks in.
  if (HAS_ZONE.test(s)) {
    const ms = Date.parse(s);
    if (!Number.isNaN(ms)) return fromMs(ms, raw);
  }
  return { utc: null, raw, error: `unrecognised date format: ${raw}` };
}

/** A UTC ISO time shown in a display zone: "2024-01-20 10:00 WIB". */
export function formatInZone(utc: string, tz: string): string {
  const ms = Date.parse(utc);
  if (Number.isNaN(ms)) return utc;
  const off = zoneOffset(tz, ms);
  const d = new Date(ms + off * 60000).toISOString();
  // Other zones show their offset at that time, zero included: a bare "UTC" on London's winter times would name
  // a zone the analyst did not choose.
  const label = ZONE_LABELS[tz] ?? `UTC${off >= 0 ? '+' : '-'}${String(Math.floor(Math.abs(off) / 60)).padStart(2, '0')}:${String(Math.abs(off) % 60).padStart(2, '0')}`;
  return `${d.slice(0, 10)} ${d.slice(11, 16)} ${label}`;
}

const ZONE_LABELS: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
  UTC: 'UTC',
  'Etc/UTC': 'UTC',
};
