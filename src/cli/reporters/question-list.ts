import type { Question } from '../../core/model/question.js';
import { plainTable, tableText } from './plain-table.js';
import { questionTitle } from '../../core/model/question.js';
import { formatEstimatedTime } from '../../core/model/estimated-time.js';
import type { Style } from '../style.js';

/** One question as `qbank list --json` prints it. */
export function questionSummary(question: Question) {
  const fm = question.frontmatter;
  return {
    id: fm.id,
    type: question.type,
    title: questionTitle(question),
    level: fm.level ?? null,
    category: fm.category ?? null,
    topic: fm.topic ?? null,
    subtopic: fm.subtopic ?? null,
    estimatedTime: fm.estimatedTime ? { min: fm.estimatedTime.min, max: fm.estimatedTime.max } : null,
    tags: fm.tags,
    file: question.file,
  };
}


function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(1, width - 1))}…`;
}

/**
 * The question table: id, type, level, topic and title. When the title would get fewer than
 * 30 columns, it goes on its own indented line under each row instead.
 */
export function renderQuestionList(questions: readonly Question[], style: Style, width: number): string {
  if (questions.length === 0) return 'No questions match.\n';
  const idWidth = Math.min(44, Math.max(2, ...questions.map((q) => q.frontmatter.id.length)));
  const topicWidth = Math.min(18, Math.max(5, ...questions.map((q) => (q.frontmatter.topic ?? '-').length)));
  const titleWidth = width - (idWidth + 4 + 5 + topicWidth + 2 * 4) - 1;
  const inline = titleWidth >= 30;
  const head = ['ID', 'TYPE', 'LEVEL', 'TOPIC', ...(inline ? ['TITLE'] : [])];
  const table = plainTable(head.map((h) => style.bold(h)));
  for (const question of questions) {
    const fm = question.frontmatter;
    const row = [truncate(fm.id, idWidth), question.type === 'mcq' ? 'mcq' : 'subj', fm.level ?? '-', truncate(fm.topic ?? '-', topicWidth)];
    if (inline) table.push([...row, truncate(questionTitle(question), titleWidth)]);
    else {
      table.push(row);
      table.push([{ colSpan: 4, content: style.dim(`  ${truncate(questionTitle(question), width - 3)}`) }]);
    }
  }
  return `${tableText(table)}\n`;
}


/** Counts by topic (rows) and level (columns), with totals: the spread of a bank. */
export function renderSpread(questions: readonly Question[], style: Style): string {
  const levels = [...new Set(questions.map((q) => q.frontmatter.level ?? '-'))].sort();
  const topics = [...new Set(questions.map((q) => q.frontmatter.topic ?? '-'))].sort();
  const table = plainTable(['TOPIC', ...levels, 'ALL'].map((h) => style.bold(h)));
  for (const topic of topics) {
    const inTopic = questions.filter((q) => (q.frontmatter.topic ?? '-') === topic);
    table.push([topic, ...levels.map((level) => String(inTopic.filter((q) => (q.frontmatter.level ?? '-') === level).length || '.')), String(inTopic.length)]);
  }
  const subjective = questions.filter((q) => q.type === 'subjective').length;
  const heading = `${questions.length} question${questions.length === 1 ? '' : 's'}: ${subjective} subjective, ${questions.length - subjective} multiple-choice`;
  return `${heading}\n${tableText(table)}\n`;
}

export function describeTime(question: Question): string {
  const time = question.frontmatter.estimatedTime;
  return time ? formatEstimatedTime(time) : '';
}
