import { describe, expect, it } from 'vitest';
import { compileFollowUp, compileRubric } from '../../src/core/score/compile.js';
import { scoreAnswer } from '../../src/core/score/score-answer.js';
import type { ConceptResult } from '../../src/core/score/result.js';
import { questionWith, rubricFor, scoringSetup, subjectiveFrom } from '../helpers/scoring.js';

async function concept(concepts: string[], answer: string, question?: string): Promise<ConceptResult> {
  const rubric = await rubricFor(questionWith({ concepts, question }));
  const result = scoreAnswer(rubric, answer);
  return result.concepts[0] as ConceptResult;
}

describe('partial concept credit', () => {
  const RULE = '**Output Rule**: The primary holds every packet until the backup acknowledges the log entry';

  it.each([
    // [answer, lowest credit, highest credit, via]
    ['The output rule applies here.', 1, 1, 'name'],
    ['The primary holds each packet until the backup acknowledges the entry.', 1, 1, 'description'],
    ['Packets wait at the primary for an acknowledgment from the secondary.', 1, 1, 'description'],
    ['The backup must confirm the log entry first.', 0.1, 0.99, 'partial'],
    ['The weather was nice and the garden was green.', 0, 0, undefined],
  ] as const)('%j earns between %d and %d', async (answer, low, high, via) => {
    const result = await concept([RULE], answer);
    expect(result.credit).toBeGreaterThanOrEqual(low);
    expect(result.credit).toBeLessThanOrEqual(high);
    expect(result.via).toBe(via);
    expect(result.covered).toBe(result.credit === 1);
  });

  it('shows the weighted terms matched and missing, with the evidence of the best window', async () => {
    const result = await concept([RULE], 'It was a long day. The backup must confirm the log entry first.');
    expect(result.terms.filter((t) => t.found).map((t) => t.term)).toEqual(['backup', 'acknowledges', 'log entry']);
    expect(result.terms.find((t) => t.term === 'output')).toMatchObject({ weight: 2, found: false });
    expect(result.evidence?.text).toBe('backup must confirm the log entry');
    expect(result.evidence?.column).toBe(24);
  });

  it('adds partial credits into the part: two covered and two at half count as three', async () => {
    const rubric = await rubricFor(questionWith({ concepts: ['**Alpha Widget**: zzz', '**Beta Widget**: zzz'], keywords: [] }));
    const full = rubric.weights.mandatory * rubric.config.partShares.concepts;
    const { scoreCoverage } = await import('../../src/core/score/score-answer.js');
    const scored = scoreCoverage(rubric, { mandatory: [1, 0.5], bonus: [], mandatoryKeywords: [1], bonusKeywords: [], penalty: 0 });
    expect(scored.parts.mandatory.concepts).toEqual({ covered: 1, credit: 1.5, total: 2 });
    expect(scored.parts.mandatory.points).toBeCloseTo(0.75 * full + rubric.weights.mandatory * rubric.config.partShares.keywords);
  });

  it('is never below the binary rule: every concept the name or description rule covers earns 1', async () => {
    const { lexicon, config } = await scoringSetup();
    const { readFileSync } = await import('node:fs');
    const { bankQuestions } = await import('../eval/leniency.js');
    void readFileSync;
    for (const question of (await bankQuestions()).slice(0, 10)) {
      const rubric = compileRubric(question, lexicon, config);
      const result = scoreAnswer(rubric, question.sampleExcellent?.text ?? '');
      for (const c of result.concepts) if (c.via === 'name' || c.via === 'name-words' || c.via === 'description') expect(c.credit, c.name).toBe(1);
    }
  });
});

describe("the question's own words count less", () => {
  const QUESTION = 'How is a string stored in C as an array of characters?';
  const NULL = '**Null Terminator**: A string is stored as an array of characters ending with a zero byte';

  it('does not credit a concept filled by the words of the question ("string, stored, array, characters")', async () => {
    const result = await concept([NULL], 'A string is stored in memory as an array of characters.', QUESTION);
    expect(result.covered).toBe(false);
    expect(result.credit).toBeLessThan(0.5);
  });

  it('credits the same words fully when the question does not use them', async () => {
    const result = await concept([NULL], 'A string is stored in memory as an array of characters.', 'How does C know where text ends?');
    expect(result.covered).toBe(true);
  });

  it('still credits a real answer that uses the question words too', async () => {
    const result = await concept([NULL], 'The array of characters ends with a zero byte, the null terminator.', QUESTION);
    expect(result.credit).toBe(1);
  });
});

describe('negation in both directions', () => {
  const LEAF = '**Node with No Children**: A leaf of the tree';

  it.each([
    ['A leaf is a node that has no children.', true],
    ['It is a node without children.', true],
    ['A node with children.', false],
    ['A node with two children.', false],
  ])('%j covers "Node with No Children": %s', async (answer, covered) => {
    const result = await concept([LEAF], answer);
    expect(result.covered).toBe(covered);
    if (!covered) expect(result.credit).toBe(0);
  });

  it('matches an absence in a description ("works without polling") by a negated answer word', async () => {
    const rubric = '**Interrupt Driven**: The device signals the processor without polling';
    expect((await concept([rubric], 'The device raises an interrupt, so there is no polling.')).credit).toBeGreaterThan(0);
  });

  it.each([
    ['There is no base case, so the recursion never ends.', true],
    ['The base case is reached at depth zero.', false],
  ])('matches "Missing Base Case" by an answer that says the absence: %j → %s', async (answer, covered) => {
    expect((await concept(['**Missing Base Case**: The recursion has nothing to stop it'], answer)).covered).toBe(covered);
  });

  it('keeps a plain concept unmatched by its negation', async () => {
    expect((await concept(['**Batching**: Group entries into one message'], 'There is no batching at all.')).credit).toBe(0);
  });
});

