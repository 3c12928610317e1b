import { describe, expect, it } from 'vitest';
import { checkInput } from '../../src/core/errors/input-problems.js';
import { planSchema } from '../../src/core/interview/plan.js';

const check = (document: unknown) => checkInput(planSchema(document), document);

describe('reading a plan document', () => {
  it.each([
    [['a', ' b '], { questions: ['a', 'b'] }],
    [{ questions: ['a', { id: 'b', note: 'warm-up' }], level: 'l4', total_time: '45 minutes' }, { questions: ['a', 'b'], level: 'L4', totalMinutes: 45 }],
    [{ questions: ['a'], minutes: 30 }, { questions: ['a'], totalMinutes: 30 }],
  ])('%j', (document, plan) => {
    expect(check(document)).toEqual({ ok: true, data: plan });
  });

  it.each([
    [null, [], 'Expected a list of question ids, or a mapping with "questions"'],
    [{ questions: ['a'], duration: 4 }, ['duration'], 'Unknown key "duration"; a plan has questions, level and total_time'],
    [{ level: 'L4' }, ['questions'], '"questions" must be a non-empty list of question ids'],
    [{ questions: [] }, ['questions'], '"questions" must be a non-empty list of question ids'],
    [['a', 3], [1], 'Question 2 of the plan is not an id'],
    [{ questions: ['a', '  '] }, ['questions', 1], 'Question 2 of the plan is not an id'],
    [['a', 'b', ' a'], [2], '"a" is in the plan twice'],
    [{ questions: ['a'], level: 'L9' }, ['level'], 'Expected one of L1, L2, L3, L4, L5, L6, L7, L8 for "level", got "L9"'],
    [{ questions: ['a'], total_time: 'soon' }, ['total_time'], '"total_time" expects minutes such as "45 minutes", got "soon"'],
    [{ questions: ['a'], total_time: [45] }, ['total_time'], '"total_time" expects minutes such as "45 minutes", got a list'],
  ])('%j: at %j', (document, path, message) => {
    expect(check(document)).toEqual({ ok: false, problems: [{ path, message }] });
  });
});
