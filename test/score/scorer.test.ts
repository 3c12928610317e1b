import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRubric } from '../../src/core/score/compile.js';
import { compileBarRaiser, compileFollowUp } from '../../src/core/score/compile.js';
import { scoreAnswer, validateAnswer } from '../../src/core/score/score-answer.js';
import { scoreChecklist } from '../../src/core/score/score-checklist.js';
import type { SubjectiveQuestion } from '../../src/core/model/subjective.js';
import { fixture } from '../helpers/fixtures.js';
import { questionWith, rubricFor, scoringSetup, subjectiveFrom } from '../helpers/scoring.js';
import { compileRubric } from '../../src/core/score/compile.js';

let question: SubjectiveQuestion;
let rubric: CompiledRubric;
beforeAll(async () => {
  const { lexicon, config } = await scoringSetup();
  question = subjectiveFrom(fixture('output-rule.md'));
  rubric = compileRubric(question, lexicon, config);
});

/** Answers written for these tests: none copies the fixture's rubric sentences. */
const ANSWERS = {
  strong:
    "The primary may not let any packet reach a client until the backup has acknowledged the log entry for the event that produced it; that is the output rule. " +
    'Otherwise the primary could answer a client and then crash before the entry reached the backup, so the backup would take over without that request and contradict what the client already saw. ' +
    'Every visible reply therefore costs one round trip to the backup, which adds latency. The primary keeps running meanwhile, only the release of the packet is delayed, ' +
    'and the backup only needs to have received the entry, not replayed it. After failover a packet may be sent twice, which TCP tolerates as a duplicate.',
  // The same ideas with none of the rubric's key phrases: no "output rule", "acknowledg…", "log entry", "failover".
  paraphrase:
    'Nothing leaves the primary for the outside world until the secondary has confirmed that it holds the record describing the event behind it. ' +
    'Picture the primary replying to a client and then crashing before that record reached the secondary: the secondary would carry on without the request, and its state would no longer match what the client was told. ' +
    'Waiting for the confirmation rules that out. The price is latency, since every reply a client can see waits one network round trip to the secondary.',
  typos:
    "The primery may not let any packet reach a client until the backup has acknowleged the log entry for the event that produced it; that is the outptu rule. " +
    'Otherwise the primary could answer a client and then crash before the entry reached the backup, so the backup would take over without that request and contradict what the client already saw. ' +
    'Every visible reply therefore costs one round trip to the backup, which adds latancy. The primary keeps running meanwhile, only the release of the packet is delayed, ' +
    'and the backup only needs to have received the entry, not replayed it. After failover a packet may be sent twice, which TCP tolerates as a duplicate.',
  offTopic:
    'My favourite weekend activity is baking sourdough bread. The starter needs feeding every day, and the dough rises slowly overnight in a cool kitchen before it goes into a very hot oven.',
};

