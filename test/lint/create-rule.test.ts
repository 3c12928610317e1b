import { describe, expect, it } from 'vitest';
import { createBankRule, createRule } from '../../src/core/lint/create-rule.js';
import { ruleMessage } from '../../src/core/lint/rule.js';
import { lintBankEntries } from '../../src/core/lint/run-bank.js';
import { START_OF_FILE } from '../../src/core/model/position.js';

const span = START_OF_FILE;

/** A rule for these tests only; its check and fact reporters are never run by the linter. */
const sample = createRule({
  id: 'sample-rule',
  severity: 'warning',
  description: 'A rule for the tests.',
  messages: {
    few: 'Only {{count}}; write at least {{min}}',
    repeated: 'Option {{letter}} again; give it another letter',
  },
  defaultOptions: { min: 2, label: 'concepts', strict: false },
  check(_question, context) {
    const min: number = context.options.min;
    context.report({ messageId: 'few', span, data: { count: 1, min } });
    // The compile-time half of this file (npm run typecheck, which npm test runs, checks it):
    // @ts-expect-error a message id the rule does not define
    context.report({ messageId: 'fewer', span });
    // @ts-expect-error an option the rule does not have
    void context.options.max;
    // @ts-expect-error an option has the type of its default
    const label: number = context.options.label;
    void label;
  },
  facts: {
    'option-repeated': (fact, context) => {
      context.report({ messageId: 'repeated', span: fact.span, data: { letter: fact.data.letter } });
      // @ts-expect-error a fact has only its own kind's data
      void fact.data.count;
    },
  },
});

/** A context that records what the sample rule reports. */
function recording(options: ReturnType<typeof sample.options>): { context: Parameters<typeof sample.reportFact>[1]; reported: string[] } {
  const reported: string[] = [];
  const context: Parameters<typeof sample.reportFact>[1] = {
    file: 'q.md',
    text: '',
    get lines(): never {
      throw new Error('not used');
    },
    options,
    services: {},
    sampleScores: () => undefined,
    report: (finding) => reported.push(ruleMessage(sample, finding)),
  };
  return { context, reported };
}

describe('createRule', () => {
  it('merges configured options over the defaults once: known keys of the default type only', () => {
    expect(sample.options()).toEqual({ min: 2, label: 'concepts', strict: false });
    expect(sample.options({ min: 5 })).toEqual({ min: 5, label: 'concepts', strict: false });
    expect(sample.options({ min: '5', strict: true, extra: 1 })).toEqual({ min: 2, label: 'concepts', strict: true });
    expect(Object.isFrozen(sample.options())).toBe(true);
    expect(sample.defaultOptions).toEqual({ min: 2, label: 'concepts', strict: false });
  });

  it('gives a rule without options none', () => {
    const bare = createRule({ id: 'bare', severity: 'error', description: 'Bare.', messages: { only: 'Wrong; fix it' } });
    expect(bare.options({ min: 3 })).toEqual({});
    expect(bare.facts).toEqual([]);
    expect(bare.check).toBeUndefined();
  });

  it('lists the kinds of fact a rule reports, and hands it only those', () => {
    expect(sample.facts).toEqual(['option-repeated']);
    const { context, reported } = recording(sample.options());
    sample.reportFact({ fact: 'option-repeated', span, data: { letter: 'B' } }, context);
    sample.reportFact({ fact: 'options-too-few', span, data: { count: 1 } }, context);
    expect(reported).toEqual(['Option B again; give it another letter']);
  });

  it('refuses a message id a rule does not define, rather than print the id', () => {
    expect(() => ruleMessage(sample, { messageId: 'fewer' })).toThrow('Rule sample-rule has no message "fewer"');
    expect(() => ruleMessage(sample, { messageId: 'toString' })).toThrow('has no message "toString"');
  });
});

describe('createBankRule', () => {
  it('passes the merged options to the check, typed', () => {
    const seen: number[] = [];
    const rule = createBankRule({
      id: 'bank-sample',
      severity: 'warning',
      description: 'A bank rule for the tests.',
      messages: { one: 'One; fix it' },
      defaultOptions: { threshold: 0.7 },
      check(entries, report, options) {
        seen.push(options.threshold);
        // @ts-expect-error a message id the rule does not define
        if (entries.length > 99) report('q.md', { messageId: 'two', span });
      },
    });
    lintBankEntries([], { rules: [rule], settings: { 'bank-sample': ['warning', { threshold: 0.9 }] } });
    lintBankEntries([], { rules: [rule], settings: { 'bank-sample': ['warning', { threshold: 'high' }] } });
    expect(seen).toEqual([0.9, 0.7]);
  });
});
