import type { FollowUpTier } from '../model/elements.js';
import type { ScoringConfig } from './config.js';
import type { Band } from './result.js';

export function bandFor(score: number, config: ScoringConfig): Band {
  if (score >= config.bands.excellent) return 'excellent';
  if (score >= config.bands.good) return 'good';
  if (score >= config.bands.needs_improvement) return 'needs_improvement';
  return 'insufficient';
}

/** Excellent → depth probe; good or needs improvement → guided probe; insufficient → foundation check. */
export function followUpTierFor(band: Band): FollowUpTier {
  if (band === 'excellent') return 'excellent';
  if (band === 'insufficient') return 'weak';
  return 'partial';
}

/** Credit for `found` of `total` items when `saturation` of the list already earns full credit. */
export function listCredit(found: number, total: number, saturation: number): number {
  if (total === 0) return 1;
  const needed = Math.max(1, Math.ceil(saturation * total));
  return Math.min(1, found / needed);
}
