// Runs the accounts of one fetch: a few at a time (per-host politeness is the HttpClient's), each through its
// collector, into one stream of read items with per-account counts, the same shape `netral scan` reads from files.
// One account failing never costs another its posts: the error is kept on that account and the run goes on. The
// state file advances only for accounts that completed, and only when finish() is called after the output is safe.

import type { InputCounts } from '../model.js';
import { OutputError } from '../errors.js';
import type { Item } from '../sources/inputs.js';
import type { ReadItem } from '../sources/types.js';
import { EvidenceArchive } from './archive.js';
import { AccountSkipped, type CollectContext, type Collected } from './collector.js';
import { FetchError, HttpClient, type HttpOptions } from './http.js';
import type { Source } from './sources.js';
import { FetchState, type Window } from './state.js';
import type { AccountReport, Progress } from './progress.js';
import { collectMastodon } from './mastodon.js';
import { collectBluesky } from './bluesky.js';
import { collectFeed } from './feed.js';
import { collectPage } from './page.js';

export interface FetchSettings {
  sources: Source[];
  http: Omit<HttpOptions, 'archive'>;
  archiveDir: string | null;
  stateFile: string | null;
  /** Only posts at or after this time (epoch ms). */
  sinceMs: number | null;
  timeZone: string;
  blueskyApi: string;
  maxPosts: number | null;
  /** Accounts fetched at the same time. */
  jobs: number;
  /** Warn about skipped records here, in order with the account's lines (false when the consumer does, as scan). */
  warnSkips: boolean;
}

/** Items buffered ahead of a slow consumer before collectors wait. */
const QUEUE = 256;
/** Skip warnings shown per account; the counts include them all. */
const SKIPS_SHOWN = 20;

function collector(src: Source, ctx: CollectContext): AsyncGenerator<Collected> {
  switch (src.kind) {
    case 'mastodon':
      return collectMastodon(src, ctx);
    case 'bluesky':
      return collectBluesky(src, ctx);
    case 'feed':
      return collectFeed(src, ctx);
    case 'page':
      return collectPage(src, ctx);
    case 'unfetchable':
      throw new FetchError(src.reason);
  }
}

/** The address of an account that is one address (a feed, a page), else null. */
function addressOf(src: Source): string | null {
  return src.kind === 'feed' || src.kind === 'page' ? src.url : null;
}

function format(src: Source): string {
  return `fetch:${src.kind === 'feed' ? 'rss' : src.kind === 'page' ? 'web' : src.kind}`;
}

export class FetchRun {
  readonly reports: AccountReport[];
  readonly counts: InputCounts[];
  private readonly windows: (Window | null)[];
  private cancelled = false;

  private constructor(
    private readonly s: FetchSettings,
    private readonly http: HttpClient,
    private readonly archive: EvidenceArchive | null,
    private readonly state: FetchState,
    private readonly progress: Progress,
  ) {
    this.reports = s.sources.map((src) => ({ key: src.key, status: 'pending', posts: 0, skipped: 0, pages: 0, retries: 0, capped: false }));
    this.counts = s.sources.map((src) => ({ input: src.key, format: format(src), read: 0, scanned: 0, skipped: 0 }));
    this.windows = s.sources.map(() => null);
  }

  /** Reads the state file and opens the archive: problems with either stop the run before any request. */
  static async start(s: FetchSettings, progress: Progress): Promise<FetchRun> {
    const state = s.stateFile ? await FetchState.load(s.stateFile) : FetchState.empty();
    const archive = s.archiveDir ? await EvidenceArchive.open(s.archiveDir) : null;
    const http = await HttpClient.create({ ...s.http, archive });
    return new FetchRun(s, http, archive, state, progress);
  }

  get failed(): AccountReport[] {
    return this.reports.filter((r) => r.status === 'failed');
  }

