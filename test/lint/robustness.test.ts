import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintText } from '../../src/core/lint/lint-text.js';
import { bankEntry } from '../../src/core/lint/bank-entry.js';
import type { RuleServices } from '../../src/core/lint/rule.js';
import { lintBankEntries } from '../../src/core/lint/run-bank.js';
import { MAX_FINDINGS_PER_RULE } from '../../src/core/lint/findings-cap.js';
import { MAX_COMPLEX_CHARS, MAX_COMPLEX_LINES, MAX_MARK_WORK } from '../../src/core/parse/limits.js';
import { readFrontmatter } from '../../src/core/parse/frontmatter.js';
import { readMarkdown } from '../../src/core/parse/markdown.js';
import { parseQuestion } from '../../src/core/parse/parse-question.js';
import { renderQuestion } from '../../src/cli/reporters/question-text.js';
import { createStyle } from '../../src/cli/style.js';
import { fixture } from '../helpers/fixtures.js';
import { HOSTILE_SHAPES } from '../helpers/hostile-files.js';
import { testServices } from './lint-helpers.js';

const FUZZ_RUNS = Number(process.env.QBANK_FUZZ_RUNS ?? 40);
// A fixed seed in the suite (repeatable); a random one, printed on failure, under `npm run fuzz`.
const FUZZ_SEED = process.env.QBANK_FUZZ_SEED ? Number(process.env.QBANK_FUZZ_SEED) : process.env.QBANK_FUZZ_RUNS ? undefined : 20261129;

const seeds = [fixture('valid-subjective.md'), fixture('valid-mcq.md'), fixture('output-rule.md')];

/** One way of breaking a valid file; each takes the file's lines and random numbers. */
type Mutation = (lines: string[], pick: number, extra: string) => string[];

