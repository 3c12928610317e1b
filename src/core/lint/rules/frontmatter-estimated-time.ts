import { describeZodIssue } from '../../errors/zod-error-map.js';
import { createRule } from '../create-rule.js';

/** The frontmatter schema reports the facts: a value it rejects leaves no model. */
export const frontmatterEstimatedTime = createRule({
  id: 'frontmatter-estimated-time',
  severity: 'error',
  description: '`estimated_time` is a time budget such as `8-10 minutes` or `5 minutes`.',
  messages: {
    // The sentence is the one every validated input gets (core/errors/zod-error-map.ts).
    invalid: '{{problem}}',
  },
  structural: true,
  facts: {
    'estimated-time-invalid': (fact, context) => {
      context.report({ messageId: 'invalid', span: fact.span, data: { problem: describeZodIssue(fact.data.issue, fact.data.field) } });
    },
  },
});
