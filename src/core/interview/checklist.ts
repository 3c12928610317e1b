import type { SubjectiveQuestion } from '../model/subjective.js';
import type { CompiledRubric } from '../score/compile.js';
import { scoreAnswer, scoreCoverage } from '../score/score-answer.js';
import type { Band } from '../score/result.js';

/** One line of a checkbox prompt: `value` is what a script names, `label` what a terminal shows. */
export interface ChecklistItem {
  value: string;
  label: string;
}

/** What the scorer found in the interviewer's notes, in rubric order. */
export interface Suggestions {
  /** Fully heard concepts (suggested ticks). */
  concepts: boolean[];
  /** Concepts partly heard (credit between 0 and 1): shown as such, not ticked. */
  partly?: boolean[];
  keywords: boolean[];
  flags: boolean[];
  score: number;
  band: Band;
}

/** Names made unique in order (`TCP`, `TCP (2)`), so each can be ticked by name. */
export function uniqueValues(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const key = name.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/** The concept checklist: mandatory concepts first (`[M]`), then bonus ones (`[B]`). */
export function conceptItems(question: SubjectiveQuestion): ChecklistItem[] {
  const concepts = [...question.core.concepts.map((c) => ['M', c.name] as const), ...question.bonus.concepts.map((c) => ['B', c.name] as const)];
  const values = uniqueValues(concepts.map(([, name]) => name));
  return concepts.map(([tag], i) => ({ value: values[i] ?? '', label: `[${tag}] ${values[i] ?? ''}` }));
}

export function mandatoryKeywords(question: SubjectiveQuestion): string[] {
  return question.core.keywords.flatMap((group) => group.keywords.map((k) => k.text));
}

export function bonusKeywords(question: SubjectiveQuestion): string[] {
  return question.bonus.keywords.flatMap((group) => group.keywords.map((k) => k.text));
}

/** The keyword checklist: expected keywords (`[E]`), then bonus keywords (`[B]`). */
export function keywordItems(question: SubjectiveQuestion): ChecklistItem[] {
  const keywords = [...mandatoryKeywords(question).map((k) => ['E', k] as const), ...bonusKeywords(question).map((k) => ['B', k] as const)];
  const values = uniqueValues(keywords.map(([, text]) => text));
  return keywords.map(([tag], i) => ({ value: values[i] ?? '', label: `[${tag}] ${values[i] ?? ''}` }));
}

/** The red-flag checklist: the question's common mistakes. */
export function flagItems(question: SubjectiveQuestion): ChecklistItem[] {
  const values = uniqueValues(question.commonMistakes.map((m) => m.text));
  return values.map((value) => ({ value, label: value }));
}

/** Runs the scorer over the notes and reads its matches as suggested ticks. */
export function suggestTicks(rubric: CompiledRubric, notes: string): Suggestions {
  const result = scoreAnswer(rubric, notes);
  const flagged = new Set(result.mistakes.map((m) => m.text));
  return {
    concepts: result.concepts.map((c) => c.covered),
    partly: result.concepts.map((c) => c.credit > 0 && c.credit < 1),
    keywords: result.keywordResults.map((k) => k.hit),
    flags: rubric.mistakes.map((m) => flagged.has(m.text)),
    score: result.score,
    band: result.band,
  };
}

/** Points each ticked red flag costs: a mistake the candidate said costs, an omission does not; capped. */
export function flagPenalties(modes: ReadonlyArray<'commission' | 'omission'>, ticked: readonly boolean[], penalty: number, maxPenalty: number): number[] {
  let budget = maxPenalty;
  return modes.map((mode, i) => {
    if (!ticked[i] || mode !== 'commission') return 0;
    const cost = Math.min(penalty, budget);
    budget -= cost;
    return cost;
  });
}

/** The score of the interviewer's ticks, by the same formula as a written answer. */
export function scoreTicks(rubric: CompiledRubric, ticks: { concepts: readonly boolean[]; keywords: readonly boolean[]; flags: readonly boolean[] }) {
  const m = rubric.mandatory.length;
  const mk = rubric.mandatoryKeywords.length;
  const { penalty, maxPenalty } = rubric.config.mistakes;
  const penalties = flagPenalties(rubric.mistakes.map((x) => x.mode), ticks.flags, penalty, maxPenalty);
  const tick = (list: readonly boolean[]) => list.map((t) => (t ? 1 : 0));
  const result = scoreCoverage(rubric, {
    mandatory: tick(ticks.concepts.slice(0, m)),
    bonus: tick(ticks.concepts.slice(m)),
    mandatoryKeywords: tick(ticks.keywords.slice(0, mk)),
    bonusKeywords: tick(ticks.keywords.slice(mk)),
    penalty: penalties.reduce((sum, p) => sum + p, 0),
  });
  return { ...result, penalties };
}

/** Turns the values a checkbox returned into ticks in item order. */
export function ticksFrom(items: readonly ChecklistItem[], values: readonly string[]): boolean[] {
  const chosen = new Set(values);
  return items.map((item) => chosen.has(item.value));
}
