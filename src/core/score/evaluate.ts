import { LineIndex } from '../parse/line-index.js';
import type { AnalyzedText } from './analyzer.js';
import type { CompiledItem, CompiledMistake } from './compile.js';
import type { ScoringConfig } from './config.js';
import { findBag, findPhrase, presentIds, type MatchSettings, type Occurrence } from './match.js';
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

/**
 * Whether an answer covers a rubric item: its name as a phrase (words in order, small gaps,
 * or the one-word spelling), the name's words in any order nearby, or enough of its
 * description's words in one sentence or window.
 */
export function evaluateItem(doc: AnalyzedText, item: CompiledItem, settings: MatchSettings, lines: LineIndex): ItemResult {
  const present = presentIds(doc, item.allIds, settings.negationWindow);
  const matchedTerms: string[] = [];
  const missingTerms: string[] = [];
  for (const id of item.allIds) (present.has(id) ? matchedTerms : missingTerms).push(item.words.get(id) ?? id);
  const credited = (via: ItemResult['via'], occurrence: Occurrence): ItemResult => ({
    name: item.name,
    covered: true,
    via,
    evidence: evidenceOf(doc, occurrence, lines),
    matchedTerms,
    missingTerms,
    negated: false,
  });

  let negated: Occurrence | undefined;
  const phrase = item.nameIds.length > 0 ? findPhrase(doc, item.nameIds, settings) : undefined;
  if (phrase && !phrase.negated) return credited('name', phrase);
  if (phrase?.negated) negated = phrase;
  if (item.compoundId) {
    const compound = findPhrase(doc, [item.compoundId], settings);
    if (compound && !compound.negated) return credited('name', compound);
  }
  const distinctName = item.distinctNameIds;
  if (distinctName.length >= 2) {
    // The name's words in any order, close together: about three tokens per word.
    const required = distinctName.length <= 3 ? distinctName.length : distinctName.length - 1;
    const words = findBag(doc, distinctName, required, { ...settings, window: Math.min(settings.window, 3 * distinctName.length) }, false);
    if (words) return credited('name-words', words);
  }
  if (item.descriptionRequired > 0) {
    const description = findBag(doc, item.descriptionIds, item.descriptionRequired, settings);
    if (description) return credited('description', description);
  }
  return {
    name: item.name,
    covered: false,
    via: undefined,
    evidence: negated ? evidenceOf(doc, negated, lines) : undefined,
    matchedTerms,
    missingTerms,
    negated: negated !== undefined,
  };
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

/**
 * How much of an answer sits in sentences that read as bare lists of terms: almost no function
 * words, or many short comma-separated pieces with few function words.
 */
export function listShare(doc: AnalyzedText, config: ScoringConfig): number {
  const { functionWordRatio, minSegmentWords, listMinPieces, listPieceWords, listFunctionWordRatio } = config.stuffing;
  let total = 0;
  let listLike = 0;
  let start = 0;
  while (start < doc.tokens.length) {
    const sentence = doc.tokens[start]?.sentence;
    let end = start;
    let functionWords = 0;
    const clauses = new Set<number>();
    while (end < doc.tokens.length && doc.tokens[end]?.sentence === sentence) {
      const token = doc.tokens[end] as AnalyzedText['tokens'][number];
      if (!token.content) functionWords++;
      clauses.add(token.clause);
      end++;
    }
    const size = end - start;
    total += size;
    const ratio = functionWords / size;
    const pieces = clauses.size;
    const choppy = pieces >= listMinPieces && size / pieces <= listPieceWords && ratio < listFunctionWordRatio;
    if (size >= minSegmentWords && (ratio < functionWordRatio || choppy)) listLike += size;
    start = end;
  }
  return total === 0 ? 0 : listLike / total;
}
