import type { AnalyzedText } from './analyzer.js';

/** Where a term was found: token indexes of its first and last word, and whether it was negated. */
export interface Occurrence {
  first: number;
  last: number;
  negated: boolean;
}

/** Settings matching needs, from the scoring config. */
export interface MatchSettings {
  phraseGap: number;
  window: number;
  negationWindow: number;
}

/** Whether a negation cue precedes the token at `index` in the same clause, within `window` tokens. */
export function isNegated(doc: AnalyzedText, index: number, window: number): boolean {
  if (window === doc.negationWindow) return doc.negated[index] === 1;
  const clause = doc.tokens[index]?.clause;
  for (let j = index - 1; j >= 0 && j >= index - window; j--) {
    const token = doc.tokens[j];
    if (!token || token.clause !== clause) break;
    if (token.negator) return true;
  }
  return false;
}

/** The first position in a sorted list greater than `after`. */
function nextAfter(list: readonly number[] | undefined, after: number): number | undefined {
  if (!list) return undefined;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((list[mid] as number) <= after) low = mid + 1;
    else high = mid;
  }
  return list[low];
}

/**
 * The words of a term in order, each within `phraseGap` tokens of the previous one and in
 * one sentence. Prefers an occurrence that is not negated; returns a negated one otherwise.
 */
export function findPhrase(doc: AnalyzedText, ids: readonly string[], settings: MatchSettings, absent?: ReadonlySet<string>): Occurrence | undefined {
  const [head, ...rest] = ids;
  if (head === undefined) return undefined;
  let negatedHit: Occurrence | undefined;
  for (const start of doc.positions.get(head) ?? []) {
    let at = start;
    let complete = true;
    // A word the rubric states as absent ("no children") must be negated in the answer too.
    let absenceContradicted = false;
    for (const id of rest) {
      const next = nextAfter(doc.positions.get(id), at);
      if (next === undefined || next - at - 1 > settings.phraseGap || doc.tokens[next]?.sentence !== doc.tokens[start]?.sentence) {
        complete = false;
        break;
      }
      if (absent?.has(id) && !isNegated(doc, next, settings.negationWindow)) absenceContradicted = true;
      at = next;
    }
    if (!complete) continue;
    // `negated`: the head's polarity is not the rubric's.
    const headWrong = isNegated(doc, start, settings.negationWindow) !== (absent?.has(head) ?? false);
    const occurrence = { first: start, last: at, negated: headWrong || absenceContradicted };
    if (!occurrence.negated) return occurrence;
    negatedHit ??= occurrence;
  }
  return negatedHit;
}

/**
 * At least `required` distinct ids of a set, in any order, inside one sentence (unless
 * `wholeSentence` is false) or one window of `settings.window` tokens. Negated occurrences do
 * not count. Linear in the occurrences.
 */
export function findBag(
  doc: AnalyzedText,
  ids: readonly string[],
  required: number,
  settings: MatchSettings,
  wholeSentence = true,
  absent?: ReadonlySet<string>,
): Occurrence | undefined {
  if (required <= 0 || ids.length === 0) return undefined;
  let present = 0;
  for (const id of ids) if (doc.positions.has(id)) present++;
  if (present < required) return undefined;

  // Each hit is one number, position * 64 + the id's index, so sorting is numeric and cheap;
  // sets of ids are bitmasks (a bag holds at most 30 distinct ids; the rest are ignored).
  const count = Math.min(ids.length, 30);
  const hits: number[] = [];
  let seenAll = 0;
  for (let index = 0; index < count; index++) {
    const wantNegated = absent?.has(ids[index] as string) ?? false;
    for (const at of doc.positions.get(ids[index] as string) ?? []) {
      if (isNegated(doc, at, settings.negationWindow) !== wantNegated) continue;
      hits.push(at * 64 + index);
      seenAll |= 1 << index;
    }
  }
  if (bitCount(seenAll) < required) return undefined;
  hits.sort((a, b) => a - b);
  const at = (k: number) => Math.floor((hits[k] as number) / 64);
  const bit = (k: number) => 1 << ((hits[k] as number) % 64);

  // One sentence.
  for (let i = 0; wholeSentence && i < hits.length; ) {
    const sentence = doc.tokens[at(i)]?.sentence;
    let mask = 0;
    let j = i;
    while (j < hits.length && doc.tokens[at(j)]?.sentence === sentence) mask |= bit(j++);
    if (bitCount(mask) >= required) return { first: at(i), last: at(j - 1), negated: false };
    i = j;
  }

  // A sliding window across sentences.
  const inWindow = new Int32Array(count);
  let distinct = 0;
  let left = 0;
  for (let right = 0; right < hits.length; right++) {
    const entering = (hits[right] as number) % 64;
    if ((inWindow[entering] = (inWindow[entering] ?? 0) + 1) === 1) distinct++;
    while (at(right) - at(left) >= settings.window) {
      const leaving = (hits[left++] as number) % 64;
      if ((inWindow[leaving] = (inWindow[leaving] ?? 1) - 1) === 0) distinct--;
    }
    if (distinct >= required) return { first: at(left), last: at(right), negated: false };
  }
  return undefined;
}

