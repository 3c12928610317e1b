import type { Frontmatter } from '../model/frontmatter.js';
import type { McqOption, McqQuestion } from '../model/mcq.js';
import type { TextBlock } from '../model/elements.js';
import { itemSource, listItems, readTextBlock, unquote } from './section-readers.js';
import type { ParseFact } from './facts.js';
import { SectionIndex } from './section-index.js';
import type { RawSection } from './sections.js';
import type { NodePositions } from './node-positions.js';

// `A) text`, `A. text`, `(A) text`, `**A)** text`.
const OPTION = /^\**\(?([A-Za-z])[).:]\**\s+([\s\S]*)$/;
const ANSWER = /^\**\(?([A-Za-z])\b/;

/** Builds the model of a multiple-choice question from its sections. */
export function buildMcq(
  frontmatter: Frontmatter,
  sections: readonly RawSection[],
  source: NodePositions,
  file: string,
): { question: McqQuestion; facts: ParseFact[] } {
  const index = new SectionIndex(sections);
  const facts: ParseFact[] = [];
  const text = (key: string): TextBlock | undefined => {
    const raw = index.get(key);
    return raw ? readTextBlock(raw.nodes, source) : undefined;
  };

  const options: McqOption[] = [];
  const optionsSection = index.get('options');
  if (optionsSection) {
    const { items, other } = listItems(optionsSection.nodes);
    for (const node of other) facts.push({ fact: 'content-unread', span: source.nodeSpan(node), data: { key: 'options', form: 'options' } });
    for (const item of items) {
      const { text: itemText } = itemSource(item, source);
      const match = OPTION.exec(itemText);
      if (!match?.[1] || match[2] === undefined) {
        facts.push({ fact: 'option-unreadable', span: source.nodeSpan(item), data: {} });
        continue;
      }
      const letter = match[1].toUpperCase();
      if (options.some((option) => option.letter === letter)) {
        facts.push({ fact: 'option-repeated', span: source.nodeSpan(item), data: { letter } });
        continue;
      }
      options.push({ letter, text: match[2].trim(), span: source.nodeSpan(item) });
    }
    if (options.length < 2) {
      facts.push({ fact: 'options-too-few', span: optionsSection.section.span, data: { count: options.length } });
    }
  }

  let answer: McqQuestion['answer'];
  const answerSection = index.get('answer');
  const answerBlock = answerSection ? readTextBlock(answerSection.nodes, source) : undefined;
  if (answerSection && answerBlock) {
    const match = ANSWER.exec(unquote(answerBlock.text).text);
    const letter = match?.[1]?.toUpperCase();
    if (!letter) {
      facts.push({ fact: 'answer-without-letter', span: answerBlock.span, data: {} });
    } else {
      answer = { letter, span: answerBlock.span };
      if (options.length > 0 && !options.some((option) => option.letter === letter)) {
        facts.push({ fact: 'answer-not-an-option', span: answerBlock.span, data: { letter, options: options.map((o) => o.letter) } });
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
    facts,
  };
}
