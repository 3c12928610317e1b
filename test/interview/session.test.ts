import { describe, expect, it } from 'vitest';
import { scoreTicks, suggestTicks } from '../../src/core/interview/checklist.js';
import { parseAskId } from '../../src/core/interview/context.js';
import type { QuestionOutcome } from '../../src/core/interview/outcome.js';
import { replay, type SessionRecord } from '../../src/core/interview/records.js';
import { scoreAnswer } from '../../src/core/score/score-answer.js';
import type { Ask, Input } from '../../src/core/session/interaction.js';
import { InterviewMachine } from '../../src/core/interview/session.js';
import { compileRubric } from '../../src/core/score/compile.js';
import { fixture } from '../helpers/fixtures.js';
import { scoringSetup, subjectiveFrom } from '../helpers/scoring.js';
import { defaults, drive, machine, meta, planned, OUTPUT_RULE, LITTLES_LAW } from './helpers.js';

const EXCELLENT = (await planned())[0]?.question.sampleExcellent?.text ?? '';
const WEAK = 'It depends on the load; more workers is better.';

/** Answers by phase (`notes`, `rating`, …, `decision`), per question index; the rest by default. */
function script(byPhase: Record<string, Input | ((ask: Ask) => Input)>, perQuestion: Record<number, Record<string, Input>> = {}) {
  return (ask: Ask): Input => {
    const ref = parseAskId(ask.id);
    const key = !ref ? ask.id : 'decision' in ref ? ref.decision : ref.phase;
    const index = ref && 'index' in ref ? ref.index : -1;
    const answer = perQuestion[index]?.[key] ?? byPhase[key];
    if (answer === undefined) return defaults(ask);
    return typeof answer === 'function' ? answer(ask) : answer;
  };
}

const saved = (effects: Array<{ record: SessionRecord }>, type: SessionRecord['type']) => effects.map((e) => e.record).filter((r) => r.type === type);
const outcomes = (effects: Array<{ record: SessionRecord }>) => saved(effects, 'question').map((r) => (r.type === 'question' ? r.outcome : undefined)) as QuestionOutcome[];

describe("scoring the interviewer's ticks", async () => {
  const [outputRule] = await planned();
  const rubric = outputRule!.rubric;
  const all = (n: number, value = true) => Array.from({ length: n }, () => value);
  const concepts = rubric.mandatory.length + rubric.bonus.length;
  const keywords = rubric.mandatoryKeywords.length + rubric.bonusKeywords.length;

  it.each([
    ['everything ticked', all(concepts), all(keywords), all(4, false), 100],
    ['mandatory concepts only, no keywords', [...all(4), ...all(3, false)], all(keywords, false), all(4, false), 45],
    ['one commission red flag costs 5', [...all(4), ...all(3, false)], all(keywords, false), [true, false, false, false], 40],
    ['an omission red flag costs nothing', [...all(4), ...all(3, false)], all(keywords, false), [false, false, false, true], 45],
    ['three commission red flags cost at most 10', all(concepts), all(keywords), [true, true, true, false], 90],
    ['two of four mandatory concepts and all else', [true, true, false, false, true, true, true], all(keywords), all(4, false), 78],
  ])('%s', (_name, c, k, f, expected) => {
    expect(scoreTicks(rubric, { concepts: c, keywords: k, flags: f }).score).toBe(expected);
  });

  it('suggests ticks only for fully heard concepts and labels the partly heard ones', async () => {
    const notes = 'Packets wait until the backup has the log entry; only then do they go to the outside world.';
    const suggested = suggestTicks(rubric, notes);
    const result = scoreAnswer(rubric, notes);
    const index = result.concepts.findIndex((c) => c.name === 'Output Rule');
    expect(result.concepts[index]?.credit).toBeGreaterThan(0);
    expect(suggested.concepts[index]).toBe(false);
    expect(suggested.partly?.[index]).toBe(true);
    const run = drive(await machine(), script({ notes: { kind: 'text', text: notes } }));
    const checklist = run.asks.find((a) => a.kind === 'checklist' && a.message.startsWith('Concepts'));
    if (checklist?.kind !== 'checklist') throw new Error('no concept checklist was asked');
    expect(checklist.items.find((i) => i.value === 'Output Rule')).toMatchObject({ label: '[M] Output Rule (partly heard)', checked: false });
  });

  it("gives an accepted suggestion the scorer's own score when nothing is partly heard", () => {
    const suggested = suggestTicks(rubric, EXCELLENT);
    expect(suggested.partly?.some(Boolean)).toBe(false);
    expect(scoreTicks(rubric, suggested).score).toBe(scoreAnswer(rubric, EXCELLENT).score);
    expect(suggested.concepts.filter(Boolean).length).toBeGreaterThanOrEqual(6);
  });
});

