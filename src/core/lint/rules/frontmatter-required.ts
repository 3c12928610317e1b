import { describeZodIssue } from '../../errors/zod-error-map.js';
import { createRule } from '../create-rule.js';

/** The frontmatter schema reports the facts: without a required key there is no model. */
export const frontmatterRequired = createRule({
  id: 'frontmatter-required',
  severity: 'error',
  description: 'Required frontmatter fields are present (`id`, `type`, `level`, `category`, `topic`, `subtopic`, `estimated_time` for subjective questions; `id` for multiple-choice).',
  // `problem` is the sentence every validated input gets (core/errors/zod-error-map.ts).
  messages: {
    missing: '{{problem}}; add "{{key}}: …" to the frontmatter',
    renamed: '{{problem}}; the frontmatter has "{{misspelt}}" instead: rename it to "{{key}}"',
    nested: '{{problem}}',
  },
  structural: true,
  facts: {
    'field-missing': (fact, context) => {
      const { field: key, issue, misspelt } = fact.data;
      const problem = describeZodIssue(issue, key);
      if (misspelt) context.report({ messageId: 'renamed', span: fact.span, data: { problem, key, misspelt } });
      else context.report({ messageId: 'missing', span: fact.span, data: { problem, key } });
    },
    'nested-field-missing': (fact, context) => {
      context.report({ messageId: 'nested', span: fact.span, data: { problem: describeZodIssue(fact.data.issue, fact.data.field) } });
    },
  },
});
