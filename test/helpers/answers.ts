/**
 * Answers written for the tests to the output-rule fixture (test/fixtures/output-rule.md), one
 * per follow-up tier the scorer should pick: excellent, partial (guided probe), weak.
 */
export const OUTPUT_RULE_ANSWERS = {
  strong:
    'The primary holds each packet until the backup acknowledges the log entry behind it: that is the output rule. ' +
    'If the primary crashed after replying but before the backup got the entry, the backup would take over and disagree with what the client saw. ' +
    'The cost is one round trip of latency per reply, and the primary keeps executing while only the output waits.',
  partial: 'The primary waits for the backup to acknowledge the log entry before it replies to the client, which is the output rule and adds latency.',
  weak: 'It makes the system more reliable, I think.',
} as const;