describe('scoring an answer', () => {
  it('gives a strong answer an excellent band and the depth probe', () => {
    const result = scoreAnswer(rubric, ANSWERS.strong);
    expect(result.band).toBe('excellent');
    expect(result.passed).toBe(true);
    expect(result.followUp).toBe('excellent');
    expect(result.concepts.filter((c) => c.kind === 'mandatory').every((c) => c.covered)).toBe(true);
  });

  it('passes a paraphrase that avoids the rubric words', () => {
    const result = scoreAnswer(rubric, ANSWERS.paraphrase);
    expect(result.passed).toBe(true);
    expect(result.concepts.find((c) => c.name === 'Output Rule')).toMatchObject({ covered: true, via: 'description' });
    expect(result.keywords.hit).not.toContain('output rule');
  });

  it('still credits words with typos', () => {
    const clean = scoreAnswer(rubric, ANSWERS.strong);
    const typos = scoreAnswer(rubric, ANSWERS.typos);
    expect(typos.concepts.map((c) => c.covered)).toEqual(clean.concepts.map((c) => c.covered));
    expect(typos.keywords.hit).toContain('output rule');
    expect(typos.score).toBe(clean.score);
  });

  it('does not credit concepts that are only mentioned to be negated', () => {
    const answer =
      'There is no output rule here and the primary never waits for any acknowledgment from the backup. ' +
      'The backup does not need the log entry before the reply goes out.';
    const result = scoreAnswer(rubric, answer);
    const outputRule = result.concepts.find((c) => c.name === 'Output Rule');
    expect(outputRule).toMatchObject({ covered: false, negated: true });
    expect(result.keywords.hit).not.toContain('output rule');
    expect(result.keywords.hit).not.toContain('acknowledgment');
  });

  it("caps a bare list of the rubric's keywords below passing and says why", () => {
    const keywords = [...question.core.keywords, ...question.bonus.keywords].flatMap((g) => g.keywords.map((k) => k.text));
    const concepts = [...question.core.concepts, ...question.bonus.concepts].map((c) => c.name);
    const result = scoreAnswer(rubric, [...keywords, ...concepts].join(', '));
    expect(result.passed).toBe(false);
    expect(['needs_improvement', 'insufficient']).toContain(result.band);
    expect(result.warnings.map((w) => w.code)).toContain('keyword-list');
    expect(result.uncappedScore).toBeGreaterThan(result.score);
  });

  it('also caps a list whose items carry a few function words ("1,000 per second")', () => {
    const list = 'output rule, acknowledgment, log entry, failover, round trip, 1,000 per second, 2 per minute, latency, at least once, TCP, duplicate packets';
    const result = scoreAnswer(rubric, list);
    expect(result.warnings.map((w) => w.code)).toContain('keyword-list');
    expect(result.passed).toBe(false);
    // Prose with a short enumeration is not a list.
    const prose = scoreAnswer(rubric, 'We hold the output until the backup acknowledges the log entry, so failover never loses a reply, at the cost of one round trip of latency.');
    expect(prose.warnings.map((w) => w.code)).not.toContain('keyword-list');
  });

  it('does not raise the score when the answer is repeated', () => {
    const once = scoreAnswer(rubric, ANSWERS.paraphrase);
    const many = scoreAnswer(rubric, Array(25).fill(ANSWERS.paraphrase).join('\n\n'));
    expect(many.score).toBe(once.score);
    expect(many.concepts.map((c) => c.covered)).toEqual(once.concepts.map((c) => c.covered));
  });

  it('scores an off-topic answer near zero', () => {
    expect(scoreAnswer(rubric, ANSWERS.offTopic).score).toBeLessThan(10);
  });

  it('points evidence at the words that earned the credit', () => {
    const answer = 'First line about nothing.\nThen the backup takes over after the primary fails.';
    const local = scoreAnswer(rubric, answer);
    const hit = local.keywordResults.find((k) => k.text === 'failover');
    expect(hit?.evidence).toEqual({ text: 'takes over', start: answer.indexOf('takes over'), end: answer.indexOf('takes over') + 10, line: 2, column: 17 });
    const strong = scoreAnswer(rubric, ANSWERS.strong);
    for (const concept of strong.concepts.filter((c) => c.covered)) {
      const evidence = concept.evidence;
      expect(evidence && ANSWERS.strong.slice(evidence.start, evidence.end)).toBe(evidence?.text);
    }
    const outputRule = strong.concepts.find((c) => c.name === 'Output Rule');
    expect(outputRule?.evidence?.text).toBe('output rule');
  });

  it('flags a common mistake the answer makes, and costs points for it', () => {
    const text = questionWith({ mistakes: ['Suggesting to remove fault tolerance entirely'], concepts: ['**Batching**: combine operations'] });
    return rubricFor(text).then((local) => {
      const result = scoreAnswer(local, 'Use batching. Honestly I would remove the fault tolerance entirely to get speed.');
      expect(result.mistakes).toMatchObject([{ text: 'Suggesting to remove fault tolerance entirely', mode: 'commission', penalty: 5 }]);
      expect(result.penalty).toBe(5);
      const fine = scoreAnswer(local, 'Use batching, and never remove fault tolerance entirely.');
      expect(fine.mistakes).toEqual([]);
    });
  });

  it('reports an omission mistake without extra cost', () => {
    const result = scoreAnswer(rubric, 'The primary waits for the backup to acknowledge before it replies, which costs latency.');
    const omission = result.mistakes.find((m) => m.mode === 'omission');
    expect(omission?.text).toBe('Missing the crash-after-reply scenario that the rule exists for');
    expect(omission?.penalty).toBe(0);
  });

  it('rejects an empty or blank answer', () => {
    expect(validateAnswer('  \n\t ')).toMatch(/empty/);
    expect(validateAnswer('x')).toBe(true);
  });

  it('bounds the work on a 10 MB answer and says it was cut', () => {
    const huge = `${ANSWERS.strong} ${'This sentence is only filler and it says nothing new. '.repeat(200_000)}`;
    expect(huge.length).toBeGreaterThan(10_000_000);
    const result = scoreAnswer(rubric, huge);
    expect(result.warnings.map((w) => w.code)).toContain('answer-truncated');
    expect(result.band).toBe('excellent');
  });
});

