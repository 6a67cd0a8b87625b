// The CLI core: run(argv, io) → exit code. The bin shim calls it with the real process; tests call runCapture()
// with in-memory streams, so every command is testable without a subprocess. Command modules are imported only
// when their command runs, keeping `netral --version` fast.

import { PassThrough, Readable } from 'node:stream';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { EXIT } from '../errors.js';
import { reportError } from './report-error.js';
import type { Io } from './io.js';
import { choiceOption, listOption, mapOption, repeatOption, severityOption, timeZoneOption } from './options.js';
import { addFetchOptions } from './fetch-options.js';
import { VERSION } from '../version.js';
import { POST_KINDS } from '../model.js';
import { terminalSafe } from '../report/sanitize.js';
import { removePendingTemps } from '../report/output.js';
import { releaseHeldLocks } from '../audit/lock.js';

// Kept in step with src/sources/formats/generic-csv.ts COLUMN_ALIASES (checked by a test) so that building the
// program does not load the readers.
export const MAPPABLE = ['text', 'id', 'author', 'author_name', 'created_at', 'url', 'platform', 'hashtags', 'mentions', 'links', 'media_text', 'kind', 'repost_of', 'reply_to'];

// A run stopped by a signal (main() below): the same for every command that writes.
const STOPPED_EXIT_HELP = `
  130  stopped by Ctrl+C (SIGINT); an output file being written is left as it was
  143  stopped by SIGTERM (e.g. a timeout); likewise (a lock this run holds is released)`;

const EXIT_HELP = `
Exit codes:
  0  done (no finding at or above --fail-on, or no --fail-on given)
  1  findings at or above --fail-on
  2  usage error, rule pack error, or an input (a file, or an account with --fetch) that could not be read${STOPPED_EXIT_HELP}`;

const FETCH_EXIT_HELP = `
Exit codes:
  0  every account fetched (or skipped on purpose, e.g. !no-unauthenticated)
  2  usage error, unusable roster row, an account that failed (the others' posts are
     still written), or an output that could not be written${STOPPED_EXIT_HELP}`;

const AUDIT_EXIT_HELP = `
Exit codes:
  0  done: no new finding at or above fail_on (or no fail_on in the config)
  1  new findings at or above fail_on (reports and baseline are written)
  2  a mistake in the config, roster, rule packs or baseline; a report or the baseline could not be
     written; or an input could not be read (the others are still reported)
  3  another run holds the lock (it is still running); nothing was done${STOPPED_EXIT_HELP}`;

function addScanOptions(cmd: Command): Command {
  return addReadOptions(
    cmd
      .option('-f, --format <format>', 'report format: terminal, csv, jsonl, json, html (with -o: from its extension)', 'terminal')
      .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout'),
  )
    .option('--fail-on <level>', 'exit with 1 when a finding the report shows (new, with --baseline) is at or above this severity', severityOption('--fail-on'))
    .option('--excel', 'CSV for Excel (Indonesian locale): UTF-8 BOM, ; separators, decimal commas', false)
    .option('--explain', 'the terminal report also shows findings suppressed by context, and why', false)
    .addOption(new Option('--per <unit>', 'one row/section per finding (default) or per employee').choices(['finding', 'employee']))
    .option('--baseline <file>', 'report only findings not in this baseline file (see netral baseline)')
    .option('--include-known', 'with --baseline: also report known findings (open, confirmed) with their decision', false)
    .option('--include-open', 'with --baseline: also report known findings nobody has decided on yet (decision: open)', false);
}

/** What scan and baseline share: which rules, which posts, how to read them, whose accounts. */
function addReadOptions(cmd: Command): Command {
  return cmd
    .option('--rules <path>', 'extra rule pack file or folder (repeatable)', repeatOption)
    .option('--no-default-rules', 'do not load the packs shipped in rules/')
    .option('--election <ids>', 'only these election packs (comma-separated ids)', listOption)
    .option('--map <pairs>', 'CSV columns for fields, e.g. text=Tweet,id=No', mapOption(MAPPABLE))
    .option('--from <format>', 'read every input as this format instead of detecting it')
    .option('--min-severity <level>', 'report findings at or above: info, low, medium, high', severityOption('--min-severity'), 'info')
    .option('--tz <zone>', 'time zone for dates shown in reports (IANA name)', timeZoneOption, 'Asia/Jakarta')
    .option('--include-private', 'also read non-public posts (followers-only, direct) from platform downloads', false)
    .addOption(new Option('--lang <lang>', 'language of human-facing text (default: from LANG)').choices(['id', 'en']))
    .option('-q, --quiet', 'no warnings or summary line on stderr', false)
    .option('--roster <file>', 'employee roster CSV (nip, nama, unit_kerja, jabatan, one column per platform)')
    .option('--since <date>', 'only posts from this day (YYYY-MM-DD in --tz) or time on')
    .option('--until <date>', 'only posts up to and including this day (YYYY-MM-DD in --tz) or time')
    .option('--campaign <election>', "only posts in this election's campaign period (from its pack)");
}

