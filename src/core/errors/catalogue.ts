/**
 * Every error qbank shows its user, in one place (in the manner of Astro's `errors-data.ts`):
 * each entry names the error, says what is wrong from its parameters, what to do, and which
 * exit code ends the run. Code throws `new QbankError(Entry, params, location)`; the top-level
 * handler prints the line and exits with the entry's code. No exit code is chosen anywhere else.
 *
 * Messages say what is wrong without a position or an `Error:` prefix (the handler puts
 * `file:line:column:` in front); a hint says what to do and follows after "; ".
 */

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
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** One kind of user-facing error. */
export interface ErrorEntry<P extends object = object> {
  /** Stable PascalCase name, as tests and the lint worker's messages refer to it. */
  name: string;
  /** What kind of problem it is, in a few words (for documentation and tests). */
  title: string;
  /** What is wrong, from the parameters: one sentence, no position. */
  message: (params: P) => string;
  /** What to do, when there is a general answer; appended after "; ". */
  hint?: (params: P) => string | undefined;
  /** The exit code the run ends with. */
  exitCode: ExitCodeValue;
  /** Printed nothing at all: the user asked for it (Ctrl-C). */
  quiet?: boolean;
}

const entry = <P extends object>(data: ErrorEntry<P>): ErrorEntry<P> => data;

/** `(and 2 more problems)`, after the first of several. */
const more = (count = 0): string => (count > 0 ? ` (and ${count} more problem${count === 1 ? '' : 's'})` : '');

// Mistakes in how qbank was called.

/** A flag, argument or combination qbank cannot use; the message comes from the command. */
export const UsageMistake = entry<{ text: string }>({
  name: 'UsageMistake',
  title: 'A mistake in how qbank was called',
  message: ({ text }) => text,
  exitCode: ExitCode.usage,
});

/** Ctrl-C at a prompt: the run ends quietly. */
export const Cancelled = entry<object>({
  name: 'Cancelled',
  title: 'Cancelled by the user',
  message: () => 'cancelled',
  exitCode: ExitCode.cancelled,
  quiet: true,
});

// Files qbank reads.

/** A path the user gave cannot be read at all. */
export const UnreadablePath = entry<{ file: string; reason: string }>({
  name: 'UnreadablePath',
  title: 'A path cannot be read',
  message: ({ file, reason }) => `Cannot read ${file}: ${reason}`,
  exitCode: ExitCode.usage,
});

/** The paths to check hold no question file at all. */
export const NoQuestionFiles = entry<{ paths: readonly string[] }>({
  name: 'NoQuestionFiles',
  title: 'No question files to check',
  message: ({ paths }) =>
    `No question files in ${paths.map((p) => `"${p}"`).join(', ')}: qbank checks the .md files in a folder and its sub-folders (not README.md or GUIDELINES.md, nor dot-folders or node_modules)`,
  hint: () => 'name a question file, or a folder that holds some',
  exitCode: ExitCode.usage,
});

/** An input file named by a flag (config, plan, script, graded answers, session) cannot be read. */
export const UnreadableInput = entry<{ what: string; file: string }>({
  name: 'UnreadableInput',
  title: 'An input file cannot be read',
  message: ({ what, file }) => `Cannot read the ${what} ${file}`,
  exitCode: ExitCode.usage,
});

/** `scoring.yaml` or `lexicon.yaml` cannot be read. */
export const UnreadableRubrics = entry<{ file: string }>({
  name: 'UnreadableRubrics',
  title: 'The rubric configuration cannot be read',
  message: ({ file }) => `Cannot read ${file}`,
  hint: () => 'set QBANK_RUBRICS to a folder holding scoring.yaml and lexicon.yaml',
  exitCode: ExitCode.usage,
});

/** A YAML or JSON input does not parse; located at the syntax error. */
export const InputSyntax = entry<{ format: 'YAML' | 'JSON'; reason: string }>({
  name: 'InputSyntax',
  title: 'An input file is not valid YAML or JSON',
  message: ({ format, reason }) => `not valid ${format} (${reason})`,
  hint: () => 'fix the syntax',
  exitCode: ExitCode.usage,
});

/**
 * A config file, `scoring.yaml`, `lexicon.yaml` or a plan holds a value qbank cannot use;
 * located at the first problem (zod issues become sentences through the one error map).
 */
