import { beforeAll, describe, expect, it } from 'vitest';
import { heardSoFar, neutralPrompt, proposeFor } from '../../src/core/interview/heard-so-far.js';
import type { SubjectiveQuestion } from '../../src/core/model/subjective.js';
import { compileRubric, type CompiledRubric } from '../../src/core/score/compile.js';
import { fixture, mutated } from '../helpers/fixtures.js';
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

  it("proposes the concept's own probe when no follow-up covers it, before a neutral prompt", async () => {
    const { lexicon, config } = await scoringSetup();
    const LATENCY = '- **Latency Cost**: Every reply a client can see pays for a round trip to the backup';
    const LOST = '- **Lost Log Entry Scenario**: If the primary crashes after replying but before the backup gets the log entry, the backup diverges from what the client saw';
    const probed = subjectiveFrom(mutated([
      [LATENCY, `${LATENCY}\n  Probe: What price do clients pay for this wait, and which requests feel it most?`],
      [LOST, `${LOST}\n  Probe: When could a crash hurt if the primary did not wait?`],
    ], 'output-rule.md'));
    const probedRubric = compileRubric(probed, lexicon, config);
    // The probe is not rubric text: the concepts compile as they did without it.
    expect(probedRubric.mandatory).toEqual(rubric.mandatory);
    const latency = rubric.mandatory.findIndex((m) => m.name === 'Latency Cost');
    expect(proposeFor(probed, probedRubric, latency)).toEqual({
      concept: 'Latency Cost',
      source: 'author',
      question: 'What price do clients pay for this wait, and which requests feel it most?',
    });
    // A follow-up that covers the concept still comes first.
    const lost = rubric.mandatory.findIndex((m) => m.name === 'Lost Log Entry Scenario');
    expect(proposeFor(probed, probedRubric, lost)).toMatchObject({ source: 'follow-up', tier: 'partial' });
    // Notes with everything but the cost: the panel proposes the author's probe.
    const notes = [
      'The output rule: output waits for the acknowledgment of its log entry.',
      'Without it, a primary that crashes before the backup gets the log entry leaves the backup diverged.',
      'Failover must stay consistent with earlier output.',
    ].join('\n');
    const panel = heardSoFar(probed, probedRubric, notes);
    expect(panel.mandatory.filter((c) => c.heard === 'heard').map((c) => c.name)).toEqual(['Output Rule', 'Failover Consistency', 'Lost Log Entry Scenario']);
    expect(panel.mandatory.find((c) => c.name === 'Latency Cost')?.heard).toBe('not_heard');
    expect(panel.proposal).toMatchObject({ concept: 'Latency Cost', source: 'author' });
  });

  it('lists keywords and red flags heard', () => {
    const panel = heardSoFar(question, rubric, 'The output rule needs a round trip. The output rule guarantees each output is sent exactly once.');
    expect(panel.keywordsHeard).toEqual(expect.arrayContaining(['output rule', 'round trip']));
    expect(panel.redFlags).toEqual(['Claiming the output rule guarantees each output is sent exactly once']);
  });
});

describe('the neutral prompt', () => {
  it('leaves the area out when a word of it is a word of any mandatory concept, even inside a known phrase', async () => {
    const { lexicon, config } = await scoringSetup();
    const { readFileSync } = await import('node:fs');
    const { REPO_ROOT } = await import('../helpers/fixtures.js');
    const file = `${REPO_ROOT}/questions/primary-backup/primary-backup-nondeterministic-events-L3-001.md`;
    const replayQuestion = subjectiveFrom(readFileSync(file, 'utf8'));
    const replayRubric = compileRubric(replayQuestion, lexicon, config);
    expect(replayQuestion.frontmatter.subtopic).toBe('deterministic-replay');
    expect(replayRubric.mandatory.some((c) => /deterministic/i.test(c.name))).toBe(true);
    for (const item of replayRubric.mandatory) expect(neutralPrompt(replayQuestion, replayRubric, item)).not.toMatch(/determinis/i);
  });
});
