import { LineIndex } from '../parse/line-index.js';
import type { AnalyzedText } from './analyzer.js';
import type { CompiledItem, CompiledMistake } from './compile.js';
import type { ScoringConfig } from './config.js';
import { bestSpan, bitCount, findBag, findPhrase, presentIds, termHits, type MatchSettings, type Occurrence } from './match.js';
import type { Evidence, ItemResult, MistakeResult } from './result.js';

export function matchSettings(config: ScoringConfig): MatchSettings {
  const { phraseGap, window, negationWindow } = config.matching;
  return { phraseGap, window, negationWindow };
}

/** Turns an occurrence into the answer span it covers. */
export function evidenceOf(doc: AnalyzedText, occurrence: Occurrence, lines: LineIndex): Evidence {
  const start = doc.tokens[occurrence.first]?.start ?? 0;
  const end = doc.tokens[occurrence.last]?.end ?? start;
  const { line, column } = lines.positionAt(start);
  return { text: doc.text.slice(start, end), start, end, line, column };
}

/** Maps a weighted share of an item's terms to credit: nothing below the floor, all of it at saturation. */
export function creditFor(share: number, config: ScoringConfig['credit']): number {
  if (share >= config.saturation) return 1;
  if (share <= config.floor) return 0;
  return (share - config.floor) / (config.saturation - config.floor);
}

/**
 * How much of a rubric item an answer covers, from 0 to 1. Full credit: its name as a phrase
 * (words in order, small gaps, or the one-word spelling), the name's words in any order nearby,
 * or enough of its description's words in one sentence or window. Otherwise, with `partial`,
 * the weighted share of its terms in the best sentence or window, mapped from the floor to
 * saturation (rubrics/GUIDELINES.md). Terms the rubric states as absences must be negated.
 */
export function evaluateItem(doc: AnalyzedText, item: CompiledItem, config: ScoringConfig, lines: LineIndex, partial = true): ItemResult {
  const settings = matchSettings(config);
  const { absent } = item;
  // Every occurrence of every term, once; the description and partial-credit rules read them.
  const hits = termHits(doc, item.terms);
  let foundMask = 0;
  for (const hit of hits) foundMask |= 1 << hit % 64;
  const beyond = item.terms.length > 30 ? presentIds(doc, item.allIds.slice(30), settings.negationWindow, absent) : undefined;
  const found = (k: number) => (k < 30 ? (foundMask & (1 << k)) !== 0 : beyond?.has(item.terms[k]?.id ?? '') === true);
  const terms = item.terms.map((t, k) => ({ term: item.words.get(t.id) ?? t.id, weight: round2(t.weight), found: found(k) }));
  const result = (via: ItemResult['via'], credit: number, occurrence: Occurrence | undefined, negated = false): ItemResult => ({
    name: item.name,
    covered: credit >= 1,
    credit: round2(credit),
    via,
    evidence: occurrence ? evidenceOf(doc, occurrence, lines) : undefined,
    terms,
    negated,
  });

  let negated: Occurrence | undefined;
  const phrase = item.nameIds.length > 0 ? findPhrase(doc, item.nameIds, settings, absent) : undefined;
  if (phrase && !phrase.negated) return result('name', 1, phrase);
  if (phrase?.negated) negated = phrase;
  if (item.compoundId) {
    const compound = findPhrase(doc, [item.compoundId], settings);
    if (compound && !compound.negated) return result('name', 1, compound);
  }
  const distinctName = item.distinctNameIds;
  if (distinctName.length >= 2) {
    // The name's words in any order, close together: about three tokens per word.
    const required = distinctName.length <= 3 ? distinctName.length : distinctName.length - 1;
    const words = findBag(doc, distinctName, required, { ...settings, window: Math.min(settings.window, 3 * distinctName.length) }, false, absent);
    if (words) return result('name-words', 1, words);
  }
  if (item.descriptionRequired > 0 && bitCount(foundMask) >= item.descriptionRequired) {
    // Enough distinct description words together, at least half of them not the question's own.
    // (The description's terms are the item's terms, in the same order.)
    const required = item.descriptionRequired;
    const others = Math.ceil(required / 2);
    const { questionMask } = item;
    const span = bestSpan(doc, hits, item.unitWeights, settings.window, (s) => s.weight >= required && bitCount(s.mask & ~questionMask) >= others);
    if (span) return result('description', 1, { first: span.first, last: span.last, negated: false });
  }
  let share = 0;
  if (partial && item.totalWeight > 0 && hits.length > 0) {
    const span = bestSpan(doc, hits, item.termWeights, config.credit.window);
    // An absence in the name ("node with no children") is the point of its concept: without it, no credit.
    const absenceSaid = item.nameAbsenceMask === 0 || (span !== undefined && (span.mask & item.nameAbsenceMask) !== 0);
    share = span && absenceSaid ? Math.min(1, span.weight / Math.min(item.totalWeight, config.credit.maxWeight)) : 0;
    const credit = creditFor(share, config.credit);
    if (span && credit > 0) {
      const credited = result('partial', credit, { first: span.first, last: span.last, negated: false });
      credited.share = round2(share);
      exactShares.set(credited, share);
      return credited;
    }
  }
  const missed = result(undefined, 0, negated, negated !== undefined);
  if (partial) {
    missed.share = round2(share);
    exactShares.set(missed, share);
  }
  return missed;
}

