import fc from 'fast-check';
import wrapAnsi from 'wrap-ansi';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wrapText } from '../../src/cli/wrap-text.js';

const FUZZ_RUNS = Number(process.env.QBANK_FUZZ_RUNS ?? 300);
const FUZZ_SEED = process.env.QBANK_FUZZ_SEED ? Number(process.env.QBANK_FUZZ_SEED) : process.env.QBANK_FUZZ_RUNS ? undefined : 20261201;

// Words as qbank's reporters see them: prose, accents, wide letters, qbank's marked styles (a
// private CSI sequence), an OSC a file may hold, combining marks, zero-width spaces, tabs.
const word = fc.constantFrom(
  'alpha', 'beta', 'café', 'naïve', '漢字', 'p99', '10,000', '', ' ', 'x'.repeat(30), 'é'.repeat(25), 'e\u0301', '—', '“quoted”',
  '\u001b[?1234;5678;9012;1mbold\u001b[?1234;5678;9012;22m', '\u001b]0;title\u0007', 'a\tb', '🙂', 'word\u200bword', '\u0301', 'ﬁ',
);
const text = fc.tuple(fc.array(word, { minLength: 1, maxLength: 14 }), fc.constantFrom(' ', '  ', '\n')).map(([words, sep]) => words.join(sep));

describe('wrapText', () => {
  afterEach(() => vi.restoreAllMocks());

  it("wraps as wrap-ansi's hard wrap does", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 50 }), fc.boolean(), (input, width, trim) => {
        const options = trim ? {} : { trim: false };
        expect(wrapText(input, width, options)).toBe(wrapAnsi(input, width, { hard: true, ...options }));
      }),
      { numRuns: FUZZ_RUNS, ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }) },
    );
  });

  it('cuts a long word of accented letters without Intl.Segmenter (whose iteration is quadratic)', () => {
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    const rows = wrapText(`${'é'.repeat(20_000)} end`, 78).split('\n');
    expect(segment).not.toHaveBeenCalled();
    expect(rows).toHaveLength(Math.ceil(20_000 / 78));
    expect(rows.every((row) => row.length <= 78)).toBe(true);
    expect(rows.at(-1)).toBe(`${'é'.repeat(20_000 % 78)} end`);
  });

  it('keeps a word of combining marks on one row (it is one character wide)', () => {
    const word = `a${'\u0301'.repeat(10_000)}`;
    expect(wrapText(`${word} b`, 20)).toBe(`${word.normalize()} b`);
  });
});
