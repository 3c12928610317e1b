import { createRule } from '../create-rule.js';

/** The YAML library's message, first line only, without the position it adds (reporters add it). */
function syntaxDetail(message: string): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?\s*$/, '');
  return `${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

/** The frontmatter reader reports the facts: YAML it cannot read leaves no model. */
export const frontmatterYaml = createRule({
  id: 'frontmatter-yaml',
  severity: 'error',
  description: 'The frontmatter is well-formed YAML whose top level is a mapping.',
  messages: {
    syntax: 'YAML syntax error in the frontmatter: {{detail}}',
    duplicateKey: 'YAML syntax error in the frontmatter: map keys must be unique',
    collectionKey: 'A {{collection}} is used as a key; frontmatter keys are plain names such as "tags": write the key as a word, and put the {{collection}} in its value',
    notMapping: 'The frontmatter must be a mapping of keys to values, such as "id: my-question"',
    unconvertible: 'The frontmatter could not be read: {{detail}}',
  },
  structural: true,
  facts: {
    'yaml-error': (fact, context) => context.report({ messageId: 'syntax', span: fact.span, data: { detail: syntaxDetail(fact.data.message) } }),
    'yaml-duplicate-key': (fact, context) => context.report({ messageId: 'duplicateKey', span: fact.span }),
    'yaml-collection-key': (fact, context) => context.report({ messageId: 'collectionKey', span: fact.span, data: fact.data }),
    'yaml-not-mapping': (fact, context) => context.report({ messageId: 'notMapping', span: fact.span }),
    'yaml-unconvertible': (fact, context) => {
      context.report({ messageId: 'unconvertible', span: fact.span, data: { detail: fact.data.message.split('\n')[0] ?? '' } });
    },
  },
});
