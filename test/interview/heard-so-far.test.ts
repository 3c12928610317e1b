import { beforeAll, describe, expect, it } from 'vitest';
import { heardSoFar, neutralPrompt, proposeFor } from '../../src/core/interview/heard-so-far.js';
import type { SubjectiveQuestion } from '../../src/core/model/subjective.js';
import { compileRubric, type CompiledRubric } from '../../src/core/score/compile.js';
import { fixture } from '../helpers/fixtures.js';
import { scoringSetup, subjectiveFrom } from '../helpers/scoring.js';

let question: SubjectiveQuestion;
let rubric: CompiledRubric;
beforeAll(async () => {
  const { lexicon, config } = await scoringSetup();
  question = subjectiveFrom(fixture('output-rule.md'));
  rubric = compileRubric(question, lexicon, config);
});

/** Notes typed line by line, as an interviewer would, with the concept proposed after each. */
const LINES = [
  'Candidate says the primary holds each packet until the backup has acknowledged the log entry: the output rule.',
  'Each packet waits one network round trip, so latency goes up.',
  'If the primary replied and crashed before the backup got the entry, the backup would diverge from what the client saw.',
  'A backup that takes over has to agree with every output the clients have already seen.',
];

describe('what has been heard so far, line by line', () => {
  it('proposes the first mandatory concept not heard yet after each line, and nothing at the end', () => {
    const proposed: Array<string | undefined> = [];
    const states: string[][] = [];
    for (let n = 1; n <= LINES.length; n++) {
      const panel = heardSoFar(question, rubric, LINES.slice(0, n).join('\n'));
      proposed.push(panel.proposal?.concept);
      states.push(panel.mandatory.map((c) => `${c.name}:${c.heard}`));
    }
    expect(proposed).toEqual(['Failover Consistency', 'Failover Consistency', 'Failover Consistency', undefined]);
    expect(states.map((line) => line.filter((s) => s.endsWith(':heard')).length)).toEqual([1, 1, 3, 4]);
    // The round trip said, but not that every reply a client sees pays it: partly heard.
    expect(states[1]).toContain('Latency Cost:partly');
    expect(states[0]).toContain('Output Rule:heard');
    expect(states[3]?.every((s) => s.endsWith(':heard'))).toBe(true);
  });

  it('uses the follow-up whose hint covers the concept when there is one', () => {
    const panel = heardSoFar(question, rubric, 'The primary sends the reply to the client.');
    expect(panel.mandatory.find((c) => c.name === 'Lost Log Entry Scenario')?.heard).not.toBe('heard');
    const lost = proposeFor(question, rubric, rubric.mandatory.findIndex((m) => m.name === 'Lost Log Entry Scenario'));
    expect(lost).toMatchObject({ source: 'follow-up', tier: 'partial' });
    expect(lost?.question).toMatch(/^Walk through the timeline/);
  });

  it('falls back to a neutral prompt that never names the concept', () => {
    const index = rubric.mandatory.findIndex((m) => m.name === 'Latency Cost');
    const proposal = proposeFor(question, rubric, index);
    expect(proposal?.source).toBe('neutral');
    for (const word of ['latency', 'cost']) expect(proposal?.question.toLowerCase()).not.toContain(word);
    // A subtopic that would name the concept is left out.
    const outputRule = rubric.mandatory[0];
    if (!outputRule) throw new Error('the fixture has mandatory concepts');
    expect(neutralPrompt(question, rubric, outputRule)).toBe('Take me through your answer once more, step by step: what happens, and why?');
  });

  it('lists keywords and red flags heard', () => {
    const panel = heardSoFar(question, rubric, 'The output rule needs a round trip. The output rule guarantees each output is sent exactly once.');
    expect(panel.keywordsHeard).toEqual(expect.arrayContaining(['output rule', 'round trip']));
    expect(panel.redFlags).toEqual(['Claiming the output rule guarantees each output is sent exactly once']);
  });
});
