// Inline SVG charts for the HTML report (no scripts, no external assets, so the file prints and archives as is):
// findings over time as bars stacked by severity, and findings by category as horizontal bars.

import { SEVERITIES, type Severity } from '../model.js';
import { zoneOffset } from '../sources/time.js';
import { htmlEscape } from './sanitize.js';

export const SEVERITY_COLOURS: Record<Severity, string> = { high: '#b3261e', medium: '#e8a33d', low: '#3b82c4', info: '#9aa0a6' };

export interface TimeBin {
  label: string;
  counts: Record<Severity, number>;
}

/** Local calendar day (YYYY-MM-DD) of a UTC time in `tz`. */
function localDay(utc: string, tz: string): string {
  const ms = Date.parse(utc);
  return new Date(ms + zoneOffset(tz, ms) * 60000).toISOString().slice(0, 10);
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Monday of the week of `day`. */
function weekStart(day: string): string {
  const dow = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -dow);
}

/** Findings per local calendar day in the report's zone, gathered as findings come, for the time chart. */
export class DayCounts {
  readonly days = new Map<string, Record<Severity, number>>();

  constructor(private readonly tz: string) {}

  /** A finding at `utc` (UTC ISO) of `severity`. */
  add(utc: string, severity: Severity): void {
    const day = localDay(utc, this.tz);
    let c = this.days.get(day);
    if (!c) this.days.set(day, (c = zeroCounts()));
    c[severity]++;
  }
}

const zeroCounts = () => Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;

/**
 * Findings per week (spans up to about four months) or per month, with empty bins kept so gaps show. Undated
 * findings are not placed.
 */
export function timeBins(counts: DayCounts): { unit: 'week' | 'month'; bins: TimeBin[] } {
  const days = [...counts.days.keys()];
  if (days.length === 0) return { unit: 'month', bins: [] };
  const first = days.reduce((a, b) => (a < b ? a : b));
  const last = days.reduce((a, b) => (a > b ? a : b));
  const spanDays = (Date.parse(last) - Date.parse(first)) / 86_400_000;
  const unit = spanDays <= 120 ? 'week' : 'month';
  const keyOf = (d: string) => (unit === 'week' ? weekStart(d) : d.slice(0, 7));
  const bins = new Map<string, TimeBin>();
  for (let k = keyOf(first); k <= keyOf(last); ) {
    bins.set(k, { label: k, counts: zeroCounts() });
    if (unit === 'week') k = addDays(k, 7);
    else {
      const [y, m] = k.split('-').map(Number);
      k = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    }
  }
  for (const [day, c] of counts.days) {
    const bin = bins.get(keyOf(day))!.counts;
    for (const s of SEVERITIES) bin[s] += c[s];
  }
  return { unit, bins: [...bins.values()] };
}

/** A round axis maximum: 1, 2, 5, 10, 20, 50 … at or above `n`. */
function niceMax(n: number): number {
  if (n <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const f of [1, 2, 5, 10]) if (f * p >= n) return f * p;
  return 10 * p;
}

const W = 720;
/** The font of a chart's text at `size` px (11 for labels, 13 for titles): each attribute written once. */
const font = (size = 11) => `font-family="system-ui, sans-serif" font-size="${size}"`;
const FONT = font();
const TITLE_FONT = `${font(13)} font-weight="600"`;

/** Bars stacked by severity, one per bin, with a y axis and a legend. */
export function timeChart(bins: TimeBin[], o: { title: string; empty: string; severityLabel: Record<Severity, string> }): string {
  const H = 260;
  const left = 40;
  const right = 10;
  const top = 30;
  const bottom = 50;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const parts: string[] = [];
  const total = (b: TimeBin) => SEVERITIES.reduce((n, s) => n + b.counts[s], 0);
  const max = niceMax(Math.max(0, ...bins.map(total)));
  parts.push(`<text x="${left}" y="16" ${TITLE_FONT}>${htmlEscape(o.title)}</text>`);
  for (const v of [0, max / 2, max]) {
    const y = top + plotH - (v / max) * plotH;
    parts.push(`<line x1="${left}" x2="${W - right}" y1="${y}" y2="${y}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 6}" y="${y + 4}" text-anchor="end" ${FONT}>${Number.isInteger(v) ? v : v.toFixed(1)}</text>`);
  }
  if (bins.length === 0) parts.push(`<text x="${left + plotW / 2}" y="${top + plotH / 2}" text-anchor="middle" ${FONT}>${htmlEscape(o.empty)}</text>`);
  const slot = bins.length > 0 ? plotW / bins.length : plotW;
  const barW = Math.max(2, Math.min(40, slot * 0.7));
  const every = Math.max(1, Math.ceil(bins.length / 12));
  bins.forEach((b, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    let y = top + plotH;
    for (const s of SEVERITIES) {
      const n = b.counts[s];
      if (n === 0) continue;
      const h = (n / max) * plotH;
      y -= h;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${SEVERITY_COLOURS[s]}"><title>${htmlEscape(`${b.label}: ${n} ${o.severityLabel[s]}`)}</title></rect>`);
    }
    if (i % every === 0) parts.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${top + plotH + 14}" text-anchor="middle" ${FONT}>${htmlEscape(b.label)}</text>`);
  });
  parts.push(`<line x1="${left}" x2="${W - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#888"/>`);
  let lx = left;
  for (const s of [...SEVERITIES].reverse()) {
    parts.push(`<rect x="${lx}" y="${H - 16}" width="10" height="10" fill="${SEVERITY_COLOURS[s]}"/><text x="${lx + 14}" y="${H - 7}" ${FONT}>${htmlEscape(o.severityLabel[s])}</text>`);
    lx += 24 + o.severityLabel[s].length * 7;
  }
  return svg(H, o.title, parts);
}

/** One horizontal bar per row (categories), longest first. */
export function barChart(rows: { label: string; value: number }[], o: { title: string; empty: string }): string {
  const shown = rows.filter((r) => r.value > 0).sort((a, b) => b.value - a.value);
  const rowH = 24;
  const top = 30;
  const labelW = 170;
  const H = top + Math.max(1, shown.length) * rowH + 10;
  const max = niceMax(Math.max(0, ...shown.map((r) => r.value)));
  const plotW = W - labelW - 50;
  const parts: string[] = [`<text x="0" y="16" ${TITLE_FONT}>${htmlEscape(o.title)}</text>`];
  if (shown.length === 0) parts.push(`<text x="${labelW}" y="${top + 16}" ${FONT}>${htmlEscape(o.empty)}</text>`);
  shown.forEach((r, i) => {
    const y = top + i * rowH;
    const w = (r.value / max) * plotW;
    parts.push(`<text x="${labelW - 8}" y="${y + 15}" text-anchor="end" ${FONT}>${htmlEscape(r.label)}</text>`);
    parts.push(`<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="#4a6fa5"/>`);
    parts.push(`<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 15}" ${FONT}>${r.value}</text>`);
  });
  return svg(H, o.title, parts);
}

function svg(height: number, title: string, parts: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-label="${htmlEscape(title)}"><title>${htmlEscape(title)}</title>${parts.join('')}</svg>`;
}
