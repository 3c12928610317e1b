import type { Rule } from '../rule.js';

/** Reported by the parser, which reads these concepts into the model; listed here for config and docs. */
export const conceptSection: Rule = {
  id: 'concept-section',
  severity: 'warning',
  description: 'Concept bullets sit under their `### mandatory_concepts` or `### bonus_concepts` heading, not straight under `core_concepts` or `peripheral_concepts`.',
  messages: {},
};
