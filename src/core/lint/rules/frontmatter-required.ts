import type { Rule } from '../rule.js';

/** Reported by the parser, which must see this to build the model; listed here for config and docs. */
export const frontmatterRequired: Rule = {
  id: 'frontmatter-required',
  severity: 'error',
  description: 'Required frontmatter fields are present (`id`, `type`, `level`, `category`, `topic`, `subtopic`, `estimated_time` for subjective questions; `id` for multiple-choice).',
  messages: {},
  structural: true,
};
