import type { AnalyzedText, AnalyzedToken } from './analyzer.js';
import type { ScoringConfig } from './config.js';

/**
 * Character ranges of an answer that are structure, not prose: fenced code blocks, indented code
 * and table rows. They are neither judged as lists nor counted in the answer's size.
 */
export function structureRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let offset = 0;
  let fence: string | undefined;
  let fenceStart = 0;
  let previousBlank = true;
  for (const line of text.split('\n')) {
    const end = offset + line.length;
    const trimmed = line.trimStart();
    const marker = /^(`{3,}|~{3,})/.exec(trimmed)?.[1];
    if (fence !== undefined) {
      if (marker !== undefined && marker.charAt(0) === fence.charAt(0) && marker.length >= fence.length) {
        ranges.push([fenceStart, end]);
        fence = undefined;
      }
    } else if (marker !== undefined) {
      fence = marker;
      fenceStart = offset;
    } else if ((previousBlank && /^( {4}|\t)\S/.test(line)) || /^\s*\|.*\|\s*$/.test(line) || /^\s*\|?\s*:?-{3,}:?\s*\|/.test(line)) {
      ranges.push([offset, end]);
    }
    previousBlank = trimmed === '';
    offset = end + 1;
  }
  if (fence !== undefined) ranges.push([fenceStart, text.length]);
  return ranges;
}

const ARTICLES = new Set(['the', 'a', 'an']);

/**
 * Whether a sentence repeats one frame of linking words around bare terms ("it is about the
 * snapshot and it is about log compaction and it is about …"): prose in form, a list in fact.
 * Frames are compared by a hash of their words' codes.
 */
function framedList(tokens: readonly AnalyzedToken[], from: number, to: number, minRepeats: number): boolean {
  const frames = new Map<number, number>();
  let hash = 0;
  let words = 0;
  for (let i = from; i < to; i++) {
    const token = tokens[i] as AnalyzedToken;
    if (!token.content) {
      // Articles vary inside one frame ("it is about the …", "it is about …"): leave them out.
      if (ARTICLES.has(token.word)) continue;
      hash = (Math.imul(hash, 31) + token.wordCode) | 0;
      words++;
    } else if (words > 0) {
      if (words >= 3) {
        const count = (frames.get(hash) ?? 0) + 1;
        if (count >= minRepeats) return true;
        frames.set(hash, count);
      }
      hash = 0;
      words = 0;
    }
  }
  return false;
}

/**
 * How much of an answer's prose sits in sentences that read as bare lists of terms: almost no
 * function words, many short comma-separated pieces with few function words, or one frame of
 * linking words repeated around terms. Code blocks and tables are left out; a bullet that is a
 * sentence is judged like any sentence.
 */
export function listShare(doc: AnalyzedText, config: ScoringConfig): number {
  const { functionWordRatio, minSegmentWords, listMinPieces, listPieceWords, listFunctionWordRatio } = config.stuffing;
  const structure = structureRanges(doc.text);
  const inStructure = (token: AnalyzedToken) => structure.some(([from, to]) => token.start >= from && token.start < to);
  const tokens = structure.length === 0 ? doc.tokens : doc.tokens.filter((t) => !inStructure(t));
  let total = 0;
  let listLike = 0;
  let start = 0;
  while (start < tokens.length) {
    const sentence = tokens[start]?.sentence;
    let end = start;
    let functionWords = 0;
    // Clause numbers only grow inside a sentence: count the changes.
    let pieces = 0;
    let clause = -1;
    while (end < tokens.length && tokens[end]?.sentence === sentence) {
      const token = tokens[end] as AnalyzedToken;
      if (!token.content) functionWords++;
      if (token.clause !== clause) {
        pieces++;
        clause = token.clause;
      }
      end++;
    }
    const size = end - start;
    total += size;
    const ratio = functionWords / size;
    const choppy = pieces >= listMinPieces && size / pieces <= listPieceWords && ratio < listFunctionWordRatio;
    // A repeated frame needs three frames of three linking words at least.
    const framed = functionWords >= 9 && framedList(tokens, start, end, 3);
    if (size >= minSegmentWords && (ratio < functionWordRatio || choppy || framed)) listLike += size;
    start = end;
  }
  return total === 0 ? 0 : listLike / total;
}
