import { describe, expect, it } from 'vitest';
import { Bank } from '../../src/core/bank/bank.js';
import { lintParsed } from '../../src/core/lint/run.js';
import type { SubjectiveQuestion } from '../../src/core/model/subjective.js';
import { parseQuestion } from '../../src/core/parse/parse-question.js';
import { scoreAnswer } from '../../src/core/score/score-answer.js';
import { lineOf, mutated } from '../helpers/fixtures.js';
import { parseFindings } from '../helpers/parse-findings.js';
import { questionWith, rubricFor } from '../helpers/scoring.js';

/** The valid fixture without its unknown `day` key, so that every finding left is the case's own. */
const base = (replacements: ReadonlyArray<readonly [string | RegExp, string]>) => mutated([['day: 3\n', ''], ...replacements]);

const LITTLE = ["Little's Law", 'Concurrency equals arrival rate multiplied by time in system'] as const;
const HEADROOM = ['Headroom', 'Size the pool above the average to absorb bursts'] as const;
const UTILISATION = ['Utilisation Limit', 'Queueing delay grows sharply as utilisation approaches 100%'] as const;
const TAIL = ['Tail Latency', 'Percentiles matter more than the mean'] as const;
const sentence = (text: string) => [text, text] as const;

interface LooseCase {
  name: string;
  text: string;
  /** The concepts read into each part, as [name, description]. */
  mandatory: ReadonlyArray<readonly [string, string]>;
  bonus: ReadonlyArray<readonly [string, string]>;
  /** Every finding lint reports without the scorer: rule id, severity, and where (line, column). */
  findings: Array<[string, 'error' | 'warning', number, number]>;
}

const cases: LooseCase[] = [];
const add = (c: Omit<LooseCase, 'findings'> & { findings: (text: string) => LooseCase['findings'] }) => cases.push({ ...c, findings: c.findings(c.text) });

