import type { ListItem, RootContent } from 'mdast';
import type {
  BarRaiser,
  Exercise,
  FollowUp,
  FollowUpTier,
  LevelStep,
  MetadataEntry,
  Probe,
  RubricPart,
  TextBlock,
} from '../model/elements.js';
import type { Frontmatter } from '../model/frontmatter.js';
import { isLevel } from '../model/level.js';
import type { Span } from '../model/position.js';
import { EXERCISE_KEY } from '../model/section-keys.js';
import type { SubjectiveQuestion } from '../model/subjective.js';
import {
  listItems,
  readBoldConcept,
  readBullets,
  readConcepts,
  readFields,
  readKeywordGroups,
  readTextBlock,
  snakeKey,
  splitItems,
  unquote,
  type LabelledField,
} from './section-readers.js';
import type { ContentForm, ParseFact } from './facts.js';
import { SectionIndex } from './section-index.js';
import type { RawSection } from './sections.js';
import type { NodePositions } from './node-positions.js';

// `L4→L5`, `L4 -> L5`, and the mojibake `L4â†’L5` that some editors produce from `→`.
const LEVEL_STEP = /(L\d)\s*(→|->|=>|⟶|â†’)\s*(L\d)/;
const WEIGHT = /\((\d{1,3}(?:\.\d+)?)\s*%\)/;

