// Incremental collection for cron: the state file remembers, per account, what was already fetched, so the next run
// fetches only what is new. There are two kinds of account:
// - paged (Mastodon, Bluesky): the service lists posts newest first, so the newest post time seen is enough; the next
//   run stops paging at the first older post. Posts that share that exact time are remembered by id (two posts in
//   the same second must not be lost or repeated).
// - listed (RSS/Atom feeds, web pages): the whole current list of items is in hand at once, and its dates are not to
//   be trusted for order (back-dated and scheduled blog posts are common), so the ids of the items fetched are
//   remembered with their times, and an item not among them is new whatever its date. The list is bounded; an
//   unknown item no later than the newest one forgotten is taken as already fetched.
// Posts without a time (some feeds) are remembered by id in both kinds. The file is rewritten atomically, and only
// after the run's output is safely written. Version 1 files (newest time only) are read and rewritten as version 2.

import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../report/output.js';
import { isoUtc } from '../sources/time.js';

export interface AccountState {
  /** Time of the newest post fetched (UTC ISO), or null when none had a time. */
  newest: string | null;
  /** Ids of posts with exactly that time. */
  ids_at_newest: string[];
  /** Ids of posts without a time already fetched (bounded). */
  undated: string[];
  /** Listed accounts: the id and time (UTC ISO) of each dated item already fetched or passed over (bounded). */
  seen?: Record<string, string>;
  /** Listed accounts: the latest time among the ids dropped from `seen` to keep it bounded, or null. */
  seen_floor?: string | null;
  updated_at: string;
}

const VERSION = 2;

interface StateFile {
  version: typeof VERSION;
  updated_at: string;
  accounts: Record<string, AccountState>;
}

const MAX_UNDATED = 2000;
/** Dated ids kept per listed account: a feed lists tens to a few hundred items, so this is years of a busy blog. */
export const MAX_SEEN = 5000;

export type Decision = 'take' | 'seen' | 'older';

/** What to fetch for one account, and what its state becomes after a run that completed. */
export interface Window {
  /** Whether a post is new ('take'), already fetched ('seen'), or before what is wanted ('older'). */
  decide(atMs: number | null, id: string): Decision;
  /** Notes a post that was fetched, for the next state. */
  taken(atMs: number | null, id: string): void;
  /** The account's state after a successful run, from its previous state. */
  next(prev: AccountState | undefined, now: string): AccountState;
}

