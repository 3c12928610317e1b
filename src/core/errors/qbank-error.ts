import { CATALOGUE, InternalError, type ErrorEntry } from './catalogue.js';

/** Where an error is: the file as the user named it, and a 1-based line and column when known. */
export interface ErrorLocation {
  file: string;
  line?: number;
  column?: number;
}

/** The parameters an entry's message takes. */
export type ParamsOf<E> = E extends ErrorEntry<infer P> ? P : never;

/** An error from the catalogue, as it crosses a worker thread (plain data). */
export interface ErrorPayload {
  entry: string;
  params: object;
  location?: ErrorLocation;
}

/** `file:line:column: ` (as much as is known), or nothing. */
function prefix(location: ErrorLocation | undefined): string {
  if (!location) return '';
  const { file, line, column } = location;
  return `${file}${line === undefined ? '' : `:${line}${column === undefined ? '' : `:${column}`}`}: `;
}

/**
 * A user-facing error: a catalogue entry with its parameters and, for a mistake in a file, where
 * it is. `message` is the whole line the handler prints (position, sentence, hint), so code that
 * passes a message on keeps all of it.
 */
export class QbankError<E extends ErrorEntry<never> = ErrorEntry<never>> extends Error {
  constructor(
    readonly entry: E,
    readonly params: ParamsOf<E>,
    readonly location?: ErrorLocation,
  ) {
    const { message, hint } = entry as unknown as ErrorEntry<ParamsOf<E>>;
    const help = hint?.(params);
    super(`${prefix(location)}${message(params)}${help ? `; ${help}` : ''}`);
    this.name = entry.name;
  }

  /** The exit code the run ends with. */
  get exitCode(): number {
    return this.entry.exitCode;
  }

  /** The same error with parameters only the caller knows (the session a script mistake stopped). */
  with(params: Partial<ParamsOf<E>>): QbankError<E> {
    return new QbankError(this.entry, { ...this.params, ...params }, this.location);
  }

  /** Plain data for a worker thread's reply. */
  toPayload(): ErrorPayload {
    return { entry: this.entry.name, params: this.params, ...(this.location ? { location: this.location } : {}) };
  }
}

/** Whether `error` is from the catalogue, and (when given) of `entry`. */
export function isQbankError<E extends ErrorEntry<never>>(error: unknown, entry?: E): error is QbankError<E> {
  return error instanceof QbankError && (entry === undefined || error.entry === entry);
}

const BY_NAME = new Map(CATALOGUE.map((item) => [item.name, item]));

/** The error a worker thread's payload describes; one the catalogue does not know is internal. */
export function fromPayload(payload: ErrorPayload): QbankError {
  const known = BY_NAME.get(payload.entry);
  return known ? new QbankError(known, payload.params as never, payload.location) : new QbankError(InternalError, { text: String(payload.entry) } as never);
}

/** Anything thrown, as a catalogue error: itself, or an internal error (with its stack when `debug`). */
export function asQbankError(error: unknown, debug: boolean): QbankError {
  if (error instanceof QbankError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return new QbankError(InternalError, { text, ...(debug ? { stack: (error as Error | undefined)?.stack ?? '' } : {}) } as never);
}