/** Builds the model of a subjective question from its sections. */
export function buildSubjective(
  frontmatter: Frontmatter,
  sections: readonly RawSection[],
  source: NodePositions,
  file: string,
): { question: SubjectiveQuestion; facts: ParseFact[] } {
  const index = new SectionIndex(sections);
  const facts: ParseFact[] = [];
  const warnUnread = (key: string, nodes: readonly RootContent[], form: ContentForm, heading?: string) => {
    for (const node of nodes) facts.push({ fact: 'content-unread', span: source.nodeSpan(node), data: { key, form, heading } });
  };

  const text = (key: string): TextBlock | undefined => {
    const raw = index.get(key);
    return raw ? readTextBlock(raw.nodes, source) : undefined;
  };

  const part = (containerKey: string, conceptsKey: string, keywordsKey: string): RubricPart => {
    const container = index.get(containerKey);
    const result: RubricPart = {
      label: container?.section.label,
      concepts: [],
      keywords: [],
      span: container?.section.span,
    };
    if (container?.section.label) {
      const weight = locateInLabel(container, WEIGHT, source);
      if (weight) {
        result.weight = Number(weight.match[1]);
        result.weightSpan = weight.span;
      }
    }
    const conceptSection = index.get(conceptsKey);
    if (conceptSection) {
      const { items, other } = listItems(conceptSection.nodes);
      const { concepts, loose } = readConcepts(items, source);
      result.concepts = concepts;
      warnUnread(conceptsKey, other, 'concepts');
      for (const { item, concept, form } of loose) facts.push({ fact: 'concept-loose', span: source.nodeSpan(item), data: { name: concept.name, form } });
    }
    if (container) {
      // Bold concept bullets written straight under the container, with no sub-heading, are its concepts.
      const unread: RootContent[] = [];
      let first: ListItem | undefined;
      for (const node of container.nodes) {
        if (node.type !== 'list') {
          unread.push(node);
          continue;
        }
        for (const item of node.children) {
          const concept = conceptSection ? undefined : readBoldConcept(item, source);
          if (!concept) {
            unread.push(item as unknown as RootContent);
            continue;
          }
          result.concepts.push(concept);
          first ??= item;
        }
      }
      if (first) facts.push({ fact: 'concepts-without-heading', span: source.nodeSpan(first), data: { container: containerKey, heading: conceptsKey } });
      warnUnread(containerKey, unread, 'conceptsUnderHeading', conceptsKey);
    }
    const keywordSection = index.get(keywordsKey);
    if (keywordSection) {
      const { items, other } = listItems(keywordSection.nodes);
      result.keywords = readKeywordGroups(items, source);
      warnUnread(keywordsKey, other, 'keywords');
    }
    return result;
  };

  const bullets = (key: string) => {
    const raw = index.get(key);
    if (!raw) return [];
    const { items, other } = listItems(raw.nodes);
    warnUnread(key, other, 'bullets');
    return readBullets(items, source);
  };

  const followUp = (tier: FollowUpTier): FollowUp | undefined => {
    const raw = index.get(`follow_up_${tier}`);
    if (!raw) return undefined;
    const { fields, other } = readFields(raw.nodes, source);
    let question: TextBlock | undefined;
    const probes: Probe[] = [];
    for (const field of fields) {
      if (snakeKey(field.key) === 'question' && !question) question = fieldText(field);
      else probes.push(probe(field));
    }
    const unread = [...other];
    if (!question && unread[0]?.type === 'paragraph') {
      question = readTextBlock([unread[0]], source);
      unread.shift();
    }
    warnUnread(raw.section.key, unread, 'followUp');
    return { tier, label: raw.section.label, question, probes, span: raw.section.span };
  };

  const barRaiser = (): BarRaiser | undefined => {
    const raw = index.get('bar_raiser_question');
    if (!raw) return undefined;
    const found = raw.section.label ? locateInLabel(raw, LEVEL_STEP, source) : undefined;
    let step: LevelStep | undefined;
    if (found) {
      const [, from, arrow, to] = found.match;
      if (from && to && arrow && isLevel(from) && isLevel(to)) step = { from, to, arrow, span: found.span };
    }
    return {
      label: raw.section.label,
      step,
      question: readTextBlock(raw.nodes, source),
      concepts: bullets('bar_raiser_concepts'),
      span: raw.section.span,
    };
  };

  const metadata = (): MetadataEntry[] => {
    const raw = index.get('metadata');
    if (!raw) return [];
    const { fields, other } = readFields(raw.nodes, source);
    warnUnread('metadata', other, 'fields');
    return fields.map((field) => ({
      key: field.key,
      kind: snakeKey(field.key),
      value: field.value,
      items: splitItems(field.value).map((item) => item.text),
      span: field.span,
      valueSpan: field.valueSpan,
    }));
  };

  const exercises = (): Exercise[] =>
    sections
      .filter((raw) => EXERCISE_KEY.test(raw.section.key))
      .map((raw) => {
        const { fields } = readFields(raw.nodes, source);
        const byKey = (wanted: string) => fields.find((f) => snakeKey(f.key) === wanted);
        const question = byKey('question');
        const sample = byKey('sample_answer');
        return {
          number: Number(EXERCISE_KEY.exec(raw.section.key)?.[1] ?? 0),
          title: raw.section.label,
          question: question ? fieldText(question) : undefined,
          sampleAnswer: sample ? fieldText(sample) : undefined,
          span: raw.section.span,
        };
      });

  const titleSection = index.get('question_title');
  const title: TextBlock | undefined = titleSection?.section.label
    ? { text: titleSection.section.label, quoted: false, span: titleSection.section.textSpan }
    : undefined;

  const question: SubjectiveQuestion = {
    type: 'subjective',
    file,
    frontmatter,
    title,
    mainQuestion: text('main_question'),
    core: part('core_concepts', 'mandatory_concepts', 'expected_keywords'),
    bonus: part('peripheral_concepts', 'bonus_concepts', 'bonus_keywords'),
    sampleExcellent: text('sample_excellent'),
    sampleAcceptable: text('sample_acceptable'),
    commonMistakes: bullets('common_mistakes'),
    followUps: { excellent: followUp('excellent'), partial: followUp('partial'), weak: followUp('weak') },
    barRaiser: barRaiser(),
    metadata: metadata(),
    assistantAnswer: text('assistant_answer'),
    improvementSuggestions: bullets('improvement_suggestions'),
    improvementExercises: exercises(),
    sections: sections.map((raw) => raw.section),
  };

  return { question, facts };
}

function fieldText(field: LabelledField): TextBlock {
  const { text, quoted } = unquote(field.value);
  return { text, quoted, span: field.valueSpan };
}

function probe(field: LabelledField): Probe {
  return {
    key: field.key,
    kind: snakeKey(field.key),
    value: field.value,
    items: splitItems(field.value).map((item) => item.text),
    span: field.span,
  };
}

/** Finds a pattern in a section's label and returns the match with its span in the file. */
function locateInLabel(
  raw: RawSection,
  pattern: RegExp,
  source: NodePositions,
): { match: RegExpExecArray; span: Span } | undefined {
  const label = raw.section.label;
  if (!label) return undefined;
  const match = pattern.exec(label);
  if (!match) return undefined;
  const textStart = source.index.offsetAt(raw.section.textSpan.start);
  const textEnd = source.index.offsetAt(raw.section.textSpan.end);
  const headingText = source.slice(textStart, textEnd);
  const labelStart = textStart + headingText.lastIndexOf(label);
  const start = labelStart + match.index;
  return { match, span: source.span(start, start + match[0].length) };
}
