import { listCredit } from '../score/bands.js';
import type { ScoringConfig } from '../score/config.js';
import { creditFor } from '../score/evaluate.js';
import type { AnswerEvidence, ConceptEvidence, EvidenceSet } from './features.js';

/*
 * An answer's score under another config, from its evidence: exactly the formula of
 * scoreCoverage (src/core/score/score-answer.ts) and scoreAnswer's keyword-list cap, without
 * reading the answer again. A test holds it equal to scoreAnswer on real answers.
 *
 * Exact for every fitted number, the credit floor and saturation included: a partial concept's
 * credit is mapped again from its unrounded share (`exactShare`).
 */

const round2 = (n: number) => Math.round(n * 100) / 100;
const clamp01 = (n: number) => Math.max(0, Math.min(1, n));

function conceptSum(list: readonly ConceptEvidence[], credit: ScoringConfig['credit'], taken: EvidenceSet['credit']): number {
  const same = credit.floor === taken.floor && credit.saturation === taken.saturation;
  let sum = 0;
  for (const c of list) sum += clamp01(c.full ? 1 : same ? c.credit : round2(creditFor(c.share, credit)));
  return sum;
}

function part(
  weight: number,
  concepts: readonly ConceptEvidence[],
  keywords: { hit: number; total: number },
  conceptSat: number,
  keywordSat: number,
  config: ScoringConfig,
  taken: EvidenceSet['credit'],
): number {
  const conceptCredit = listCredit(conceptSum(concepts, config.credit, taken), concepts.length, conceptSat);
  const keywordCredit = listCredit(keywords.hit, keywords.total, keywordSat);
  const { partShares } = config;
  const share =
    keywords.total === 0 ? conceptCredit : concepts.length === 0 ? keywordCredit : partShares.concepts * conceptCredit + partShares.keywords * keywordCredit;
  return weight * share;
}

/** The unrounded score before the keyword-list cap (scoreCoverage's `raw`). */
export function rawScore(answer: AnswerEvidence, config: ScoringConfig, taken: EvidenceSet['credit']): number {
  const { saturation, defaultWeights } = config;
  const mandatory = part(answer.weights.mandatory ?? defaultWeights.mandatory, answer.mandatory, answer.mandatoryKeywords, saturation.mandatoryConcepts, saturation.mandatoryKeywords, config, taken);
  const bonus = part(answer.weights.bonus ?? defaultWeights.bonus, answer.bonus, answer.bonusKeywords, saturation.bonusConcepts, saturation.bonusKeywords, config, taken);
  return Math.max(0, mandatory + bonus - answer.penalty);
}

/** The keyword-list cap: just below passing (and below `good`). */
export function listCap(config: ScoringConfig): number {
  return Math.min(config.pass, config.bands.good) - 1;
}

/** The score qbank reports for a raw score: capped when the answer reads as a list, rounded, 0–100. */
export function finalScore(raw: number, listLike: boolean, config: ScoringConfig): number {
  const cap = listCap(config);
  const capped = listLike && raw > cap ? cap : raw;
  return Math.min(100, Math.max(0, Math.round(capped)));
}

/** The score scoreAnswer would give the answer under `config`. */
export function rescore(answer: AnswerEvidence, config: ScoringConfig, taken: EvidenceSet['credit']): number {
  return finalScore(rawScore(answer, config, taken), answer.listLike, config);
}
