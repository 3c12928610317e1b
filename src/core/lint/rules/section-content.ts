import type { ContentForm } from '../../parse/facts.js';
import { createRule } from '../create-rule.js';

/** What each section's reader takes, as the message asks for it. */
const EXPECTED: Record<Exclude<ContentForm, 'options' | 'conceptsUnderHeading'>, string> = {
  concepts: 'bullets "- **Name**: description"',
  keywords: 'bullets "- Label: keyword, keyword"',
  bullets: 'bullets "- text"',
  followUp: '"**Question**: …" and "- **Looking for**: …" lines',
  fields: 'bullets "- **Key**: value"',
};

/** The parser reports the facts: each section's reader knows what it skipped. */
export const sectionContent = createRule({
  id: 'section-content',
  severity: 'warning',
  description: 'Content under a section has the shape qbank reads for it (bullets, labelled lines); anything else is reported, never dropped silently.',
  messages: {
    unread: 'Content in "{{key}}" that qbank cannot read; write it as {{expected}}',
    options: 'Content in "options" that qbank cannot read; write each option as "- A) text"',
  },
  facts: {
    'content-unread': (fact, context) => {
      const { key, form, heading } = fact.data;
      if (form === 'options') {
        context.report({ messageId: 'options', span: fact.span });
        return;
      }
      const expected = form === 'conceptsUnderHeading' ? `${EXPECTED.concepts} under a "### ${heading ?? ''}" heading` : EXPECTED[form];
      context.report({ messageId: 'unread', span: fact.span, data: { key, expected } });
    },
  },
});
