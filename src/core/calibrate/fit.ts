import type { ScoringConfig } from '../score/config.js';
import type { AnswerEvidence, EvidenceSet } from './features.js';
import { FITTED_NUMBERS, gridOf, isValid, type FittedNumber } from './numbers.js';
import { pearson } from './pearson.js';
import { rescore } from './rescore.js';

/** A move must raise r by more than this to be taken: noise does not move a number. */
export const MIN_GAIN = 0.001;
/** Coordinate descent stops after this many rounds over the numbers, or earlier when a round moves none. */
export const MAX_ROUNDS = 6;

/** Every answer's score under `config`. */
export function scoresUnder(answers: readonly AnswerEvidence[], config: ScoringConfig, taken: EvidenceSet['credit']): Float64Array {
  const scores = new Float64Array(answers.length);
  for (let i = 0; i < answers.length; i++) scores[i] = rescore(answers[i] as AnswerEvidence, config, taken);
  return scores;
}

/** Pearson r between the answers' scores under `config` and their grades. */
export function correlationUnder(answers: readonly AnswerEvidence[], grades: Float64Array, config: ScoringConfig, taken: EvidenceSet['credit']): number {
  return pearson(scoresUnder(answers, config, taken), grades);
}

export function gradesOf(answers: readonly AnswerEvidence[]): Float64Array {
  return Float64Array.from(answers, (a) => a.grade);
}

/** The numbers that can be fitted from these answers, and why the others cannot. */
export function fittable(answers: readonly AnswerEvidence[], numbers: readonly FittedNumber[] = FITTED_NUMBERS): { numbers: FittedNumber[]; unused: Map<string, string> } {
  const unused = new Map<string, string>();
  const usable: FittedNumber[] = [];
  for (const number of numbers) {
    const reason = number.unusedBy?.(answers);
    if (reason) unused.set(number.key, reason);
    else usable.push(number);
  }
  return { numbers: usable, unused };
}

/**
 * Coordinate descent: one number at a time (a group of coupled numbers together, first), in
 * FITTED_NUMBERS' order, every value of its grid is tried with the others held; a value replaces the best so far only when it raises r by more
 * than `minGain`, so a number stays where it is unless moving it clearly helps. Rounds repeat
 * until one moves nothing (at most MAX_ROUNDS). Deterministic: the same answers and start give
 * the same config.
 */
export function fitShape(answers: readonly AnswerEvidence[], start: ScoringConfig, taken: EvidenceSet['credit'], numbers: readonly FittedNumber[], minGain = MIN_GAIN): ScoringConfig {
  const grades = gradesOf(answers);
  let config = start;
  let best = correlationUnder(answers, grades, config, taken);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let moved = false;
    for (const group of coupled(numbers)) {
      let bestConfig = config;
      for (const candidate of candidates(group, config)) {
        if (!isValid(candidate)) continue;
        const r = correlationUnder(answers, grades, candidate, taken);
        if (r > best + minGain) {
          best = r;
          bestConfig = candidate;
        }
      }
      if (bestConfig !== config) {
        config = bestConfig;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return config;
}

/** The numbers in search order: each grouped set together, first (in FITTED_NUMBERS' order), then the others one by one. */
function coupled(numbers: readonly FittedNumber[]): FittedNumber[][] {
  const groups = new Map<string, FittedNumber[]>();
  for (const number of numbers) if (number.group) groups.set(number.group, [...(groups.get(number.group) ?? []), number]);
  return [...groups.values(), ...numbers.filter((n) => !n.group).map((n) => [n])];
}

/** Every config the group's grids give from `config`, except `config` itself. */
function candidates(group: readonly FittedNumber[], config: ScoringConfig): ScoringConfig[] {
  let configs: ScoringConfig[] = [config];
  for (const number of group) configs = configs.flatMap((c) => gridOf(number, number.get(config)).map((value) => number.set(c, value)));
  return configs.filter((c) => group.some((n) => n.get(c) !== n.get(config)));
}
