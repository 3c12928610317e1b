import { describe, expect, it } from 'vitest';
import type { Concept } from '../../src/core/model/elements.js';
import type { Span } from '../../src/core/model/position.js';
import type { SubjectiveQuestion } from '../../src/core/model/subjective.js';
import { parseQuestion } from '../../src/core/parse/parse-question.js';
import type { MarkdownEngine } from '../../src/core/parse/markdown.js';
import { mutated } from '../helpers/fixtures.js';

const HEADROOM = '- **Headroom**: Size the pool above the average to absorb bursts';
const DESCRIPTION = 'Size the pool above the average to absorb bursts';

/** Line and column of the first `needle` at or after offset `from`, plus `offset` characters. */
function where(text: string, needle: string, offset = 0, from = 0): { line: number; column: number } {
  const index = text.indexOf(needle, from);
  if (index === -1) throw new Error(`not found: ${needle}`);
  const lines = text.slice(0, index + offset).split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

function concepts(text: string, engine: MarkdownEngine = 'auto'): Concept[] {
  const { question } = parseQuestion(text, 'q.md', { markdown: engine });
  if (question?.type !== 'subjective') throw new Error('not a subjective question');
  return [...(question as SubjectiveQuestion).core.concepts, ...question.bonus.concepts];
}

interface Case {
  name: string;
  /** What follows the Headroom bullet's first line. */
  under: string;
  /** The concept's name and description: never the probe. */
  concept?: [string, string];
  /** The first line replaced, for the looser forms. */
  first?: string;
  probe: string;
  /** Where the probe starts (at its key) and its question starts, as needles in the file. */
  key: [string, number?];
  question: [string, number?];
  /** The end of the probe, as a needle and an offset past its start. */
  end: [string, number];
}

const CASES: Case[] = [
  { name: 'an indented line', under: '\n  Probe: Why not run exactly twenty workers?', probe: 'Why not run exactly twenty workers?', key: ['Probe:'], question: ['Why not'], end: ['workers?', 8] },
  { name: 'a nested bullet with a bold key', under: '\n  - **Probe**: Why not run exactly twenty workers?', probe: 'Why not run exactly twenty workers?', key: ['**Probe**'], question: ['Why not'], end: ['workers?', 8] },
  { name: 'a key bold with its colon, lower case', under: '\n  **probe:** Why not twenty?', probe: 'Why not twenty?', key: ['**probe:**'], question: ['Why not'], end: ['twenty?', 7] },
  { name: 'a paragraph after a blank line, quoted and wrapped', under: '\n\n  Probe: "Why not run exactly\n  twenty workers?"', probe: 'Why not run exactly twenty workers?', key: ['Probe:'], question: ['"Why not'], end: ['workers?"', 9] },
  { name: 'a lazy line at the margin', under: '\nProbe: Why not twenty?', probe: 'Why not twenty?', key: ['Probe:'], question: ['Why not'], end: ['twenty?', 7] },
  { name: 'a description wrapped onto a second line before the probe', under: ' and\n  keep some spare\n  Probe: Why not twenty?', concept: ['Headroom', `${DESCRIPTION} and\n  keep some spare`], probe: 'Why not twenty?', key: ['Probe:'], question: ['Why not'], end: ['twenty?', 7] },
  { name: 'under a "Name: description" bullet without bold', first: '- Headroom: Size the pool above the average to absorb bursts', under: '\n  Probe: Why not twenty?', probe: 'Why not twenty?', key: ['Probe:'], question: ['Why not'], end: ['twenty?', 7] },
  { name: 'under a plain sentence', first: '- Size the pool above the average to absorb bursts', under: '\n  Probe: Why not twenty?', concept: [DESCRIPTION, DESCRIPTION], probe: 'Why not twenty?', key: ['Probe:'], question: ['Why not'], end: ['twenty?', 7] },
  { name: 'an empty probe: the question is empty just after the colon', under: '\n  Probe:', probe: '', key: ['Probe:'], question: ['Probe:', 6], end: ['Probe:', 6] },
];

describe('a Probe: line under a concept bullet', () => {
  for (const engine of ['auto', 'remark'] as const) {
    it.each(CASES.map((c) => [c.name, c] as const))(`%s (${engine})`, (_name, c) => {
      const text = mutated([[HEADROOM, `${c.first ?? HEADROOM}${c.under}`]]);
      const headroom = concepts(text, engine)[1];
      const [name, description] = c.concept ?? ['Headroom', DESCRIPTION];
      expect(headroom?.name).toBe(name);
      expect(headroom?.description).toBe(description);
      const probe = headroom?.probe;
      expect(probe?.text).toBe(c.probe);
      // Needles are looked for from the concept's own bullet on.
      const bullet = text.indexOf(c.first ?? HEADROOM) + 1;
      const after = (needle: string, offset = 0) => where(text, needle, offset, bullet);
      const span = (start: Span['start'], end: Span['end']): Span => ({ start, end });
      expect(probe?.span).toEqual(span(after(c.key[0], c.key[1]), after(c.end[0], c.end[1])));
      expect(probe?.textSpan).toEqual(span(after(c.question[0], c.question[1]), after(c.end[0], c.end[1])));
      expect(headroom?.extraProbes).toBeUndefined();
    });
  }

  it('keeps a second probe apart, and the first is the one used', () => {
    const text = mutated([[HEADROOM, `${HEADROOM}\n  Probe: Why not twenty?\n  Probe: What about bursts?`]]);
    const headroom = concepts(text)[1];
    expect(headroom?.probe?.text).toBe('Why not twenty?');
    expect(headroom?.extraProbes?.map((p) => [p.text, p.span.start.line, p.span.start.column])).toEqual([['What about bursts?', where(text, 'Probe: What').line, 3]]);
  });

  it('reads a line that only mentions a probe as description, and a probe bullet at the top as a concept', () => {
    const mention = concepts(mutated([[HEADROOM, `${HEADROOM}, which a probe: can test`]]))[1];
    expect(mention?.description).toBe(`${DESCRIPTION}, which a probe: can test`);
    expect(mention?.probe).toBeUndefined();
    const top = concepts(mutated([[HEADROOM, `${HEADROOM}\n- Probe: Why not twenty?`]]));
    expect(top.map((c) => c.name)).toEqual(["Little's Law", 'Headroom', 'Probe', 'Utilisation Limit', 'Tail Latency']);
    expect(top[1]?.probe).toBeUndefined();
  });

  it('gives a bonus concept its probe too, and leaves concepts without one as they were', () => {
    const text = mutated([['- **Tail Latency**: Percentiles matter more than the mean', '- **Tail Latency**: Percentiles matter more than the mean\n  Probe: Which figure would you watch for the slowest users?']]);
    const all = concepts(text);
    expect(all[3]?.probe?.text).toBe('Which figure would you watch for the slowest users?');
    expect(all[3]?.description).toBe('Percentiles matter more than the mean');
    expect(all.slice(0, 3)).toEqual(concepts(mutated([])).slice(0, 3));
    expect(all.slice(0, 3).every((c) => !('probe' in c) && !('extraProbes' in c))).toBe(true);
  });
});
