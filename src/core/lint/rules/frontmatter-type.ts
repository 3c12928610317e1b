import { describeZodIssue } from '../../errors/zod-error-map.js';
import { createRule } from '../create-rule.js';

/** The frontmatter schema reports the facts: a value it rejects leaves no model. */
export const frontmatterType = createRule({
  id: 'frontmatter-type',
  severity: 'error',
  description: 'Frontmatter values have the right type (text, list, mapping).',
  messages: {
    // The sentence is the one every validated input gets (core/errors/zod-error-map.ts).
    invalid: '{{problem}}',
  },
  structural: true,
  facts: {
    'value-invalid': (fact, context) => {
      context.report({ messageId: 'invalid', span: fact.span, data: { problem: describeZodIssue(fact.data.issue, fact.data.field) } });
    },
  },
});
