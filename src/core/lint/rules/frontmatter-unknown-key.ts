import type { Rule } from '../rule.js';
import { START_OF_FILE } from '../../model/position.js';

export const frontmatterUnknownKey: Rule = {
  id: 'frontmatter-unknown-key',
  severity: 'warning',
  description: 'Frontmatter keys are ones qbank knows; others are kept but unused.',
  messages: {
    unknown: 'Unknown frontmatter key "{{key}}"; qbank keeps it but does not use it; check its spelling if it was meant to be a known key',
  },
  check(question, context) {
    for (const key of Object.keys(question.frontmatter.extra)) {
      context.report({ messageId: 'unknown', span: question.frontmatter.spans[key] ?? START_OF_FILE, data: { key } });
    }
  },
};
