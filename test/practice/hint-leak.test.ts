import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/adapters/load-bank.js';
import type { PracticeBlock } from '../../src/core/practice/blocks.js';
import { PracticeSession } from '../../src/core/practice/session.js';
import type { SubjectiveQuestion } from '../../src/core/model/subjective.js';
import { compileFollowUp, compileRubric } from '../../src/core/score/compile.js';
import { scoreAnswer } from '../../src/core/score/score-answer.js';
import { scoreChecklist } from '../../src/core/score/score-checklist.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { scoringSetup } from '../helpers/scoring.js';

const words = (text: string) => ` ${text.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ')} `;

/** The hint practice shows with the follow-up of `tier`, and the items that follow-up's answer is graded on. */
async function shownAndGraded(question: SubjectiveQuestion, tier: 'partial' | 'weak') {
  const { lexicon, config } = await scoringSetup();
  const rubric = compileRubric(question, lexicon, config);
  const session = new PracticeSession([question], {
    sessionId: 's',
    newId: () => 'id',
    // Whatever the answer, the band calls for this tier: the follow-up is what is looked at.
    score: (_q, answer) => ({ ...scoreAnswer(rubric, answer), followUp: tier }),
    scoreFollowUp: (q, stage, answer) => scoreChecklist(compileFollowUp(rubric, q.followUps[stage as 'partial']!), answer),
    previousCard: () => undefined,
  });
  session.start(new Date('2026-01-01T10:00:00Z'));
  const step = session.handle({ kind: 'text', text: 'Snapshots keep the log short.' }, new Date('2026-01-01T10:05:00Z'));
  const block = step.blocks.find((b): b is Extract<PracticeBlock, { kind: 'follow-up' }> => b.kind === 'follow-up');
  const graded = compileFollowUp(rubric, question.followUps[tier]!).items.map((item) => item.name);
  return { hint: block?.hint, graded };
}

describe('the hint shown with a follow-up in practice', () => {
  it.each([
    ['raft-log-compaction-L4-001', 'partial'],
    ['raft-log-compaction-L4-001', 'weak'],
  ] as const)('%s, %s: shown, and not what the answer is graded on', async (id, tier) => {
    const bank = await loadBank([path.join(REPO_ROOT, 'questions')], REPO_ROOT);
    const { hint, graded } = await shownAndGraded(bank.get(id) as SubjectiveQuestion, tier);
    expect(hint).toBeTruthy();
    expect(graded.length).toBeGreaterThan(0);
    for (const item of graded) expect(words(item)).not.toBe(words(hint ?? ''));
  });

  it('never gives a graded item away, word for word, for any question of the bank', async () => {
    const bank = await loadBank([path.join(REPO_ROOT, 'questions')], REPO_ROOT);
    const leaks: string[] = [];
    for (const question of bank.questions) {
      if (question.type !== 'subjective') continue;
      for (const tier of ['partial', 'weak'] as const) {
        const { hint, graded } = await shownAndGraded(question, tier);
        if (hint && graded.some((item) => words(item).includes(words(hint)) || words(hint).includes(words(item)))) leaks.push(`${question.frontmatter.id} ${tier}: "${hint}"`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
