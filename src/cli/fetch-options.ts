// The options of `netral fetch`, declared once: `netral fetch` takes them as they are; `netral scan --fetch` takes
// the everyday ones with a `fetch-` prefix (so they cannot collide with scan's own options). Only commander is
// imported here, so building the program stays cheap.

import { InvalidArgumentError, Option, type Command } from 'commander';
import { UsageError } from '../errors.js';

function positive(flag: string, integer: boolean, min = integer ? 1 : Number.MIN_VALUE) {
  return (v: string): number => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < min || (integer && !Number.isInteger(n)))
      throw new InvalidArgumentError(`${flag} must be ${integer ? `a whole number${min === 0 ? '' : ' of at least 1'}` : 'a positive number'}`);
    return n;
  };
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

export function sizeOption(flag: string) {
  return (v: string): number => {
    const m = /^(\d+(?:\.\d+)?)\s*([kmg]?b?)$/i.exec(v.trim());
    const n = m ? Math.floor(Number(m[1]) * SIZE_UNITS[m[2].toLowerCase()]) : NaN;
    if (!m || !(n >= 1)) throw new InvalidArgumentError(`${flag} must be a size such as 20MB, 512KB or 1000000`);
    return n;
  };
}

function contactOption(v: string): string {
  // It goes into an HTTP header: printable ASCII only, no line breaks.
  if (!/^[\x20-\x7e]{3,200}$/.test(v.trim())) throw new InvalidArgumentError('--contact must be an e-mail address or URL in plain ASCII');
  return v.trim();
}

interface Def {
  name: string;
  arg?: string;
  description: string;
  parse?: (v: string) => unknown;
  default?: unknown;
  /** How --help shows the default, when the value itself would not read well. */
  defaultLabel?: string;
  /** Also offered on `netral scan` as --fetch-<name>. */
  scan: boolean;
}

const DEFS: Def[] = [
  { name: 'roster', arg: '<file>', description: 'fetch every fetchable account listed in a roster CSV (nip, nama, unit_kerja, jabatan, one column per platform)', scan: true },
  { name: 'archive', arg: '<dir>', description: 'keep every raw response under its sha256, with manifest.jsonl, as evidence', scan: true },
  { name: 'since', arg: '<date>', description: 'only posts from this time on (e.g. 2024-01-01; naive times in --tz)', scan: true },
  { name: 'state', arg: '<file>', description: 'remember what was fetched from each account; later runs fetch only what is new (for cron)', scan: true },
  { name: 'rate', arg: '<n>', description: 'requests per second to one host', parse: positive('--rate', false), default: 1, scan: true },
  { name: 'contact', arg: '<address>', description: 'an e-mail or URL added to the User-Agent, so server admins can reach you', parse: contactOption, scan: true },
  { name: 'bluesky-api', arg: '<url>', description: 'Bluesky AppView to ask', default: 'https://public.api.bsky.app', scan: true },
  { name: 'max-posts', arg: '<n>', description: 'at most this many posts per account (the newest)', parse: positive('--max-posts', true), scan: true },
  { name: 'concurrency', arg: '<n>', description: 'requests in flight to one host', parse: positive('--concurrency', true), default: 2, scan: false },
  { name: 'jobs', arg: '<n>', description: 'accounts fetched at the same time', parse: positive('--jobs', true), default: 4, scan: false },
  { name: 'timeout', arg: '<seconds>', description: 'limit for connecting, for the response headers, and for each wait between body data', parse: positive('--timeout', false), default: 30, scan: false },
  { name: 'max-body-size', arg: '<size>', description: 'largest response accepted', parse: sizeOption('--max-body-size'), default: 20 * 1024 * 1024, defaultLabel: '20MB', scan: false },
  { name: 'max-redirects', arg: '<n>', description: 'redirects followed per request', parse: positive('--max-redirects', true, 0), default: 5, scan: false },
  { name: 'retries', arg: '<n>', description: 'retries of one request (429, 5xx, broken connections)', parse: positive('--retries', true, 0), default: 4, scan: false },
  { name: 'retry-budget', arg: '<n>', description: 'retries allowed in the whole run', parse: positive('--retry-budget', true, 0), default: 100, scan: false },
  { name: 'max-wait', arg: '<seconds>', description: 'longest wait a server may ask for (Retry-After) before the account is given up', parse: positive('--max-wait', false), default: 300, scan: false },
];

/** The fetch settings as commander hands them over (before checks that need several options together). */
export interface FetchCliOptions {
  roster?: string;
  archive?: string;
  since?: string;
  state?: string;
  rate: number;
  contact?: string;
  blueskyApi: string;
  maxPosts?: number;
  concurrency: number;
  jobs: number;
  timeout: number;
  maxBodySize: number;
  maxRedirects: number;
  retries: number;
  retryBudget: number;
  maxWait: number;
}

/** What `netral scan` receives for `--fetch …` and `--fetch-*` options. */
export interface ScanFetchOptions {
  fetch?: string[];
  [key: `fetch${string}`]: unknown;
}

function camel(s: string): string {
  return s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Adds the fetch options to `netral fetch` (prefix '') or to `netral scan` (prefix 'fetch-', everyday ones). */
export function addFetchOptions(cmd: Command, prefix: '' | 'fetch-'): Command {
  if (prefix) cmd.option('--fetch <source>', 'also fetch posts from this source and scan them (repeatable; see netral fetch --help)', (v: string, prev: string[] = []) => [...prev, v]);
  for (const d of DEFS) {
    if (prefix && !d.scan) continue;
    const opt = new Option(`--${prefix}${d.name} ${d.arg ?? ''}`.trim(), d.description);
    if (d.parse) opt.argParser(d.parse as (v: string, prev: unknown) => unknown);
    if (d.default !== undefined) opt.default(d.default, d.defaultLabel);
    cmd.addOption(opt);
  }
  return cmd;
}

/** The FetchCliOptions inside `netral scan`'s options (fetch-prefixed), with defaults for the ones scan lacks. */
export function fetchOptionsFromScan(o: ScanFetchOptions): FetchCliOptions {
  const out: Record<string, unknown> = {};
  for (const d of DEFS) {
    const v = o[camel(`fetch-${d.name}`) as `fetch${string}`];
    out[camel(d.name)] = v !== undefined ? v : d.default;
  }
  return out as unknown as FetchCliOptions;
}

/** True when `netral scan` was asked to fetch; a --fetch-* setting without anything to fetch is a usage error. */
export function scanWantsFetch(o: ScanFetchOptions): boolean {
  if ((o.fetch?.length ?? 0) > 0 || o.fetchRoster !== undefined) return true;
  const stray = DEFS.filter((d) => d.scan && d.default === undefined && o[camel(`fetch-${d.name}`) as `fetch${string}`] !== undefined);
  if (stray.length > 0) throw new UsageError(`--fetch-${stray[0].name} needs something to fetch: add --fetch SOURCE or --fetch-roster FILE`);
  return false;
}
