import type { Bullet, RubricPart, TextBlock } from '../model/elements.js';
import type { Frontmatter } from '../model/frontmatter.js';
import { START_OF_FILE } from '../model/position.js';
import type { Span } from '../model/position.js';
import type { Question } from '../model/question.js';
import type { ReadLimit } from './facts.js';
import {
  MAX_CONCEPT_NAME_CHARS,
  MAX_FIELD_CHARS,
  MAX_CONCEPTS_PER_PART,
  MAX_KEYWORD_CHARS,
  MAX_KEYWORDS_PER_PART,
  MAX_LIST_ITEMS,
  MAX_RUBRIC_TEXT_CHARS,
  MAX_TEXT_BLOCK_CHARS,
  MAX_TITLE_CHARS,
} from './limits.js';

/** A cap of `limits.ts` the model went past: which (a `file-too-complex` message id) and slots, where. */
export interface ModelFinding {
  messageId: ReadLimit;
  data: Record<string, string | number>;
  span: Span;
}

/**
 * Holds a freshly built question to the caps on what qbank reads (`limits.ts`): lists cut at
 * their cap, texts at theirs, each cut reported where it happens. The model is changed in place
 * (it was just built for this file), so that the scorer, lint rules and reporters only ever see
 * bounded rubric text. Linear in the size of the model.
 */
export function limitQuestion(question: Question): ModelFinding[] {
  const limits = new Limiter();
  limitFrontmatter(question.frontmatter, limits);
  if (question.title) question.title.text = limits.text(question.title.text, MAX_TITLE_CHARS, question.title.span, 'textBlock', { section: 'question_title' });
  if (question.type === 'mcq') {
    question.options = limits.list(question.options, MAX_LIST_ITEMS, 'listItems', { section: 'options' });
    for (const option of question.options) option.text = limits.text(option.text, MAX_RUBRIC_TEXT_CHARS, option.span, 'rubricText');
    limits.block(question.hook, 'hook');
    limits.block(question.question, 'question');
    limits.block(question.explanation, 'explanation');
    return limits.findings;
  }
  limits.block(question.mainQuestion, 'main_question');
  limits.block(question.sampleExcellent, 'sample_excellent');
  limits.block(question.sampleAcceptable, 'sample_acceptable');
  limits.block(question.assistantAnswer, 'assistant_answer');
  limits.block(question.barRaiser?.question, 'bar_raiser_question');
  for (const followUp of Object.values(question.followUps)) limits.block(followUp?.question, `follow_up_${followUp?.tier ?? ''}`);
  for (const exercise of question.improvementExercises) {
    limits.block(exercise.question, `exercise_${exercise.number}`);
    limits.block(exercise.sampleAnswer, `exercise_${exercise.number}`);
  }
  limitPart(question.core, limits);
  limitPart(question.bonus, limits);
  question.commonMistakes = limits.bullets(question.commonMistakes, 'common_mistakes');
  question.improvementSuggestions = limits.bullets(question.improvementSuggestions, 'improvement_suggestions');
  if (question.barRaiser) question.barRaiser.concepts = limits.bullets(question.barRaiser.concepts, 'bar_raiser_concepts');
  for (const followUp of Object.values(question.followUps)) {
    if (!followUp) continue;
    followUp.probes = limits.list(followUp.probes, MAX_LIST_ITEMS, 'listItems', { section: `follow_up_${followUp.tier}` });
    for (const probe of followUp.probes) {
      if (probe.value.length <= MAX_RUBRIC_TEXT_CHARS) continue;
      probe.value = limits.text(probe.value, MAX_RUBRIC_TEXT_CHARS, probe.span, 'rubricText');
      probe.items = limits.items(probe.items, probe.value);
    }
  }
  question.metadata = limits.list(question.metadata, MAX_LIST_ITEMS, 'listItems', { section: 'metadata' });
  for (const entry of question.metadata) {
    if (entry.value.length <= MAX_RUBRIC_TEXT_CHARS) continue;
    entry.value = limits.text(entry.value, MAX_RUBRIC_TEXT_CHARS, entry.valueSpan, 'rubricText');
    entry.items = limits.items(entry.items, entry.value);
  }
  return limits.findings;
}

/** The frontmatter's free texts, which tables and the scorer's aliases take as they are. */
function limitFrontmatter(frontmatter: Frontmatter, limits: Limiter): void {
  const at = (key: string) => frontmatter.spans[key] ?? START_OF_FILE;
  if (frontmatter.topic !== undefined) frontmatter.topic = limits.text(frontmatter.topic, MAX_FIELD_CHARS, at('topic'), 'field');
  if (frontmatter.subtopic !== undefined) frontmatter.subtopic = limits.text(frontmatter.subtopic, MAX_FIELD_CHARS, at('subtopic'), 'field');
  frontmatter.tags = limits.strings(frontmatter.tags, at('tags'), 'tags');
  for (const [key, aliases] of Object.entries(frontmatter.aliases)) frontmatter.aliases[key] = limits.strings(aliases, at('aliases'), 'aliases');
}

