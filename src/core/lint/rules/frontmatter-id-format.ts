import { describeZodIssue } from '../../errors/zod-error-map.js';
import { createRule } from '../create-rule.js';

/** The frontmatter schema reports the facts: a value it rejects leaves no model. */
export const frontmatterIdFormat = createRule({
  id: 'frontmatter-id-format',
  severity: 'error',
  description: 'The `id` uses letters, digits, `.`, `_` and `-`, starting with a letter or digit.',
  messages: {
    // The sentence is the one every validated input gets (core/errors/zod-error-map.ts).
    invalid: '{{problem}}',
  },
  structural: true,
  facts: {
    'id-invalid': (fact, context) => {
      context.report({ messageId: 'invalid', span: fact.span, data: { problem: describeZodIssue(fact.data.issue, fact.data.field) } });
    },
  },
});
