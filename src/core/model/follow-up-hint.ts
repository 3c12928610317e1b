import type { FollowUp, Probe } from './elements.js';

/** Probe lines a candidate is shown with a follow-up question, as a hint. */
const HINT_KINDS: ReadonlySet<string> = new Set(['hint_embedded', 'simplification']);

/** The hint shown with a follow-up (its `Hint embedded` or `Simplification` line), if any. */
export function followUpHint(followUp: FollowUp): Probe | undefined {
  return followUp.probes.find((probe) => HINT_KINDS.has(probe.kind));
}

/**
 * What a follow-up answer is graded against: the `Looking for` items; without them, the other
 * lines but the red flags and the hint (the candidate reads the hint, so grading an answer on
 * it would grade a copy of it); the hint only when it is all there is.
 */
export function gradedLines(followUp: FollowUp): string[] {
  const lookingFor = followUp.probes.filter((p) => p.kind === 'looking_for').flatMap((p) => p.items);
  if (lookingFor.length > 0) return lookingFor;
  const lines = followUp.probes.filter((p) => p.kind !== 'red_flags');
  const graded = lines.filter((p) => !HINT_KINDS.has(p.kind));
  return (graded.length > 0 ? graded : lines).map((p) => p.value);
}

const words = (text: string) => text.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The graded line a hint gives away word for word: the same words, or one holding the other
 * whole (three words or more), so that copying the hint would earn the item.
 */
export function revealedLine(hint: string, graded: readonly string[]): string | undefined {
  const hintWords = words(hint);
  const hintText = ` ${hintWords.join(' ')} `;
  return graded.find((line) => {
    const lineWords = words(line);
    if (lineWords.length === 0 || hintWords.length === 0) return false;
    const lineText = ` ${lineWords.join(' ')} `;
    if (lineText === hintText) return true;
    const [shorter, longer, count] = lineWords.length <= hintWords.length ? [lineText, hintText, lineWords.length] : [hintText, lineText, hintWords.length];
    return count >= 3 && longer.includes(shorter);
  });
}

/** The hint to show with a follow-up: none when it would give away a graded line. */
export function hintToShow(followUp: FollowUp): string | undefined {
  const hint = followUpHint(followUp);
  if (!hint) return undefined;
  return revealedLine(hint.value, gradedLines(followUp)) === undefined ? hint.value : undefined;
}
