import type { QuestionSummary } from '../../core/bank/summary.js';
import type { Question } from '../../core/model/question.js';
import { longTableText, type LongTableCell } from './long-table.js';
import { formatEstimatedTime } from '../../core/model/estimated-time.js';
import type { Style } from '../style.js';

/** One question as `qbank list --json` prints it. */
export function questionSummary(question: QuestionSummary) {
  const fm = question.frontmatter;
  return {
    id: fm.id,
    type: question.type,
    title: question.title,
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
 * 30 columns, it goes on its own indented line under each row instead. `terminal` is the width
 * of the terminal the table must fit; without one (piped) the table is laid out for 80 columns
 * but ids and topics are never cut, since ids are what users copy.
 */
export function renderQuestionList(questions: readonly QuestionSummary[], style: Style, terminal: number | undefined): string {
  const width = terminal ?? 80;
  if (questions.length === 0) return 'No questions match.\n';
  let longestId = 2;
  let longestTopic = 5;
  for (const q of questions) {
    longestId = Math.max(longestId, q.frontmatter.id.length);
    longestTopic = Math.max(longestTopic, (q.frontmatter.topic ?? '-').length);
  }
  // On a terminal the columns but the id take 2+4+2+5+2+topic; the id gets the rest (it is cut only when a terminal is that narrow).
  const topicWidth = terminal === undefined ? longestTopic : Math.min(18, longestTopic);
  const idWidth = terminal === undefined ? longestId : Math.min(longestId, Math.max(12, width - (15 + topicWidth)));
  const titleWidth = width - (idWidth + 4 + 5 + topicWidth + 2 * 4) - 1;
  const inline = titleWidth >= 30;
  const head = ['ID', 'TYPE', 'LEVEL', 'TOPIC', ...(inline ? ['TITLE'] : [])];
  const rows: LongTableCell[][] = [];
  for (const question of questions) {
    const fm = question.frontmatter;
    const row = [truncate(fm.id, idWidth), question.type === 'mcq' ? 'mcq' : 'subj', fm.level ?? '-', truncate(fm.topic ?? '-', topicWidth)];
    if (inline) rows.push([...row, truncate(question.title, titleWidth)]);
    else {
      rows.push(row);
      rows.push([{ colSpan: 4, content: style.dim(`  ${truncate(question.title, width - 3)}`) }]);
    }
  }
  return `${longTableText(head.map((h) => style.bold(h)), rows)}\n`;
}


/** Counts by topic (rows) and level (columns), with totals: the spread of a bank. */
export function renderSpread(questions: ReadonlyArray<Pick<QuestionSummary, 'type' | 'frontmatter'>>, style: Style): string {
  const counts = new Map<string, Map<string, number>>();
  const levelSet = new Set<string>();
  let subjective = 0;
  for (const q of questions) {
    const topic = q.frontmatter.topic ?? '-';
    const level = q.frontmatter.level ?? '-';
    levelSet.add(level);
    let byLevel = counts.get(topic);
    if (!byLevel) counts.set(topic, (byLevel = new Map()));
    byLevel.set(level, (byLevel.get(level) ?? 0) + 1);
    if (q.type === 'subjective') subjective++;
  }
  const levels = [...levelSet].sort();
  const rows = [...counts.keys()].sort().map((topic) => {
    const byLevel = counts.get(topic) as Map<string, number>;
    let all = 0;
    for (const n of byLevel.values()) all += n;
    return [topic, ...levels.map((level) => String(byLevel.get(level) || '.')), String(all)];
  });
  const heading = `${questions.length} question${questions.length === 1 ? '' : 's'}: ${subjective} subjective, ${questions.length - subjective} multiple-choice`;
  return `${heading}\n${longTableText(['TOPIC', ...levels, 'ALL'].map((h) => style.bold(h)), rows)}\n`;
}

export function describeTime(question: Question): string {
  const time = question.frontmatter.estimatedTime;
  return time ? formatEstimatedTime(time) : '';
}
