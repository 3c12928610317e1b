import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/core/parse/parse-question.js';
import { splitHeading } from '../../src/core/parse/sections.js';
import type { SubjectiveQuestion } from '../../src/core/model/subjective.js';
import type { McqQuestion } from '../../src/core/model/mcq.js';
import { fixture, lineOf, mutated } from '../helpers/fixtures.js';
import { parseFindings } from '../helpers/parse-findings.js';

function subjective(text: string): SubjectiveQuestion {
  const { question } = parseQuestion(text, 'q.md');
  if (question?.type !== 'subjective') throw new Error('expected a subjective question');
  return question;
}

describe('headings', () => {
  it.each([
    ['core_concepts - Must Mention (60%)', 'core_concepts', 'Must Mention (60%)'],
    ['Main_Question  -  Core Question', 'main_question', 'Core Question'],
    ['metadata', 'metadata', undefined],
    ['mandatory_concepts ', 'mandatory_concepts', undefined],
    ['bar_raiser_question – L4→L5 Challenge', 'bar_raiser_question', 'L4→L5 Challenge'],
  ])('splits %j', (text, key, label) => {
    expect(splitHeading(text.trim())).toMatchObject({ key, label });
  });
});

describe('subjective sections', () => {
  const text = fixture('valid-subjective.md');
  const q = subjective(text);

  it('reads the title from the heading label', () => {
    expect(q.title).toMatchObject({ text: "Sizing a Worker Pool with Little's Law", span: { start: { line: lineOf(text, 'question_title'), column: 3 } } });
  });

  it('removes the quotes of quoted paragraphs', () => {
    expect(q.mainQuestion?.text).toMatch(/^A service receives 400 requests.*worker pool\?$/);
    expect(q.mainQuestion?.quoted).toBe(true);
    const curly = subjective(mutated([['"Little\'s Law says', '“Little\'s Law says'], ['headroom for bursts."', 'headroom for bursts.”']]));
    expect(curly.sampleAcceptable?.text).toMatch(/^Little's Law says.*bursts\.$/);
  });

  it('reads concept bullets with name, description and positions', () => {
    expect(q.core.concepts.map((c) => [c.name, c.description])).toEqual([
      ["Little's Law", 'Concurrency equals arrival rate multiplied by time in system'],
      ['Headroom', 'Size the pool above the average to absorb bursts'],
    ]);
    const line = lineOf(text, "**Little's Law**");
    expect(q.core.concepts[0]?.nameSpan).toEqual({ start: { line, column: 3 }, end: { line, column: 19 } });
    expect(q.bonus.concepts.map((c) => c.name)).toEqual(['Utilisation Limit', 'Tail Latency']);
  });

  it('reads keyword lines as labelled groups split on commas', () => {
    expect(q.core.keywords.map((g) => [g.label, g.keywords.map((k) => k.text)])).toEqual([
      ['Primary keywords', ['arrival rate', 'concurrency', 'latency']],
      ['Figures', ['20 requests', '400 per second']],
    ]);
    const line = lineOf(text, '- Primary keywords');
    expect(q.core.keywords[0]?.keywords[1]?.span.start).toEqual({ line, column: 35 });
  });

  it('does not split keywords on commas inside parentheses', () => {
    const q2 = subjective(mutated([['- Related: queueing, p99, burst', '- Related: queueing (M/M/1, M/D/1), p99']]));
    expect(q2.bonus.keywords[0]?.keywords.map((k) => k.text)).toEqual(['queueing (M/M/1, M/D/1)', 'p99']);
  });

  it('reads the weights from the part labels', () => {
    expect([q.core.weight, q.bonus.weight]).toEqual([60, 40]);
  });

  it('reads plain bullets', () => {
    expect(q.commonMistakes.map((m) => m.text)).toEqual(['Sizing the pool at exactly the average concurrency', 'Confusing throughput with latency']);
    expect(q.barRaiser?.concepts.map((c) => c.text)).toEqual(['Size for the peak, not the average', 'Autoscaling lead time']);
  });

  it('reads follow-ups: question and probe bullets of any key', () => {
    const { excellent, partial, weak } = q.followUps;
    expect(excellent?.question?.text).toBe('The latency doubles during a slow database period. What happens to the pool?');
    expect(excellent?.probes.map((p) => [p.kind, p.items])).toEqual([
      ['looking_for', ['Concurrency doubles', 'queue growth', 'backpressure']],
      ['red_flags', ['Assuming the pool size can stay fixed']],
    ]);
    expect(partial?.probes.map((p) => p.kind)).toEqual(['hint_embedded', 'concept_testing']);
    expect(weak?.probes.map((p) => p.key)).toEqual(['Simplification', 'Building block']);
    const odd = subjective(mutated([['- **Building block**: Rate times time', '- **Building block**: Rate times time\n- **Interviewer note**: Be patient']]));
    expect(odd.followUps.weak?.probes.at(-1)).toMatchObject({ key: 'Interviewer note', kind: 'interviewer_note', value: 'Be patient' });
  });

  it.each([
    ['L3→L4 Challenge', '→'],
    ['L3->L4 Challenge', '->'],
    ['L3â†’L4 Challenge', 'â†’'],
  ])('reads the bar-raiser level step in %j', (label, arrow) => {
    const q2 = subjective(mutated([['L3→L4 Challenge', label]]));
    const line = lineOf(fixture('valid-subjective.md'), 'bar_raiser_question');
    expect(q2.barRaiser?.step).toMatchObject({ from: 'L3', to: 'L4', arrow, span: { start: { line, column: 26 } } });
  });

  it('reads metadata as key/value pairs with list values', () => {
    expect(q.metadata.map((m) => [m.kind, m.value])).toEqual([
      ['evaluation_rubric', 'See GUIDELINES.md'],
      ['time_expectation', '3 min answer + 3 min discussion'],
      ['common_next_topics', 'Queueing theory, backpressure, autoscaling'],
    ]);
    expect(q.metadata[2]?.items).toEqual(['Queueing theory', 'backpressure', 'autoscaling']);
  });

  it('reads the optional assistant answer, suggestions and exercises', () => {
    const q2 = subjective(
      `${text}\n## assistant_answer\nShort answer here.\n\n## improvement_suggestions\n- Ask for numbers\n\n## improvement_exercises\n### exercise_1 - Peak Sizing\n**Question**: "Size for a 3x peak."\n\n**Sample answer**: "60 workers."\n`,
    );
    expect(q2.assistantAnswer?.text).toBe('Short answer here.');
    expect(q2.improvementSuggestions.map((s) => s.text)).toEqual(['Ask for numbers']);
    expect(q2.improvementExercises).toMatchObject([{ number: 1, title: 'Peak Sizing', question: { text: 'Size for a 3x peak.' }, sampleAnswer: { text: '60 workers.' } }]);
  });

  it('keeps unknown sections and their text', () => {
    const q2 = subjective(`${text}\n## interviewer_notes - Private\nWatch the clock.\n`);
    expect(q2.sections.at(-1)).toMatchObject({ key: 'interviewer_notes', label: 'Private', known: false, content: 'Watch the clock.' });
  });

  it('tolerates case and spacing differences in heading keys', () => {
    const q2 = subjective(mutated([['## main_question - Core Question', '## Main_Question   - Core Question']]));
    expect(q2.mainQuestion?.text).toContain('400 requests');
  });

  it('reports content it cannot place instead of dropping it', () => {
    const text2 = mutated([['- Sizing the pool', 'A stray paragraph.\n\n- Sizing the pool']]);
    expect(parseFindings(parseQuestion(text2, 'q.md'))).toMatchObject([{ ruleId: 'section-content', line: lineOf(text2, 'A stray paragraph'), column: 1 }]);
  });
});

describe('multiple-choice questions', () => {
  it('reads hook, question, options, answer and explanation', () => {
    const { question, facts } = parseQuestion(fixture('valid-mcq.md'), 'm.md');
    expect(facts).toEqual([]);
    const q = question as McqQuestion;
    expect(q.type).toBe('mcq');
    expect(q.hook?.text).toBe('Averages hide the slow requests users remember.');
    expect(q.options.map((o) => [o.letter, o.text])).toEqual([['A', '1%'], ['B', 'About 18%'], ['C', '20%'], ['D', '50%']]);
    expect(q.answer?.letter).toBe('B');
    expect(q.explanation?.text).toMatch(/^The chance that all 20/);
  });

  it('detects a multiple-choice file without a type key', () => {
    const text = fixture('valid-mcq.md').replace('type: mcq\n', '');
    expect(parseQuestion(text, 'm.md').question?.type).toBe('mcq');
  });

  it('reports an answer that is not an option', () => {
    const text = fixture('valid-mcq.md').replace('## answer\nB', '## answer\nE');
    expect(parseFindings(parseQuestion(text, 'm.md'), 'm.md')).toMatchObject([{ ruleId: 'mcq-answer', line: lineOf(text, 'E'), column: 1 }]);
  });
});