const MUTATIONS: Record<string, Mutation> = {
  truncate: (lines, pick) => lines.slice(0, pick % (lines.length + 1)),
  truncateMidLine: (lines, pick) => {
    const text = lines.join('\n');
    return text.slice(0, pick % (text.length + 1)).split('\n');
  },
  deleteLine: (lines, pick) => lines.filter((_, i) => i !== pick % lines.length),
  duplicateHeading: (lines, pick) => {
    const headings = lines.map((line, i) => [line, i] as const).filter(([line]) => line.startsWith('#'));
    const [heading, index] = headings[pick % Math.max(1, headings.length)] ?? ['## main_question', 0];
    return [...lines.slice(0, index + 1), '', heading, 'again', ...lines.slice(index + 1)];
  },
  randomText: (lines, pick, extra) => {
    const i = pick % (lines.length + 1);
    return [...lines.slice(0, i), extra, ...lines.slice(i)];
  },
  // About 200 KB on one line: prose with some markup, as a pasted transcript would be. (Lines
  // dense with emphasis, `**a** **b** …` by the ten thousand, cost the markdown parser more
  // than a second: that limit is the parser's, not lint's.)
  hugeLine: (lines, pick) => {
    const i = pick % (lines.length + 1);
    return [...lines.slice(0, i), `"${'The primary holds output until the backup acknowledges it, and **batching** helps. '.repeat(2_400)}`, ...lines.slice(i)];
  },
  deepNesting: (lines, pick) => {
    const i = pick % (lines.length + 1);
    const depth = 200 + (pick % 300);
    const quotes = `${'> '.repeat(depth)}deep`;
    const bullets = Array.from({ length: 60 }, (_, d) => `${'  '.repeat(d)}- item ${d}`);
    return [...lines.slice(0, i), quotes, ...bullets, `${'['.repeat(depth)}x${']'.repeat(depth)}`, `${'*'.repeat(depth)}x`, ...lines.slice(i)];
  },
  yamlAliases: (lines, pick) => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'topic: &t perf', `subtopic: *t`, `tags: *${pick % 2 ? 'a' : 'missing'}`];
    return [lines[0] ?? '---', ...bomb, ...lines.slice(1)];
  },
  crlfAndBom: (lines) => [`\uFEFF${lines[0] ?? ''}`, ...lines.slice(1).map((line) => `${line}\r`)],
  mojibake: (lines, pick) => lines.map((line, i) => (i % 7 === pick % 7 ? line.replace(/'/g, 'â€™').replace(/→/g, 'â†’') : line)),
  strayQuotes: (lines, pick) => lines.map((line, i) => (i === pick % lines.length ? `"${line}“` : line)),
  // A hostile shape of issue 13 (deep nesting, long blocks, many keys, marks or keywords…), small.
  hostileShape: (_lines, pick) => (HOSTILE_SHAPES[pick % HOSTILE_SHAPES.length] as (typeof HOSTILE_SHAPES)[number]).build([0.01, 0.03, 0.1][pick % 3]).split('\n'),
};

const mutation = fc.record({
  seed: fc.integer({ min: 0, max: seeds.length - 1 }),
  steps: fc.array(
    fc.record({
      kind: fc.constantFrom(...Object.keys(MUTATIONS)),
      pick: fc.nat(),
      extra: fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('---', '# ', '## metadata', '- **X**:', '<!-- qbank-disable -->', '<!-- qbank-disable todo', '\u0000', '\uD800')),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

let services: RuleServices;
beforeAll(async () => {
  services = await testServices();
});

function assertValidPositions(text: string, diagnostics: ReadonlyArray<{ line: number; column: number; endLine?: number; endColumn?: number }>) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  for (const d of diagnostics) {
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines.length, `line ${d.line} of ${lines.length}`).toBe(true);
    expect(d.column >= 1 && d.column <= (lines[d.line - 1]?.length ?? 0) + 1, `column ${d.column} on line ${d.line}`).toBe(true);
    const endLine = d.endLine ?? d.line;
    const endColumn = d.endColumn ?? d.column;
    expect(endLine > d.line || (endLine === d.line && endColumn >= d.column), 'end after start').toBe(true);
    expect(endLine <= lines.length && endColumn <= (lines[endLine - 1]?.length ?? 0) + 1, `end ${endLine}:${endColumn}`).toBe(true);
  }
}

describe('lint on mutated files', () => {
  // Runs are few in the test suite; `npm run fuzz` runs thousands (QBANK_FUZZ_RUNS, and a fresh
  // QBANK_FUZZ_SEED). Time is never asserted (shared machines are noisy): speed is measured by
  // `npm run bench:lint`.
  it('never throws and gives valid positions', () => {
    fc.assert(
      fc.property(mutation, ({ seed, steps }) => {
        let lines = (seeds[seed] as string).split('\n');
        for (const { kind, pick, extra } of steps) lines = (MUTATIONS[kind] as Mutation)(lines, pick, extra);
        const text = lines.join('\n');
        const result = lintText(text, 'q.md', { services });
        const fixed = lintText(text, 'q.md', { services, fix: true });
        assertValidPositions(text, result.diagnostics);
        assertValidPositions(fixed.output ?? text, fixed.diagnostics);
        for (const d of result.diagnostics) {
          expect(d.message.length).toBeGreaterThan(0);
          expect(['error', 'warning']).toContain(d.severity);
        }
        if (result.question) lintBankEntries([bankEntry(result.question, { signatures: true })]);
      }),
      { numRuns: FUZZ_RUNS, ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }) },
    );
  });
});

// The hostile shapes at a quarter of the sizes in the suite (each still past its cap),
// at full size under `npm run fuzz`. Time is not asserted: the work is bounded by construction,
// and what remark is handed is checked against the caps; `npm run bench:hostile` has the times.
const HOSTILE_SCALE = Number(process.env.QBANK_HOSTILE_SCALE ?? (process.env.QBANK_FUZZ_RUNS ? 1 : 0.25));
const USABLE = new Set(['unknown-section-long-word', 'plain-prose-900k']);

describe('lint on the hostile shapes of issue 13', () => {
  it.each(HOSTILE_SHAPES.map((shape) => [shape.name, shape] as const))('%s', (name, shape) => {
    const text = shape.build(HOSTILE_SCALE);
    const result = lintText(text, 'q.md', { services });
    assertValidPositions(text, result.diagnostics);
    const fixed = lintText(text, 'q.md', { services, fix: true });
    assertValidPositions(fixed.output ?? text, fixed.diagnostics);
    const perRule = new Map<string, number>();
    for (const d of result.diagnostics) perRule.set(d.ruleId, (perRule.get(d.ruleId) ?? 0) + 1);
    for (const [ruleId, count] of perRule) expect(count, ruleId).toBeLessThanOrEqual(MAX_FINDINGS_PER_RULE + 1);

    const body = text.slice(readFrontmatter(text).bodyOffset);
    const { work } = readMarkdown(body);
    expect(work.remarkLines).toBeLessThanOrEqual(MAX_COMPLEX_LINES);
    expect(work.remarkChars).toBeLessThanOrEqual(MAX_COMPLEX_CHARS);
    expect(work.markWork).toBeLessThanOrEqual(MAX_MARK_WORK);

    const parsed = parseQuestion(text, 'q.md');
    if (USABLE.has(name)) {
      expect(parsed.usable, 'a usable file').toBe(true);
      // What `show --rubric` prints: every line within the width (wrapped in linear time).
      const shown = renderQuestion(parsed.question!, { rubric: true, style: createStyle({ write: () => true, isTTY: false }, {}), width: 80 });
      for (const line of shown.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    } else {
      expect(result.diagnostics.some((d) => d.ruleId === 'file-too-complex'), 'a file-too-complex error').toBe(true);
      expect(parsed.usable).toBe(false);
    }
  });
});
