// `netral scan`: read posts, run the rules, write the report. The pipeline is the same for every input and output
// format: one post at a time from the readers, through the scanner, into the reporter.

import { loadRuleSet } from '../rules/load.js';
import { compile } from '../rules/compile.js';
import { Scanner } from '../engine/scan.js';
import { CATEGORIES, SEVERITIES, VERDICTS, severityRank, type Category, type Severity, type Verdict } from '../model.js';
import { UsageError } from '../errors.js';
import { fileOutput, stdoutOutput, type Output } from '../report/output.js';
import { createReporter, REPORT_FORMATS } from '../report/index.js';
import type { ReportOptions, ScanSummary } from '../report/types.js';
import { langFromEnv, type Lang } from '../report/i18n.js';
import { colorLevel, spinnerAllowed, type Io } from './io.js';
import { openInputs, reportInputs, warnSkipped } from './inputs.js';
import { scanWantsFetch, type ScanFetchOptions } from './fetch-options.js';

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
}

export interface ScanResult {
  exitCode: number;
  summary: ScanSummary;
}

function emptySummary(): ScanSummary {
  return {
    read: 0,
    scanned: 0,
    skipped: 0,
    findings: 0,
    filtered: 0,
    by_severity: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>,
    by_category: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>,
    by_verdict: Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>,
    inputs: [],
    ignored: [],
  };
}

export async function scanCommand(inputs: string[], o: ScanOptions, io: Io): Promise<ScanResult> {
  if (!REPORT_FORMATS.includes(o.format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  if (o.excel && o.format !== 'csv') throw new UsageError('--excel applies to --format csv');
  // With --fetch and no files, the fetched posts are the input: stdin is not waited for.
  const fetching = scanWantsFetch(o);
  const { set, warnings } = openInputs(inputs, o, io, 'scan', !fetching);
  const ruleSet = await loadRuleSet({ extra: o.rules, noDefaults: !o.defaultRules, elections: o.election });
  const compiled = compile(ruleSet);
  const scanner = new Scanner(compiled, { explain: o.explain });

  // Fetched posts are one more input, read before the files (see cli/fetch.ts).
  const fetched = fetching ? await (await import('./fetch.js')).fetchForScan(o, io) : null;
  let out: Output;
  try {
    out = o.output ? await fileOutput(o.output) : stdoutOutput(io.stdout, io.stdoutIsTTY);
  } catch (e) {
    await fetched?.close();
    throw e;
  }
  const ro: ReportOptions = {
    lang: o.lang ?? langFromEnv(io.env),
    langExplicit: o.lang !== undefined,
    timeZone: o.tz,
    color: o.format === 'terminal' && !o.output ? colorLevel(io.stdoutIsTTY, io.env) : 0,
    excel: o.excel,
    explain: o.explain,
    minSeverity: o.minSeverity,
  };
  const reporter = createReporter(o.format, out, ro);
  const summary = emptySummary();
  const minRank = severityRank(o.minSeverity);
  const failRank = o.failOn ? severityRank(o.failOn) : Infinity;
  let failHit = false;

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
      const r = scanner.scan(item.post);
      counts.scanned++;
      summary.scanned++;
      summary.by_verdict[r.verdict]++;
      const shown = r.findings.filter((f) => severityRank(f.severity) >= minRank);
      summary.filtered += r.findings.length - shown.length;
      for (const f of shown) {
        summary.findings++;
        summary.by_severity[f.severity]++;
        summary.by_category[f.category]++;
        if (severityRank(f.severity) >= failRank) failHit = true;
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
    spinner?.stop();
    warnings.spinner = null;
    await reporter.end(summary);
    await out.commit();
  } catch (e) {
    spinner?.stop();
    await out.abort();
    await fetched?.close();
    throw e;
  }
  await fetched?.finish();
  reportInputs(set, warnings, io, o.quiet);
  if (!o.quiet && (o.format !== 'terminal' || o.output))
    io.stderr.write(`netral: read ${summary.read} = scanned ${summary.scanned} + skipped ${summary.skipped}; ${summary.findings} findings; ${summary.by_verdict.violation} posts flagged as violation, ${summary.by_verdict.review} for review\n`);
  const exitCode = set.failed.length > 0 || fetched?.failed() ? 2 : failHit ? 1 : 0;
  return { exitCode, summary };
}

async function startSpinner(io: Io) {
  const { default: ora } = await import('ora');
  return ora({ text: 'netral: scanning…', stream: io.stderr as NodeJS.WritableStream & { isTTY?: boolean } as never, discardStdin: false }).start();
}
