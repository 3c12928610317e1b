import type { Rule } from '../rule.js';

/** Reported by the parser, which must see this to build the model; listed here for config and docs. */
export const frontmatterLanguage: Rule = {
  id: 'frontmatter-language',
  severity: 'error',
  description: 'The frontmatter is YAML: `---js` and other languages are refused and never run.',
  messages: {},
  structural: true,
};
