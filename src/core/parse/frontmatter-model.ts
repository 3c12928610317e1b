import type { z } from 'zod';
import {
  KNOWN_FRONTMATTER_KEYS,
  McqFrontmatterSchema,
  SubjectiveFrontmatterSchema,
  type Frontmatter,
} from '../model/frontmatter.js';
import type { EstimatedTime } from '../model/estimated-time.js';
import type { Level } from '../model/level.js';
import type { Span } from '../model/position.js';
import type { ParseFact } from './facts.js';
import type { FrontmatterBlock } from './frontmatter.js';
import { fieldName } from '../errors/zod-error-map.js';
import { nearName } from '../model/near-name.js';

/** What kind of fact a frontmatter schema issue is (each kind has its rule). */
function factFor(issue: z.core.$ZodIssue): 'nested-field-missing' | 'estimated-time-invalid' | 'id-invalid' | 'value-not-allowed' | 'value-invalid' {
  const top = issue.path[0];
  if (isMissing(issue)) return 'nested-field-missing';
  if (top === 'estimated_time') return 'estimated-time-invalid';
  if (top === 'id' && issue.code === 'invalid_format') return 'id-invalid';
  if (issue.code === 'invalid_value') return 'value-not-allowed';
  return 'value-invalid';
}

/** Validates frontmatter data against the schema of a question type and builds the model. */
export function validateFrontmatter(
  block: FrontmatterBlock,
  data: Record<string, unknown>,
  type: 'subjective' | 'mcq',
): { frontmatter: Frontmatter | undefined; facts: ParseFact[] } {
  const facts: ParseFact[] = [];
  const schema = type === 'subjective' ? SubjectiveFrontmatterSchema : McqFrontmatterSchema;
  const result = schema.safeParse(data, { reportInput: true });

  if (!result.success) {
    const unknownKeys = Object.keys(data).filter((key) => !KNOWN_FRONTMATTER_KEYS.has(key));
    for (const issue of result.error.issues) {
      const path = issue.path as PropertyKey[];
      if (path.length === 1 && isMissing(issue)) {
        facts.push(...missingKey(block, issue, String(path[0]), unknownKeys));
        continue;
      }
      facts.push({ fact: factFor(issue), span: block.locate(path), data: { field: fieldName(path), issue } });
    }
    return { frontmatter: undefined, facts };
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
    facts,
  };
}

/** Whether an issue is about a key that is not there at all. */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return (issue as { input?: unknown }).input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union');
}

/**
 * A missing required key, at the frontmatter's closing line (where it would go), and an
 * unknown key that looks like its misspelling, where that key is written.
 */
function missingKey(block: FrontmatterBlock, issue: z.core.$ZodIssue, key: string, unknownKeys: readonly string[]): ParseFact[] {
  const misspelt = unknownKeys.find((unknown) => nearName(unknown, [...KNOWN_FRONTMATTER_KEYS]) === key);
  const where = block.closing ?? block.locate([key]);
  if (!misspelt) return [{ fact: 'field-missing', span: where, data: { field: key, issue } }];
  return [
    { fact: 'field-missing', span: where, data: { field: key, issue, misspelt } },
    { fact: 'field-misspelt', span: block.locate([misspelt]), data: { key: misspelt, suggestion: key } },
  ];
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
