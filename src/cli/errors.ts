/** Exit codes shared by every command. */
export const ExitCode = {
  ok: 0,
  /** Findings: lint errors, a failed batch line. */
  findings: 1,
  /** The user's mistake or an I/O problem: bad flag, unknown id, missing file. */
  usage: 2,
  /** Interrupted by the user (Ctrl-C). */
  cancelled: 130,
} as const;

/** A mistake in how qbank was called, or input it cannot use: one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The user cancelled (Ctrl-C at a prompt): end quietly. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** A command finished and wants a non-zero exit code without printing anything more. */
export class ExitWith extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = 'ExitWith';
  }
}