/**
 * The share behind each reported one, unrounded: results report `share` to 2 decimals for
 * people, and `qbank calibrate`, which maps shares to credit again under other numbers, needs
 * the exact value. Kept beside the results, so they stay plain data.
 */
const exactShares = new WeakMap<object, number>();

/** The unrounded share of an item's result from `evaluateItem` (undefined for other objects, e.g. a result read back from JSON). */
export function exactShare(result: object): number | undefined {
  return exactShares.get(result);
}

/**
 * Whether an answer says a keyword: its words as a phrase, its one-word spelling, or its words
 * in any order close together; never partial credit. The cheap path of `evaluateItem`.
 */
export function evaluateKeyword(doc: AnalyzedText, item: CompiledItem, config: ScoringConfig, lines: LineIndex): { hit: boolean; negated: boolean; evidence?: Evidence } {
  const settings = matchSettings(config);
  const { absent } = item;
  const phrase = item.nameIds.length > 0 ? findPhrase(doc, item.nameIds, settings, absent) : undefined;
  if (phrase && !phrase.negated) return { hit: true, negated: false, evidence: evidenceOf(doc, phrase, lines) };
  if (item.compoundId) {
    const compound = findPhrase(doc, [item.compoundId], settings);
    if (compound && !compound.negated) return { hit: true, negated: false, evidence: evidenceOf(doc, compound, lines) };
  }
  const distinctName = item.distinctNameIds;
  if (distinctName.length >= 2) {
    const required = distinctName.length <= 3 ? distinctName.length : distinctName.length - 1;
    const words = findBag(doc, distinctName, required, { ...settings, window: Math.min(settings.window, 3 * distinctName.length) }, false, absent);
    if (words) return { hit: true, negated: false, evidence: evidenceOf(doc, words, lines) };
  }
  if (item.descriptionRequired > 0) {
    const full = evaluateItem(doc, item, config, lines, false);
    if (full.covered) return { hit: true, negated: false, evidence: full.evidence };
  }
  return { hit: false, negated: phrase?.negated === true };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Checks common mistakes (or red flags) against an answer. */
export function evaluateMistakes(
  doc: AnalyzedText,
  mistakes: readonly CompiledMistake[],
  config: ScoringConfig,
  lines: LineIndex,
): MistakeResult[] {
  const settings = matchSettings(config);
  const flagged: MistakeResult[] = [];
  for (const mistake of mistakes) {
    if (mistake.required === 0) continue;
    if (mistake.mode === 'omission') {
      const present = presentIds(doc, mistake.ids, settings.negationWindow);
      if (present.size < mistake.required) flagged.push({ text: mistake.text, mode: 'omission', penalty: 0 });
      continue;
    }
    const occurrence = findPhrase(doc, mistake.ids, { ...settings, phraseGap: config.mistakes.phraseGap });
    if (occurrence && !occurrence.negated) {
      flagged.push({ text: mistake.text, mode: 'commission', penalty: 0, evidence: evidenceOf(doc, occurrence, lines) });
    }
  }
  // Commission mistakes cost points, up to the configured cap.
  let budget = config.mistakes.maxPenalty;
  for (const mistake of flagged) {
    if (mistake.mode !== 'commission') continue;
    mistake.penalty = Math.min(config.mistakes.penalty, budget);
    budget -= mistake.penalty;
  }
  return flagged;
}
