import type { QuestionSummary } from './summary.js';

/** What a user can narrow a bank by; every field is optional and they combine with AND. */
export interface QuestionFilter {
  topic?: string;
  level?: string;
  category?: string;
  tag?: string;
  type?: string;
}

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** Whether a question (its model or its summary: both carry these fields) passes the filter. */
export function matchesFilter(question: Pick<QuestionSummary, 'type' | 'frontmatter'>, filter: QuestionFilter): boolean {
  const fm = question.frontmatter;
  if (filter.topic !== undefined && !same(fm.topic, filter.topic)) return false;
  if (filter.level !== undefined && !same(fm.level, filter.level)) return false;
  if (filter.category !== undefined && !same(fm.category, filter.category)) return false;
  if (filter.type !== undefined && !same(question.type, filter.type)) return false;
  if (filter.tag !== undefined && !fm.tags.some((tag) => same(tag, filter.tag as string))) return false;
  return true;
}
