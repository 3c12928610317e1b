import type { Question } from '../model/question.js';

/** What a user can narrow a bank by; every field is optional and they combine with AND. */
export interface QuestionFilter {
  topic?: string;
  level?: string;
  category?: string;
  tag?: string;
  type?: string;
}

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

export function matchesFilter(question: Question, filter: QuestionFilter): boolean {
  const fm = question.frontmatter;
  if (filter.topic !== undefined && !same(fm.topic, filter.topic)) return false;
  if (filter.level !== undefined && !same(fm.level, filter.level)) return false;
  if (filter.category !== undefined && !same(fm.category, filter.category)) return false;
  if (filter.type !== undefined && !same(question.type, filter.type)) return false;
  if (filter.tag !== undefined && !fm.tags.some((tag) => same(tag, filter.tag as string))) return false;
  return true;
}
