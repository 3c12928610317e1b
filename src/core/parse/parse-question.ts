import { blockingErrors } from '../lint/run.js';
import type { Question } from '../model/question.js';
import { isKnownSectionKey } from '../model/section-keys.js';
import { buildMcq } from './build-mcq.js';
import { buildSubjective } from './build-subjective.js';
import type { ParseFact } from './facts.js';
import { readFrontmatter } from './frontmatter.js';
import { validateFrontmatter } from './frontmatter-model.js';
import { readMarkdown, type MarkdownEngine } from './markdown.js';
import { limitQuestion } from './model-limits.js';
import { splitSections } from './sections.js';
import { NodePositions } from './node-positions.js';
import { normaliseSourceText } from './source-text.js';

/** What reading one question file gives: the model when it could be built, and what the parser saw. */
export interface ParsedQuestion {
  /** The model; undefined when the frontmatter is missing or invalid. */
  question: Question | undefined;
  /** What reading the file saw, in the order it saw it; lint rules turn these into findings. */
  facts: ParseFact[];
  /** The text as parsed (BOM dropped, line breaks as LF). */
  text: string;
  /**
   * True when nothing keeps the file out of a bank: no error from the parser or a structural
   * lint rule (`blockingErrors` lists them). Only such files are served.
   */
  usable: boolean;
}

/** Parses a question file's text. Pure: `file` is only a label for diagnostics. Never throws. */
export function parseQuestion(rawText: string, file: string, options: { markdown?: MarkdownEngine } = {}): ParsedQuestion {
  const text = normaliseSourceText(rawText);
  const block = readFrontmatter(text);
  const facts = [...block.facts];

  const source = new NodePositions(text, block.bodyOffset);
  const markdown = readMarkdown(text.slice(block.bodyOffset), options.markdown);
  for (const { messageId, data, start, end } of markdown.findings) {
    facts.push({ fact: 'over-limit', span: source.span(block.bodyOffset + start, block.bodyOffset + end), data: { limit: messageId, values: data } });
  }
  const root = withoutComments(markdown.root);
  const declared = block.data?.type;
  const type = declared === 'mcq' || (declared === undefined && hasOptionsHeading(root.children)) ? 'mcq' : 'subjective';
  const { sections } = splitSections(root, source, (key) => isKnownSectionKey(type, key));

  let question: Question | undefined;
  if (block.data) {
    const { frontmatter, facts: found } = validateFrontmatter(block, block.data, type);
    for (const fact of found) facts.push(fact);
    if (frontmatter) {
      const built =
        type === 'mcq' ? buildMcq(frontmatter, sections, source, file) : buildSubjective(frontmatter, sections, source, file);
      question = built.question;
      // Loops, not push(...list): a file can hold a hundred thousand facts.
      for (const fact of built.facts) facts.push(fact);
      for (const { messageId, data, span } of limitQuestion(question)) facts.push({ fact: 'over-limit', span, data: { limit: messageId, values: data } });
    }
  }
  return { question, facts, text, usable: question !== undefined && blockingErrors({ question, facts, text }, file).length === 0 };
}

function hasOptionsHeading(nodes: ReadonlyArray<{ type: string; depth?: number; children?: unknown }>): boolean {
  return nodes.some((node) => {
    if (node.type !== 'heading') return false;
    const children = node.children as Array<{ type: string; value?: string }>;
    return children.length === 1 && children[0]?.type === 'text' && children[0].value?.trim().toLowerCase() === 'options';
  });
}

/**
 * The tree without HTML comments between blocks (`<!-- qbank-disable … -->`, an author's note):
 * they are never content, wherever they stand, so no section reports them as text it cannot read.
 */
function withoutComments<T extends { children: Array<{ type: string; value?: string }> }>(root: T): T {
  if (!root.children.some(isComment)) return root;
  return { ...root, children: root.children.filter((node) => !isComment(node)) };
}

/** Whether a node is HTML made of comments only (checked in one pass: an HTML block can be long). */
function isComment(node: { type: string; value?: string }): boolean {
  if (node.type !== 'html') return false;
  const value = node.value ?? '';
  let at = 0;
  for (;;) {
    while (at < value.length && /\s/.test(value.charAt(at))) at++;
    if (at === value.length) return at > 0 || value.length > 0;
    if (!value.startsWith('<!--', at)) return false;
    const end = value.indexOf('-->', at + 4);
    if (end === -1) return false;
    at = end + 3;
  }
}
