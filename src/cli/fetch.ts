// `netral fetch SOURCE…`: collect public posts over HTTP and write them as JSONL post records (the record `netral
// scan` reads), on stdout or atomically to -o FILE. Also the fetching half of `netral scan --fetch`.
//
// Exit codes: 0 every account fetched (or deliberately skipped); 2 a usage error, an unusable roster row, an
// account that failed (its error is on stderr; the other accounts' posts are still written), or an output error.

import path from 'node:path';
import { UsageError, EXIT } from '../errors.js';
import { VERSION } from '../version.js';
import { checkReplaceable, fileOutput, stdoutOutput } from '../report/output.js';
import { normaliseTimestamp } from '../sources/time.js';
import type { Item } from '../sources/inputs.js';
import type { InputCounts } from '../model.js';
import { FetchRun } from '../fetch/collect.js';
import { Progress } from '../fetch/progress.js';
import { httpUrl, parseSource, SOURCE_FORMS, type Source } from '../fetch/sources.js';
import { readRoster, type Roster } from '../roster/parse.js';
import { rosterSources } from '../fetch/roster-sources.js';
import { spinnerAllowed, type Io } from './io.js';
import { safeJson, terminalLine } from '../report/sanitize.js';
import { fetchOptionsFromScan, type FetchCliOptions, type ScanFetchOptions } from './fetch-options.js';

export interface FetchCommandOptions extends FetchCliOptions {
  output?: string;
  tz: string;
  quiet: boolean;
}

export function userAgent(contact: string | undefined): string {
  return `netral/${VERSION} (ASN neutrality audit of public posts${contact ? `; contact: ${contact}` : ''})`;
}

function sinceMs(since: string | undefined, tz: string): number | null {
  if (since === undefined) return null;
  const ts = normaliseTimestamp(since, tz);
  if (!ts.utc) throw new UsageError(`--since: "${since}" is not a date (use e.g. 2024-01-01 or 2024-01-01T08:00:00+07:00)`);
  return Date.parse(ts.utc);
}

function blueskyApi(v: string): string {
  const u = httpUrl(v);
  if ('error' in u) throw new UsageError(`--bluesky-api: ${u.error}`);
  return u.href.replace(/\/+$/, '');
}

export interface PreparedFetch {
  run: FetchRun;
  progress: Progress;
  /** Roster rows or handles that could not be used (each already reported). */
  problems: number;
}

/**
 * Checks the options, reads the roster, opens state and archive; nothing is requested yet. `read` is a roster the
 * caller has already read and reported (scan's attribution roster): when it is the same file, it is used as it is.
 */
export async function prepareFetch(args: string[], o: FetchCommandOptions, io: Io, warnSkips: boolean, read: Roster | null = null): Promise<PreparedFetch> {
  if (args.length === 0 && o.roster === undefined) throw new UsageError(`nothing to fetch: give one or more sources (${SOURCE_FORMS}) or --roster FILE`);
  const sources: Source[] = [];
  const bad: string[] = [];
  for (const a of args) {
    const s = parseSource(a);
    if ('error' in s) bad.push(s.error);
    else if (!sources.some((x) => x.key === s.key)) sources.push(s);
  }
  if (bad.length > 0) throw new UsageError(bad.join('\n  '));
  const since = sinceMs(o.since, o.tz);
  const api = blueskyApi(o.blueskyApi);
  const delayScale = Number(io.env.NETRAL_FETCH_DELAY_SCALE ?? '1');
  if (!(delayScale >= 0)) throw new UsageError('NETRAL_FETCH_DELAY_SCALE must be a number ≥ 0');
  // Before anything is fetched: the state is written at the end, and a state that may not be replaced would waste
  // the run (and fetch the same posts again next time).
  if (o.state !== undefined) await checkReplaceable(o.state);

  const progress = await Progress.create(io.stderr, { tty: spinnerAllowed(io), quiet: o.quiet, maxPosts: o.maxPosts ?? null });
  try {
    let problems = 0;
    if (o.roster !== undefined) {
      // Read once per run: a second read would repeat every roster warning, and could see a different file.
      const shared = read !== null && path.resolve(read.file) === path.resolve(o.roster);
      const r = rosterSources(shared ? read : await readRoster(o.roster), { reported: shared });
      for (const n of r.notes) progress.note(n);
      for (const p of r.problems) progress.line(`netral: error: ${p}`);
      problems = r.problems.length;
      for (const s of r.sources) if (!sources.some((x) => x.key === s.key)) sources.push(s);
      if (r.sources.length === 0) progress.note(`${o.roster}: no Mastodon or Bluesky handles to fetch`);
    }
    const run = await FetchRun.start(
      {
        sources,
        http: {
          userAgent: userAgent(o.contact),
          rate: o.rate,
          concurrency: o.concurrency,
          timeoutMs: o.timeout * 1000,
          maxBodyBytes: o.maxBodySize,
          maxRedirects: o.maxRedirects,
          retries: o.retries,
          retryBudget: o.retryBudget,
          backoffBaseMs: 1000,
          backoffCapMs: 60_000,
          maxWaitMs: o.maxWait * 1000,
          delayScale,
        },
        archiveDir: o.archive ?? null,
        stateFile: o.state ?? null,
        sinceMs: since,
        timeZone: o.tz,
        blueskyApi: api,
        maxPosts: o.maxPosts ?? null,
        jobs: o.jobs,
        warnSkips,
      },
      progress,
    );
    return { run, progress, problems };
  } catch (e) {
    progress.stop();
    throw e;
  }
}

