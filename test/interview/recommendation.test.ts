import { describe, expect, it } from 'vitest';
import type { QuestionOutcome } from '../../src/core/interview/outcome.js';
import { recommend, type Recommendation } from '../../src/core/interview/recommendation.js';
import type { Level } from '../../src/core/model/level.js';
import type { Band } from '../../src/core/score/result.js';

type Spec = Band | 'pass' | 'skip' | { band: Band; level?: Level; category?: 'baseline' | 'bar-raiser'; barRaiser?: Band };

function outcome(spec: Spec, index: number): QuestionOutcome {
  const s = typeof spec === 'string' ? (spec === 'pass' || spec === 'skip' ? { band: 'insufficient' as Band, status: spec } : { band: spec }) : spec;
  const status = 'status' in s ? (s.status === 'pass' ? 'passed' : 'not_asked') : 'answered';
  const detail: Partial<Extract<Spec, object>> = typeof spec === 'object' ? spec : {};
  return {
    index,
    id: `q${index}`,
    title: `Question ${index}`,
    level: detail.level ?? 'L4',
    category: detail.category ?? 'baseline',
    topic: null,
    estimated: null,
    status,
    startedAt: '2026-01-01T00:00:00Z',
    endedAt: '2026-01-01T00:05:00Z',
    notes: '',
    concepts: [],
    keywords: [],
    redFlags: [],
    score: status === 'answered' ? 50 : null,
    band: status === 'answered' ? s.band : null,
    scorer: null,
    followUps: detail.barRaiser
      ? [{ kind: 'bar_raiser', tier: null, suggestedTier: null, label: null, question: 'q', status: 'answered', notes: '', items: [], redFlags: [], score: 80, band: detail.barRaiser }]
      : [],
    rating: status === 'answered' ? { band: s.band, overridden: false, reason: null } : null,
  };
}

const cases: Array<[string, Spec[], Recommendation, number | null]> = [
  ['two excellent answers at level', ['excellent', 'excellent'], 'strong_hire', 3],
  ['excellent and good', ['excellent', 'good'], 'hire', 2.5],
  ['two good answers', ['good', 'good'], 'hire', 2],
  ['good and needs improvement', ['good', 'needs_improvement'], 'no_hire', 1.5],
  ['a pass counts as not demonstrated', ['good', 'pass'], 'no_hire', 1],
  ['two insufficient answers', ['insufficient', 'insufficient'], 'strong_no_hire', 0],
  ['a question not asked is left out', ['excellent', 'excellent', 'skip'], 'strong_hire', 3],
  ['one answered question is not enough', ['excellent'], 'no_decision', 3],
  ['one answered plus one not asked', ['excellent', 'skip'], 'no_decision', 3],
  ['nothing at all', [], 'no_decision', null],
  ['a strong answer above the level counts extra', ['good', { band: 'good', level: 'L5' }], 'hire', 2.5],
  ['two strong answers above the level', [{ band: 'good', level: 'L5' }, { band: 'excellent', level: 'L5' }], 'strong_hire', 3.5],
  ['a bar-raiser question counts extra', [{ band: 'excellent', category: 'bar-raiser' }, 'needs_improvement'], 'hire', 2.5],
  ['a weak answer above the level costs nothing extra', ['good', { band: 'needs_improvement', level: 'L6' }], 'no_hire', 1.5],
  ['a question below the level counts less', [{ band: 'good', level: 'L3' }, { band: 'good', level: 'L3' }], 'no_hire', 1],
  ['a good bar-raiser follow-up adds a point', [{ band: 'excellent', barRaiser: 'good' }, 'good'], 'strong_hire', 3],
  ['a weak bar-raiser follow-up adds nothing', [{ band: 'excellent', barRaiser: 'insufficient' }, 'good'], 'hire', 2.5],
];

describe('the recommendation rule (target L4)', () => {
  it.each(cases)('%s', (_name, specs, expected, average) => {
    const basis = recommend(specs.map(outcome), 'L4');
    expect(basis.value).toBe(expected);
    expect(basis.average).toBe(average);
  });

  it('explains each question in words, and counts answered and passed apart', () => {
    const basis = recommend([outcome({ band: 'excellent', level: 'L5', barRaiser: 'good' }, 0), outcome('pass', 1), outcome({ band: 'good', level: 'L3' }, 2)], 'L4');
    expect(basis.questions.map((q) => q.why)).toEqual([
      'excellent above level: 3 + 1 (stretch) + 1 (bar raiser) = 4',
      'passed: not demonstrated, 0',
      'good below level: 2 − 1 (below level) = 1',
    ]);
    expect(basis).toMatchObject({ counted: 3, answered: 2, passed: 1 });
  });
});
