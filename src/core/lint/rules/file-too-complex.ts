import type { ReadLimit } from '../../parse/facts.js';
import { createRule } from '../create-rule.js';

/**
 * The parser reports the facts (a cap of `parse/limits.ts` it went past: `over-limit`), and the
 * lint worker pool uses `workerStopped` and `outOfMemory` when checking a file stopped a worker.
 */
export const fileTooComplex = createRule({
  id: 'file-too-complex',
  severity: 'error',
  description: 'A question file stays within what qbank reads: nesting, block sizes, marks, keys, keywords and text lengths (so any file is checked in bounded time and memory).',
  structural: true,
  messages: {
    bodyLines: 'The file has {{count}} lines after its frontmatter; qbank reads {{max}} as markdown and the rest, from here, as one paragraph of plain text; split the file',
    containers: 'This line opens {{count}} nested quotes or lists; qbank reads at most {{max}} at the start of a line, so this block is read as plain text; flatten the nesting',
    indent: 'This line is indented {{count}} columns; qbank reads at most {{max}}, so this block is read as plain text; indent it less',
    blockLines: 'This block has {{count}} lines of markdown outside the plain subset (headings, paragraphs, "- " lists) with no blank line before an unindented line; qbank reads at most {{max}} in one block, so it is read as plain text; add blank lines or write it more simply',
    blockMarks: 'This block has {{count}} emphasis, link or code marks (*, _, [, ], `, <); qbank reads at most {{max}} in one block, so it is read as plain text; remove marks or split the block with blank lines',
    budget: 'The file holds more markdown outside the plain subset (headings, paragraphs, "- " lists) than qbank reads in one file ({{max}}); from this block on it is read as plain text; write it more simply or split the file',
    frontmatterSize: 'The frontmatter is {{count}} KB; qbank reads at most {{max}} KB of it, so it does not read this frontmatter; keep the YAML keys short and move the rest to the sections',
    frontmatterDepth: 'The frontmatter nests more than {{max}} levels of [ and {; qbank does not read it; flatten it',
    frontmatterKeys: 'The frontmatter has more than {{max}} keys; qbank reads no more, so it does not read this frontmatter; remove keys from here on',
    conceptName: 'This concept name is {{count}} characters long; qbank reads the first {{max}}; shorten the name and put the detail in the description',
    rubricText: 'This rubric text is {{count}} characters long; qbank reads the first {{max}}; shorten it',
    textBlock: 'The text of "{{section}}" is {{count}} characters long; qbank reads the first {{max}}; shorten it',
    field: 'This frontmatter text is {{count}} characters long; qbank reads the first {{max}}; shorten it',
    keyword: 'This keyword is {{count}} characters long; qbank reads the first {{max}}; shorten it',
    keywords: 'This part of the rubric has {{count}} keywords; qbank reads the first {{max}} and ignores the rest from here on; keep the keywords that matter',
    concepts: 'This part of the rubric has {{count}} concepts; qbank reads the first {{max}} and ignores the rest from here on; keep the concepts that matter',
    listItems: '"{{section}}" has {{count}} items; qbank reads the first {{max}} and ignores the rest from here on; keep the items that matter',
    workerStopped: 'Checking this file stopped a lint worker, so it was not checked; simplify it, or run "qbank lint --concurrency off" on it to see what fails',
    outOfMemory: 'Checking this file ran out of memory, so it was not checked; simplify it (qbank lint --concurrency off checks it without the worker threads\' memory cap)',
  } satisfies Record<ReadLimit, string> & Record<'workerStopped' | 'outOfMemory', string>,
  facts: {
    'over-limit': (fact, context) => {
      // Numbers with thousands separators: caps run to the hundred thousands.
      const data: Record<string, string> = {};
      for (const [key, value] of Object.entries(fact.data.values)) data[key] = typeof value === 'number' ? value.toLocaleString('en') : value;
      context.report({ messageId: fact.data.limit, span: fact.span, data });
    },
  },
});
