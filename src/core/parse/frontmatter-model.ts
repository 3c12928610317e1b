import type { z } from 'zod';
import type { Diagnostic } from '../model/diagnostic.js';
import { diagnosticAt } from '../model/diagnostic.js';
import {
  KNOWN_FRONTMATTER_KEYS,
  McqFrontmatterSchema,
  SubjectiveFrontmatterSchema,
  type Frontmatter,
} from '../model/frontmatter.js';
import type { EstimatedTime } from '../model/estimated-time.js';
import type { Level } from '../model/level.js';
import type { Span } from '../model/position.js';
import type { FrontmatterBlock } from './frontmatter.js';
import { describeZodIssue } from './zod-messages.js';
import { nearName } from '../model/near-name.js';
import { formatMessage } from '../lint/rule.js';
import { frontmatterUnknownKey } from '../lint/rules/frontmatter-unknown-key.js';

/** Which rule reports a frontmatter schema issue. */
function ruleFor(issue: z.core.$ZodIssue): string {
  const top = issue.path[0];
  if (isMissing(issue)) return 'frontmatter-required';
  if (top === 'estimated_time') return 'frontmatter-estimated-time';
  if (top === 'id' && issue.code === 'invalid_format') return 'frontmatter-id-format';
  if (issue.code === 'invalid_value') return 'frontmatter-enum';
  return 'frontmatter-type';
}

function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** Validates frontmatter data against the schema of a question type and builds the model. */
export function validateFrontmatter(
  block: FrontmatterBlock,
  data: Record<string, unknown>,
  type: 'subjective' | 'mcq',
  file: string,
): { frontmatter: Frontmatter | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const schema = type === 'subjective' ? SubjectiveFrontmatterSchema : McqFrontmatterSchema;
  const result = schema.safeParse(data, { reportInput: true });

  if (!result.success) {
    const unknownKeys = Object.keys(data).filter((key) => !KNOWN_FRONTMATTER_KEYS.has(key));
    for (const issue of result.error.issues) {
      const path = issue.path as PropertyKey[];
      if (path.length === 1 && isMissing(issue)) {
        diagnostics.push(...missingKey(block, file, String(path[0]), unknownKeys, describeZodIssue(issue, fieldName(path))));
        continue;
      }
      diagnostics.push(diagnosticAt(file, block.locate(path), ruleFor(issue), 'error', describeZodIssue(issue, fieldName(path))));
    }
    return { frontmatter: undefined, diagnostics };
  }

  const value = result.data as Record<string, unknown>;
  const extra: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (!KNOWN_FRONTMATTER_KEYS.has(key)) extra[key] = item;
  return {
    frontmatter: {
      id: value.id as string,
      level: value.level as Level | undefined,
      category: value.category as Frontmatter['category'],
      topic: value.topic as string | undefined,
      subtopic: value.subtopic as string | undefined,
      estimatedTime: value.estimated_time as EstimatedTime | undefined,
      tags: (value.tags as string[] | undefined) ?? [],
      aliases: (value.aliases ?? {}) as Record<string, string[]>,
      extra,
      spans: Object.fromEntries(Object.keys(data).map((key) => [key, block.locate([key])])),
      valueSpans: valueSpans(block, ['estimated_time']),
    },
    diagnostics,
  };
}

/** Whether an issue is about a key that is not there at all. */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return (issue as { input?: unknown }).input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union');
}

/**
 * A missing required key, reported at the frontmatter's closing line (where it would go), and
 * an unknown key that looks like its misspelling, reported where that key is written.
 */
function missingKey(block: FrontmatterBlock, file: string, key: string, unknownKeys: readonly string[], message: string): Diagnostic[] {
  const misspelt = unknownKeys.find((unknown) => nearName(unknown, [...KNOWN_FRONTMATTER_KEYS]) === key);
  const where = block.closing ?? block.locate([key]);
  const missing = diagnosticAt(file, where, 'frontmatter-required', 'error',
    misspelt ? `${message}; the frontmatter has "${misspelt}" instead: rename it to "${key}"` : `${message}; add "${key}: …" to the frontmatter`);
  if (!misspelt) return [missing];
  return [missing, diagnosticAt(file, block.locate([misspelt]), 'frontmatter-unknown-key', 'warning', formatMessage(frontmatterUnknownKey.messages.misspelt ?? '', { key: misspelt, suggestion: key }))];
}

/** Where the values of some keys are written (for fixes that rewrite a value). */
function valueSpans(block: FrontmatterBlock, keys: readonly string[]): Record<string, Span> {
  const spans: Record<string, Span> = {};
  for (const key of keys) {
    const found = block.locateValue?.(key);
    if (found) spans[key] = found;
  }
  return spans;
}
