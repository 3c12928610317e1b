import type { Rule } from '../rule.js';
import { sectionSpecs } from '../../model/section-keys.js';

export const sectionRequired: Rule = {
  id: 'section-required',
  severity: 'error',
  description: 'Every required section of the question type is present.',
  messages: {
    missing: 'Missing required section "{{key}}"; add a "{{heading}}" heading {{where}}',
  },
  structural: true,
  check(question, context) {
    const specs = sectionSpecs(question.type);
    const present = new Map<string, (typeof question.sections)[number]>();
    for (const section of question.sections) if (!present.has(section.key)) present.set(section.key, section);
    const lastLine = context.text.split('\n').length;
    specs.forEach((spec, index) => {
      if (!spec.required || present.has(spec.key)) return;
      const before = specs.slice(0, index).reverse().find((s) => present.has(s.key));
      const after = specs.slice(index + 1).find((s) => present.has(s.key));
      const anchor = after ? present.get(after.key)?.span : undefined;
      context.report({
        messageId: 'missing',
        span: anchor ?? { start: { line: lastLine, column: 1 }, end: { line: lastLine, column: 1 } },
        data: {
          key: spec.key,
          heading: `${'#'.repeat(spec.depth)} ${spec.key}`,
          where: before ? `after "${before.key}"` : after ? `before "${after.key}"` : 'to the file',
        },
      });
    });
  },
};
