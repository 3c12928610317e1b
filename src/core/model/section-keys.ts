/** What a section of a question file holds, and where it belongs. */
export interface SectionSpec {
  /** The stable snake_case key. */
  key: string;
  /** Heading depth it is written at (`#` = 1). */
  depth: number;
  /** A missing required section is an error: the file does not load. */
  required: boolean;
  /** qbank uses it when present; a missing one is a warning (`section-recommended`) and the file still loads. */
  expected?: boolean;
  /** The section it sits under, if any. */
  parent?: string;
}

/** Sections of a subjective question, in the order authors are asked to keep. */
export const SUBJECTIVE_SECTIONS: readonly SectionSpec[] = [
  { key: 'question_title', depth: 1, required: true },
  { key: 'main_question', depth: 2, required: true },
  { key: 'core_concepts', depth: 2, required: true },
  { key: 'mandatory_concepts', depth: 3, required: true, parent: 'core_concepts' },
  { key: 'expected_keywords', depth: 3, required: true, parent: 'core_concepts' },
  { key: 'peripheral_concepts', depth: 2, required: true },
  { key: 'bonus_concepts', depth: 3, required: true, parent: 'peripheral_concepts' },
  { key: 'bonus_keywords', depth: 3, required: true, parent: 'peripheral_concepts' },
  { key: 'sample_excellent', depth: 2, required: true },
  { key: 'sample_acceptable', depth: 2, required: true },
  { key: 'common_mistakes', depth: 2, required: true },
  { key: 'follow_up_excellent', depth: 2, required: true },
  { key: 'follow_up_partial', depth: 2, required: true },
  { key: 'follow_up_weak', depth: 2, required: true },
  { key: 'bar_raiser_question', depth: 2, required: false, expected: true },
  { key: 'bar_raiser_concepts', depth: 3, required: false, expected: true, parent: 'bar_raiser_question' },
  { key: 'metadata', depth: 2, required: false, expected: true },
  { key: 'assistant_answer', depth: 2, required: false },
  { key: 'improvement_suggestions', depth: 2, required: false },
  { key: 'improvement_exercises', depth: 2, required: false },
];

/** Sections of a multiple-choice question. */
export const MCQ_SECTIONS: readonly SectionSpec[] = [
  { key: 'question_title', depth: 1, required: false },
  { key: 'hook', depth: 2, required: false },
  { key: 'question', depth: 2, required: true },
  { key: 'options', depth: 2, required: true },
  { key: 'answer', depth: 2, required: true },
  { key: 'explanation', depth: 2, required: true },
];

/** `exercise_1`, `exercise_2`, … under `improvement_exercises`. */
export const EXERCISE_KEY = /^exercise_(\d{1,3})$/;

export function sectionSpecs(type: 'subjective' | 'mcq'): readonly SectionSpec[] {
  return type === 'subjective' ? SUBJECTIVE_SECTIONS : MCQ_SECTIONS;
}

export function isKnownSectionKey(type: 'subjective' | 'mcq', key: string): boolean {
  if (type === 'subjective' && EXERCISE_KEY.test(key)) return true;
  return sectionSpecs(type).some((spec) => spec.key === key);
}

/** Files in a bank folder that are documentation, not questions. */
export const NON_QUESTION_FILES = new Set(['guidelines.md', 'readme.md']);
