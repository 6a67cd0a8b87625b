// `netral audit --config audit.yml`: the whole audit as one command for a crontab line. Reads the config, takes the
// lock, scans every source into every report (each written atomically), then adds the new findings to the
// baseline. Ends with a one-line JSON summary on stderr when stderr is not a terminal (cron mail, log files), or
// a short human summary when it is.

import { EXIT, FileError, NoCampaignDatesError, UnknownElectionError } from '../errors.js';
import { acquireLock } from '../audit/lock.js';
import { configError, expandName, readAuditConfig, type AuditConfig } from '../audit/config.js';
import type { ScanFetchOptions } from './fetch-options.js';
import type { ScanSummary } from '../report/types.js';
import { formatInZone } from '../sources/time.js';
import type { Io } from './io.js';
import { reportError } from './report-error.js';
import { scanCommand, summaryLine } from './scan.js';
import { safeJson } from '../report/sanitize.js';

export interface AuditCliOptions {
  config: string;
  quiet: boolean;
}

type Status = 'ok' | 'findings' | 'input_errors' | 'error' | 'locked';

/** The machine summary: stable keys, one line, for logs and monitoring. */
function jsonSummary(o: { config: string; status: Status; exitCode: number; started: number; summary?: ScanSummary; outputs?: string[]; baseline: { file: string; total: number; added: number; merged: boolean } | null; error?: string }): string {
  const s = o.summary;
  const rec: Record<string, unknown> = {
    netral: 'audit',
    config: o.config,
    status: o.status,
    exit_code: o.exitCode,
    started: new Date(o.started).toISOString(),
    duration_ms: Date.now() - o.started,
  };
  if (s) {
    Object.assign(rec, {
      read: s.read,
      scanned: s.scanned,
      skipped: s.skipped,
      outside_period: s.period ? s.period.before + s.period.after : 0,
      findings: s.findings,
      by_severity: s.by_severity,
      posts_violation: s.by_verdict.violation,
      posts_review: s.by_verdict.review,
      inputs_failed: s.inputs.filter((i) => i.error).length,
      // Kept apart from status and the exit code, where an unreadable input wins: findings must not hide behind it.
      fail_on_hits: s.fail_on?.hits ?? 0,
    });
    if (s.baseline) Object.assign(rec, { new: s.baseline.new, known: s.baseline.known, dismissed: s.baseline.dismissed, stale_decisions: s.baseline.stale_decisions });
    if (s.roster) Object.assign(rec, { employees_with_findings: s.roster.employees_with_findings, unmatched_posts: s.roster.unmatched_posts, unmatched_findings: s.roster.unmatched_findings });
  }
  if (o.outputs) rec.outputs = o.outputs;
  if (o.baseline) rec.baseline = o.baseline;
  if (o.error) rec.error = o.error;
  return safeJson(rec);
}

/** An error on one line for the log: its heading and the first problems under it (a log is read without the terminal). */
function logLine(message: string): string {
  const [head, ...rest] = message.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const shown = rest.slice(0, 3);
  return [head, ...shown].join(' ') + (rest.length > shown.length ? ` … (${rest.length - shown.length} more)` : '');
}

/**
 * The config's `- fetch:` sources as scan's fetch options. `roster` fetches every account of the config's roster.
 * One run keeps one evidence archive and one state file, so the entries that name them must agree.
 */
function auditFetchOptions(cfg: AuditConfig, file: string): ScanFetchOptions {
  if (cfg.fetch.length === 0) return {};
  const one = (key: 'archive' | 'state'): string | undefined => {
    const named = cfg.fetch.filter((f) => f[key] !== undefined);
    const values = new Set(named.map((f) => f[key]));
    if (values.size > 1)
      throw new FileError(
        `${file}: the fetch sources name different ${key} ${key === 'archive' ? 'folders' : 'files'}; one run keeps one, so give the same ${key}: to every fetch source`,
        named.map((f) => ({ ...f.at[key]!, message: `${key}: ${f[key]}` })),
      );
    return named[0]?.[key];
  };
  const roster = cfg.fetch.find((f) => f.spec === 'roster');
  if (roster && cfg.roster === undefined) throw new FileError(`${file}:${roster.line}: fetch: roster needs a roster: file in the config`, []);
  const archive = one('archive');
  const state = one('state');
  return {
    fetch: cfg.fetch.filter((f) => f.spec !== 'roster').map((f) => f.spec),
    ...(roster ? { fetchRoster: cfg.roster } : {}),
    ...(archive ? { fetchArchive: archive } : {}),
    ...(state ? { fetchState: state } : {}),
  };
}

/**
 * An election the packs do not have, or a campaign without dates, named in audit.yml: a mistake in the config,
 * reported at its place.
 */
