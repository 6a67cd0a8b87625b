// The audit period: `--since`, `--until` and `--campaign ELECTION-ID`. A date without a time is a whole day in the
// report's time zone (--tz, WIB by default): `--until 2024-02-10` includes all of 10 February. A campaign window
// comes from the election pack's `dates.campaign`, and --since/--until narrow it further.

import { NoCampaignDatesError, UnknownElectionError, UsageError } from '../errors.js';
import type { ElectionDef } from '../rules/types.js';
import { isoUtc, normaliseTimestamp, zonedToUtc } from '../sources/time.js';

export interface Period {
  /** Inclusive start, UTC ISO, or null for open. */
  since: string | null;
  /** Exclusive end, UTC ISO, or null for open. */
  until: string | null;
  /** The election whose campaign window was asked for. */
  campaign: string | null;
  /** The bounds as the user gave them (or the pack's dates), for reports. */
  label: { since: string | null; until: string | null };
  /** The bounds in epoch milliseconds, for the per-post comparison. */
  sinceMs: number;
  untilMs: number;
}

export type PeriodPlace = 'in' | 'before' | 'after' | 'undated';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayStart(date: string, tz: string, plusDays = 0): number {
  const m = DATE.exec(date)!;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays));
  return zonedToUtc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0, 0, 0, 0, tz);
}

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** A bound from the command line: a day (start of it, or the start of the next one for an end), or a time. */
export function readBound(flag: string, value: string, tz: string, end: boolean): number {
  const v = value.trim();
  if (DATE.test(v)) {
    if (!validDate(v)) throw new UsageError(`${flag}: ${v} is not a date`);
    return dayStart(v, tz, end ? 1 : 0);
  }
  const t = normaliseTimestamp(v, tz);
  if (t.utc === null) throw new UsageError(`${flag}: cannot read "${value}" as a date; write YYYY-MM-DD, or a time such as 2024-02-10T23:59:59+07:00`);
  return Date.parse(t.utc) + (end ? 1000 : 0);
}

export interface PeriodOptions {
  since?: string;
  until?: string;
  campaign?: string;
}

/** The period the options ask for, or null when none was asked for. */
export function resolvePeriod(o: PeriodOptions, elections: ElectionDef[], tz: string): Period | null {
  if (o.since === undefined && o.until === undefined && o.campaign === undefined) return null;
  let since: number | null = null;
  let until: number | null = null;
  const label = { since: o.since ?? null, until: o.until ?? null };
  if (o.campaign !== undefined) {
    const e = elections.find((x) => x.id === o.campaign);
    if (!e) throw new UnknownElectionError('--campaign', [o.campaign], 'loaded', elections.map((x) => x.id));
    const c = e.dates.campaign;
    if (!c) throw new NoCampaignDatesError(e.id, `${e.pos.file}:${e.pos.line}`);
    since = dayStart(c.start, tz);
    until = dayStart(c.end, tz, 1);
    label.since = c.start;
    label.until = c.end;
  }
  if (o.since !== undefined) {
    const s = readBound('--since', o.since, tz, false);
    if (since === null || s > since) {
      since = s;
      label.since = o.since;
    }
  }
  if (o.until !== undefined) {
    const u = readBound('--until', o.until, tz, true);
    if (until === null || u < until) {
      until = u;
      label.until = o.until;
    }
  }
  if (since !== null && until !== null && since >= until) throw new UsageError(`the period is empty: it starts ${label.since} and ends ${label.until}`);
  return {
    since: since === null ? null : isoUtc(since),
    until: until === null ? null : isoUtc(until),
    campaign: o.campaign ?? null,
    label,
    sinceMs: since ?? -Infinity,
    untilMs: until ?? Infinity,
  };
}

/** Where a post's time falls. Posts without a time cannot be placed; the caller keeps them (and says so). */
export function placeInPeriod(p: Period, createdAt: string | null): PeriodPlace {
  if (createdAt === null) return 'undated';
  const t = Date.parse(createdAt);
  if (Number.isNaN(t)) return 'undated';
  if (t < p.sinceMs) return 'before';
  if (t >= p.untilMs) return 'after';
  return 'in';
}
