// Typed errors: the CLI maps each to an exit code and a message; nothing else needs to know about exit codes.

export const EXIT = {
  OK: 0,
  /** Findings at or above --fail-on. */
  FINDINGS: 1,
  /** Usage, rule, input or output errors. */
  ERROR: 2,
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
  return `${p.file}:${p.line}:${p.col}: ${p.where ? `${p.where}: ` : ''}${p.message}`;
}

/** One or more problems in rule packs; the run stops before any post is read. */
export class RuleError extends NetralError {
  override readonly name = 'RuleError';
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

/** An input that cannot be read at all (missing, unreadable, not a format netral knows). */
export class InputError extends NetralError {
  override readonly name = 'InputError';
}

/** An output that cannot be written. */
export class OutputError extends NetralError {
  override readonly name = 'OutputError';
}
