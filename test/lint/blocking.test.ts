import { describe, expect, it } from 'vitest';
import { Bank } from '../../src/core/bank/bank.js';
import { bankEntry } from '../../src/core/lint/bank-entry.js';
import { lintParsed } from '../../src/core/lint/run.js';
import { lintBankEntries } from '../../src/core/lint/run-bank.js';
import { disabledRules, type RuleSetting } from '../../src/core/lint/settings.js';
import { parseQuestion } from '../../src/core/parse/parse-question.js';
import { fixture } from '../helpers/fixtures.js';
import { edit, positionOf } from './lint-helpers.js';

const valid = fixture('valid-subjective.md');
const validMcq = fixture('valid-mcq.md');

/** A `qbank-disable` comment right after the frontmatter, outside every section. */
const disabling = (text: string, ids: string) => text.replace(/\n---\n/, `\n---\n\n<!-- qbank-disable${ids ? ` ${ids}` : ''} -->\n`);

const noTitle = edit(valid, [["# question_title - Sizing a Worker Pool with Little's Law\n", '']]);
const noWeak = edit(valid, [[/## follow_up_weak[\s\S]*?(?=## bar_raiser_question)/, '']]);
const twice = edit(valid, [['## common_mistakes - Watch Out For', '## common_mistakes - Watch Out For\n- One\n\n## Common_Mistakes - Again']]);
const badWeights = edit(valid, [['Nice to Have (40%)', 'Nice to Have (30%)']]);
const badLevel = edit(valid, [['level: L3', 'level: L9']]);
const badAnswer = edit(validMcq, [['## answer\nB', '## answer\nZ']]);
const oneConcept = edit(valid, [['- **Headroom**: Size the pool above the average to absorb bursts\n', '']]);

const COMMENT = (id: string) => `(a qbank-disable comment cannot turn off ${id}: the file would not load until this is fixed)`;
const CONFIG = (id: string) => `(the config cannot turn off ${id}: the file would not load until this is fixed)`;

interface Case {
  name: string;
  text: string;
  rules?: Record<string, RuleSetting>;
  ruleId: string;
  /** Where the error stays, and the note its message ends with; undefined when it is silenced. */
  expected: { at: [number, number]; note: string } | undefined;
}

/** A case whose error stays at the first occurrence of `needle` in its own text. */
function stays(name: string, text: string, ruleId: string, needle: string, note: string, rules?: Record<string, RuleSetting>): Case {
  return { name, text, rules, ruleId, expected: { at: positionOf(text, needle), note } };
}

const CASES: Case[] = [
  stays('a comment on section-required', disabling(noTitle, 'section-required'), 'section-required', '## main_question', COMMENT('section-required')),
  stays('a comment turning every rule off', disabling(noWeak, ''), 'follow-up-tier', '## bar_raiser_question', COMMENT('follow-up-tier')),
  stays('a comment on a parser finding (frontmatter-enum)', disabling(badLevel, 'frontmatter-enum'), 'frontmatter-enum', 'level: L9', COMMENT('frontmatter-enum')),
  stays('a comment on a multiple-choice answer', disabling(badAnswer, 'mcq-answer'), 'mcq-answer', 'Z\n', COMMENT('mcq-answer')),
  stays('the config turning section-duplicate off', twice, 'section-duplicate', '## Common_Mistakes - Again', CONFIG('section-duplicate'), { 'section-duplicate': 'off' }),
  stays('the config making weights-sum a warning', badWeights, 'weights-sum', '(30%)', CONFIG('weights-sum'), { 'weights-sum': 'warning' }),
  { name: 'a comment on a rule that does not decide loading (concept-count)', text: disabling(oneConcept, 'concept-count'), ruleId: 'concept-count', expected: undefined },
  { name: 'the config turning concept-count off', text: oneConcept, rules: { 'concept-count': 'off' }, ruleId: 'concept-count', expected: undefined },
];

describe('errors that keep a file out of the bank cannot be silenced', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const parsed = parseQuestion(c.text, 'q.md');
    const found = lintParsed(parsed, 'q.md', { rules: c.rules }).filter((d) => d.ruleId === c.ruleId);
    if (!c.expected) {
      expect(found).toEqual([]);
      return;
    }
    expect(found.map((d) => [d.severity, d.line, d.column])).toEqual([['error', ...c.expected.at]]);
    expect(found[0]?.message.slice(-c.expected.note.length)).toBe(c.expected.note);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: lint finds no error only when the bank serves the file', (_name, c) => {
    const parsed = parseQuestion(c.text, 'q.md');
    const lintErrors = lintParsed(parsed, 'q.md', { rules: c.rules }).filter((d) => d.severity === 'error' && d.ruleId !== 'concept-count');
    const served = Bank.build([{ file: 'q.md', parsed }]).questions.length === 1;
    expect(parsed.usable).toBe(served);
    expect(lintErrors.length === 0).toBe(served);
  });

  it('adds no note when nothing tried to silence the error', () => {
    const [found] = lintParsed(parseQuestion(noTitle, 'q.md'), 'q.md').filter((d) => d.ruleId === 'section-required');
    expect(found?.message).toBe('Missing required section "question_title"; add a "# question_title" heading before "main_question"');
  });

  it('keeps a duplicate id reported in the file that disables id-duplicate, or with the config turning it off', () => {
    const entries = ['a.md', 'b.md'].map((file) => {
      const text = file === 'b.md' ? disabling(valid, 'id-duplicate') : valid;
      return bankEntry(parseQuestion(text, file).question!, { disabled: disabledRules(text) });
    });
    const byComment = lintBankEntries(entries).map((d) => [d.file, d.severity, d.message.endsWith(COMMENT('id-duplicate'))]);
    expect(byComment).toEqual([['a.md', 'error', false], ['b.md', 'error', true]]);
    const byConfig = lintBankEntries(entries, { settings: { 'id-duplicate': 'off' } }).map((d) => [d.file, d.message.endsWith(CONFIG('id-duplicate'))]);
    expect(byConfig).toEqual([['a.md', true], ['b.md', false]]);
  });

  it('still lets a comment or the config silence a bank rule that does not decide loading', () => {
    const reworded = edit(valid, [['id: fixture-littles-law-L3-001', 'id: fixture-littles-law-L3-002'], ['How many requests are in flight on average', 'How many requests are in flight, on average']]);
    const entries = (disabled: string[]) => [
      bankEntry(parseQuestion(valid, 'a.md').question!, { signatures: true }),
      bankEntry(parseQuestion(reworded, 'b.md').question!, { signatures: true, disabled }),
    ];
    const nearDuplicates = (list: ReturnType<typeof entries>, settings = {}) => lintBankEntries(list, { settings }).filter((d) => d.ruleId === 'near-duplicate').map((d) => d.file);
    expect(nearDuplicates(entries([]))).toEqual(['b.md']);
    expect(nearDuplicates(entries(['near-duplicate']))).toEqual([]);
    expect(nearDuplicates(entries([]), { 'near-duplicate': 'off' })).toEqual([]);
  });
});
