import type { ConceptProbe } from '../model/elements.js';
import type { NodePositions } from './node-positions.js';
import { unquote } from './unquote.js';

/**
 * The key of a probe line: `Probe:` in any case, also bold (`**Probe**:`, `**Probe:**`) or as a
 * nested bullet (`- Probe:`), after any indentation, then a space or the end of the line.
 */
const PROBE_KEY = /[ \t]*(?:[-*+][ \t]+)?((\*\*|__)?probe(?:\2)?[ \t]*:(?:\2)?)(?=[ \t]|\n|$)/iy;

/** A concept bullet split into its own text and the `Probe:` lines under it. */
export interface ConceptBody {
  /** File offset where the bullet's own text (name and description) ends: at the first probe line. */
  end: number;
  /** Every probe line, in order. */
  probes: ConceptProbe[];
}

/**
 * Finds the `Probe:` lines of a concept bullet whose text runs from `from` to `to` (file offsets).
 * A probe line is a line after the bullet's first that starts with the key; its question runs to
 * the next probe line or the end of the bullet, so that a long question may wrap. Everything
 * before the first probe line is the bullet's own text, so a probe never reaches the description
 * the scorer matches.
 */
export function readConceptProbes(source: NodePositions, from: number, to: number): ConceptBody {
  const text = source.text;
  const keys: Array<{ line: number; start: number; end: number }> = [];
  for (let newline = text.indexOf('\n', from); newline !== -1 && newline < to; newline = text.indexOf('\n', newline + 1)) {
    PROBE_KEY.lastIndex = newline + 1;
    const match = PROBE_KEY.exec(text);
    if (!match || match.index + match[0].length > to) continue;
    const keyEnd = match.index + match[0].length;
    keys.push({ line: newline + 1, start: keyEnd - (match[1]?.length ?? 0), end: keyEnd });
  }
  const probes = keys.map((key, i) => {
    const until = keys[i + 1]?.line ?? to;
    const raw = text.slice(key.end, until);
    const empty = raw.trim() === '';
    const textStart = empty ? key.end : key.end + (raw.length - raw.trimStart().length);
    const textEnd = empty ? key.end : key.end + raw.trimEnd().length;
    const { text: question } = unquote(text.slice(textStart, textEnd));
    return {
      text: question.replace(/\s+/g, ' '),
      span: source.span(key.start, textEnd),
      textSpan: source.span(textStart, textEnd),
    };
  });
  return { end: keys[0]?.line ?? to, probes };
}
