import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuestionFiles } from '../../src/adapters/question-files.js';
import { parseSimpleMarkdown } from '../../src/core/parse/fast-markdown.js';
import { parseQuestion } from '../../src/core/parse/parse-question.js';
import { FIXTURES, REPO_ROOT, SEED_QUESTION_FILES, mutated, seedsPresent } from '../helpers/fixtures.js';
import { writeCorpus } from '../bench/lint-corpus.js';

/** The same file read through the fast reader (when it takes it) and through remark. */
function sameAsRemark(text: string, file = 'q.md'): void {
  const fast = parseQuestion(text, file, { markdown: 'auto' });
  const remark = parseQuestion(text, file, { markdown: 'remark' });
  expect(fast).toEqual(remark);
}

describe('the fast markdown reader', () => {
  it('reads the bank, the fixtures and the seed question files exactly as remark does', async () => {
    const files = [...(await findQuestionFiles([path.join(REPO_ROOT, 'questions'), FIXTURES])), ...(seedsPresent ? SEED_QUESTION_FILES : [])];
    let taken = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (parseSimpleMarkdown(text.replace(/^---[\s\S]*?\n---\n/, ''))) taken++;
      sameAsRemark(text, file);
    }
    expect(taken).toBeGreaterThan(files.length * 0.9);
  });

  it('reads concepts in the looser forms, and bullets under the part headings, exactly as remark does', () => {
    const texts = [
      mutated([['- **Headroom**: Size', '- Headroom: Size'], ['- **Tail Latency**: Percentiles matter more than the mean', '- Percentiles matter more than the mean']]),
      mutated([['### mandatory_concepts\n', ''], ['### bonus_concepts\n', '']]),
      mutated([['### mandatory_concepts\n', '- **Stray**: under the container\n- Another: plain\n\nA paragraph.\n\n### mandatory_concepts\n']]),
      mutated([['- **Headroom**: Size the pool above the average to absorb bursts', '- Keep a 3:1 ratio of workers: more than eight words before this colon here: x']]),
    ];
    for (const text of texts) {
      expect(parseSimpleMarkdown(text.replace(/^---[\s\S]*?\n---\n/, ''))).toBeDefined();
      sameAsRemark(text);
    }
  });

  it('reads a generated corpus exactly as remark does', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-fast-'));
    try {
      for (const file of writeCorpus(dir, 150, 7)) sameAsRemark(readFileSync(file, 'utf8'), file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['a fenced code block', 'text\n\n```\ncode\n```\n'],
    ['an HTML block', '<!-- qbank-disable todo -->\n'],
    ['a block quote', '> quoted\n'],
    ['an ordered list', '1. first\n2. second\n'],
    ['a nested list', '- outer\n  - inner\n'],
    ['a setext heading', 'Title\n-----\n'],
    ['a thematic break', 'a\n\n***\n'],
    ['a tab', '- \tindented\n'],
    ['an underscore label', '__Name__: text\n'],
    ['a bold run that is not right-flanking', '**Name:**text\n'],
    ['an indented code block', 'para\n\n    code\n'],
    ['a heading with a closing sequence', '## title ##\n'],
  ])('leaves %s to remark', (_name, body) => {
    expect(parseSimpleMarkdown(body)).toBeUndefined();
  });

  it('agrees with remark on random files made of the shapes it reads', () => {
    const word = fc.constantFrom('alpha', 'beta', 'p99', '10,000', 'ms', '"quoted"', 'a:b', '(x, y)', '**', 'C#', '-', '#', 'wait…', 'café', '`code`', '[link]', '\\*', '*', '_x_', '&amp;', '<b>', '1.', '- ', '  ', '\\', '**bold**', '__u__', ':', '`', 'x**y');
    const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    const line = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 3 }), words).map(([d, t]) => `${'#'.repeat(d)} ${t}`),
      words.map((t) => `- **${t.replace(/[*_`\\&<[\]!]/g, 'x').trim() || 'x'}**: ${t}`),
      words.map((t) => `- ${t}`),
      words,
      words.map((t) => `  ${t}`),
      fc.constant(''),
      fc.constant('   '),
      words.map((t) => `**Question**: "${t}"`),
      words.map((t) => `- **${t}**: tail`),
      words.map((t) => `**${t}**${t}`),
    );
    const frontmatter = '---\nid: random\ntype: subjective\nlevel: L3\ncategory: baseline\ntopic: t\nsubtopic: s\nestimated_time: 5 minutes\n---\n';
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        sameAsRemark(`${frontmatter}# question_title - Random\n\n${lines.join('\n')}\n`);
      }),
      { numRuns: Number(process.env.QBANK_FUZZ_RUNS ?? 300) },
    );
  });
});
