import { wrapText } from '../wrap-text.js';
import type { FollowUp, KeywordGroup, RubricPart, TextBlock } from '../../core/model/elements.js';
import type { McqQuestion } from '../../core/model/mcq.js';
import type { Question } from '../../core/model/question.js';
import { questionTitle } from '../../core/model/question.js';
import type { SubjectiveQuestion } from '../../core/model/subjective.js';
import { describeTime } from './question-list.js';
import { withMojibakeRepaired } from '../../core/lint/mojibake.js';
import type { Style } from '../style.js';

/** Which parts of a question to show: a candidate sees the question only. */
export interface ShowOptions {
  rubric: boolean;
  style: Style;
  width: number;
}

const TIER_TITLES: Record<FollowUp['tier'], string> = {
  excellent: 'after an excellent answer',
  partial: 'after a good or partial answer',
  weak: 'after a weak answer',
};

/** Text as a reader should see it: mis-encoded characters (`L4â†’L5`) repaired, as `lint --fix` would. */
const readable = (text: string) => withMojibakeRepaired(text);

class Writer {
  private readonly lines: string[] = [];
  constructor(private readonly options: ShowOptions) {}

  /** A section heading; the author's label, when there is one, follows in dim text. */
  heading(text: string, label?: string): void {
    const { style } = this.options;
    this.lines.push('', `${style.bold.underline(readable(text))}${label ? style.dim(` · ${readable(label)}`) : ''}`);
  }

  paragraph(text: string, indent = 2): void {
    const width = Math.max(20, this.options.width - indent);
    readable(text).split(/\n[ \t]*\n\s*/).forEach((block, i) => {
      if (i > 0) this.lines.push('');
      const wrapped = wrapText(withoutSpacesAroundBreaks(block), width);
      for (const line of wrapped.split('\n')) this.lines.push(`${' '.repeat(indent)}${line}`.trimEnd());
    });
  }

  item(text: string, marker = '•', indent = 2): void {
    const width = Math.max(20, this.options.width - indent - 2);
    const wrapped = wrapText(readable(text), width).split('\n');
    wrapped.forEach((line, i) => this.lines.push(`${' '.repeat(indent)}${i === 0 ? `${marker} ` : '  '}${line}`.trimEnd()));
  }

  blank(): void {
    this.lines.push('');
  }

  toString(): string {
    return `${this.lines.join('\n').replace(/^\n+/, '')}\n`;
  }
}

/**
 * The text without spaces and tabs around its line breaks, in one pass: a pattern for it is retried at every space
 * of a run, so a long run of spaces took seconds.
 */
function withoutSpacesAroundBreaks(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      let start = 0;
      let end = line.length;
      if (i > 0) while (start < end && (line.charAt(start) === ' ' || line.charAt(start) === '\t')) start++;
      if (i < lines.length - 1) while (end > start && (line.charAt(end - 1) === ' ' || line.charAt(end - 1) === '\t')) end--;
      return line.slice(start, end);
    })
    .join('\n');
}

function metaLine(question: Question): string {
  const fm = question.frontmatter;
  const where = [fm.topic, fm.subtopic].filter(Boolean).join('/');
  return [fm.id, fm.level, fm.category, where, describeTime(question)].filter((part) => part && part !== '').join(' · ');
}

/** A question as text for the terminal: what a candidate may see, or with `rubric` everything. */
export function renderQuestion(question: Question, options: ShowOptions): string {
  const out = new Writer(options);
  const { style } = options;
  out.paragraph(style.bold(questionTitle(question)), 0);
  out.paragraph(style.dim(metaLine(question)), 0);
  if (question.type === 'mcq') renderMcq(question, out, options);
  else renderSubjective(question, out, options);
  return out.toString();
}

function renderMcq(question: McqQuestion, out: Writer, options: ShowOptions): void {
  if (question.hook) {
    out.blank();
    out.paragraph(options.style.italic(question.hook.text));
  }
  out.heading('Question');
  out.paragraph(question.question?.text ?? '');
  out.blank();
  for (const option of question.options) out.item(option.text, `${option.letter})`);
  if (!options.rubric) return;
  out.heading('Answer');
  out.paragraph(question.answer?.letter ?? '(none)');
  if (question.explanation) {
    out.heading('Explanation');
    out.paragraph(question.explanation.text);
  }
  unknownSections(question, out);
}