add({
  name: '"- Name: description" without bold, a mandatory concept',
  text: base([['- **Headroom**: Size', '- Headroom: Size']]),
  mandatory: [LITTLE, HEADROOM],
  bonus: [UTILISATION, TAIL],
  findings: (t) => [['concept-format', 'warning', lineOf(t, '- Headroom:'), 1]],
});
add({
  name: 'a name in inline code before the colon, a bonus concept',
  text: base([['- **Tail Latency**: Percentiles', '- `Tail Latency`: Percentiles']]),
  mandatory: [LITTLE, HEADROOM],
  bonus: [UTILISATION, TAIL],
  findings: (t) => [['concept-format', 'warning', lineOf(t, '- `Tail Latency`'), 1]],
});
add({
  name: 'a plain sentence: name and description are the sentence',
  text: base([['- **Tail Latency**: Percentiles matter more than the mean', '- Percentiles matter more than the mean']]),
  mandatory: [LITTLE, HEADROOM],
  bonus: [UTILISATION, sentence('Percentiles matter more than the mean')],
  findings: (t) => [['concept-format', 'warning', lineOf(t, '- Percentiles matter'), 1]],
});
add({
  name: 'more than 8 words before the colon: a sentence',
  text: base([['- **Headroom**: Size the pool above the average to absorb bursts', '- The pool has to be sized well above the average level: bursts need room']]),
  mandatory: [LITTLE, sentence('The pool has to be sized well above the average level: bursts need room')],
  bonus: [UTILISATION, TAIL],
  findings: (t) => [['concept-format', 'warning', lineOf(t, '- The pool has'), 1]],
});
add({
  name: 'a colon without a space after it is not a name',
  text: base([['- **Headroom**: Size the pool above the average to absorb bursts', '- Keep a 3:1 ratio of workers to cores']]),
  mandatory: [LITTLE, sentence('Keep a 3:1 ratio of workers to cores')],
  bonus: [UTILISATION, TAIL],
  findings: (t) => [['concept-format', 'warning', lineOf(t, '- Keep a 3:1'), 1]],
});
add({
  name: 'bold concepts straight under core_concepts are mandatory',
  text: base([['### mandatory_concepts\n', '']]),
  mandatory: [LITTLE, HEADROOM],
  bonus: [UTILISATION, TAIL],
  findings: (t) => [['concept-section', 'warning', lineOf(t, "- **Little's Law**"), 1]],
});
add({
  name: 'bold concepts straight under peripheral_concepts are bonus',
  text: base([['### bonus_concepts\n', '']]),
  mandatory: [LITTLE, HEADROOM],
  bonus: [UTILISATION, TAIL],
  findings: (t) => [['concept-section', 'warning', lineOf(t, '- **Utilisation Limit**'), 1]],
});
add({
  name: 'under the container, only bold bullets are concepts; the file still loads with too few',
  text: base([['### mandatory_concepts\n', ''], ['- **Headroom**: Size', '- Headroom: Size']]),
  mandatory: [LITTLE],
  bonus: [UTILISATION, TAIL],
  findings: (t) => [
    ['concept-count', 'error', lineOf(t, '## core_concepts'), 1],
    ['concept-section', 'warning', lineOf(t, "- **Little's Law**"), 1],
    ['section-content', 'warning', lineOf(t, '- Headroom:'), 1],
  ],
});
add({
  name: 'no bar raiser and no metadata: one finding each, at the end',
  text: base([[/## bar_raiser_question[\s\S]*$/, '']]),
  mandatory: [LITTLE, HEADROOM],
  bonus: [UTILISATION, TAIL],
  findings: (t) => [
    ['section-recommended', 'warning', t.split('\n').length, 1],
    ['section-recommended', 'warning', t.split('\n').length, 1],
  ],
});
add({
  name: 'a bar raiser without its concepts',
  text: base([[/### bar_raiser_concepts[\s\S]*?(?=## metadata)/, '']]),
  mandatory: [LITTLE, HEADROOM],
  bonus: [UTILISATION, TAIL],
  findings: (t) => [['section-recommended', 'warning', lineOf(t, '## metadata'), 1]],
});
add({
  name: 'a real file in all the looser forms at once',
  text: base([
    ['### mandatory_concepts\n', ''],
    ['### bonus_concepts\n- **Utilisation Limit**: Queueing', '### bonus_concepts\n- Utilisation Limit: Queueing'],
    ['- **Tail Latency**: Percentiles matter more than the mean', '- Percentiles matter more than the mean'],
    [/## bar_raiser_question[\s\S]*$/, ''],
  ]),
  mandatory: [LITTLE, HEADROOM],
  bonus: [UTILISATION, sentence('Percentiles matter more than the mean')],
  findings: (t) => [
    ['concept-section', 'warning', lineOf(t, "- **Little's Law**"), 1],
    ['concept-format', 'warning', lineOf(t, '- Utilisation Limit:'), 1],
    ['concept-format', 'warning', lineOf(t, '- Percentiles matter'), 1],
    ['section-recommended', 'warning', t.split('\n').length, 1],
    ['section-recommended', 'warning', t.split('\n').length, 1],
  ],
});

describe('question files in looser forms', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: loads, with the right concepts and findings', (_name, c) => {
    const parsed = parseQuestion(c.text, 'q.md');
    expect(parsed.usable).toBe(true);
    expect(Bank.build([{ file: 'q.md', parsed }]).questions.map((q) => q.frontmatter.id)).toEqual(['fixture-littles-law-L3-001']);
    const question = parsed.question as SubjectiveQuestion;
    expect(question.core.concepts.map((k) => [k.name, k.description])).toEqual(c.mandatory);
    expect(question.bonus.concepts.map((k) => [k.name, k.description])).toEqual(c.bonus);
    expect(lintParsed(parsed, 'q.md').map((d) => [d.ruleId, d.severity, d.line, d.column])).toEqual(c.findings);
  });

  it('locates the name of a "- Name: description" bullet', () => {
    const text = base([['- **Headroom**: Size', '- Headroom: Size']]);
    const line = lineOf(text, '- Headroom:');
    const headroom = (parseQuestion(text, 'q.md').question as SubjectiveQuestion).core.concepts[1];
    expect(headroom?.nameSpan).toEqual({ start: { line, column: 3 }, end: { line, column: 11 } });
  });

  it('suggests the bold form in the concept-format message', () => {
    const text = base([['- **Headroom**: Size', '- Headroom: Size']]);
    expect(parseFindings(parseQuestion(text, 'q.md')).map((d) => d.message)).toEqual([
      'Write this concept as "- **Headroom**: …", its name in bold, so that the name is told apart from the description',
    ]);
  });

  it('has no bar raiser when the file has none, and says what each missing section costs', () => {
    const parsed = parseQuestion(base([[/## bar_raiser_question[\s\S]*$/, '']]), 'q.md');
    expect((parsed.question as SubjectiveQuestion).barRaiser).toBeUndefined();
    expect((parsed.question as SubjectiveQuestion).metadata).toEqual([]);
    expect(lintParsed(parsed, 'q.md').map((d) => d.message)).toEqual([
      'Missing section "bar_raiser_question": the question loads, but practice and interviews have no bar raiser to ask after an excellent answer; add a "## bar_raiser_question" heading after "follow_up_weak"',
      'Missing section "metadata": the question loads, but qbank show --rubric has no evaluation rubric, time expectation or next topics to show; add a "## metadata" heading after "follow_up_weak"',
    ]);
  });

  it('still refuses a file missing what it needs: mandatory concepts anywhere', () => {
    const text = base([[/### mandatory_concepts[\s\S]*?(?=### expected_keywords)/, '']]);
    const parsed = parseQuestion(text, 'q.md');
    expect(parsed.usable).toBe(false);
    expect(Bank.build([{ file: 'q.md', parsed }]).diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([['section-required', lineOf(text, '### expected_keywords'), 1]]);
  });
});

describe('the scorer on a concept written as a plain sentence', () => {
  // Its description is the sentence too, so an answer that says it in other words is credited,
  // as the name alone (every word, close together) would not be.
  it('credits a paraphrase', async () => {
    const rubric = await rubricFor(questionWith({ concepts: ['The pool needs spare workers to absorb bursts', '**Little\'s Law**: concurrency is rate times latency'] }));
    const result = scoreAnswer(rubric, 'To absorb the bursts, I would keep spare workers.');
    expect(result.concepts.find((c) => c.name === 'The pool needs spare workers to absorb bursts')).toMatchObject({ covered: true, via: 'description' });
  });
});
