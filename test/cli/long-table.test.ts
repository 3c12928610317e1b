import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { longTableText, type LongTableCell } from '../../src/cli/reporters/long-table.js';
import { plainTable, tableText } from '../../src/cli/reporters/plain-table.js';
import { renderQuestionList, renderSpread } from '../../src/cli/reporters/question-list.js';
import type { QuestionSummary } from '../../src/core/bank/summary.js';
import { createStyle } from '../../src/cli/style.js';

/** What one cli-table3 table of every row prints: the reference the row-by-row drawing must equal. */
function oneTable(head: readonly string[], rows: ReadonlyArray<readonly LongTableCell[]>): string {
  const table = plainTable(head);
  for (const row of rows) table.push([...row]);
  return tableText(table);
}

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('', 'x', ' ', 'trailing  ', '界界', '\u001b[1mbold\u001b[22m', '\u001b[2mdim', '\u001b[1mopen bold', '\u001b[4m', '\u001b[31mred\u001b[39m', '\u001b]0;t\u0007', 'two\nlines', 'e\u0301', '😀', '\t', '\u202e', '\u0000', 'a long piece of text that is wider than most'),
);

describe('long tables', () => {
  it('print what one cli-table3 table prints, spanning cells and all', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((columns) =>
          fc.record({
            head: fc.array(text, { minLength: columns, maxLength: columns }),
            rows: fc.array(
              fc.oneof(
                fc.array(text, { minLength: columns, maxLength: columns }),
                text.map((content): LongTableCell[] => [{ colSpan: columns, content }]),
              ),
              { maxLength: 20 },
            ),
          }),
        ),
        ({ head, rows }) => {
          // cli-table3 writes onto the cell objects it is given: each drawing gets its own copy.
          expect(longTableText(head, structuredClone(rows))).toBe(oneTable(head, structuredClone(rows)));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('lists ten thousand questions as the table would (and without its quadratic layout)', () => {
    const summaries: QuestionSummary[] = Array.from({ length: 10_000 }, (_, i) => ({
      file: `q-${i}.md`,
      type: i % 3 === 0 ? 'mcq' : 'subjective',
      title: `Question number ${i} about ${'word '.repeat(i % 17)}`.trim(),
      frontmatter: { id: `topic-${i % 7}-question-${'x'.repeat(i % 23)}-${i}`, level: 'L4', topic: `topic-${i % 1500}`, tags: [] },
      idSpan: { start: { line: 2, column: 1 }, end: { line: 2, column: 10 } },
    }));
    const style = createStyle({ isTTY: false, write: () => true }, { NO_COLOR: '1' });
    const list = renderQuestionList(summaries, style, 80);
    // Spot checks against the one-table drawing of the first rows: widths come from all rows.
    const lines = list.split('\n');
    expect(lines).toHaveLength(1 + 2 * 10_000 + 1);
    expect(new Set(lines.slice(0, -1).filter((_, n) => n % 2 === 1).map((line) => line.indexOf('  mcq') === -1 ? line.indexOf('  subj') : line.indexOf('  mcq')))).toEqual(new Set([lines[0]?.indexOf('  TYPE')]));
    const spread = renderSpread(summaries, style);
    expect(spread.split('\n')[0]).toBe('10000 questions: 6666 subjective, 3334 multiple-choice');
    expect(spread.split('\n')).toHaveLength(1 + 1 + 1500 + 1);
  });
});
