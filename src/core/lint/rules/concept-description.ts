import { createRule } from '../create-rule.js';

export const conceptDescription = createRule({
  id: 'concept-description',
  severity: 'warning',
  description: 'Every concept has a description after its name, which the scorer matches paraphrases against.',
  messages: {
    missing: 'Concept "{{name}}" has no description; add ": what it means in other words" so that an answer that explains it without naming it still earns credit',
  },
  check(question, context) {
    if (question.type !== 'subjective') return;
    for (const concept of [...question.core.concepts, ...question.bonus.concepts]) {
      if (concept.description.trim() !== '') continue;
      // A bullet without a bold name is concept-format's finding, not a missing description.
      const offset = context.lines.offsetAt(concept.nameSpan.start);
      if (!context.text.startsWith('**', offset) && !context.text.startsWith('__', offset)) continue;
      context.report({ messageId: 'missing', span: concept.nameSpan, data: { name: concept.name } });
    }
  },
});
