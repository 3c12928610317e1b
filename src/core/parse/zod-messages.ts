import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  array: 'a list',
  object: 'a mapping',
  boolean: 'true or false',
};

/** Turns a zod issue into one readable sentence (no path, no position: reporters add those). */
export function describeZodIssue(issue: Issue, fieldName: string): string {
  const input = (issue as { input?: unknown }).input;
  // A key that is absent fails every branch of a union too: say what is wrong, not "nothing".
  if (input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) return `Missing required field "${fieldName}"`;
  switch (issue.code) {
    case 'invalid_type':
      return `Expected ${EXPECTED[issue.expected] ?? issue.expected} for "${fieldName}", got ${typeName(input)}`;
    case 'invalid_value':
      return `Expected ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => String(v)).join(', ')} for "${fieldName}", got ${shown(input)}`;
    case 'invalid_format':
      return `Invalid "${fieldName}" ${shown(input)}: ${issue.message}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `"${fieldName}" must not be empty`
        : `"${fieldName}" needs at least ${String(issue.minimum)} item(s)`;
    case 'invalid_union':
      return `Unexpected value ${shown(input)} for "${fieldName}"`;
    default:
      return issue.message;
  }
}
