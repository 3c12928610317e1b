import { describe, expect, it } from 'vitest';
import { extractSeedQuestions } from './seed-extract.js';

// A made-up document in the seed's two shapes (no seed text is stored in the repo).
const DOC = [
  'Interview Question: Why is the queue growing?',
  'Interview Question: Why is the queue growing?',
  '- Measure arrival and service rates first.',
  '- “Add more workers.” (Guesses without measuring.)',
  '- “I would compare arrival rate with service rate and look at queue depth.”',
  '- Failure mode: What if the consumer crashes?',
  '- A follow-up that must not be read as an answer.',
  'Caching Gone Wrong',
  'Setup text. What weak candidates say: “Just raise the TTL.” (Misses the cause.) Or: “Restart Redis.” What strong candidates say: I would look at the hit ratio over time. Words that impress: request coalescing.',
  '- Then check key expiry clustering.',
  'Unrelated line.',
].join('\n');

describe('reading interview material from the seed', () => {
  const questions = extractSeedQuestions(DOC);

  it('reads an Interview Question block: steps and strong quotes as strong, criticised quotes as weak', () => {
    const q = questions.find((x) => x.question === 'Why is the queue growing?');
    expect(q?.weak).toEqual(['Add more workers.']);
    expect(q?.strong).toEqual(['Measure arrival and service rates first.', 'I would compare arrival rate with service rate and look at queue depth.']);
    expect(q?.key).toMatch(/^[0-9a-f]{10}$/);
  });

  it('reads a scenario with weak and strong candidate sections, titled by the line before', () => {
    const q = questions.find((x) => x.question === 'Caching Gone Wrong');
    expect(q?.weak).toEqual(['Just raise the TTL.', 'Restart Redis.']);
    expect(q?.strong).toEqual([' I would look at the hit ratio over time. \nThen check key expiry clustering.']);
  });
});