  /** Every post and skip, as they arrive, with the counts of the account they belong to. */
  async *items(): AsyncGenerator<Item> {
    const queue: Item[] = [];
    let wakeConsumer: (() => void) | null = null;
    const wakeProducers: (() => void)[] = [];
    let failure: { error: unknown } | null = null;
    let next = 0;
    let running = 0;
    const wake = () => {
      wakeConsumer?.();
      wakeConsumer = null;
    };
    const push = async (item: Item) => {
      queue.push(item);
      wake();
      while (queue.length >= QUEUE && !this.cancelled) await new Promise<void>((r) => wakeProducers.push(r));
    };
    const worker = async () => {
      while (next < this.s.sources.length && !this.cancelled) await this.runAccount(next++, push);
    };
    for (let i = 0; i < Math.min(this.s.jobs, this.s.sources.length); i++) {
      running++;
      worker()
        .catch((e: unknown) => {
          failure ??= { error: e };
          this.cancelled = true;
        })
        .finally(() => {
          running--;
          wake();
        });
    }
    try {
      for (;;) {
        if (queue.length > 0) {
          const item = queue.shift()!;
          for (const r of wakeProducers.splice(0)) r();
          yield item;
          continue;
        }
        if (failure) throw (failure as { error: unknown }).error;
        if (running === 0) return;
        await new Promise<void>((r) => (wakeConsumer = r));
      }
    } finally {
      // The consumer stopped (done, or its output failed): let blocked collectors see that and end.
      this.cancelled = true;
      for (const r of wakeProducers.splice(0)) r();
      while (running > 0) await new Promise<void>((r) => (wakeConsumer = r));
    }
  }

  private async runAccount(i: number, push: (item: Item) => Promise<void>): Promise<void> {
    const src = this.s.sources[i];
    const rep = this.reports[i];
    const counts = this.counts[i];
    rep.status = 'running';
    this.progress.start(rep);
    // Feeds and pages hand over their whole list at once, in no reliable order: they remember ids (state.ts).
    const window = this.state.window(src.key, this.s.sinceMs, src.kind === 'feed' || src.kind === 'page');
    let record = 0;
    const ctx: CollectContext = {
      window,
      timeZone: this.s.timeZone,
      blueskyApi: this.s.blueskyApi,
      get: async (url, accept, page = true) => {
        const res = await this.http.get(url, {
          accept,
          source: src.key,
          onRetry: () => {
            rep.retries++;
            this.progress.update();
          },
        });
        if (page) rep.pages++;
        this.progress.update();
        return res;
      },
      note: (m) => this.progress.note(m),
      ref: () => ({ file: src.key, record: ++record }),
    };
    try {
      for await (const c of collector(src, ctx)) {
        if (this.cancelled) return;
        counts.read++;
        let item: ReadItem;
        if (c.type === 'post') {
          window.taken(c.at, c.post.id);
          rep.posts++;
          item = { type: 'post', post: c.post };
        } else {
          rep.skipped++;
          counts.skipped++;
          item = c;
          if (this.s.warnSkips && rep.skipped <= SKIPS_SHOWN) this.progress.warn(`${src.key}#${c.source.record}: skipped: ${c.reason}`);
        }
        await push({ counts, item });
        this.progress.update();
        if (this.s.maxPosts !== null && rep.posts >= this.s.maxPosts) {
          rep.capped = true;
          break;
        }
      }
      rep.status = 'ok';
      this.windows[i] = window;
      if (this.s.warnSkips && rep.skipped > SKIPS_SHOWN) this.progress.warn(`${src.key}: ${rep.skipped - SKIPS_SHOWN} more skipped records not shown`);
    } catch (e) {
      if (e instanceof OutputError) throw e;
      if (e instanceof AccountSkipped) {
        rep.status = 'skipped';
        rep.note = e.message;
      } else {
        rep.status = 'failed';
        // An unexpected error is still only this account's: the others go on.
        // The line starts with the account: a page's or feed's own address is not named again.
        rep.error = e instanceof FetchError ? e.forAccount(addressOf(src)) : `unexpected error: ${(e as Error)?.message ?? String(e)} (please report this)`;
        counts.error = rep.error;
      }
    }
    this.progress.done(rep);
  }

  /** After the output is committed: advances the state of every account that completed, then closes. */
  async finish(): Promise<void> {
    const now = new Date().toISOString();
    this.s.sources.forEach((src, i) => {
      const w = this.windows[i];
      if (w && this.reports[i].status === 'ok') this.state.set(src.key, w.next(this.state.get(src.key), now));
    });
    try {
      await this.state.save(now);
    } finally {
      await this.close();
    }
  }

  /** Closes without touching the state (the output failed, or the run was abandoned). */
  async close(): Promise<void> {
    this.progress.stop();
    await this.http.close().catch(() => {});
    await this.archive?.close();
  }
}
