import { createRule } from '../create-rule.js';
import { START_OF_FILE } from '../../model/position.js';
import { KNOWN_FRONTMATTER_KEYS } from '../../model/frontmatter.js';
import { nearName } from '../../model/near-name.js';

export const frontmatterUnknownKey = createRule({
  id: 'frontmatter-unknown-key',
  severity: 'warning',
  description: 'Frontmatter keys are ones qbank knows; others are kept but unused, and a near miss of a known key is named.',
  messages: {
    unknown: 'Unknown frontmatter key "{{key}}"; qbank keeps it but does not use it; check its spelling if it was meant to be a known key',
    misspelt: 'Unknown frontmatter key "{{key}}"; did you mean "{{suggestion}}"? (qbank keeps it but does not use it)',
  },
  facts: {
    // A frontmatter that fails the schema has no model to check; the schema reports this key.
    'field-misspelt': (fact, context) => context.report({ messageId: 'misspelt', span: fact.span, data: fact.data }),
  },
  check(question, context) {
    for (const key of Object.keys(question.frontmatter.extra)) {
      const suggestion = nearName(key, [...KNOWN_FRONTMATTER_KEYS]);
      const span = question.frontmatter.spans[key] ?? START_OF_FILE;
      context.report(suggestion ? { messageId: 'misspelt', span, data: { key, suggestion } } : { messageId: 'unknown', span, data: { key } });
    }
  },
});