export const InvalidInput = entry<{ problem: string; more?: number }>({
  name: 'InvalidInput',
  title: 'An input file holds a value qbank cannot use',
  message: ({ problem, more: others }) => `${problem}${more(others)}`,
  exitCode: ExitCode.usage,
});

/** An interview script cannot drive the session; the session stays saved and resumable. */
export const ScriptMistake = entry<{ problem: string; more?: number; session?: string }>({
  name: 'ScriptMistake',
  title: 'An interview script cannot be followed',
  message: ({ problem, more: others }) => `${problem}${more(others)}`,
  hint: ({ session }) => (session === undefined ? undefined : `the session is saved ("qbank interview --resume ${session}" continues it)`),
  exitCode: ExitCode.usage,
});

// Interview sessions.

/** No saved session has this id. */
export const SessionNotFound = entry<{ session: string; dir: string }>({
  name: 'SessionNotFound',
  title: 'No such interview session',
  message: ({ session, dir }) => `No interview session "${session}" in ${dir}`,
  hint: () => 'run "qbank interview --list" to see the sessions',
  exitCode: ExitCode.usage,
});

/** A file named as a session holds no session. */
export const NotASession = entry<{ file: string }>({
  name: 'NotASession',
  title: 'A file is not an interview session',
  message: ({ file }) => `${file} is not a qbank interview session (it has no readable start record)`,
  exitCode: ExitCode.usage,
});

// Files qbank writes.

/** A history or interview log cannot be read or saved to. */
export const StorageFailure = entry<{ doing: 'save to' | 'read'; file: string; reason: string; kept?: string }>({
  name: 'StorageFailure',
  title: 'A log cannot be read or written',
  message: ({ doing, file, reason, kept }) => `Cannot ${doing} ${file}: ${reason}${kept ?? ''}`,
  hint: ({ doing }) => `set QBANK_HOME to a folder you can ${doing === 'read' ? 'read' : 'write'}`,
  exitCode: ExitCode.usage,
});

/** An export (`history --export`) cannot be written. */
export const ExportFailed = entry<{ file: string; reason: string }>({
  name: 'ExportFailed',
  title: 'An export cannot be written',
  message: ({ file, reason }) => `Cannot write ${file}: ${reason}`,
  exitCode: ExitCode.usage,
});

/** `calibrate --out` names the rubric folder that ships with qbank. */
export const ShippedRubricsRefused = entry<{ dir: string }>({
  name: 'ShippedRubricsRefused',
  title: 'The shipped rubrics are never overwritten',
  message: ({ dir }) => `${dir} is qbank's shipped rubric folder, which calibrate never writes`,
  hint: () => 'give another folder with --out (the default is ./qbank-rubrics)',
  exitCode: ExitCode.usage,
});

/** `calibrate --out` names a file. */
export const OutputNotAFolder = entry<{ dir: string }>({
  name: 'OutputNotAFolder',
  title: 'The output folder is a file',
  message: ({ dir }) => `--out ${dir} is a file`,
  hint: () => 'give a folder for scoring.yaml and lexicon.yaml',
  exitCode: ExitCode.usage,
});

/** A rubric folder cannot be read (the source) or written (the output). */
export const RubricFolderFailed = entry<{ doing: 'read' | 'write'; dir: string; reason: string }>({
  name: 'RubricFolderFailed',
  title: 'A rubric folder cannot be read or written',
  message: ({ doing, dir, reason }) => `Cannot ${doing} the rubric folder ${dir}: ${reason}`,
  exitCode: ExitCode.usage,
});

// Anything else.

/** A bug or an error qbank does not know: shown with where to look. */
export const InternalError = entry<{ text: string; stack?: string }>({
  name: 'InternalError',
  title: 'An error qbank did not expect',
  message: ({ text, stack }) => `internal error: ${text}${stack === undefined ? ' (set QBANK_DEBUG=1 to see where)' : `\n${stack}`}`,
  exitCode: ExitCode.usage,
});

/** Every entry, for the top-level handler, the lint worker's messages and the catalogue's tests. */
export const CATALOGUE: readonly ErrorEntry<never>[] = [
  UsageMistake,
  Cancelled,
  UnreadablePath,
  NoQuestionFiles,
  UnreadableInput,
  UnreadableRubrics,
  InputSyntax,
  InvalidInput,
  ScriptMistake,
  SessionNotFound,
  NotASession,
  StorageFailure,
  ExportFailed,
  ShippedRubricsRefused,
  OutputNotAFolder,
  RubricFolderFailed,
  InternalError,
];
