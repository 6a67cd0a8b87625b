// Incremental collection for cron: the state file remembers, per account, the newest post time seen, so the next
// run fetches only what is newer. Posts that share that exact time are remembered by id (two posts in the same
// second must not be lost or repeated), as are posts without a time (some feeds), which have no other order.
// The file is rewritten atomically, and only after the run's output is safely written.

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
  updated_at: string;
}

interface StateFile {
  version: 1;
  updated_at: string;
  accounts: Record<string, AccountState>;
}

const MAX_UNDATED = 2000;

export type Decision = 'take' | 'seen' | 'older';

/** What to fetch for one account: posts after the cutoff, minus those already fetched at its edge. */
export class Window {
  private newestMs: number | null = null;
  private readonly atNewest = new Set<string>();
  private readonly undatedNew: string[] = [];

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

  /** Notes a post that was fetched, for the next state. */
  taken(atMs: number | null, id: string): void {
    if (atMs === null) {
      this.undatedNew.push(id);
      return;
    }
    if (this.newestMs === null || atMs > this.newestMs) {
      this.newestMs = atMs;
      this.atNewest.clear();
    }
    if (atMs === this.newestMs) this.atNewest.add(id);
  }

  /** The account's state after a successful run, from its previous state. */
  next(prev: AccountState | undefined, now: string): AccountState {
    const prevMs = prev?.newest ? Date.parse(prev.newest) : null;
    let newest = prev?.newest ?? null;
    let ids = prev?.ids_at_newest ?? [];
    if (this.newestMs !== null && (prevMs === null || this.newestMs >= prevMs)) {
      newest = isoUtc(this.newestMs);
      ids = this.newestMs === prevMs ? [...new Set([...ids, ...this.atNewest])] : [...this.atNewest];
    }
    const undated = [...(prev?.undated ?? []), ...this.undatedNew].slice(-MAX_UNDATED);
    return { newest, ids_at_newest: ids, undated, updated_at: now };
  }
}

export class FetchState {
  private constructor(
    readonly file: string | null,
    private readonly accounts: Record<string, AccountState>,
  ) {}

  static empty(): FetchState {
    return new FetchState(null, {});
  }

  /** Reads the state file; a missing file is an empty state (the first run). */
  static async load(file: string): Promise<FetchState> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new FetchState(file, {});
      throw new InputError(`${file}: cannot read the state file: ${(e as Error).message}`);
    }
    let v: Partial<StateFile>;
    try {
      v = JSON.parse(text) as Partial<StateFile>;
    } catch (e) {
      throw new InputError(`${file}: the state file is not valid JSON (${(e as Error).message}); fix it, or delete it to fetch everything again`);
    }
    if (typeof v !== 'object' || v === null || v.version !== 1 || typeof v.accounts !== 'object' || v.accounts === null)
      throw new InputError(`${file}: not a netral fetch state file (expected {"version": 1, "accounts": {…}})`);
    return new FetchState(file, v.accounts);
  }

  get(key: string): AccountState | undefined {
    return this.accounts[key];
  }

  /** The window for an account: after the later of --since and the account's last fetched post. */
  window(key: string, sinceMs: number | null): Window {
    const s = this.accounts[key];
    const newestMs = s?.newest ? Date.parse(s.newest) : null;
    const fromState = newestMs !== null && !Number.isNaN(newestMs) ? newestMs : null;
    let cutoff = sinceMs;
    let edge: ReadonlySet<string> = new Set();
    if (fromState !== null && (cutoff === null || fromState >= cutoff)) {
      cutoff = fromState;
      edge = new Set(s?.ids_at_newest ?? []);
    }
    return new Window(cutoff, edge, new Set(s?.undated ?? []));
  }

  set(key: string, state: AccountState): void {
    this.accounts[key] = state;
  }

  async save(now: string): Promise<void> {
    if (!this.file) return;
    const sorted = Object.fromEntries(Object.entries(this.accounts).sort(([a], [b]) => a.localeCompare(b)));
    const out: StateFile = { version: 1, updated_at: now, accounts: sorted };
    await writeFileAtomic(this.file, `${JSON.stringify(out, null, 2)}\n`);
  }
}