function renderSubjective(question: SubjectiveQuestion, out: Writer, options: ShowOptions): void {
  out.heading('Question', options.rubric ? label(question, 'main_question') : undefined);
  out.paragraph(question.mainQuestion?.text ?? '');
  if (!options.rubric) return;

  rubricPart(out, 'Mandatory concepts', 'Expected keywords', question.core, 60);
  rubricPart(out, 'Bonus concepts', 'Bonus keywords', question.bonus, 40);
  textSection(out, 'Sample answer: excellent', question.sampleExcellent, label(question, 'sample_excellent'));
  textSection(out, 'Sample answer: acceptable', question.sampleAcceptable, label(question, 'sample_acceptable'));
  if (question.commonMistakes.length > 0) {
    out.heading('Common mistakes (red flags)', label(question, 'common_mistakes'));
    for (const mistake of question.commonMistakes) out.item(mistake.text);
  }
  for (const tier of ['excellent', 'partial', 'weak'] as const) {
    const followUp = question.followUps[tier];
    if (!followUp) continue;
    out.heading(`Follow-up: ${followUp.label ?? tier} (${TIER_TITLES[tier]})`);
    out.paragraph(followUp.question?.text ?? '(no question)');
    for (const probe of followUp.probes) out.item(`${probe.key}: ${probe.value}`, '-');
  }
  const barRaiser = question.barRaiser;
  if (barRaiser) {
    out.heading(`Bar raiser: ${barRaiser.label ?? ''}`.trimEnd());
    out.paragraph(barRaiser.question?.text ?? '');
    if (barRaiser.concepts.length > 0) {
      out.blank();
      out.paragraph('Concepts:');
      for (const concept of barRaiser.concepts) out.item(concept.text);
    }
  }
  if (question.metadata.length > 0) {
    out.heading('Metadata', label(question, 'metadata'));
    for (const entry of question.metadata) out.item(`${entry.key}: ${entry.value}`, '-');
  }
  textSection(out, 'Assistant answer', question.assistantAnswer, label(question, 'assistant_answer'));
  if (question.improvementSuggestions.length > 0) {
    out.heading('Improvement suggestions', label(question, 'improvement_suggestions'));
    for (const suggestion of question.improvementSuggestions) out.item(suggestion.text);
  }
  for (const exercise of question.improvementExercises) {
    out.heading(`Exercise ${exercise.number}${exercise.title ? `: ${exercise.title}` : ''}`);
    if (exercise.question) out.paragraph(exercise.question.text);
    if (exercise.sampleAnswer) {
      out.blank();
      out.paragraph(`Sample answer: ${exercise.sampleAnswer.text}`);
    }
  }
  unknownSections(question, out);
}

function rubricPart(out: Writer, conceptsTitle: string, keywordsTitle: string, part: RubricPart, defaultWeight: number): void {
  const weight = part.label?.includes('%') ? '' : ` (${part.weight ?? defaultWeight}%)`;
  out.heading(`${conceptsTitle}${weight}`, part.label);
  // A concept written as a plain sentence has the sentence as both name and description.
  for (const concept of part.concepts) {
    out.item(concept.description && concept.description !== concept.name ? `${concept.name}: ${concept.description}` : concept.name, '[ ]');
    if (concept.probe && concept.probe.text !== '') out.item(`Probe: ${concept.probe.text}`, '↳', 6);
  }
  if (part.keywords.length > 0) {
    out.heading(keywordsTitle);
    for (const group of part.keywords) out.item(keywordLine(group), '-');
  }
}

function keywordLine(group: KeywordGroup): string {
  const list = group.keywords.map((k) => k.text).join(', ');
  return group.label ? `${group.label}: ${list}` : list;
}

/** The author's label of the first section with this key. */
function label(question: Question, key: string): string | undefined {
  return question.sections.find((section) => section.key === key)?.label;
}

function textSection(out: Writer, title: string, block: TextBlock | undefined, sectionLabel?: string): void {
  if (!block) return;
  out.heading(title, sectionLabel);
  out.paragraph(block.text);
}

function unknownSections(question: Question, out: Writer): void {
  for (const section of question.sections.filter((s) => !s.known)) {
    out.heading(`${section.rawKey}${section.label ? ` - ${section.label}` : ''} (not a qbank section)`);
    if (section.content) out.paragraph(section.content);
  }
}
