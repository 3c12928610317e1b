import { z } from 'zod';
import { McqFrontmatterSchema, SubjectiveFrontmatterSchema } from '../model/frontmatter.js';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>> };

/** What each key means, for editors' hover text (docs/question-format.md says the same). */
const DESCRIPTIONS: Record<string, string> = {
  id: 'Unique in the bank; letters, digits, ".", "_", "-". By convention the file name without .md.',
  type: 'subjective (an open question with a rubric) or mcq (multiple choice).',
  level: 'The level the question is pitched at: L1 (entry) to L8 (principal).',
  category: 'baseline (expected at the level) or bar-raiser (above it).',
  topic: 'Broad area, used for filtering and progress, e.g. raft.',
  subtopic: 'Narrower area inside the topic, e.g. log-compaction.',
  estimated_time: 'Time budget: "5 minutes" or "8-10 minutes".',
  tags: 'Labels for --tag filtering.',
  aliases: 'Extra synonyms for the scorer on this question only: each key a term, each value one or more other ways to say it.',
};

/**
 * `estimated_time` as JSON Schema can check it: the same budgets `parseEstimatedTime` reads
 * (JSON Schema patterns have no case flag, hence the character classes).
 */
export const ESTIMATED_TIME_PATTERN = '^\\s*\\d{1,3}\\s*(?:(?:-|–|—|[Tt][Oo])\\s*\\d{1,3}\\s*)?(?:[Mm][Ii][Nn](?:[Uu][Tt][Ee])?[Ss]?|[Mm])?\\s*$';

function describe(schema: JsonSchema, title: string): JsonSchema {
  const { $schema: _drop, ...rest } = schema;
  const properties = rest.properties ?? {};
  for (const [key, text] of Object.entries(DESCRIPTIONS)) {
    const property = properties[key];
    if (property) property.description = text;
  }
  const time = properties.estimated_time;
  if (time) {
    properties.estimated_time = {
      description: DESCRIPTIONS.estimated_time,
      anyOf: [{ type: 'string', pattern: ESTIMATED_TIME_PATTERN }, { type: 'integer', minimum: 1 }],
      examples: ['5 minutes', '8-10 minutes'],
    };
  }
  const aliases = properties.aliases as { additionalProperties?: unknown } | undefined;
  if (aliases?.additionalProperties) {
    // A single synonym may be written as text rather than a one-item list.
    aliases.additionalProperties = { anyOf: [{ type: 'string', minLength: 1 }, aliases.additionalProperties] };
  }
  return { title, ...rest, properties };
}

/** The JSON Schema of question frontmatter (one type, or either), generated from the zod model. */
export function frontmatterJsonSchema(type?: 'subjective' | 'mcq'): JsonSchema {
  const generate = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const subjective = describe(generate(SubjectiveFrontmatterSchema), 'Subjective question frontmatter');
  const mcq = describe(generate(McqFrontmatterSchema), 'Multiple-choice question frontmatter');
  const header = { $schema: 'https://json-schema.org/draft/2020-12/schema' };
  if (type === 'subjective') return { ...header, ...subjective };
  if (type === 'mcq') return { ...header, ...mcq };
  return {
    ...header,
    title: 'qbank question frontmatter',
    description: 'The YAML between the --- lines of a qbank question file. Unknown keys are kept (qbank lint warns about them).',
    oneOf: [subjective, mcq],
  };
}
