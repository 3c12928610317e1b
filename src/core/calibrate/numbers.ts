import type { ScoringConfig } from '../score/config.js';
import type { AnswerEvidence } from './features.js';

/**
 * A number of scoring.yaml that calibrate fits, with the range it searches. Pairs that add up
 * (the concept and keyword shares of a part, the mandatory and bonus default weights) are one
 * number: setting it sets its partner.
 */
export interface FittedNumber {
  /** Its path in scoring.yaml. */
  key: string;
  /** The partner set with it, when there is one (`partShares.concepts` = 1 − `partShares.keywords`). */
  partner?: string;
  /** Lowest and highest value tried, and the step between them. */
  min: number;
  max: number;
  step: number;
  get(config: ScoringConfig): number;
  /** A copy of `config` with the number (and its partner) set. */
  set(config: ScoringConfig, value: number): ScoringConfig;
  /** Why it cannot be fitted from these answers, if it cannot (no answer depends on it). */
  unusedBy?(answers: readonly AnswerEvidence[]): string | undefined;
  /**
   * Numbers of one group trade off against each other and are searched together, over every
   * combination of their grids (the credit floor and saturation shape one ramp: moved one at a
   * time, a fit can stop where moving either alone does not help).
   */
  group?: string;
}

export const round3 = (n: number) => Math.round(n * 1000) / 1000;

function saturation(name: keyof Omit<ScoringConfig['saturation'], 'followUpItems'>, min: number): FittedNumber {
  return {
    key: `saturation.${name}`,
    min,
    max: 1,
    step: 0.05,
    get: (c) => c.saturation[name],
    set: (c, v) => ({ ...c, saturation: { ...c.saturation, [name]: v } }),
  };
}

/**
 * What calibrate fits, in the order coordinate descent visits them, with their documented
 * bounds (docs/calibration.md). Not fitted: term weights and `credit.maxWeight` (the evidence's
 * shares are taken with them), matching and mistake settings, follow-up saturation (no
 * follow-up answers are graded); the pass mark and band edges are set afterwards from the grades.
 */
export const FITTED_NUMBERS: readonly FittedNumber[] = [
  {
    key: 'partShares.keywords',
    partner: 'partShares.concepts',
    min: 0.05,
    max: 0.6,
    step: 0.05,
    get: (c) => c.partShares.keywords,
    set: (c, v) => ({ ...c, partShares: { concepts: round3(1 - v), keywords: v } }),
  },
  {
    key: 'defaultWeights.mandatory',
    partner: 'defaultWeights.bonus',
    min: 40,
    max: 80,
    step: 5,
    get: (c) => c.defaultWeights.mandatory,
    set: (c, v) => ({ ...c, defaultWeights: { mandatory: v, bonus: round3(100 - v) } }),
    unusedBy: (answers) =>
      answers.some((a) => a.weights.mandatory === undefined || a.weights.bonus === undefined) ? undefined : 'every question gives its own weights',
  },
  saturation('mandatoryConcepts', 0.5),
  saturation('mandatoryKeywords', 0.3),
  saturation('bonusConcepts', 0.2),
  saturation('bonusKeywords', 0.2),
  {
    key: 'credit.floor',
    group: 'credit ramp',
    min: 0,
    max: 0.4,
    step: 0.05,
    get: (c) => c.credit.floor,
    set: (c, v) => ({ ...c, credit: { ...c.credit, floor: v } }),
  },
  {
    key: 'credit.saturation',
    group: 'credit ramp',
    min: 0.3,
    max: 0.9,
    step: 0.05,
    get: (c) => c.credit.saturation,
    set: (c, v) => ({ ...c, credit: { ...c.credit, saturation: v } }),
  },
];

/** The credit ramp must rise over at least this much share (floor < saturation, with room between). */
export const MIN_CREDIT_RAMP = 0.1;

/** Whether a candidate config is one scoring.yaml may hold. */
export function isValid(config: ScoringConfig): boolean {
  return config.credit.saturation - config.credit.floor >= MIN_CREDIT_RAMP - 1e-9;
}

/** The values tried for a number: its grid, and its current value when that is off the grid. */
export function gridOf(number: FittedNumber, current: number): number[] {
  const values: number[] = [];
  const steps = Math.round((number.max - number.min) / number.step);
  for (let k = 0; k <= steps; k++) values.push(round3(number.min + k * number.step));
  if (!values.includes(current)) values.push(current);
  return values.sort((a, b) => a - b);
}

/** The value of a dotted scoring.yaml path in a config (`credit.floor`). */
export function valueAt(config: ScoringConfig, key: string): number {
  let node: unknown = config;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return node as number;
}
