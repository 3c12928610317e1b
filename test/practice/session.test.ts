import { beforeAll, describe, expect, it } from 'vitest';
import { PracticeSession, type PracticeEffect } from '../../src/core/practice/session.js';
import type { PracticeBlock } from '../../src/core/practice/blocks.js';
import type { Input, Step } from '../../src/core/session/interaction.js';
import type { Question } from '../../src/core/model/question.js';
import type { SubjectiveQuestion } from '../../src/core/model/subjective.js';
import type { McqQuestion } from '../../src/core/model/mcq.js';
import { parseQuestion } from '../../src/core/parse/parse-question.js';
import { compileBarRaiser, compileFollowUp, compileRubric } from '../../src/core/score/compile.js';
import { scoreAnswer } from '../../src/core/score/score-answer.js';
import { scoreChecklist } from '../../src/core/score/score-checklist.js';
import { fixture } from '../helpers/fixtures.js';
import { scoringSetup } from '../helpers/scoring.js';
import { OUTPUT_RULE_ANSWERS } from '../helpers/answers.js';

let subjective: SubjectiveQuestion;
let mcq: McqQuestion;
let deps: ConstructorParameters<typeof PracticeSession>[1];

const { strong: STRONG, partial: PARTIAL, weak: WEAK } = OUTPUT_RULE_ANSWERS;

beforeAll(async () => {
  const { lexicon, config } = await scoringSetup();
  subjective = parseQuestion(fixture('output-rule.md'), 'q.md').question as SubjectiveQuestion;
  mcq = parseQuestion(fixture('valid-mcq.md'), 'm.md').question as McqQuestion;
  const rubric = compileRubric(subjective, lexicon, config);
  let n = 0;
  deps = {
    sessionId: 'session-1',
    newId: () => `id-${++n}`,
    score: (_q, answer) => scoreAnswer(rubric, answer),
    scoreFollowUp: (q, stage, answer) =>
      scoreChecklist(stage === 'bar-raiser' ? compileBarRaiser(rubric, q.barRaiser!.concepts) : compileFollowUp(rubric, q.followUps[stage]!), answer),
    previousCard: () => undefined,
  };
});

/** Runs a session with scripted inputs, one minute apart; returns every step. */
function play(questions: Question[], inputs: Input[]): Array<Step<PracticeBlock, PracticeEffect>> {
  const session = new PracticeSession(questions, deps);
  let t = Date.parse('2026-01-01T10:00:00Z');
  const steps = [session.start(new Date(t))];
  for (const input of inputs) {
    if (!steps.at(-1)?.ask) break;
    t += 60_000;
    steps.push(session.handle(input, new Date(t)));
  }
  return steps;
}
const kinds = (steps: Array<Step<PracticeBlock, PracticeEffect>>) => steps.map((s) => s.blocks.map((b) => b.kind).join(','));
const asks = (steps: Array<Step<PracticeBlock, PracticeEffect>>) => steps.map((s) => s.ask?.kind ?? 'end');
const saved = (steps: Array<Step<PracticeBlock, PracticeEffect>>) => steps.flatMap((s) => s.effects.flatMap((e) => (e.kind === 'save' ? [e.record] : [])));