describe('vocabulary', () => {
  it.each([
    ['rubric meta words never count: "The answer must mention" is not evidence', ['**Quorum Size**: The answer must mention the number of votes'], 'The answer must mention something.', 0],
    ['"main" is a content word', ['**Main Function**: The entry point of the program'], 'Execution starts in the main method of the program.', 0.01],
    ['"key" is a content word', ['**Primary Key**: Identifies each row uniquely'], 'Each row needs a unique key.', 0.01],
  ] as const)('%s', async (_, concepts, answer, atLeast) => {
    const result = await concept([...concepts], answer);
    if (atLeast === 0) expect(result.credit).toBe(0);
    else expect(result.credit).toBeGreaterThanOrEqual(atLeast);
  });

  it.each([
    ['**Direct Access**: Reads any element in constant time', 'You can reach any element directly.', 'direct'],
    ['**Reduction**: Fewer messages per commit', 'Batching will reduce the messages per commit.', 'reduction'],
    ['**Agreement**: Servers settle on one order', 'All servers agree on the order of entries.', 'agreement'],
    ['**Multiple Groups**: Many consensus groups share the servers', 'Run multi groups on each machine.', 'multiple'],
  ])('matches a derived form: %j by %j', async (rubricConcept, answer, term) => {
    const result = await concept([rubricConcept], answer);
    expect(result.terms.find((t) => t.term === term)?.found).toBe(true);
    expect(result.credit).toBeGreaterThan(0);
  });

  it('does not match a derived form the question does not use', async () => {
    const result = await concept(['**Direct Access**: Reads any element in constant time'], 'You can reach any element.');
    expect(result.terms.find((t) => t.term === 'direct')?.found).toBe(false);
  });

  it('counts "out" inside a name: "scale out" is not "scale"', async () => {
    const rubric = await rubricFor(questionWith({ keywords: ['fan out'] }));
    expect(scoreAnswer(rubric, 'The request is fanned out to twenty backends.').keywordResults[0]?.hit).toBe(true);
    expect(scoreAnswer(rubric, 'The fan is loud.').keywordResults[0]?.hit).toBe(false);
  });

  it('switches off a bank synonym that would merge two of the question\'s own keywords', async () => {
    const both = await rubricFor(questionWith({ keywords: ['majority', 'quorum'] }));
    const result = scoreAnswer(both, 'A majority of servers must hold the entry.');
    expect(result.keywordResults.slice(0, 2).map((k) => [k.text, k.hit])).toEqual([
      ['majority', true],
      ['quorum', false],
    ]);
    // With one of them only, the group still joins them.
    const one = await rubricFor(questionWith({ keywords: ['quorum'] }));
    expect(scoreAnswer(one, 'A majority of servers must hold the entry.').keywordResults[0]?.hit).toBe(true);
  });
});

describe('pure scoring', () => {
  it('scores the same answer the same before and after its follow-ups are compiled ("cnfirming")', async () => {
    const { lexicon, config } = await scoringSetup();
    const text = questionWith({ concepts: ['**Alpha Widget**: zzz'], followUp: 'Confirming the write with every replica' });
    const question = subjectiveFrom(text);
    const rubric = compileRubric(question, lexicon, config);
    const answer = 'I would be cnfirming the write with every replica.';
    const before = scoreAnswer(rubric, answer);
    const followUp = question.followUps.excellent;
    if (!followUp) throw new Error('the probe question has a depth probe');
    compileFollowUp(rubric, followUp);
    const after = scoreAnswer(rubric, answer);
    expect(after).toEqual(before);
    // The follow-up's words were known from the start: the typo is repaired both times.
    const checklist = compileFollowUp(rubric, followUp);
    const { scoreChecklist } = await import('../../src/core/score/score-checklist.js');
    expect(scoreChecklist(checklist, answer).items[0]?.credit).toBeGreaterThan(0.5);
  });
});

describe('keyword-list detection reads prose only', () => {
  const CONCEPTS = ['**Snapshot**: Each server saves its state machine at an applied index', '**Log Compaction**: Entries before the snapshot are discarded'];
  it.each([
    ['numbered steps that are sentences', '1. Each server takes a snapshot of its state machine at the last applied index.\n2. It then discards the log entries up to that index and keeps the last included term.\n3. The leader sends the snapshot to a follower whose next entry was discarded.', false],
    ['a code block and a table', 'Each server writes a snapshot of its state and then drops the old entries of its log.\n\n```\nsnapshot index term state machine log compaction\nsnapshot index term state machine log compaction\n```\n\n| snapshot | index | term |\n|---|---|---|\n| compaction | entries | state |\n', false],
    ['a bare comma list', 'snapshot, log compaction, state machine, applied index, last included term, installsnapshot, disk', true],
    ['filler sentences around bare terms', 'The answer is about the snapshot and it is about log compaction and it is about the state machine and it is about the applied index.', true],
  ])('%s: capped %s', async (_, answer, capped) => {
    const rubric = await rubricFor(questionWith({ concepts: CONCEPTS }));
    const result = scoreAnswer(rubric, answer);
    expect(result.warnings.some((w) => w.code === 'keyword-list')).toBe(capped);
  });
});
