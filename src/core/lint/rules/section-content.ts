import type { Rule } from '../rule.js';

/** Reported by the parser, which must see this to build the model; listed here for config and docs. */
export const sectionContent: Rule = {
  id: 'section-content',
  severity: 'warning',
  description: 'Content under a section has the shape qbank reads for it (bullets, labelled lines); anything else is reported, never dropped silently.',
  messages: {},
};