describe('a practice session', () => {
  it('after an excellent answer asks the depth probe, then the bar raiser, then offers the samples', () => {
    const steps = play([subjective], [
      { kind: 'text', text: STRONG },
      { kind: 'text', text: 'The round trip dominates, about 1,700 requests per second per client; batching and pipelining help.' },
      { kind: 'text', text: 'With a shared disk only the primary writes, and its writes wait under the output rule.' },
      { kind: 'confirm', value: true },
    ]);
    expect(kinds(steps)).toEqual(['intro,question', 'time,feedback,follow-up', 'follow-up-feedback,follow-up', 'follow-up-feedback', 'samples,summary']);
    expect(asks(steps)).toEqual(['text', 'text', 'text', 'confirm', 'end']);
    const followUp = steps[1]!.blocks[2] as Extract<PracticeBlock, { kind: 'follow-up' }>;
    expect(followUp.tier).toBe('excellent');
    expect((steps[2]!.blocks[1] as Extract<PracticeBlock, { kind: 'follow-up' }>).tier).toBe('bar-raiser');
    const records = saved(steps);
    expect(records.map((r) => r.type)).toEqual(['attempt', 'follow-up', 'follow-up']);
    expect(records[0]).toMatchObject({ questionId: 'fixture-output-rule-L3-001', answer: STRONG, band: 'excellent', timeTakenMs: 60_000, session: 'session-1' });
    expect(records[1]).toMatchObject({ type: 'follow-up', stage: 'excellent', attemptId: records[0]!.attemptId });
    expect(records[2]).toMatchObject({ stage: 'bar-raiser' });
  });

  it.each([
    ['has no bar raiser', [/## bar_raiser_question[\s\S]*?(?=## metadata)/, '']],
    ['has a bar-raiser question but no concepts to grade it', [/### bar_raiser_concepts[\s\S]*?(?=## metadata)/, '']],
  ] as const)('after an excellent answer goes from the depth probe to the samples when the question %s', (_name, [from, to]) => {
    const text = fixture('output-rule.md').replace(from, to);
    expect(text).not.toBe(fixture('output-rule.md'));
    const question = parseQuestion(text, 'q.md').question as SubjectiveQuestion;
    const steps = play([question], [
      { kind: 'text', text: STRONG },
      { kind: 'text', text: 'The round trip dominates, about 1,700 requests per second per client; batching and pipelining help.' },
      { kind: 'confirm', value: false },
    ]);
    expect(kinds(steps)).toEqual(['intro,question', 'time,feedback,follow-up', 'follow-up-feedback', 'summary']);
    expect(asks(steps)).toEqual(['text', 'text', 'confirm', 'end']);
    expect(saved(steps).map((r) => (r.type === 'follow-up' ? r.stage : r.type))).toEqual(['attempt', 'excellent']);
  });

  it.each([
    ['partial', PARTIAL, 'Walk through the timeline'],
    ['weak', WEAK, 'You dictate a letter'],
  ])('asks the %s follow-up when the band calls for it, with its hint', (tier, answer, start) => {
    const steps = play([subjective], [{ kind: 'text', text: answer }]);
    const followUp = steps[1]!.blocks.find((b) => b.kind === 'follow-up') as Extract<PracticeBlock, { kind: 'follow-up' }>;
    expect(followUp).toMatchObject({ tier });
    expect(followUp.question.startsWith(start)).toBe(true);
    expect(followUp.hint).toBeTruthy();
  });

  it('saves the answer before asking the follow-up, so a quit keeps it', () => {
    const steps = play([subjective, mcq], [{ kind: 'text', text: PARTIAL }, { kind: 'quit' }]);
    expect(saved(steps).map((r) => r.type)).toEqual(['attempt']);
    const summary = steps.at(-1)!.blocks.at(-1) as Extract<PracticeBlock, { kind: 'summary' }>;
    expect(summary).toMatchObject({ quit: true });
    expect(summary.rows.map((r) => r.status)).toEqual(['answered', 'not reached']);
  });

  it('skips a question without saving anything', () => {
    const steps = play([subjective, mcq], [{ kind: 'skip' }, { kind: 'letter', letter: 'B' }]);
    expect(kinds(steps)[1]).toBe('skipped,question');
    expect(saved(steps)).toHaveLength(1);
    const summary = steps.at(-1)!.blocks.at(-1) as Extract<PracticeBlock, { kind: 'summary' }>;
    expect(summary.rows.map((r) => r.status)).toEqual(['skipped', 'answered']);
  });

  it('grades a multiple-choice answer and shows the explanation', () => {
    const right = play([mcq], [{ kind: 'letter', letter: 'B' }]);
    expect(right[1]!.blocks[0]).toMatchObject({ kind: 'mcq-result', correct: true, right: 'B' });
    expect(saved(right)[0]).toMatchObject({ score: 100, mcq: { letter: 'B', right: 'B', correct: true } });
    const wrong = play([mcq], [{ kind: 'letter', letter: 'C' }]);
    expect(wrong[1]!.blocks[0]).toMatchObject({ kind: 'mcq-result', correct: false, letter: 'C', explanation: expect.stringMatching(/^The chance/) });
    expect(saved(wrong)[0]).toMatchObject({ score: 0, band: 'insufficient' });
  });

  it('asks again after a letter that is not an option, or an empty answer', () => {
    const letter = play([mcq], [{ kind: 'letter', letter: 'Z' }]);
    expect(letter[1]).toMatchObject({ blocks: [{ kind: 'invalid', message: 'Answer with one of A, B, C, D' }], ask: { kind: 'letter' }, effects: [] });
    const empty = play([subjective], [{ kind: 'text', text: '   ' }]);
    expect(empty[1]).toMatchObject({ blocks: [{ kind: 'invalid' }], ask: { kind: 'text' }, effects: [] });
  });

  it('schedules the next review from the band', () => {
    const good = saved(play([subjective], [{ kind: 'text', text: STRONG }]))[0]!;
    const bad = saved(play([subjective], [{ kind: 'text', text: WEAK }]))[0]!;
    if (good.type !== 'attempt' || bad.type !== 'attempt') throw new Error('expected attempts');
    expect(Date.parse(good.srs.due)).toBeGreaterThan(Date.parse(bad.srs.due));
    expect(good.srs.reps).toBe(1);
  });
});