function ms(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** The newest post time fetched and the ids at that time, carried from one run to the next. */
class Newest {
  private newestMs: number | null = null;
  private readonly atNewest = new Set<string>();
  private readonly undatedNew: string[] = [];

  taken(atMs: number | null, id: string): void {
    if (atMs === null) {
      if (!this.undatedNew.includes(id)) this.undatedNew.push(id);
      return;
    }
    if (this.newestMs === null || atMs > this.newestMs) {
      this.newestMs = atMs;
      this.atNewest.clear();
    }
    if (atMs === this.newestMs) this.atNewest.add(id);
  }

  next(prev: AccountState | undefined, now: string): AccountState {
    const prevMs = ms(prev?.newest);
    let newest = prev?.newest ?? null;
    let ids = prev?.ids_at_newest ?? [];
    if (this.newestMs !== null && (prevMs === null || this.newestMs >= prevMs)) {
      newest = isoUtc(this.newestMs);
      ids = this.newestMs === prevMs ? [...new Set([...ids, ...this.atNewest])] : [...this.atNewest];
    }
    const undated = [...new Set([...(prev?.undated ?? []), ...this.undatedNew])].slice(-MAX_UNDATED);
    return { newest, ids_at_newest: ids, undated, updated_at: now };
  }
}

/** A paged account: posts after the cutoff, minus those already fetched at its edge. */
export class PagedWindow implements Window {
  private readonly newest = new Newest();

  constructor(
    private readonly cutoffMs: number | null,
    private readonly seenAtCutoff: ReadonlySet<string>,
    private readonly seenUndated: ReadonlySet<string>,
  ) {}

  decide(atMs: number | null, id: string): Decision {
    if (atMs === null) return this.seenUndated.has(id) ? 'seen' : 'take';
    if (this.cutoffMs === null) return 'take';
    if (atMs < this.cutoffMs) return 'older';
    if (atMs === this.cutoffMs && this.seenAtCutoff.has(id)) return 'seen';
    return 'take';
  }

  taken(atMs: number | null, id: string): void {
    this.newest.taken(atMs, id);
  }

  next(prev: AccountState | undefined, now: string): AccountState {
    return this.newest.next(prev, now);
  }
}

/**
 * A listed account: every item the list holds that was not fetched before (and is not before --since), whatever its
 * date. Every item decided on is remembered as fetched, taken or not: a collector decides on its whole list before
 * yielding, so items passed over at --max-posts are not fetched later either.
 */
export class ListedWindow implements Window {
  private readonly newest = new Newest();
  /** Dated items decided on in this run (new or already fetched), with their times. */
  private readonly listed = new Map<string, number>();
  private readonly undatedListed = new Set<string>();
  private readonly seen: ReadonlyMap<string, number>;
  private readonly seenUndated: ReadonlySet<string>;
  private readonly floorMs: number | null;
  /** A version 1 state (newest time only): items up to that time count as fetched, as they did then. */
  private readonly legacy: { ms: number; ids: ReadonlySet<string> } | null;

  constructor(
    private readonly sinceMs: number | null,
    prev: AccountState | undefined,
  ) {
    const seen = new Map<string, number>();
    for (const [id, at] of Object.entries(prev?.seen ?? {})) {
      const t = ms(at);
      if (t !== null) seen.set(id, t);
    }
    this.seen = seen;
    this.seenUndated = new Set(prev?.undated ?? []);
    this.floorMs = ms(prev?.seen_floor);
    const newestMs = ms(prev?.newest);
    this.legacy = prev && prev.seen === undefined && newestMs !== null ? { ms: newestMs, ids: new Set(prev.ids_at_newest) } : null;
  }

  decide(atMs: number | null, id: string): Decision {
    if (atMs === null) {
      if (this.seenUndated.has(id) || this.undatedListed.has(id)) return 'seen';
      this.undatedListed.add(id);
      return 'take';
    }
    // Also an id listed twice in one feed: it is one item.
    if (this.seen.has(id) || this.listed.has(id)) {
      this.listed.set(id, atMs);
      return 'seen';
    }
    if (this.sinceMs !== null && atMs < this.sinceMs) return 'older';
    const old =
      (this.legacy !== null && (atMs < this.legacy.ms || (atMs === this.legacy.ms && this.legacy.ids.has(id)))) ||
      (this.floorMs !== null && atMs <= this.floorMs);
    this.listed.set(id, atMs);
    return old ? 'seen' : 'take';
  }

  taken(atMs: number | null, id: string): void {
    this.newest.taken(atMs, id);
  }

  next(prev: AccountState | undefined, now: string): AccountState {
    const base = this.newest.next(prev, now);
    const all = new Map<string, number>(this.seen);
    for (const [id, at] of this.listed) all.set(id, at);
    const byTime = [...all].sort((a, b) => b[1] - a[1]);
    const kept = byTime.slice(0, MAX_SEEN);
    const dropped = byTime.slice(MAX_SEEN);
    let floorMs = this.floorMs;
    if (dropped.length > 0 && (floorMs === null || dropped[0][1] > floorMs)) floorMs = dropped[0][1];
    const undated = [...new Set([...(prev?.undated ?? []), ...this.undatedListed])].slice(-MAX_UNDATED);
    return {
      ...base,
      undated,
      seen: Object.fromEntries(kept.map(([id, at]) => [id, isoUtc(at)])),
      seen_floor: floorMs === null ? null : isoUtc(floorMs),
      updated_at: now,
    };
  }
}

function stringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** An account's state as read from the file (either version), or why it cannot be used. */
function readAccount(v: unknown): AccountState | string {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not an object';
  const a = v as Record<string, unknown>;
  if (a.newest !== null && typeof a.newest !== 'string') return '"newest" is not a time or null';
  if (!stringList(a.ids_at_newest ?? [])) return '"ids_at_newest" is not a list of ids';
  if (!stringList(a.undated ?? [])) return '"undated" is not a list of ids';
  const seen = a.seen;
  if (seen !== undefined && (typeof seen !== 'object' || seen === null || Array.isArray(seen) || !Object.values(seen).every((t) => typeof t === 'string')))
    return '"seen" is not an object of ids and times';
  if (a.seen_floor !== undefined && a.seen_floor !== null && typeof a.seen_floor !== 'string') return '"seen_floor" is not a time or null';
  const out: AccountState = {
    newest: (a.newest as string | null | undefined) ?? null,
    ids_at_newest: (a.ids_at_newest as string[] | undefined) ?? [],
    undated: (a.undated as string[] | undefined) ?? [],
    updated_at: typeof a.updated_at === 'string' ? a.updated_at : '',
  };
  if (seen !== undefined) {
    out.seen = seen as Record<string, string>;
    out.seen_floor = (a.seen_floor as string | null | undefined) ?? null;
  }
  return out;
}

export class FetchState {
  private constructor(
    readonly file: string | null,
    private readonly accounts: Record<string, AccountState>,
  ) {}

  static empty(): FetchState {
    return new FetchState(null, {});
  }

  /** Reads the state file (version 1 or 2); a missing file is an empty state (the first run). */
  static async load(file: string): Promise<FetchState> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new FetchState(file, {});
      throw new InputError(`${file}: cannot read the state file: ${(e as Error).message}`);
    }
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      throw new InputError(`${file}: the state file is not valid JSON (${(e as Error).message}); fix it, or delete it to fetch everything again`);
    }
    const f = v as Partial<Record<string, unknown>> | null;
    if (typeof f !== 'object' || f === null || Array.isArray(f) || typeof f.accounts !== 'object' || f.accounts === null || Array.isArray(f.accounts) || typeof f.version !== 'number')
      throw new InputError(`${file}: not a netral fetch state file (expected {"version": ${VERSION}, "accounts": {…}})`);
    if (f.version > VERSION) throw new InputError(`${file}: the state file was written by a newer netral (state version ${f.version}); use that version, or a new state file`);
    if (f.version !== 1 && f.version !== VERSION) throw new InputError(`${file}: not a netral fetch state file (unknown version ${f.version})`);
    const accounts: Record<string, AccountState> = {};
    for (const [key, a] of Object.entries(f.accounts as Record<string, unknown>)) {
      const s = readAccount(a);
      if (typeof s === 'string') throw new InputError(`${file}: account "${key}": ${s}; fix it, or delete the account's entry to fetch it again`);
      accounts[key] = s;
    }
    return new FetchState(file, accounts);
  }

  get(key: string): AccountState | undefined {
    return this.accounts[key];
  }

  /**
   * The window for an account. Paged: after the later of --since and the account's last fetched post. Listed: what
   * the list holds that was not fetched before, from --since on.
   */
  window(key: string, sinceMs: number | null, listed: boolean): Window {
    const s = this.accounts[key];
    if (listed) return new ListedWindow(sinceMs, s);
    const fromState = ms(s?.newest);
    let cutoff = sinceMs;
    let edge: ReadonlySet<string> = new Set();
    if (fromState !== null && (cutoff === null || fromState >= cutoff)) {
      cutoff = fromState;
      edge = new Set(s?.ids_at_newest ?? []);
    }
    return new PagedWindow(cutoff, edge, new Set(s?.undated ?? []));
  }

  set(key: string, state: AccountState): void {
    this.accounts[key] = state;
  }

  async save(now: string): Promise<void> {
    if (!this.file) return;
    const sorted = Object.fromEntries(Object.entries(this.accounts).sort(([a], [b]) => a.localeCompare(b)));
    const out: StateFile = { version: VERSION, updated_at: now, accounts: sorted };
    await writeFileAtomic(this.file, `${JSON.stringify(out, null, 2)}\n`);
  }
}
