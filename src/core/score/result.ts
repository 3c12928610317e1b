import type { FollowUpTier } from '../model/elements.js';

export const BANDS = ['excellent', 'good', 'needs_improvement', 'insufficient'] as const;
/** Where a score falls; thresholds come from `rubrics/scoring.yaml`. */
export type Band = (typeof BANDS)[number];

/** A span of the answer that earned credit (or was flagged). */
export interface Evidence {
  /** The answer text from the first to the last matched word. */
  text: string;
  /** Offsets in the answer. */
  start: number;
  end: number;
  /** 1-based line and column of `start` in the answer. */
  line: number;
  column: number;
}

/** How a rubric item fared, with what matched and what did not (for `--explain`). */
export interface ItemResult {
  name: string;
  /** Fully covered: `credit` is 1. */
  covered: boolean;
  /** 0–1: 1 for a name or description match, in between for part of its terms (`partial`). */
  credit: number;
  /**
   * For an item not matched by name or description: the weighted share of its terms in the best
   * sentence or window, before the floor and saturation map it to `credit`.
   */
  share?: number;
  /** Which test credited it: the name as a phrase, the name's words, the description's words, or part of its terms. */
  via?: 'name' | 'name-words' | 'description' | 'partial';
  evidence?: Evidence;
  /** Every term with its weight for partial credit and whether the answer has it (after synonyms, stemming and typo repair). */
  terms: Array<{ term: string; weight: number; found: boolean }>;
  /** Found only inside a negated clause ("without batching"), so not credited. */
  negated: boolean;
}

export interface ConceptResult extends ItemResult {
  kind: 'mandatory' | 'bonus';
  description: string;
}

export interface KeywordResult {
  text: string;
  kind: 'mandatory' | 'bonus';
  hit: boolean;
  negated: boolean;
  evidence?: Evidence;
}

/** A common mistake the answer matches. */
export interface MistakeResult {
  text: string;
  /** `commission`: the answer says it; `omission`: the answer leaves it out. */
  mode: 'commission' | 'omission';
  /** Points taken for it (omissions cost nothing beyond the missed concepts). */
  penalty: number;
  evidence?: Evidence;
}

export interface ScoreWarning {
  code: 'keyword-list' | 'answer-truncated' | 'short-answer';
  message: string;
}

export interface PartResult {
  /** Points earned out of `weight`. */
  points: number;
  weight: number;
  /** `covered`: concepts fully covered; `credit`: the sum of every concept's credit. */
  concepts: { covered: number; credit: number; total: number };
  keywords: { hit: number; total: number };
}

/** The score of one answer to a subjective question. */
export interface ScoreResult {
  id: string;
  /** 0–100, rounded. */
  score: number;
  band: Band;
  passed: boolean;
  /** The follow-up tier the band calls for. */
  followUp: FollowUpTier;
  parts: { mandatory: PartResult; bonus: PartResult };
  concepts: ConceptResult[];
  keywords: { hit: string[]; missed: string[] };
  keywordResults: KeywordResult[];
  mistakes: MistakeResult[];
  /** Points taken for mistakes. */
  penalty: number;
  /** The score before the keyword-list cap, when the cap applied. */
  uncappedScore?: number;
  warnings: ScoreWarning[];
  stats: { words: number; sentences: number; functionWordShare: number; listShare: number };
}

/** The score of an answer to a follow-up or the bar-raiser question. */
export interface ChecklistResult {
  score: number;
  band: Band;
  passed: boolean;
  items: ItemResult[];
  redFlags: MistakeResult[];
  warnings: ScoreWarning[];
}
