import { createRule } from '../create-rule.js';

/** The frontmatter reader reports the facts: it refuses every language but YAML unread. */
export const frontmatterLanguage = createRule({
  id: 'frontmatter-language',
  severity: 'error',
  description: 'The frontmatter is YAML: `---js` and other languages are refused and never run.',
  messages: {
    language: 'Frontmatter language "{{language}}" is not allowed: qbank reads YAML only and never runs code in a file; remove "{{language}}" after the opening ---',
  },
  structural: true,
  facts: {
    'frontmatter-language': (fact, context) => context.report({ messageId: 'language', span: fact.span, data: fact.data }),
  },
});
