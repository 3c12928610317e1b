import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, type RawToken } from '../../src/core/score/tokenize.js';

// The regular expression the hand-written scanner replaced, kept here as its specification.
// (It is quadratic on long runs of dots, which is why it was replaced.)
const TOKEN =
  /([pP])(\d+(?:\.\d+)?)(?![\p{L}\p{N}])|(\d+(?:[.,]\d+)*)([\p{L}%]*)|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)*)|([.!?]+(?=\s|$)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]))|([,;:()[\]–—]| - )/gu;

/** The tokens the regular expression gave: the former implementation, verbatim in behaviour. */
function regexTokens(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  const pattern = new RegExp(TOKEN.source, TOKEN.flags);
  const ordinal = new Set(['st', 'nd', 'rd', 'th']);
  const fold = (w: string) => (/[^\x00-\x7f]/.test(w) ? w.normalize('NFKC') : w).toLowerCase();
  const canonical = (raw: string): string[] => {
    if (!raw.includes(',')) return [String(Number(raw))];
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) return [String(Number(raw.replace(/,/g, '')))];
    return raw.split(',').filter(Boolean).map((part) => String(Number(part)));
  };
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[5] !== undefined) tokens.push({ kind: 'word', text: fold(m[5]), start, end });
    else if (m[2] !== undefined) {
      tokens.push({ kind: 'number', text: String(Number(m[2])), start: start + 1, end });
      tokens.push({ kind: 'word', text: 'percentile', start, end });
    } else if (m[3] !== undefined) {
      const unit = fold(m[4] ?? '');
      const numberEnd = start + m[3].length;
      const figures = canonical(m[3]);
      if (unit === 'k' && figures.length === 1) {
        tokens.push({ kind: 'number', text: String(Number(figures[0]) * 1000), start, end });
        continue;
      }
      for (const figure of figures) tokens.push({ kind: 'number', text: figure, start, end: numberEnd });
      if (unit === '%') tokens.push({ kind: 'word', text: 'percent', start: numberEnd, end });
      else if (unit !== '' && !ordinal.has(unit)) tokens.push({ kind: 'word', text: unit, start: numberEnd, end });
    } else if (m[6] !== undefined) tokens.push({ kind: 'sentence', text: '', start, end });
    else tokens.push({ kind: 'clause', text: '', start, end });
  }
  return tokens;
}

const PIECES = ['a', 'B', 'p', 'P', 'x', 'é', 'e\u0301', '\u0301', '𝐀', '😀', '²', '0', '7', '12', '99', '.', '..', '...', '!', '?', ',', ';', ':', '(', ')', '[', ']', '–', '—', ' ', ' - ', '-', '\n', '\n\n', '\t', "'", '’', '%', '•', '*', '+', '\r', 'ms', 'th', 'k', '\u00a0'];

describe('the scanner tokenizer', () => {
  it('gives the same tokens as the regular expression it replaced, on random text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(tokenize(text)).toEqual(regexTokens(text));
      }),
      { numRuns: Number(process.env.QBANK_FUZZ_RUNS ?? 2000), seed: 20261201 },
    );
  });

  it.each([
    ['p99.9x', [['number', '99'], ['word', 'percentile'], ['number', '9'], ['word', 'x']]],
    ["don't stop", [['word', "don't"], ['word', 'stop']]],
    ['10ms, 99th and 10k at 50%.', [['number', '10'], ['word', 'ms'], ['clause', ''], ['number', '99'], ['word', 'and'], ['number', '10000'], ['word', 'at'], ['number', '50'], ['word', 'percent'], ['sentence', '']]],
    ['v1.2 is out', [['word', 'v1'], ['number', '2'], ['word', 'is'], ['word', 'out']]],
    ['first\n- second', [['word', 'first'], ['sentence', ''], ['word', 'second']]],
  ])('%j', (text, expected) => {
    expect(tokenize(text).map((t) => [t.kind, t.text])).toEqual(expected);
  });

  it('reads a 200,000-character run of dots followed by a letter in linear work', () => {
    // The regular expression retried the run at every dot; the scanner looks at each once.
    const text = `${'.'.repeat(200_000)}x`;
    expect(tokenize(text)).toEqual([{ kind: 'word', text: 'x', start: 200_000, end: 200_001 }]);
  });
});