function limitPart(part: RubricPart, limits: Limiter): void {
  part.concepts = limits.list(part.concepts, MAX_CONCEPTS_PER_PART, 'concepts');
  for (const concept of part.concepts) {
    concept.name = limits.text(concept.name, MAX_CONCEPT_NAME_CHARS, concept.nameSpan, 'conceptName');
    concept.description = limits.text(concept.description, MAX_RUBRIC_TEXT_CHARS, concept.span, 'rubricText');
    if (concept.probe) concept.probe.text = limits.text(concept.probe.text, MAX_RUBRIC_TEXT_CHARS, concept.probe.span, 'rubricText');
    if (concept.extraProbes) {
      concept.extraProbes = limits.list(concept.extraProbes, MAX_LIST_ITEMS, 'listItems', { section: 'concept probes' });
      for (const probe of concept.extraProbes) probe.text = limits.text(probe.text, MAX_RUBRIC_TEXT_CHARS, probe.span, 'rubricText');
    }
  }
  // Keywords are counted across the part's lines: the cap is on what the scorer compiles.
  let total = 0;
  for (const group of part.keywords) total += group.keywords.length;
  let left = MAX_KEYWORDS_PER_PART;
  for (const group of part.keywords) {
    const first = group.keywords[left];
    if (first && left >= 0 && total > MAX_KEYWORDS_PER_PART) {
      limits.report('keywords', { count: total, max: MAX_KEYWORDS_PER_PART }, first.span);
      total = 0; // reported once
    }
    group.keywords = group.keywords.slice(0, left);
    left -= group.keywords.length;
    for (const keyword of group.keywords) keyword.text = limits.text(keyword.text, MAX_KEYWORD_CHARS, keyword.span, 'keyword');
  }
}

/** Collects findings while cutting lists and texts to their caps. */
class Limiter {
  readonly findings: ModelFinding[] = [];

  report(messageId: ReadLimit, data: Record<string, string | number>, span: Span): void {
    this.findings.push({ messageId, data, span });
  }

  text(value: string, max: number, span: Span, messageId: ReadLimit, data: Record<string, string | number> = {}): string {
    if (value.length <= max) return value;
    this.report(messageId, { ...data, count: value.length, max }, span);
    return cut(value, max);
  }

  list<T extends { span: Span }>(items: T[], max: number, messageId: ReadLimit, data: Record<string, string | number> = {}): T[] {
    if (items.length <= max) return items;
    this.report(messageId, { ...data, count: items.length, max }, items[max]!.span);
    return items.slice(0, max);
  }

  /** A list of frontmatter texts: at most `MAX_LIST_ITEMS`, each at most `MAX_FIELD_CHARS`. */
  strings(items: string[], span: Span, section: string): string[] {
    let kept = items;
    if (items.length > MAX_LIST_ITEMS) {
      this.report('listItems', { section, count: items.length, max: MAX_LIST_ITEMS }, span);
      kept = items.slice(0, MAX_LIST_ITEMS);
    }
    return kept.map((item) => this.text(item, MAX_FIELD_CHARS, span, 'field'));
  }

  /** Cuts a block of prose (in place) to `MAX_TEXT_BLOCK_CHARS`. */
  block(block: TextBlock | undefined, section: string): void {
    if (block) block.text = this.text(block.text, MAX_TEXT_BLOCK_CHARS, block.span, 'textBlock', { section });
  }

  bullets(items: Bullet[], section: string): Bullet[] {
    const kept = this.list(items, MAX_LIST_ITEMS, 'listItems', { section });
    for (const bullet of kept) bullet.text = this.text(bullet.text, MAX_RUBRIC_TEXT_CHARS, bullet.span, 'rubricText');
    return kept;
  }

  /** The comma-separated items of a value that was cut: those still inside it. */
  items(items: readonly string[], value: string): string[] {
    const kept: string[] = [];
    let from = 0;
    for (const item of items) {
      const at = value.indexOf(item, from);
      if (at === -1) break;
      kept.push(item);
      from = at + item.length;
    }
    return kept;
  }
}

/** The first `max` characters of `value`, not splitting a surrogate pair. */
function cut(value: string, max: number): string {
  const code = value.charCodeAt(max - 1);
  return value.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