/** The closing line: how many posts from how many accounts, and which failed. */
function summaryLine(p: PreparedFetch): string {
  const reps = p.run.reports;
  const posts = reps.reduce((n, r) => n + r.posts, 0);
  const skipped = reps.reduce((n, r) => n + r.skipped, 0);
  const failed = reps.filter((r) => r.status === 'failed');
  const skippedAccounts = reps.filter((r) => r.status === 'skipped');
  const parts = [`netral: fetched ${posts} post${posts === 1 ? '' : 's'}${skipped > 0 ? ` (${skipped} record${skipped === 1 ? '' : 's'} skipped)` : ''} from ${reps.length - failed.length - skippedAccounts.length} of ${reps.length} account${reps.length === 1 ? '' : 's'}`];
  if (skippedAccounts.length > 0) parts.push(`${skippedAccounts.length} skipped`);
  if (failed.length > 0) parts.push(`${failed.length} failed: ${failed.map((r) => r.key).join(', ')}`);
  if (p.problems > 0) parts.push(`${p.problems} roster problem${p.problems === 1 ? '' : 's'}`);
  return parts.join('; ');
}

export async function fetchCommand(args: string[], o: FetchCommandOptions, io: Io): Promise<number> {
  const p = await prepareFetch(args, o, io, true);
  let out;
  try {
    out = o.output ? await fileOutput(o.output) : stdoutOutput(io.stdout, io.stdoutIsTTY);
  } catch (e) {
    await p.run.close();
    throw e;
  }
  try {
    // Skipped records were already reported by the run, in order with their account's lines.
    for await (const { item } of p.run.items()) {
      if (item.type !== 'post') continue;
      const w = out.sink.write(`${safeJson(item.post)}\n`);
      if (w) await w;
    }
    await out.commit();
  } catch (e) {
    await out.abort();
    await p.run.close();
    throw e;
  }
  // Only now that the posts are safely written may the state say they were fetched.
  await p.run.finish();
  if (!o.quiet) io.stderr.write(`${terminalLine(summaryLine(p))}\n`);
  return p.run.failed.length > 0 || p.problems > 0 ? EXIT.ERROR : EXIT.OK;
}

/** For `netral scan --fetch`: the fetched posts as one more input stream in front of the files. */
export interface ScanFetch {
  /** One entry per account, like the per-file counts of a scan. */
  counts: InputCounts[];
  items(after: AsyncIterable<Item>): AsyncGenerator<Item>;
  /** Call after the report is committed: saves the state. */
  finish(): Promise<void>;
  /** Call when the scan fails: closes without saving the state. */
  close(): Promise<void>;
  /** True when an account failed or a roster row was unusable (exit 2). */
  failed(): boolean;
}

export async function fetchForScan(o: ScanFetchOptions & { tz: string; quiet: boolean }, io: Io, roster: Roster | null): Promise<ScanFetch> {
  const p = await prepareFetch(o.fetch ?? [], { ...fetchOptionsFromScan(o), tz: o.tz, quiet: o.quiet }, io, false, roster);
  return {
    counts: p.run.counts,
    async *items(after) {
      yield* p.run.items();
      p.progress.stop();
      yield* after;
    },
    finish: () => p.run.finish(),
    close: () => p.run.close(),
    failed: () => p.run.failed.length > 0 || p.problems > 0,
  };
}
