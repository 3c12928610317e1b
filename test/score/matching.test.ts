import { describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../src/core/score/score-answer.js';
import { questionWith, rubricFor } from '../helpers/scoring.js';

async function keywordHit(keyword: string, answer: string, aliases = ''): Promise<boolean> {
  const rubric = await rubricFor(questionWith({ keywords: [keyword], aliases }));
  const result = scoreAnswer(rubric, answer);
  return result.keywordResults.find((k) => k.text === keyword)?.hit ?? false;
}

describe('normalisation', () => {
  it.each([
    ['RTT', 'The ＲＴＴ between the two racks is small.', true],
    ['round-trip time', 'Each reply waits one round trip time.', true],
    ['round-trip time', 'Each reply waits one roundtrip time.', true],
    ['round trip', 'The round-trip adds a delay.', true],
    ['output commit', 'OUTPUT COMMIT is the cost here.', true],
    ['10 ms', 'It adds 10ms to every call.', true],
    ['10 ms', 'It adds 10 milliseconds to every call.', true],
    ['10 ms', 'It adds 100 ms to every call.', false],
    ['p99', 'Look at the 99th percentile, not the mean.', true],
    ['99th percentile', 'The P99 is what users remember.', true],
    ['p99', 'The p95 is fine.', false],
    ['10,000 writes per second', 'It must sustain 10k writes/second.', true],
    ['50%', 'About fifty percent, 50 percent to be exact.', true],
  ])('keyword %j in %j → %s', async (keyword, answer, expected) => {
    expect(await keywordHit(keyword, answer)).toBe(expected);
  });
});

describe('word forms and phrases', () => {
  it.each([
    ['batching', 'We batch requests together.', true],
    ['pipelining', 'The leader pipelines AppendEntries calls.', true],
    ['acknowledgment', 'The backup acknowledges each entry.', true],
    ['leader lease', 'Reads use a lease held by the leader.', true],
    ['output commit', 'The output is held until we commit.', true],
    ['output commit', 'The output of the job goes to the disk and later we commit.', false],
  ])('keyword %j in %j → %s', async (keyword, answer, expected) => {
    expect(await keywordHit(keyword, answer)).toBe(expected);
  });
});

describe('typo tolerance', () => {
  it.each([
    ['acknowledgment', 'The backup sends an acknowledgemnt for each entry.', true],
    ['pipelining', 'The leader uses pipelinning to keep the link busy.', true],
    ['throughput', 'We get more throughtput this way.', true],
    ['snapshot', 'Take a snapsot every hour.', true],
    // Short words get no tolerance: "leas" is not "lease", "lag" is not "log".
    ['lease', 'The leader holds a leas.', false],
    ['log', 'The follower has lag.', false],
  ])('keyword %j in %j → %s', async (keyword, answer, expected) => {
    expect(await keywordHit(keyword, answer)).toBe(expected);
  });
});

describe('synonyms', () => {
  it.each([
    ['RTT', 'Every reply pays one round trip time to the backup.'],
    ['acknowledgment', 'The primary waits for an ack.'],
    ['response', 'The primary holds the reply.'],
    ['backup', 'The secondary takes over.'],
    ['failover', 'Then the standby takes over.'],
    ['shard key', 'Pick the partition key carefully.'],
  ])('keyword %j is found through the lexicon in %j', async (keyword, answer) => {
    expect(await keywordHit(keyword, answer)).toBe(true);
  });

  it('counts the words of a synonym phrase on their own too', async () => {
    // "shard key" is one lexicon term, and still says "shard".
    expect(await keywordHit('shard', 'Pick the shard key so tenants stay together.')).toBe(true);
    expect(await keywordHit('shard key', 'Pick the partition key so tenants stay together.')).toBe(true);
  });

  it('reads a phrase that starts with a negation word as a phrase ("no-op")', async () => {
    expect(await keywordHit('no-op', 'The new leader appends a no-op entry of its own term.')).toBe(true);
    expect(await keywordHit('operation', 'No operation is retried.')).toBe(false);
  });

  it('uses the aliases a question declares in its frontmatter', async () => {
    const aliases = 'aliases:\n  output rule: [hold the packet until acknowledged]';
    expect(await keywordHit('output rule', 'We hold the packet until acknowledged.', aliases)).toBe(true);
    expect(await keywordHit('output rule', 'We hold the packet until acknowledged.')).toBe(false);
  });
});

describe('negation', () => {
  it.each([
    ['batching', 'We do not use batching here.', false],
    ['batching', 'We never rely on batching.', false],
    ['batching', 'This works without batching.', false],
    ['batching', "There is no need for batching.", false],
    ["batching", "We don't want batching.", false],
    ['batching', 'Not only batching but also pipelining helps.', true],
    ['batching', 'It is not slow, but batching helps.', true],
    ['batching', 'We use batching; it is not free.', true],
  ])('keyword %j in %j → %s', async (keyword, answer, expected) => {
    expect(await keywordHit(keyword, answer)).toBe(expected);
  });

  it('marks a concept found only in a negated clause', async () => {
    const rubric = await rubricFor(questionWith({ concepts: ['**Leader Lease**: Reads served by the leader during a time-bounded lease'] }));
    const result = scoreAnswer(rubric, 'You do not need a leader lease for this; just go through the log.');
    expect(result.concepts[0]).toMatchObject({ name: 'Leader Lease', covered: false, negated: true });
  });
});
