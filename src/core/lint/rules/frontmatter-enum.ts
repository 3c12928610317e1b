import { describeZodIssue } from '../../errors/zod-error-map.js';
import { createRule } from '../create-rule.js';

/** The frontmatter schema reports the facts: a value it rejects leaves no model. */
export const frontmatterEnum = createRule({
  id: 'frontmatter-enum',
  severity: 'error',
  description: '`type`, `level` and `category` take one of their allowed values.',
  messages: {
    // The sentence is the one every validated input gets (core/errors/zod-error-map.ts).
    invalid: '{{problem}}',
  },
  structural: true,
  facts: {
    'value-not-allowed': (fact, context) => {
      context.report({ messageId: 'invalid', span: fact.span, data: { problem: describeZodIssue(fact.data.issue, fact.data.field) } });
    },
  },
});
