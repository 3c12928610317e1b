import type { Rule } from '../rule.js';

/** Reported by the parser, which must see this to build the model; listed here for config and docs. */
export const frontmatterYaml: Rule = {
  id: 'frontmatter-yaml',
  severity: 'error',
  description: 'The frontmatter is well-formed YAML whose top level is a mapping.',
  messages: {},
  structural: true,
};
