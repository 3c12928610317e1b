import { createRule } from '../create-rule.js';
import { BANK_RULES } from '../bank-rules/index.js';
import { RULES } from '../index.js';
import { disableCommentIds } from '../settings.js';
import { nearName } from '../../model/near-name.js';

export const disableUnknownRule = createRule({
  id: 'disable-unknown-rule',
  severity: 'warning',
  description: 'Every rule id a `<!-- qbank-disable … -->` comment names is a rule, so a misspelt id does not leave the rule on unnoticed.',
  messages: {
    misspelt: 'qbank-disable names "{{id}}", which is not a rule; did you mean "{{suggestion}}"? (docs/rules.md lists every rule)',
    unknown: 'qbank-disable names "{{id}}", which is not a rule; write a rule id from docs/rules.md, or remove it',
  },
  check(_question, context) {
    const found = disableCommentIds(context.text);
    if (found.length === 0) return;
    // The rule lists are read when the check runs: this file is itself one of the rules they list.
    const ids = [...RULES, ...BANK_RULES].map((rule) => rule.id);
    for (const { id, offset } of found) {
      if (ids.includes(id)) continue;
      const suggestion = nearName(id, ids);
      const span = context.lines.spanAt(offset, offset + id.length);
      context.report(suggestion ? { messageId: 'misspelt', span, data: { id, suggestion } } : { messageId: 'unknown', span, data: { id } });
    }
  },
});
