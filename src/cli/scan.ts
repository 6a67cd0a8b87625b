// `netral scan`: read posts, run the rules, write the report. The pipeline is the same for every input and output
// format: one post at a time from the readers, through the scanner, into the reporter.

import { loadRuleSet } from '../rules/load.js';
import { compile } from '../rules/compile.js';
import { Scanner } from '../engine/scan.js';
import { RepeatedPosts } from '../engine/repeats.js';
import { CATEGORIES, POST_KINDS, SEVERITIES, VERDICTS, severityRank, type Category, type PostKind, type Severity, type Verdict } from '../model.js';
import { UsageError } from '../errors.js';
import { REPORT_FORMATS } from '../report/index.js';
import type { ReportOptions, ScanSummary } from '../report/types.js';
import { langFromEnv, type Lang } from '../report/i18n.js';
import { colorLevel, spinnerAllowed, type Io } from './io.js';
import { openInputs, reportInputs, warnSkipped } from './inputs.js';
import { scanWantsFetch, type ScanFetchOptions } from './fetch-options.js';
import { AuditStage, type AuditOptions } from '../audit/stage.js';
import { openReports, type OutputSpec } from '../report/outputs.js';
import { candidateNames } from '../report/candidates.js';

export interface ScanOptions extends ScanFetchOptions {
  format: string;
  output?: string;
  rules?: string[];
  defaultRules: boolean;
  election?: string[];
  map?: Record<string, string>;
  from?: string;
  minSeverity: Severity;
  failOn?: Severity;
  excel: boolean;
  tz: string;
  includePrivate: boolean;
  explain: boolean;
  lang?: Lang;
  quiet: boolean;
  /** The HTML report's title (audit.yml). */
  title?: string;
}

/** What `netral audit` and `netral baseline` add to a scan. */
export interface ScanHooks {
  /** Several reports from one pass (audit outputs), instead of --format/--output; [] for none (baseline). */
  outputs?: OutputSpec[];
  /** The baseline is written after the run: record every finding in it. */
  recordBaseline?: { missingOk: boolean; fresh: boolean };
  /** The run's date in its time zone, when the caller already named files by it (audit): one date for the whole run. */
  today?: string;
  /** Called when the reports are committed, before the summary line; e.g. to write the baseline. */
  afterCommit?(stage: AuditStage | null, summary: ScanSummary): Promise<void>;
}

export interface ScanResult {
  exitCode: number;
  summary: ScanSummary;
  /** Inputs that could not be read. */
  failed: number;
}

function emptySummary(): ScanSummary {
  return {
    read: 0,
    scanned: 0,
    skipped: 0,
    repeated: 0,
    findings: 0,
    filtered: 0,
    by_severity: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>,
    by_category: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>,
    by_verdict: Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>,
    by_kind: Object.fromEntries(POST_KINDS.map((k) => [k, 0])) as Record<PostKind, number>,
    inputs: [],
    ignored: [],
  };
}

const REPEATED = 'the same post (platform, author, id, time and text) was read before in this run; its findings are reported once';

