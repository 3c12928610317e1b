import { matchesFilter, type QuestionFilter } from './filter.js';
import type { QuestionSummary } from './summary.js';

type Filtered = Pick<QuestionSummary, 'type' | 'frontmatter'>;
type Key = keyof QuestionFilter;

/** The filter flags in the order a user reads them, each with the values a question has for it. */
const FIELDS: ReadonlyArray<{ key: Key; plural: string; values: (q: Filtered) => readonly string[] }> = [
  { key: 'topic', plural: 'topics', values: (q) => (q.frontmatter.topic ? [q.frontmatter.topic] : []) },
  { key: 'level', plural: 'levels', values: (q) => (q.frontmatter.level ? [q.frontmatter.level] : []) },
  { key: 'category', plural: 'categories', values: (q) => (q.frontmatter.category ? [q.frontmatter.category] : []) },
  { key: 'tag', plural: 'tags', values: (q) => q.frontmatter.tags },
  { key: 'type', plural: 'types', values: (q) => [q.type] },
];

/** At most this many values are listed; the rest are counted. */
const SHOWN = 12;

function valuesOf(questions: readonly Filtered[], field: (typeof FIELDS)[number]): string[] {
  return [...new Set(questions.flatMap(field.values))].sort();
}

function listed(values: readonly string[]): string {
  return values.length <= SHOWN ? values.join(', ') : `${values.slice(0, SHOWN).join(', ')} and ${values.length - SHOWN} more`;
}

/**
 * Why a filter matched nothing, with the values that would match: the first flag no question has
 * ("--topic nosuch matches no question; the topics are …"), or, when each flag alone matches, the
 * values the last flag could take with the others (`--level` values within `--topic raft`).
 * `what` names the questions searched ("question", "open question").
 */
export function noMatchMessage(questions: readonly Filtered[], filter: QuestionFilter, what = 'question'): string {
  const given = FIELDS.filter((field) => filter[field.key] !== undefined);
  if (questions.length === 0) return `The bank has no ${what}s to choose from; add question files, or point --bank or QBANK_BANK at a folder that holds some`;
  for (const field of given) {
    if (questions.some((q) => matchesFilter(q, { [field.key]: filter[field.key] }))) continue;
    return `--${field.key} "${filter[field.key]}" matches no ${what}; the ${field.plural} there are: ${listed(valuesOf(questions, field))}`;
  }
  const last = given.at(-1);
  if (!last) return `No ${what} matches`;
  const others: QuestionFilter = Object.fromEntries(given.filter((f) => f !== last).map((f) => [f.key, filter[f.key]]));
  const within = questions.filter((q) => matchesFilter(q, others));
  const flags = given.filter((f) => f !== last).map((f) => `--${f.key} ${filter[f.key]}`).join(' ');
  return `No ${what} has --${last.key} "${filter[last.key]}" together with ${flags}; with ${flags} the ${last.plural} are: ${listed(valuesOf(within, last))}`;
}
