import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_FINDINGS_PER_RULE } from '../../src/core/lint/findings-cap.js';
import type { RuleServices } from '../../src/core/lint/rule.js';
import { blockingErrors, lintParsed } from '../../src/core/lint/run.js';
import {
  MAX_BLOCK_LINES,
  MAX_BLOCK_MARKS,
  MAX_BODY_LINES,
  MAX_COMPLEX_LINES,
  MAX_CONCEPT_NAME_CHARS,
  MAX_CONCEPTS_PER_PART,
  MAX_FIELD_CHARS,
  MAX_FRONTMATTER_CHARS,
  MAX_FRONTMATTER_DEPTH,
  MAX_FRONTMATTER_KEYS,
  MAX_INDENT_COLUMNS,
  MAX_KEYWORD_CHARS,
  MAX_KEYWORDS_PER_PART,
  MAX_LINE_CONTAINERS,
  MAX_LIST_ITEMS,
  MAX_RUBRIC_TEXT_CHARS,
  MAX_TEXT_BLOCK_CHARS,
  MAX_TITLE_CHARS,
} from '../../src/core/parse/limits.js';
import { parseQuestion } from '../../src/core/parse/parse-question.js';
import { fixture } from '../helpers/fixtures.js';
import { edit, positionOf, testServices } from './lint-helpers.js';

/**
 * Each cap on what qbank reads (src/core/parse/limits.ts): a file just past it gets one
 * `file-too-complex` error where it goes past (line and column asserted), the file stays out of
 * the bank, and a file just within it gets none.
 */
const valid = fixture('valid-subjective.md');
const at = positionOf;
const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('\n');
const inMainQuestion = (block: string) => edit(valid, [['size its worker pool?"\n', `size its worker pool?"\n\n${block}\n`]]);
/** A question with `block` in a section qbank does not know (so no cap on the text of a section applies). */
const inNotes = (block: string) => edit(valid, [['## metadata\n', `## notes\n${block}\n\n## metadata\n`]]);
/** 1-based line and column of an offset. */
const positionAt = (text: string, offset: number): [number, number] => {
  const before = text.slice(0, offset).split('\n');
  return [before.length, (before[before.length - 1] ?? '').length + 1];
};
/** Lines of the fixture's frontmatter, closing `---` included. */
const FRONTMATTER_LINES = valid.slice(0, valid.indexOf('\n---\n', 3) + 5).split('\n').length - 1;
/** Lines after the frontmatter (a last line break ends the last line). */
const bodyLines = (text: string) => text.replace(/\n$/, '').split('\n').length - FRONTMATTER_LINES;
/** The fixture with bullets in a notes section, `count` lines after the frontmatter in all. */
const notesOfBodyLines = (count: number) => {
  const around = bodyLines(inNotes(lines(1, () => '- n'))) - 1;
  return inNotes(lines(count - around, (i) => `- n${i}`));
};
/** Keys and list items in the fixture's frontmatter before the ones a case adds. */
const FIXTURE_KEYS = 9;

interface Case {
  name: string;
  text: string;
  /** [line, column] of each file-too-complex finding; empty within the cap. */
  expected: Array<[number, number]>;
  /** A word the message must hold (the cap, as written in it). */
  says?: string;
}

const quotes = (depth: number) => `${'> '.repeat(depth)}deep`;
const deepQuote = inMainQuestion(quotes(MAX_LINE_CONTAINERS + 1));
const deepIndent = inMainQuestion(`- a\n${' '.repeat(MAX_INDENT_COLUMNS + 1)}- b`);
const longBlock = inMainQuestion(lines(MAX_BLOCK_LINES + 1, (i) => `> line ${i}`));
const markedBlock = inMainQuestion(`> ${'*a '.repeat(MAX_BLOCK_MARKS + 1)}`);
const overBudget = inNotes(lines(Math.ceil(MAX_COMPLEX_LINES / 3) + 1, (i) => `> a${i}\n> b\n> c\n`));
const bigFrontmatter = edit(valid, [['day: 3\n', `day: 3\nnotes: "${'x'.repeat(MAX_FRONTMATTER_CHARS)}"\n`]]);
const deepFrontmatter = edit(valid, [['day: 3\n', `day: 3\nnested: ${'['.repeat(MAX_FRONTMATTER_DEPTH + 1)}${']'.repeat(MAX_FRONTMATTER_DEPTH + 1)}\n`]]);
const manyKeys = edit(valid, [['day: 3\n', `day: 3\n${lines(MAX_FRONTMATTER_KEYS, (i) => `k${i}: v`)}\n`]]);
const longName = edit(valid, [['- **Headroom**:', `- **Head${'.'.repeat(MAX_CONCEPT_NAME_CHARS)}room**:`]]);
const longDescription = edit(valid, [['Size the pool above the average to absorb bursts', `Size ${'the pool '.repeat(MAX_RUBRIC_TEXT_CHARS / 9 + 1)}`]]);
const longKeyword = edit(valid, [['arrival rate, concurrency', `arrival${'r'.repeat(MAX_KEYWORD_CHARS)}, concurrency`]]);
const manyKeywords = edit(valid, [['- Related: queueing, p99, burst', `- Related: ${lines(MAX_KEYWORDS_PER_PART + 1, (i) => `kw${i}`).replaceAll('\n', ', ')}`]]);
const manyConcepts = edit(valid, [['- **Tail Latency**:', `${lines(MAX_CONCEPTS_PER_PART, (i) => `- **Concept ${i}**: idea ${i}`)}\n- **Tail Latency**:`]]);
const manyMistakes = edit(valid, [['- Confusing throughput with latency\n', `- Confusing throughput with latency\n${lines(MAX_LIST_ITEMS - 1, (i) => `- mistake ${i}`)}\n`]]);
const longQuestion = edit(valid, [['"A service receives', `"${'A service receives. '.repeat(MAX_TEXT_BLOCK_CHARS / 20 + 1)}`]]);
const longTitle = edit(valid, [['Sizing a Worker Pool', `Sizing ${'a '.repeat(MAX_TITLE_CHARS / 2)}Pool`]]);
const longTopic = edit(valid, [['topic: performance', `topic: perf${'o'.repeat(MAX_FIELD_CHARS)}`]]);