export async function scanCommand(inputs: string[], o: ScanOptions & AuditOptions, io: Io, hooks: ScanHooks = {}): Promise<ScanResult> {
  if (!hooks.outputs && !REPORT_FORMATS.includes(o.format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  if (!hooks.outputs && o.excel && o.format !== 'csv') throw new UsageError('--excel applies to --format csv');
  if (o.includeKnown && o.baseline === undefined) throw new UsageError('--include-known needs --baseline FILE');
  if (o.includeOpen && o.baseline === undefined) throw new UsageError('--include-open needs --baseline FILE');
  // With --fetch and no files, the fetched posts are the input: stdin is not waited for.
  const fetching = scanWantsFetch(o);
  const { set, warnings } = openInputs(inputs, o, io, 'scan', !fetching);
  const ruleSet = await loadRuleSet({ extra: o.rules, noDefaults: !o.defaultRules, elections: o.election });
  const compiled = compile(ruleSet);
  const scanner = new Scanner(compiled, { explain: o.explain });
  const lang = o.lang ?? langFromEnv(io.env);
  const outputs: OutputSpec[] = hooks.outputs ?? [{ format: o.format, file: o.output, excel: o.excel, per: o.per }];
  const stage = await AuditStage.prepare(o, {
    lang,
    timeZone: o.tz,
    elections: ruleSet.elections,
    warn: (input, m) => warnings.warn(input, m),
    tally: outputs.some((x) => x.format === 'html'),
    recordBaseline: hooks.recordBaseline,
    today: hooks.today,
  });
  // Fetched posts are one more input, read before the files (see cli/fetch.ts).
  const fetched = fetching ? await (await import('./fetch.js')).fetchForScan(o, io, stage?.roster ?? null) : null;

  const ro: ReportOptions = {
    lang,
    langExplicit: o.lang !== undefined,
    timeZone: o.tz,
    color: o.format === 'terminal' && !o.output ? colorLevel(io.stdoutIsTTY, io.env) : 0,
    excel: o.excel,
    explain: o.explain,
    minSeverity: o.minSeverity,
    roster: o.roster !== undefined,
    baseline: o.baseline !== undefined,
    ...(o.title ? { title: o.title } : {}),
    candidates: candidateNames(ruleSet.elections),
  };
  let opened: Awaited<ReturnType<typeof openReports>>;
  try {
    opened = await openReports(outputs, ro, io);
  } catch (e) {
    await fetched?.close();
    throw e;
  }
  const { reporter, commit: commitReports, abort: abortReports } = opened;
  const summary = emptySummary();
  const minRank = severityRank(o.minSeverity);
  const failRank = o.failOn ? severityRank(o.failOn) : Infinity;
  if (o.failOn) summary.fail_on = { level: o.failOn, hits: 0 };

  const repeats = new RepeatedPosts();
  const spinner = spinnerAllowed(io) && !fetched ? await startSpinner(io) : null;
  warnings.spinner = spinner;
  let lastTick = 0;
  try {
    for await (const { counts, item } of fetched ? fetched.items(set.items()) : set.items()) {
      summary.read++;
      if (item.type === 'skip') {
        summary.skipped++;
        warnSkipped(warnings, item);
        continue;
      }
      if (stage && !stage.admit(item.post, counts)) continue;
      const r = scanner.scan(item.post);
      if (r.findings.length > 0 && repeats.seenBefore(item.post)) {
        // Its findings were counted and reported with the first copy (see engine/repeats.ts).
        counts.skipped++;
        counts.repeated = (counts.repeated ?? 0) + 1;
        summary.skipped++;
        summary.repeated++;
        warnSkipped(warnings, { type: 'skip', source: item.post.source, reason: REPEATED });
        continue;
      }
      counts.scanned++;
      summary.scanned++;
      summary.by_verdict[r.verdict]++;
      summary.by_kind[item.post.kind]++;
      let shown = r.findings.filter((f) => severityRank(f.severity) >= minRank);
      summary.filtered += r.findings.length - shown.length;
      if (stage) shown = stage.findings(r, shown);
      for (const f of shown) {
        summary.findings++;
        summary.by_severity[f.severity]++;
        summary.by_category[f.category]++;
        // Only new findings fail a run: known ones shown by --include-known were already decided on.
        if (severityRank(f.severity) >= failRank && (f.review === undefined || f.review.status === 'new')) summary.fail_on!.hits++;
      }
      const p = reporter.post(r, shown);
      if (p) await p;
      if (spinner && summary.read - lastTick >= 500) {
        lastTick = summary.read;
        spinner.text = `netral: ${summary.scanned} posts scanned, ${summary.findings} findings`;
      }
    }
    summary.inputs = fetched ? [...fetched.counts, ...set.counts] : set.counts;
    summary.ignored = set.ignored;
    stage?.finish(summary);
    spinner?.stop();
    warnings.spinner = null;
    await reporter.end(summary);
    await commitReports();
  } catch (e) {
    spinner?.stop();
    await abortReports();
    await fetched?.close();
    throw e;
  }
  await fetched?.finish();
  if (hooks.afterCommit) await hooks.afterCommit(stage, summary);
  reportInputs(set, warnings, io, o.quiet);
  for (const line of stage?.staleWarning() ?? []) warnings.warn(o.baseline!, line, { summary: true });
  if (summary.repeated > 0 && !o.quiet)
    io.stderr.write(`netral: note: ${summary.repeated} post(s) were read more than once (the same platform, author, id, time and text); each was scanned and reported once\n`);
  if (!o.quiet && !hooks.outputs && (o.format !== 'terminal' || o.output)) io.stderr.write(`netral: ${summaryLine(summary)}\n`);
  const failed = set.failed.length + (fetched?.failed() ? 1 : 0);
  // An unreadable input wins over findings: the report is incomplete. fail_on.hits (JSON summary, audit log) still
  // says whether findings would have failed the run.
  const exitCode = failed > 0 ? 2 : (summary.fail_on?.hits ?? 0) > 0 ? 1 : 0;
  return { exitCode, summary, failed };
}

async function startSpinner(io: Io) {
  const { default: ora } = await import('ora');
  return ora({ text: 'netral: scanning…', stream: io.stderr as NodeJS.WritableStream & { isTTY?: boolean } as never, discardStdin: false }).start();
}

/** The run in one line for stderr: the counts, and what the period, roster and baseline held back. */
export function summaryLine(s: ScanSummary): string {
  const outside = s.period ? s.period.before + s.period.after : 0;
  const parts = [
    `read ${s.read} = scanned ${s.scanned} + skipped ${s.skipped}${s.period ? ` + outside the period ${outside}` : ''}`,
    // Only when there are likes, so that the line of a run without them stays as scripts know it.
    ...(s.by_kind.like > 0 ? [`${s.by_kind.like} of the posts scanned ${s.by_kind.like === 1 ? 'is a like' : 'are likes'}`] : []),
    `${s.findings} findings`,
    `${s.by_verdict.violation} posts flagged as violation, ${s.by_verdict.review} for review`,
  ];
  if (s.baseline)
    parts.push(
      `baseline: ${s.baseline.new} new, ${s.baseline.known} known${s.baseline.known_shown ? ` (${s.baseline.known_shown} shown)` : ''}, ${s.baseline.dismissed} dismissed${s.baseline.stale_decisions ? `, ${s.baseline.stale_decisions} stale decision${s.baseline.stale_decisions === 1 ? '' : 's'}` : ''}`,
    );
  if (s.roster) parts.push(`${s.roster.unmatched_posts} posts by accounts not in the roster`);
  return parts.join('; ');
}