function inConfig(e: unknown, cfg: AuditConfig): unknown {
  if (e instanceof NoCampaignDatesError && cfg.at.campaign) return configError(cfg.file, [{ ...cfg.at.campaign, message: `period.campaign: ${NoCampaignDatesError.detail(e.pack)}` }]);
  if (!(e instanceof UnknownElectionError)) return e;
  // The config is the only place the run's elections and campaign come from, so each id has its position.
  const elections = e.option === '--election';
  return configError(
    cfg.file,
    e.ids.map((id) => ({ ...(elections ? cfg.at.elections.get(id) : cfg.at.campaign)!, message: `${elections ? 'elections' : 'period.campaign'}: ${e.detail(id)}` })),
  );
}

export async function auditCommand(o: AuditCliOptions, io: Io): Promise<number> {
  const started = Date.now();
  // Filled in as the run gets along, so that even a failed run reports what it did.
  const done: { summary?: ScanSummary; outputs?: string[]; baseline: { file: string; total: number; added: number; merged: boolean } | null } = { baseline: null };
  const report = (status: Status, exitCode: number, error?: string) => {
    if (!io.stderrIsTTY) io.stderr.write(`${jsonSummary({ config: o.config, status, exitCode, started, ...done, error })}\n`);
  };
  try {
    const cfg = await readAuditConfig(o.config);
    const fetchOptions = auditFetchOptions(cfg, o.config);
    const lock = await acquireLock(cfg.lock, `netral audit --config ${o.config}`);
    try {
      if (lock.tookOver && !o.quiet) io.stderr.write(`netral: note: took over the stale lock ${cfg.lock} of process ${lock.tookOver.pid} (started ${lock.tookOver.started}), which no longer runs\n`);
      const today = formatInZone(new Date().toISOString(), cfg.timeZone).slice(0, 10);
      const specs = cfg.outputs.map((x) => ({ ...x, file: expandName(x.file!, today) }));
      const b = cfg.baseline;
      const r = await scanCommand(
        cfg.inputs,
        {
          format: 'terminal',
          rules: cfg.rules,
          defaultRules: cfg.defaultRules,
          election: cfg.elections,
          map: cfg.map,
          from: cfg.from,
          minSeverity: cfg.minSeverity,
          failOn: cfg.failOn,
          excel: false,
          tz: cfg.timeZone,
          includePrivate: cfg.includePrivate,
          explain: false,
          lang: cfg.lang,
          quiet: o.quiet,
          roster: cfg.roster,
          since: cfg.period.since,
          until: cfg.period.until,
          campaign: cfg.period.campaign,
          baseline: b?.file,
          includeKnown: b?.includeKnown ?? false,
          includeOpen: b?.includeOpen ?? false,
          title: cfg.title,
          ...fetchOptions,
        },
        // stdin is never read: a cron job has none, and an audit reads only what its config lists.
        { ...io, stdinIsTTY: true },
        {
          outputs: specs,
          recordBaseline: b?.update ? { missingOk: true, fresh: false } : undefined,
          // Report names and the baseline's first_seen get the same date, even in a run that crosses midnight.
          today,
          afterCommit: async (stage, s) => {
            done.summary = s;
            done.outputs = specs.map((x) => x.file!);
            // The baseline is written only after every report is in place: a finding recorded as known but never
            // reported would be lost to the analysts.
            if (b?.update && stage) {
              const w = await stage.writeBaseline();
              done.baseline = { file: b.file, total: w.total, added: w.added, merged: w.merged };
              if (w.merged && !o.quiet) io.stderr.write(`netral: note: ${b.file} was changed during the run; the new findings were added to the changed file\n`);
            }
          },
        },
      ).catch((e: unknown) => {
        throw inConfig(e, cfg);
      });
      const status: Status = r.failed > 0 ? 'input_errors' : r.exitCode === EXIT.FINDINGS ? 'findings' : 'ok';
      if (io.stderrIsTTY && !o.quiet) {
        io.stderr.write(`netral: ${summaryLine(r.summary)}\n`);
        io.stderr.write(`netral: wrote ${done.outputs!.join(', ')}\n`);
        if (done.baseline) io.stderr.write(`netral: baseline ${done.baseline.file}: ${done.baseline.total} findings, ${done.baseline.added} added\n`);
      }
      report(status, r.exitCode);
      return r.exitCode;
    } finally {
      await lock.release();
    }
  } catch (e) {
    // The message first, so that the JSON summary stays the last line a run writes on stderr (docs/audit.md).
    const code = reportError(e, io);
    report(code === EXIT.LOCKED ? 'locked' : 'error', code, logLine((e as Error).message));
    return code;
  }
}
