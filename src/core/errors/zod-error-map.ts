import type { z } from 'zod';

/**
 * The one zod error map: every issue of every validated input (config, `scoring.yaml`,
 * `lexicon.yaml`, plans, scripts, frontmatter) becomes a sentence naming the field, never
 * zod's own text. Positions are not part of it: the caller locates the issue's path in the
 * source (`input-problems.ts`, the frontmatter block) and the reporter puts it in front.
 */

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

/** `aliases.rtt[1]`: a path of keys as the user writes it. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** A value as a message shows it: `"sixty"`, `42`, `a list`. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** What a wrong value is, with the value when it is short: `the text "sixty"`, `the number 3`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return value.length > 40 ? 'text' : `the text ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value === 'number' ? 'the number ' : ''}${String(value)}`;
  return `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  array: 'a list',
  tuple: 'a list',
  set: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  map: 'a mapping',
  boolean: 'true or false',
  null: 'nothing',
  date: 'a date',
};

/** `"pass"`, or the file itself for an issue at the top. */
function subject(field: string): string {
  return field === '' ? 'the whole file' : `"${field}"`;
}

function bound(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>, field: string, input: unknown): string {
  const small = issue.code === 'too_small';
  const limit = small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum;
  if (issue.origin === 'string') return small && Number(limit) <= 1 ? `${subject(field)} must not be empty` : `${subject(field)} must be at ${small ? 'least' : 'most'} ${String(limit)} characters long`;
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
    const strict = issue.inclusive === false;
    const relation = small ? (strict ? 'above' : 'at least') : strict ? 'below' : 'at most';
    return `${subject(field)} must be ${relation} ${String(limit)}, got ${shown(input)}`;
  }
  return small ? `${subject(field)} needs at least ${String(limit)} item(s)` : `${subject(field)} takes at most ${String(limit)} item(s)`;
}

/** Turns a zod issue into one readable sentence (no position: reporters add it). */
export function describeZodIssue(issue: Issue | RawIssue, field: string): string {
  const input = (issue as { input?: unknown }).input;
  // A key that is absent fails every branch of a union too: say what is wrong, not "nothing".
  if (input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) return `Missing required field "${field}"`;
  switch (issue.code) {
    case 'invalid_type':
      return `Expected ${EXPECTED[issue.expected] ?? issue.expected} for ${subject(field)}, got ${describeValue(input)}`;
    case 'invalid_value':
      return `Expected ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => String(v)).join(', ')} for ${subject(field)}, got ${shown(input)}`;
    case 'invalid_format':
      return `Invalid ${subject(field)} ${shown(input)}: ${issue.message ?? `not a valid ${issue.format}`}`;
    case 'too_small':
    case 'too_big':
      return bound(issue as Extract<Issue, { code: 'too_small' | 'too_big' }>, field, input);
    case 'invalid_union':
      return `Unexpected value ${shown(input)} for ${subject(field)}`;
    case 'unrecognized_keys':
      return `Unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `"${key}"`).join(', ')}${field === '' ? '' : ` in "${field}"`}`;
    case 'not_multiple_of':
      return `${subject(field)} must be a multiple of ${String(issue.divisor)}, got ${shown(input)}`;
    default:
      return issue.message ?? `${subject(field)} is not valid`;
  }
}

/** The error map, for `schema.safeParse(value, { error: zodErrorMap })`; a schema's own message wins. */
export const zodErrorMap: z.core.$ZodErrorMap = (issue) => describeZodIssue(issue, fieldName(issue.path ?? []));

/**
 * A schema-level error (`{ error: expected('a list of names') }`) for a field whose branches
 * would otherwise each be described: one sentence saying what the field takes.
 */
export function expected(what: string): z.core.$ZodErrorMap {
  return (issue) => {
    const field = fieldName(issue.path ?? []);
    return issue.input === undefined ? `Missing required field "${field}"` : `${subject(field)} expects ${what}, got ${describeValue(issue.input)}`;
  };
}
