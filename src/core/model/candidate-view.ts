import type { Question } from './question.js';

/** The parts of a question a candidate may see before answering: no rubric, samples or answer. */
export function candidateView(question: Question) {
  const { frontmatter } = question;
  const common = {
    id: frontmatter.id,
    type: question.type,
    title: question.title?.text ?? null,
    level: frontmatter.level ?? null,
    category: frontmatter.category ?? null,
    topic: frontmatter.topic ?? null,
    subtopic: frontmatter.subtopic ?? null,
    estimatedTime: frontmatter.estimatedTime ?? null,
    tags: frontmatter.tags,
  };
  if (question.type === 'mcq') {
    return {
      ...common,
      hook: question.hook?.text ?? null,
      question: question.question?.text ?? null,
      options: question.options.map(({ letter, text }) => ({ letter, text })),
    };
  }
  return { ...common, question: question.mainQuestion?.text ?? null };
}