const FORMAT_OF_EXTENSION: Record<string, string> = { '.csv': 'csv', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.html': 'html', '.htm': 'html' };

/** The report format a file name asks for by its extension, if it names one. */
export function formatOfFile(file: string): string | undefined {
  return FORMAT_OF_EXTENSION[path.extname(file).toLowerCase()];
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('netral');
  program
    .description('Audit social-media posts of Indonesian civil servants (ASN) for breaches of political neutrality.\nThe tool proposes; the analyst decides.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run netral --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(terminalSafe(s)),
    })
    .addHelpText('after', EXIT_HELP);

  addFetchOptions(addScanOptions(
    program
      .command('scan')
      .description('scan posts in files, folders or stdin and report findings')
      .argument('[inputs...]', 'files or folders to scan; - for stdin (the default when stdin is piped)')
      .addHelpText('after', EXIT_HELP),
  ), 'fetch-').action(async (inputs: string[], opts, cmd: Command) => {
    const { scanCommand } = await import('./scan.js');
    // `-o report.csv` without -f means a CSV report, not terminal text in a file named .csv.
    if (cmd.getOptionValueSource('format') === 'default' && opts.output) opts.format = formatOfFile(opts.output) ?? opts.format;
    const r = await scanCommand(inputs, opts, io);
    setExit(r.exitCode);
  });

  program
    .command('inspect')
    .description('show what netral reads in inputs — format, posts by kind and platform, dates, authors — without scanning')
    .argument('[inputs...]', 'files or folders; - for stdin (the default when stdin is piped)')
    .addOption(new Option('-f, --format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .option('--from <format>', 'read every input as this format instead of detecting it')
    .option('--map <pairs>', 'CSV columns for fields, e.g. text=Tweet,id=No', mapOption(MAPPABLE))
    .option('--tz <zone>', 'time zone for the dates shown (IANA name)', timeZoneOption, 'Asia/Jakarta')
    .option('--include-private', 'also read non-public posts (followers-only, direct) from platform downloads', false)
    .addOption(new Option('--lang <lang>', 'language of human-facing text (default: from LANG)').choices(['id', 'en']))
    .option('-q, --quiet', 'no warnings on stderr', false)
    .action(async (inputs: string[], opts) => {
      const { inspectCommand } = await import('./inspect.js');
      setExit(await inspectCommand(inputs, opts, io));
    });

  program
    .command('convert')
    .description('write the posts in files, folders or stdin as normalised post records (JSON Lines or CSV)')
    .argument('[inputs...]', 'files or folders to read; - for stdin (the default when stdin is piped)')
    .option('-f, --format <format>', 'output format: jsonl or csv', choiceOption('--format', ['jsonl', 'csv']), 'jsonl')
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .option('--excel', 'CSV for Excel (Indonesian locale): UTF-8 BOM, ; separators, CRLF line ends', false)
    .option('--map <pairs>', 'CSV columns for fields, e.g. text=Tweet,id=No', mapOption(MAPPABLE))
    .option('--from <format>', 'read every input as this format instead of detecting it')
    .option('--tz <zone>', 'time zone of dates written without one (IANA name)', timeZoneOption, 'Asia/Jakarta')
    .option('--include-private', 'also read non-public posts (followers-only, direct) from platform downloads', false)
    .option('--roster <file>', 'add the employee who owns each account (nip, nama, unit_kerja, jabatan) from a roster CSV')
    .option('-q, --quiet', 'no warnings or summary line on stderr', false)
    .addHelpText(
      'after',
      `
Exit codes:
  0  every input was read (records that could not be read are skipped, with a warning)
  2  usage error, or an input that could not be read${STOPPED_EXIT_HELP}`,
    )
    .action(async (inputs: string[], opts) => {
      const { convertCommand } = await import('./convert.js');
      setExit(await convertCommand(inputs, opts, io));
    });

  addFetchOptions(
    program
      .command('fetch')
      .description('collect public posts over HTTP and write them as JSONL post records (for netral scan)')
      .argument('[sources...]', 'mastodon:@user@host, bluesky:HANDLE, rss:URL, or an https:// page or feed URL')
      .option('-o, --output <file>', 'write the posts to a file (atomically) instead of stdout')
      .option('--tz <zone>', 'time zone for times written without one (feeds, --since)', timeZoneOption, 'Asia/Jakarta')
      .option('-q, --quiet', 'no progress, notes or summary on stderr (errors are still shown)', false)
      .addHelpText('after', FETCH_EXIT_HELP),
    '',
  ).action(async (sources: string[], opts) => {
    const { fetchCommand } = await import('./fetch.js');
    setExit(await fetchCommand(sources, opts, io));
  });

  const baseline = program.command('baseline').description('record findings already seen, and the analysts\' decisions on them');
  addReadOptions(
    baseline
      .command('create')
      .description('scan and write a new baseline file with every finding (decision: open)')
      .argument('[inputs...]', 'files or folders to scan; - for stdin')
      .requiredOption('-o, --output <file>', 'the baseline file to write (YAML)')
      .option('--force', 'replace an existing baseline file (its decisions are lost)', false)
      .addHelpText('after', EXIT_HELP),
  ).action(async (inputs: string[], opts) => {
    const { baselineCommand } = await import('./baseline.js');
    setExit(await baselineCommand('create', inputs, opts, io));
  });
  addReadOptions(
    baseline
      .command('update')
      .description("scan and add new findings to a baseline file, keeping the analysts' decisions")
      .argument('[inputs...]', 'files or folders to scan; - for stdin')
      .requiredOption('-o, --output <file>', 'the baseline file to update (YAML)')
      .option('--fail-on <level>', 'exit with 1 when a new finding is at or above this severity', severityOption('--fail-on'))
      .addHelpText('after', EXIT_HELP),
  ).action(async (inputs: string[], opts) => {
    const { baselineCommand } = await import('./baseline.js');
    setExit(await baselineCommand('update', inputs, opts, io));
  });

  program
    .command('audit')
    .description('run the audit described in a config file (sources, roster, period, baseline, reports): one command for cron')
    .requiredOption('-c, --config <file>', 'the audit config (YAML), e.g. audit.yml')
    .option('-q, --quiet', 'no warnings on stderr (the summary line is still written)', false)
    .addHelpText('after', AUDIT_EXIT_HELP)
    .action(async (opts) => {
      const { auditCommand } = await import('./audit.js');
      setExit(await auditCommand(opts, io));
    });

  const rules = program.command('rules').description('list, validate and test rule packs');
  rules
    .command('list')
    .description('list the loaded rules and election packs')
    .option('--rules <path>', 'extra rule pack file or folder (repeatable)', repeatOption)
    .option('--no-default-rules', 'do not load the packs shipped in rules/')
    .option('--election <ids>', 'only these election packs', listOption)
    .option('-f, --format <format>', 'text or json', choiceOption('--format', ['text', 'json']), 'text')
    .action(async (opts) => {
      const { rulesList } = await import('./rules.js');
      setExit(await rulesList(opts, io));
    });
  rules
    .command('validate')
    .description('check rule pack files (all loaded packs when no file is given)')
    .argument('[files...]', 'pack files or folders')
    .option('--rules <path>', 'extra rule pack file or folder (repeatable)', repeatOption)
    .option('--no-default-rules', 'do not load the packs shipped in rules/')
    .action(async (files: string[], opts) => {
      const { rulesValidate } = await import('./rules.js');
      setExit(await rulesValidate(files, opts, io));
    });
  rules
    .command('test')
    .description("run every rule's examples: flag examples must flag, pass examples must not")
    .option('--rules <path>', 'extra rule pack file or folder (repeatable)', repeatOption)
    .option('--no-default-rules', 'do not load the packs shipped in rules/')
    .option('--election <ids>', 'only these election packs', listOption)
    .option('-v, --verbose', 'list every example, not only failures', false)
    .action(async (opts) => {
      const { rulesTest } = await import('./rules.js');
      setExit(await rulesTest(opts, io));
    });
  rules
    .command('init-election')
    .description('write a commented election pack template for a regional race (Pilkada)')
    .argument('<id>', 'election id, e.g. pilbup-sleman-2029')
    .option('-o, --output <file>', 'where to write it (default: <id>.yaml)')
    .option('--candidates <n>', 'number of candidate pairs', (v) => Number(v), 2)
    .option('--force', 'overwrite an existing file', false)
    .action(async (id: string, opts) => {
      const { rulesInitElection } = await import('./rules.js');
      setExit(await rulesInitElection(id, opts, io));
    });

  program
    .command('explain')
    .description('show how netral reads a text: tokens, rules, entities, context — and why findings fired or were suppressed')
    .argument('<text...>', 'the post text (quote it)')
    .option('--date <iso>', 'the post date (ISO 8601), which decides which elections apply')
    .addOption(new Option('--kind <kind>', 'post kind').choices([...POST_KINDS]))
    .option('--repost-of <handle>', 'the account the post reposts, quotes or (with --kind like) whose post was liked')
    .option('--reply-to <handle>', 'the account the post replies to (the kind is then reply)')
    .option('--media-text <text>', "an image's text (alt text, OCR, caption), scanned as a post's media_text (repeatable)", repeatOption)
    .option('--rules <path>', 'extra rule pack file or folder (repeatable)', repeatOption)
    .option('--no-default-rules', 'do not load the packs shipped in rules/')
    .option('--election <ids>', 'only these election packs', listOption)
    .option('-f, --format <format>', 'text or json', choiceOption('--format', ['text', 'json']), 'text')
    .addOption(new Option('--lang <lang>', 'language of the text output (default: from LANG); json keeps its values').choices(['id', 'en']))
    .action(async (words: string[], opts) => {
      const { explainCommand } = await import('./explain.js');
      setExit(await explainCommand(words.join(' '), opts, io));
    });

  return program;
}

/** Runs the CLI. Never throws: every error becomes a message on stderr and an exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.OK;
  const program = buildProgram(io, (c) => (exitCode = c));
  try {
    if (argv.length === 0) {
      // A usage mistake (exit 2), so the help goes to stderr: stdout carries only what was asked for.
      program.outputHelp({ error: true });
      return EXIT.ERROR;
    }
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; a usage error, or help shown because a subcommand is missing, exits 2.
      return e.exitCode === 0 ? EXIT.OK : EXIT.ERROR;
    }
    return reportError(e, io);
  }
}


export interface Captured {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI against in-memory streams (for tests and embedding). */
export async function runCapture(
  argv: string[],
  opts: { stdin?: string | Buffer; env?: Record<string, string | undefined>; stdoutIsTTY?: boolean; stderrIsTTY?: boolean; stdoutColumns?: number } = {},
): Promise<Captured> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  const stdin = opts.stdin !== undefined ? Readable.from([Buffer.from(opts.stdin)]) : Readable.from([]);
  const exitCode = await run(argv, {
    stdout,
    stderr,
    stdin,
    env: opts.env ?? {},
    stdoutIsTTY: opts.stdoutIsTTY ?? false,
    stderrIsTTY: opts.stderrIsTTY ?? false,
    stdinIsTTY: opts.stdin === undefined,
    ...(opts.stdoutColumns !== undefined ? { stdoutColumns: opts.stdoutColumns } : {}),
  });
  stdout.end();
  stderr.end();
  return { exitCode, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** What a run stopped by `signal` says, naming the outputs it did not write. */
function stoppedMessage(signal: string, unfinished: string[]): string {
  if (unfinished.length === 0) return `netral: stopped by ${signal}`;
  const one = unfinished.length === 1;
  return `netral: stopped by ${signal}: ${unfinished.map((f) => terminalSafe(f)).join(', ')} ${one ? 'was' : 'were'} not written (left as ${one ? 'it was' : 'they were'} before this run)`;
}

/** Entry point for bin/netral.js. */
export async function main(): Promise<void> {
  // `netral scan … | head`: when the reader of stdout goes away, stop quietly instead of crashing on EPIPE. Any other
  // failure (a full disk behind `> report.csv`) is an output that could not be written: exit 2, not a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    process.stderr.write(`netral: error: cannot write the standard output: ${e.message}\n`);
    process.exit(EXIT.ERROR);
  });
  process.stderr.on('error', () => {});
  // Ctrl+C, or SIGTERM from a cron job's timeout: the unfinished temporary files of the outputs are removed (the
  // outputs stay as they were), the locks this run holds are released (after the temporary files: a lock guards
  // them), and the exit code is the shell's for a stopped process, 128 + the signal's number.
  // Here, not in run(): handlers on the process would outlive a run inside a test.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const)
    process.on(signal, () => {
      const unfinished = removePendingTemps();
      releaseHeldLocks();
      // On a terminal the ^C is echoed where the cursor is (after a spinner, say): start a line of our own.
      process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}${stoppedMessage(signal, unfinished)}\n`);
      process.exit(code);
    });
  const code = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    ...(process.stdout.isTTY ? { stdoutColumns: process.stdout.columns } : {}),
  });
  process.exitCode = code;
}