const CASES: Record<string, Case[]> = {
  bodyLines: [
    { name: `a body of ${MAX_BODY_LINES.toLocaleString('en')} lines`, text: notesOfBodyLines(MAX_BODY_LINES), expected: [] },
    { name: 'one more: where the rest starts', text: notesOfBodyLines(MAX_BODY_LINES + 1), expected: [[FRONTMATTER_LINES + MAX_BODY_LINES + 1, 1]], says: `${MAX_BODY_LINES.toLocaleString('en')} as markdown` },
  ],
  containers: [
    { name: `${MAX_LINE_CONTAINERS} quotes on a line`, text: inMainQuestion(quotes(MAX_LINE_CONTAINERS)), expected: [] },
    { name: `${MAX_LINE_CONTAINERS + 1}: at the marker past the cap`, text: deepQuote, expected: [at(deepQuote, '> '.repeat(MAX_LINE_CONTAINERS + 1), 2 * MAX_LINE_CONTAINERS)], says: `at most ${MAX_LINE_CONTAINERS}` },
  ],
  indent: [
    { name: `indented ${MAX_INDENT_COLUMNS} columns`, text: inMainQuestion(`- a\n${' '.repeat(MAX_INDENT_COLUMNS)}b`), expected: [] },
    { name: `indented ${MAX_INDENT_COLUMNS + 1}: at the column past the cap`, text: deepIndent, expected: [[at(deepIndent, '- b')[0], MAX_INDENT_COLUMNS + 1]], says: `${MAX_INDENT_COLUMNS + 1} columns` },
  ],
  blockLines: [
    { name: `a quote of ${MAX_BLOCK_LINES} lines`, text: inMainQuestion(lines(MAX_BLOCK_LINES, (i) => `> line ${i}`)), expected: [] },
    { name: 'one more: at the start of the block', text: longBlock, expected: [at(longBlock, '> line 0')], says: `${MAX_BLOCK_LINES + 1} lines` },
    { name: 'a plain list of any length is read by the fast reader', text: inMainQuestion(lines(MAX_BLOCK_LINES * 3, (i) => `- item ${i}`)), expected: [] },
  ],
  blockMarks: [
    { name: `${MAX_BLOCK_MARKS} marks in a quote`, text: inMainQuestion(`> ${'*a '.repeat(MAX_BLOCK_MARKS)}`), expected: [] },
    { name: 'one more: at the start of the block', text: markedBlock, expected: [at(markedBlock, '> *a')], says: `${(MAX_BLOCK_MARKS + 1).toLocaleString('en')} emphasis` },
  ],
  budget: [
    { name: 'the block past the file budget, once', text: overBudget, expected: [at(overBudget, `> a${Math.floor(MAX_COMPLEX_LINES / 3)}\n`)], says: `${MAX_COMPLEX_LINES.toLocaleString('en')} lines` },
  ],
  frontmatterSize: [
    { name: `a frontmatter of more than ${MAX_FRONTMATTER_CHARS / 1024} KB: where it goes past`, text: bigFrontmatter, expected: [positionAt(bigFrontmatter, '---'.length + MAX_FRONTMATTER_CHARS)], says: `${MAX_FRONTMATTER_CHARS / 1024} KB` },
  ],
  frontmatterDepth: [
    { name: `${MAX_FRONTMATTER_DEPTH} levels of [`, text: edit(valid, [['day: 3\n', `day: 3\nnested: ${'['.repeat(MAX_FRONTMATTER_DEPTH)}${']'.repeat(MAX_FRONTMATTER_DEPTH)}\n`]]), expected: [] },
    { name: 'one more: at the bracket past the cap', text: deepFrontmatter, expected: [at(deepFrontmatter, 'nested: [', 8 + MAX_FRONTMATTER_DEPTH)] },
  ],
  frontmatterKeys: [
    { name: `${MAX_FRONTMATTER_KEYS} keys (the fixture's and the added ones, just past)`, text: manyKeys, expected: [at(manyKeys, `\nk${MAX_FRONTMATTER_KEYS - FIXTURE_KEYS}: v`, 1)], says: `${MAX_FRONTMATTER_KEYS.toLocaleString('en')} keys` },
  ],
  conceptName: [
    { name: 'a short name', text: valid, expected: [] },
    { name: 'a name past the cap: at the name', text: longName, expected: [at(longName, '**Head', 0)], says: `first ${MAX_CONCEPT_NAME_CHARS}` },
  ],
  rubricText: [
    { name: 'a description past the cap: at the concept', text: longDescription, expected: [at(longDescription, '- **Headroom**')] },
  ],
  keyword: [
    { name: 'a keyword past the cap: at the keyword', text: longKeyword, expected: [at(longKeyword, 'arrivalr')] },
  ],
  keywords: [
    { name: `${MAX_KEYWORDS_PER_PART + 1} keywords: at the first left out`, text: manyKeywords, expected: [at(manyKeywords, `, kw${MAX_KEYWORDS_PER_PART}\n`, 2)], says: `first ${MAX_KEYWORDS_PER_PART}` },
  ],
  concepts: [
    { name: `${MAX_CONCEPTS_PER_PART + 2} bonus concepts: at the first left out`, text: manyConcepts, expected: [at(manyConcepts, `- **Concept ${MAX_CONCEPTS_PER_PART - 1}**`)] },
  ],
  listItems: [
    { name: `${MAX_LIST_ITEMS + 1} common mistakes: at the first left out`, text: manyMistakes, expected: [at(manyMistakes, `- mistake ${MAX_LIST_ITEMS - 2}\n`)], says: 'common_mistakes' },
  ],
  textBlock: [
    { name: 'a main question past the cap: at the question', text: longQuestion, expected: [at(longQuestion, '"A service receives')] },
    { name: 'a title past the cap: at the title', text: longTitle, expected: [at(longTitle, 'question_title')] },
  ],
  field: [
    { name: 'a topic past the cap: at the key', text: longTopic, expected: [at(longTopic, 'topic: perf')] },
  ],
};

