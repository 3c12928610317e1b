import type { Diagnostic } from '../model/diagnostic.js';
import { diagnosticAt } from '../model/diagnostic.js';
import type { Frontmatter } from '../model/frontmatter.js';
import type { McqOption, McqQuestion } from '../model/mcq.js';
import type { TextBlock } from '../model/elements.js';
import { itemSource, listItems, readTextBlock, unquote } from './blocks.js';
import { SectionIndex } from './section-index.js';
import type { RawSection } from './sections.js';
import type { SourceMap } from './source-map.js';

// `A) text`, `A. text`, `(A) text`, `**A)** text`.
const OPTION = /^\**\(?([A-Za-z])[).:]\**\s+([\s\S]*)$/;
const ANSWER = /^\**\(?([A-Za-z])\b/;

/** Builds the model of a multiple-choice question from its sections. */
export function buildMcq(
  frontmatter: Frontmatter,
  sections: readonly RawSection[],
  source: SourceMap,
  file: string,
): { question: McqQuestion; diagnostics: Diagnostic[] } {
  const index = new SectionIndex(sections);
  const diagnostics: Diagnostic[] = [];
  const text = (key: string): TextBlock | undefined => {
    const raw = index.get(key);
    return raw ? readTextBlock(raw.nodes, source) : undefined;
  };

  const options: McqOption[] = [];
  const optionsSection = index.get('options');
  if (optionsSection) {
    const { items, other } = listItems(optionsSection.nodes);
    for (const node of other) {
      diagnostics.push(
        diagnosticAt(file, source.nodeSpan(node), 'section-content', 'warning', 'Content in "options" that qbank cannot read; write each option as "- A) text"'),
      );
    }
    for (const item of items) {
      const { text: itemText } = itemSource(item, source);
      const match = OPTION.exec(itemText);
      if (!match?.[1] || match[2] === undefined) {
        diagnostics.push(
          diagnosticAt(file, source.nodeSpan(item), 'mcq-option-format', 'error', 'Write each option as "- A) text", with one letter per option'),
        );
        continue;
      }
      const letter = match[1].toUpperCase();
      if (options.some((option) => option.letter === letter)) {
        diagnostics.push(
          diagnosticAt(file, source.nodeSpan(item), 'mcq-option-format', 'error', `Option ${letter} is listed twice; give each option its own letter`),
        );
        continue;
      }
      options.push({ letter, text: match[2].trim(), span: source.nodeSpan(item) });
    }
    if (options.length < 2) {
      diagnostics.push(
        diagnosticAt(file, optionsSection.section.span, 'mcq-option-format', 'error', `A multiple-choice question needs at least 2 options; found ${options.length}`),
      );
    }
  }

  let answer: McqQuestion['answer'];
  const answerSection = index.get('answer');
  const answerBlock = answerSection ? readTextBlock(answerSection.nodes, source) : undefined;
  if (answerSection && answerBlock) {
    const match = ANSWER.exec(unquote(answerBlock.text).text);
    const letter = match?.[1]?.toUpperCase();
    if (!letter) {
      diagnostics.push(diagnosticAt(file, answerBlock.span, 'mcq-answer', 'error', 'The answer must start with the letter of the right option, such as "B"'));
    } else {
      answer = { letter, span: answerBlock.span };
      if (options.length > 0 && !options.some((option) => option.letter === letter)) {
        diagnostics.push(
          diagnosticAt(file, answerBlock.span, 'mcq-answer', 'error',
            `The answer "${letter}" is not one of the options (${options.map((o) => o.letter).join(', ')}); use one of their letters`),
        );
      }
    }
  }

  const title = sections.find((raw) => raw.section.key === 'question_title')?.section;

  return {
    question: {
      type: 'mcq',
      file,
      frontmatter,
      title: title?.label ? { text: title.label, quoted: false, span: title.textSpan } : undefined,
      question: text('question'),
      options,
      answer,
      explanation: text('explanation'),
      hook: text('hook'),
      sections: sections.map((raw) => raw.section),
    },
    diagnostics,
  };
}
