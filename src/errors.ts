// Typed errors: the CLI maps each to an exit code and a message; nothing else needs to know about exit codes.

export const EXIT = {
  OK: 0,
  /** Findings at or above --fail-on. */
  FINDINGS: 1,
  /** Usage, rule, input or output errors. */
  ERROR: 2,
  /** `netral audit`: another run holds the lock. */
  LOCKED: 3,
} as const;

export class NetralError extends Error {
  readonly exitCode: number = EXIT.ERROR;
}

/** Wrong command-line usage: unknown option, bad value, missing argument. */
export class UsageError extends NetralError {
  override readonly name = 'UsageError';
}

export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
  /** The rule or pack the problem belongs to, when known. */
  where?: string;
}

export function formatProblem(p: Problem): string {
  // Line 0: the problem is the file itself (missing, unreadable), not a place in it.
  return `${p.line > 0 ? `${p.file}:${p.line}:${p.col}` : p.file}: ${p.where ? `${p.where}: ` : ''}${p.message}`;
}

/**
 * Problems in reading order: by file, then line, then column; problems at the same place keep the order they were
 * found in. The checks run field by field and pack against pack, so the order they find problems in jumps about.
 */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
}

/**
 * Election ids the loaded packs do not have (--election, --campaign). Typed, so that `netral audit` can report each
 * where audit.yml names it.
 */
export class UnknownElectionError extends UsageError {
  private readonly tail: string;
  constructor(
    readonly option: '--election' | '--campaign',
    readonly ids: string[],
    /** `known` for every pack's election, `loaded` for those the run uses. */
    label: 'known' | 'loaded',
    elections: string[],
  ) {
    const tail = `${label}: ${[...elections].sort().join(', ') || '(none)'}`;
    super(`${option}: unknown election${ids.length === 1 ? '' : 's'} ${ids.map((id) => `"${id}"`).join(', ')}; ${tail}`);
    this.tail = tail;
  }

  /** The message for one of the ids, without the option. */
  detail(id: string): string {
    return `unknown election "${id}"; ${this.tail}`;
  }
}

/** `--campaign` names an election whose pack gives no campaign dates. */
export class NoCampaignDatesError extends UsageError {
  constructor(
    readonly election: string,
    /** Where the pack defines the election: `file:line`. */
    readonly pack: string,
  ) {
    super(`--campaign ${election}: ${NoCampaignDatesError.detail(pack)}`);
  }

  static detail(pack: string): string {
    return `the pack (${pack}) gives no campaign dates (dates.campaign)`;
  }
}

/** One or more problems in rule packs; the run stops before any post is read. */
export class RuleError extends NetralError {
  override readonly name = 'RuleError';
  /** Sorted (sortProblems), so that every command lists them alike. */
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const sorted = sortProblems(problems);
    super(sorted.map(formatProblem).join('\n'));
    this.problems = sorted;
  }
}

/** Where in an input reading stopped: the file (an input, or a file inside a folder or archive), line, column. */
export interface InputPosition {
  file: string;
  line: number;
  column?: number;
}

/**
 * An input that cannot be read at all (missing, unreadable, not a format netral knows). With a position, `message`
 * is `file:line[:column]: detail` for whoever prints it whole, and the parts stay apart for the reports.
 */
export class InputError extends NetralError {
  override readonly name = 'InputError';
  /** The message without the position. */
  readonly detail: string;

  constructor(
    message: string,
    readonly position?: InputPosition,
  ) {
    super(position ? `${positionText(position)}: ${message}` : message);
    this.detail = message;
  }
}

/** `file:line` or `file:line:column`, as compilers write a place. */
export function positionText(p: InputPosition): string {
  return `${p.file}:${p.line}${p.column !== undefined ? `:${p.column}` : ''}`;
}

/** An output that cannot be written. */
export class OutputError extends NetralError {
  override readonly name = 'OutputError';
}

/** Problems in a file the user wrote (a roster, audit.yml, a baseline), each with its position; nothing was run. */
export class FileError extends NetralError {
  override readonly name = 'FileError';
  /** Sorted (sortProblems), like a RuleError's. */
  readonly problems: Problem[];
  constructor(what: string, problems: Problem[]) {
    const sorted = sortProblems(problems);
    super(`${what}:\n${sorted.map((p) => `  ${p.col > 0 ? formatProblem(p) : `${p.file}:${p.line}: ${p.where ? `${p.where}: ` : ''}${p.message}`}`).join('\n')}`);
    this.problems = sorted;
  }
}

/** Another run holds the lock (`netral audit`, `netral baseline update`). */
export class LockError extends NetralError {
  override readonly name = 'LockError';
  override readonly exitCode: number = EXIT.LOCKED;
}

/** A file-system error in words (the code alone, ENOENT, means nothing to an analyst). */
export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return err.message ?? String(e);
  }
}