let services: RuleServices;
beforeAll(async () => {
  services = await testServices();
});

describe('file-too-complex: each cap on what qbank reads', () => {
  for (const [messageId, list] of Object.entries(CASES)) {
    describe(messageId, () => {
      it.each(list.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        const parsed = parseQuestion(c.text, 'q.md');
        const found = lintParsed(parsed, 'q.md', { services }).filter((d) => d.ruleId === 'file-too-complex');
        expect(found.map((d) => [d.line, d.column])).toEqual(c.expected);
        expect(found.every((d) => d.severity === 'error')).toBe(true);
        if (c.says) expect(found[0]?.message).toContain(c.says);
        // Past a cap, the file is not served: what qbank read of it is not what was written.
        if (c.expected.length > 0) expect(parsed.usable).toBe(false);
      });
    });
  }
});

describe('findings past the cap per rule', () => {
  it(`keeps the first ${MAX_FINDINGS_PER_RULE} of a rule in a file and sums up the rest where they start`, () => {
    const count = MAX_FINDINGS_PER_RULE + 50;
    const text = edit(valid, [['- Confusing throughput with latency\n', `- Confusing throughput with latency\n${lines(count, (i) => `- it isnâ€™t ${i}`)}\n`]]);
    const found = lintParsed(parseQuestion(text, 'q.md'), 'q.md', { services }).filter((d) => d.ruleId === 'text-mojibake');
    expect(found).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    const summary = found.find((d) => d.message.startsWith('…'));
    expect(summary?.message).toBe(`… and 50 more text-mojibake findings in this file (qbank lists the first ${MAX_FINDINGS_PER_RULE} of a rule); fix these and lint again`);
    expect([summary?.line, summary?.column]).toEqual(positionOf(text, `- it isnâ€™t ${MAX_FINDINGS_PER_RULE}\n`, 'it isn'.length + 2));
    expect(summary?.fix).toBeUndefined();
  });
});

describe('repeated frontmatter keys', () => {
  it('are found in one pass, each repeat where it is written', () => {
    const text = edit(valid, [['day: 3\n', `day: 3\n${lines(2_000, (i) => `k${i % 1_000}: v`)}\n`]]);
    const parsed = parseQuestion(text, 'q.md');
    // The errors that keep the file out of a bank list every repeat (lint shows the first 100).
    const repeats = blockingErrors(parsed, 'q.md').filter((d) => d.ruleId === 'frontmatter-yaml');
    expect(repeats).toHaveLength(1_000);
    expect([repeats[0]?.line, repeats[0]?.column]).toEqual(at(text, 'k0: v\nk1: v\n', 0).map((v, i) => (i === 0 ? v + 1_000 : v)));
    expect(repeats[0]?.message).toBe('YAML syntax error in the frontmatter: map keys must be unique');
  });
});
