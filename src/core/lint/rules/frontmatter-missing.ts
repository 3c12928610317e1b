import type { Rule } from '../rule.js';

/** Reported by the parser, which must see this to build the model; listed here for config and docs. */
export const frontmatterMissing: Rule = {
  id: 'frontmatter-missing',
  severity: 'error',
  description: 'The file opens with a `---` YAML frontmatter block.',
  messages: {},
  structural: true,
};