describe('an interview session', () => {
  it('walks a question through notes, ticks, follow-up, bar raiser and rating, saving every step', async () => {
    const run = drive(await machine(), script({ notes: { kind: 'text', text: EXCELLENT } }, { 1: { notes: { kind: 'text', text: WEAK } } }));
    const phases = run.asks.map((a) => a.id);
    expect(phases.slice(0, 11)).toEqual(['notes', 'concepts', 'keywords', 'flags', 'follow-up-choice', 'follow-up-notes', 'follow-up-ticks', 'bar-raiser-confirm', 'bar-raiser-notes', 'bar-raiser-ticks', 'rating'].map((p) => `q0:${p}`));
    expect(phases.at(-1)).toBe('decision');
    expect(run.asks[0]?.message).toBe('Notes or transcript · 0:00 of 6-8 min');
    expect(run.asks[1]?.message).toBe('Concepts ([M] mandatory, [B] bonus) · 0:30 of 6-8 min');
    const [first, second] = outcomes(run.effects);
    expect(first).toMatchObject({ id: OUTPUT_RULE, status: 'answered', band: 'excellent', rating: { band: 'excellent', overridden: false } });
    expect(first?.followUps.map((f) => [f.kind, f.tier])).toEqual([['follow_up', 'excellent'], ['bar_raiser', null]]);
    expect(second).toMatchObject({ id: LITTLES_LAW, band: 'insufficient', followUps: [{ tier: 'weak', suggestedTier: 'weak' }] });
    expect(saved(run.effects, 'draft').length).toBeGreaterThan(15);
    expect(saved(run.effects, 'decision')).toEqual([expect.objectContaining({ decision: { derived: 'no_hire', final: 'no_hire', overridden: false, reason: null } })]);
    expect(run.blocks.at(-1)).toEqual({ kind: 'complete', session: 's1', recommendation: 'no hire' });
  });

  it.each([
    ['has no bar raiser', /## bar_raiser_question[\s\S]*?(?=## metadata)/],
    ['has a bar-raiser question but no concepts to tick', /### bar_raiser_concepts[\s\S]*?(?=## metadata)/],
  ])('goes from the follow-up to the rating after an excellent answer when the question %s', async (_name, section) => {
    const [outputRule, littlesLaw] = await planned();
    const { lexicon, config } = await scoringSetup();
    const text = fixture('output-rule.md').replace(section, '');
    expect(text).not.toBe(fixture('output-rule.md'));
    const question = subjectiveFrom(text);
    const plannedQuestions = [{ question, rubric: compileRubric(question, lexicon, config) }, littlesLaw!];
    expect(outputRule?.question.barRaiser?.concepts.length).toBeGreaterThan(0);
    const run = drive(new InterviewMachine(meta(), plannedQuestions, { outcomes: new Map() }), script({ notes: { kind: 'text', text: EXCELLENT } }));
    const phases = run.asks.map((a) => a.id).filter((id) => id.startsWith('q0:'));
    expect(phases.slice(0, 8)).toEqual(['notes', 'concepts', 'keywords', 'flags', 'follow-up-choice', 'follow-up-notes', 'follow-up-ticks', 'rating'].map((p) => `q0:${p}`));
    const [first] = outcomes(run.effects);
    expect(first).toMatchObject({ id: OUTPUT_RULE, status: 'answered', band: 'excellent' });
    expect(first?.followUps.map((f) => [f.kind, f.tier])).toEqual([['follow_up', 'excellent']]);
  });

  it("counts the interviewer's ticks, not the scorer's", async () => {
    const untick = (ask: Ask): Input => ({ kind: 'checklist', values: ask.kind === 'checklist' ? ask.items.filter((i) => i.checked && i.value !== 'Output Rule').map((i) => i.value) : [] });
    const run = drive(await machine(), script({ notes: { kind: 'text', text: EXCELLENT }, concepts: untick }));
    const [first] = outcomes(run.effects);
    expect(first?.concepts.find((c) => c.name === 'Output Rule')).toEqual({ name: 'Output Rule', kind: 'mandatory', ticked: false, suggested: true });
    expect(first!.score!).toBeLessThan(first!.scorer!.score);
  });

  it('records a pass as a pass, not as a silent zero', async () => {
    const run = drive(await machine(), script({ notes: { kind: 'skip' } }));
    expect(run.asks[1]).toMatchObject({ id: 'q0:pass-choice', kind: 'choice', default: 'pass' });
    const [first] = outcomes(run.effects);
    expect(first).toMatchObject({ status: 'passed', score: null, band: null, rating: null, followUps: [] });
    expect(run.blocks).toContainEqual(expect.objectContaining({ kind: 'summary', basis: expect.objectContaining({ passed: 2, answered: 0, value: 'strong_no_hire' }) }));
  });

  it('asks for a reason when the rating differs from the computed band, and keeps it', async () => {
    let reasons = 0;
    const run = drive(
      await machine(),
      script({ notes: { kind: 'text', text: WEAK }, rating: { kind: 'choice', value: 'good' }, reason: () => (reasons++ === 0 ? { kind: 'text', text: '  ' } : { kind: 'text', text: 'Strong whiteboard work' }) }),
    );
    expect(run.blocks).toContainEqual(expect.objectContaining({ kind: 'message', tone: 'warning', text: expect.stringContaining('needs a reason') }));
    expect(outcomes(run.effects)[0]?.rating).toEqual({ band: 'good', overridden: true, reason: 'Strong whiteboard work' });
  });

  it('needs a reason to override the derived recommendation', async () => {
    const run = drive(await machine(), script({ notes: { kind: 'text', text: WEAK }, decision: { kind: 'choice', value: 'hire' }, 'decision-reason': { kind: 'text', text: 'Great system sense' } }));
    expect(saved(run.effects, 'decision')[0]).toMatchObject({ decision: { derived: 'strong_no_hire', final: 'hire', overridden: true, reason: 'Great system sense' } });
  });

  it('stops on quit and resumes from the saved draft at the same step, notes kept', async () => {
    const first = drive(await machine(), script({ notes: { kind: 'text', text: EXCELLENT }, 'follow-up-notes': { kind: 'quit' } }));
    expect(first.blocks.at(-1)).toEqual({ kind: 'stopped', session: 's1' });
    const log: SessionRecord[] = [{ v: 1, type: 'start', at: meta().startedAt, session: meta() }, ...first.effects.map((e) => e.record)];
    const state = replay(log);
    expect(state?.draft?.phase).toBe('follow-up-notes');
    const second = drive(await machine(state), script({ 'follow-up-notes': { kind: 'text', text: 'batching and pipelining' } }));
    expect(second.asks[0]?.id).toBe('q0:follow-up-notes');
    expect(second.blocks).toContainEqual(expect.objectContaining({ kind: 'probe', tier: 'excellent' }));
    const [outcome] = outcomes(second.effects);
    expect(outcome?.notes).toBe(EXCELLENT);
    expect(outcome?.followUps[0]?.notes).toBe('batching and pipelining');
  });

  it('starts a question again when its saved draft no longer fits the rubric', async () => {
    const draft = { index: 0, phase: 'keywords' as const, startedAt: meta().startedAt, notes: 'x', concepts: [true] };
    const run = drive(await machine({ outcomes: new Map(), draft }), script({}));
    expect(run.blocks[1]).toMatchObject({ kind: 'message', tone: 'warning', text: expect.stringContaining('changed since its notes were saved') });
    expect(run.asks[0]?.id).toBe('q0:notes');
  });
});