/** The number of bits set. */
export function bitCount(mask: number): number {
  let bits = 0;
  for (let m = mask; m !== 0; m &= m - 1) bits++;
  return bits;
}

/** Which of `ids` appear anywhere with the rubric's polarity (for explanations and omission checks). */
export function presentIds(doc: AnalyzedText, ids: readonly string[], negationWindow: number, absent?: ReadonlySet<string>): Set<string> {
  const present = new Set<string>();
  for (const id of ids) {
    const wantNegated = absent?.has(id) ?? false;
    if ((doc.positions.get(id) ?? []).some((at) => isNegated(doc, at, negationWindow) === wantNegated)) present.add(id);
  }
  return present;
}

/** A term of a rubric item with its weight; `absent` terms must be said negated ("no children"). */
export interface WeightedTerm {
  id: string;
  weight: number;
  absent: boolean;
  /** The main question uses it too. */
  fromQuestion?: boolean;
}

/** The best span for a set of weighted terms: the weight of the distinct terms it holds. */
export interface WeightedSpan {
  weight: number;
  first: number;
  last: number;
  /** Bit k set: terms[k] is in the span. */
  mask: number;
}

const EMPTY_HITS = new Int32Array(0);

/**
 * Every occurrence of the terms with the rubric's polarity, as `position * 64 + term index`,
 * sorted by position: the input of `bestSpan`. At most 30 terms are read.
 */
export function termHits(doc: AnalyzedText, terms: readonly WeightedTerm[]): Int32Array {
  const count = Math.min(terms.length, 30);
  const lists: Array<readonly number[] | undefined> = new Array(count);
  let size = 0;
  for (let k = 0; k < count; k++) {
    const list = doc.positions.get((terms[k] as WeightedTerm).id);
    lists[k] = list;
    size += list?.length ?? 0;
  }
  if (size === 0) return EMPTY_HITS;
  const hits = new Int32Array(size);
  let n = 0;
  for (let k = 0; k < count; k++) {
    const positions = lists[k];
    if (!positions) continue;
    const wantNegated = (terms[k] as WeightedTerm).absent ? 1 : 0;
    for (const at of positions) if (doc.negated[at] === wantNegated) hits[n++] = (at << 6) | k;
  }
  // Typed arrays sort numerically, without a comparator.
  return hits.subarray(0, n).sort();
}

/**
 * The sentence, or window of `window` tokens, holding the greatest total weight of distinct
 * terms (each counted once), over hits from `termHits`. With `accept`, the first span it accepts
 * instead. Linear in the hits.
 */
export function bestSpan(
  doc: AnalyzedText,
  hits: Int32Array,
  weights: ArrayLike<number>,
  window: number,
  accept?: (span: WeightedSpan) => boolean,
): WeightedSpan | undefined {
  const n = hits.length;
  if (n === 0) return undefined;
  const sentenceOf = doc.sentenceOf;
  let best: WeightedSpan | undefined;
  let accepted: WeightedSpan | undefined;
  const offer = (weight: number, first: number, last: number, mask: number) => {
    if (accepted || weight <= 0) return;
    if (accept) {
      const span = { weight, first, last, mask };
      if (accept(span)) accepted = span;
    } else if (!best || weight > best.weight + 1e-9) best = { weight, first, last, mask };
  };

  // One sentence.
  for (let i = 0; i < n; ) {
    const first = (hits[i] as number) >> 6;
    const sentence = sentenceOf[first];
    let mask = 0;
    let weight = 0;
    let j = i;
    let last = first;
    while (j < n) {
      const hit = hits[j] as number;
      const at = hit >> 6;
      if (sentenceOf[at] !== sentence) break;
      const k = hit & 63;
      if (!(mask & (1 << k))) {
        mask |= 1 << k;
        weight += weights[k] as number;
      }
      last = at;
      j++;
    }
    offer(weight, first, last, mask);
    i = j;
  }

  // A sliding window across sentences.
  const inWindow = new Int32Array(32);
  let weight = 0;
  let mask = 0;
  let left = 0;
  for (let right = 0; right < n && !accepted; right++) {
    const entering = (hits[right] as number) & 63;
    const at = (hits[right] as number) >> 6;
    const entered = (inWindow[entering] = (inWindow[entering] ?? 0) + 1);
    if (entered === 1) {
      weight += weights[entering] as number;
      mask |= 1 << entering;
    }
    while (at - ((hits[left] as number) >> 6) >= window) {
      const leaving = (hits[left++] as number) & 63;
      const remaining = (inWindow[leaving] = (inWindow[leaving] ?? 1) - 1);
      if (remaining === 0) {
        weight -= weights[leaving] as number;
        mask &= ~(1 << leaving);
      }
    }
    offer(weight, (hits[left] as number) >> 6, at, mask);
  }
  return accept ? accepted : best;
}

/** `termHits` and `bestSpan` in one call, with each term's own weight. */
export function bestWeightedSpan(
  doc: AnalyzedText,
  terms: readonly WeightedTerm[],
  settings: MatchSettings,
  accept?: (span: WeightedSpan) => boolean,
): WeightedSpan | undefined {
  return bestSpan(doc, termHits(doc, terms), terms.map((t) => t.weight), settings.window, accept);
}