describe('follow-up and bar-raiser answers', () => {
  it('scores a depth-probe answer against its Looking for items', () => {
    const followUp = compileFollowUp(rubric, question.followUps.excellent!);
    expect(followUp.items.map((i) => i.name)).toEqual([
      'Round trip dominates latency',
      'about 1,700 requests per second per client',
      'batching',
      'pipelining',
      'concurrent clients',
    ]);
    const good = scoreChecklist(
      followUp,
      'Each request now takes 0.6 ms because the round trip dominates the latency, so one client gets about 1,700 requests per second. ' +
        'To go faster without breaking the rule, use batching so many replies share one acknowledgment, pipelining of requests, and more concurrent clients.',
    );
    expect(good.band).toBe('excellent');
    const weak = scoreChecklist(followUp, 'It would be a bit slower, I guess.');
    expect(weak.band).toBe('insufficient');
    expect(good.items.filter((i) => i.covered).length).toBeGreaterThan(weak.items.filter((i) => i.covered).length);
  });

  it('flags a red flag in a follow-up answer', () => {
    const followUp = compileFollowUp(rubric, question.followUps.excellent!);
    const result = scoreChecklist(followUp, 'Simple: we could be proposing to release output before the acknowledgment arrives, with batching too.');
    expect(result.redFlags.map((f) => f.text)).toEqual(['Proposing to release output before the acknowledgment']);
  });

  it('grades the guided probe on its concept line, not on the hint the candidate is shown, when it has no Looking for', () => {
    const followUp = compileFollowUp(rubric, question.followUps.partial!);
    expect(followUp.items.map((i) => i.name)).toEqual(['Divergence between client view and backup state']);
  });

  it('scores a bar-raiser answer against its concepts', () => {
    const barRaiser = compileBarRaiser(rubric, question.barRaiser!.concepts);
    const result = scoreChecklist(
      barRaiser,
      'Disk completion interrupts are non-deterministic, so they are logged and replayed at the same instruction. ' +
        'With one shared disk only the primary writes, and each write waits under the output rule. With separate disks the backup writes its own copy, so writes need not wait.',
    );
    expect(result.items.filter((i) => i.covered).map((i) => i.name)).toEqual([
      'Disk completion interrupts are non-deterministic events that are logged and replayed at the same point',
      'With a shared disk only the primary writes, and its writes wait under the output rule',
      'With separate disks the backup writes its own copy, so disk writes need not wait',
    ]);
    expect(result.passed).toBe(true);
  });
});

describe('the worked example in rubrics/GUIDELINES.md', () => {
  it('scores as the document says', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { REPO_ROOT } = await import('../helpers/fixtures.js');
    const guide = readFileSync(path.join(REPO_ROOT, 'rubrics', 'GUIDELINES.md'), 'utf8');
    const quoted = /The answer:\n\n((?:> .*\n)+)/.exec(guide)?.[1];
    const answer = (quoted ?? '').replace(/^> /gm, '').replace(/\n/g, ' ').trim();
    expect(answer).toMatch(/^Little's Law says/);
    const local = await rubricFor(fixture('valid-subjective.md'));
    const result = scoreAnswer(local, answer);
    expect([result.score, result.band, result.passed, result.followUp]).toEqual([76, 'excellent', true, 'excellent']);
    expect(result.parts.mandatory.points).toBeCloseTo(36.45);
    expect(result.concepts.find((c) => c.name === 'Headroom')).toMatchObject({ credit: 0.12, via: 'partial', covered: false });
    expect(result.parts.bonus.points).toBe(40);
    const added = /Adding one sentence, "([^"]+)"/.exec(guide.replace(/\n/g, ' '))?.[1];
    const better = scoreAnswer(local, `${answer} ${added ?? ''}`);
    expect([better.score, better.band]).toEqual([96, 'excellent']);
  });
});
