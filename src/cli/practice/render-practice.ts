import type { EstimatedTime } from '../../core/model/estimated-time.js';
import { plainTable, tableText } from '../reporters/plain-table.js';
import { formatEstimatedTime } from '../../core/model/estimated-time.js';
import type { PracticeBlock, SummaryRow } from '../../core/practice/blocks.js';
import { renderChecklist, renderScore, TIER_LABEL, wrapIndented } from '../reporters/score-text.js';
import type { Style } from '../style.js';

export interface PracticeRenderOptions {
  style: Style;
  width: number;
}

/** `4:05` for 245,000 ms. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function timeVerdict(takenMs: number, budget: EstimatedTime | undefined): string {
  if (!budget) return `Answered in ${formatDuration(takenMs)}`;
  const minutes = takenMs / 60_000;
  const verdict = minutes > budget.max ? 'over the budget' : minutes < budget.min / 3 ? 'well under the budget: is anything missing?' : 'within the budget';
  return `Answered in ${formatDuration(takenMs)} (budget ${formatEstimatedTime(budget)}, ${verdict})`;
}


function summary(rows: readonly SummaryRow[], quit: boolean, style: Style, width: number): string[] {
  const table = plainTable(['#', 'QUESTION', 'SCORE', 'BAND', 'FOLLOW-UP', 'TIME'].map((h) => style.bold(h)));
  rows.forEach((row, i) => {
    const id = row.questionId.length > 34 ? `${row.questionId.slice(0, 33)}…` : row.questionId;
    table.push([
      String(i + 1),
      id,
      row.score === undefined ? row.status : String(row.score),
      row.band?.replace('_', ' ') ?? '',
      row.followUpScore === undefined ? '' : String(row.followUpScore),
      row.timeTakenMs === undefined ? '' : formatDuration(row.timeTakenMs),
    ]);
  });
  const answered = rows.filter((r) => r.status === 'answered');
  const average = answered.length === 0 ? 0 : Math.round(answered.reduce((sum, r) => sum + (r.score ?? 0), 0) / answered.length);
  const lines = [style.bold(quit ? 'Session ended early' : 'Session summary'), ...tableText(table).split('\n')];
  lines.push(...wrapIndented(`${answered.length} of ${rows.length} answered${answered.length > 0 ? `, average ${average}` : ''}; answers are saved in your history (qbank stats, qbank history).`, width, 0));
  return lines;
}

/** Practice blocks as terminal text, readable at 80 columns. */
export function renderPracticeBlocks(blocks: readonly PracticeBlock[], options: PracticeRenderOptions): string {
  const { style, width } = options;
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'intro':
        out.push(...wrapIndented(style.dim(`Practice: ${block.count} question${block.count === 1 ? '' : 's'}. Type :skip to skip one, :quit to stop; answers are saved as you go.`), width, 0), '');
        break;
      case 'question': {
        const meta = [`Question ${block.index} of ${block.total}`, block.level, block.topic, block.estimatedTime ? `budget ${formatEstimatedTime(block.estimatedTime)}` : undefined]
          .filter(Boolean)
          .join(' · ');
        out.push(style.dim(meta), style.bold(block.title));
        if (block.hook) out.push(...wrapIndented(style.italic(block.hook), width, 2));
        out.push('', ...wrapIndented(block.text, width, 2));
        if (block.options) {
          out.push('');
          for (const option of block.options) out.push(...wrapIndented(`${option.letter}) ${option.text}`, width, 4));
        }
        out.push('');
        break;
      }
      case 'time':
        out.push('', ...wrapIndented(style.dim(timeVerdict(block.takenMs, block.estimatedTime)), width, 0));
        break;
      case 'feedback':
        out.push(renderScore(block.result, undefined, { style, width, explain: false, next: false }).trimEnd(), '');
        break;
      case 'follow-up': {
        const what = block.tier === 'bar-raiser' ? 'Bar raiser' : `Follow-up: ${TIER_LABEL[block.tier]}`;
        const label = block.label && block.label.toLowerCase() !== TIER_LABEL[block.tier as keyof typeof TIER_LABEL]?.toLowerCase() ? ` · ${block.label}` : '';
        out.push(style.bold(`${what}${label}`), ...wrapIndented(block.question, width, 2));
        if (block.hint && block.tier !== 'excellent') out.push(...wrapIndented(style.dim(`Hint: ${block.hint}`), width, 2));
        out.push('');
        break;
      }
      case 'follow-up-feedback':
        out.push(renderChecklist(block.result, { style, width, explain: false }).trimEnd(), '');
        break;
      case 'mcq-result':
        out.push(block.correct ? style.green(`✔ Right: ${block.right}`) : style.red(`✘ Not quite: you chose ${block.letter}; the answer is ${block.right}`));
        if (block.explanation) out.push(...wrapIndented(block.explanation, width, 2));
        out.push('');
        break;
      case 'invalid':
        out.push(style.yellow(block.message));
        break;
      case 'samples':
        if (block.acceptable) out.push(style.bold('Acceptable answer'), ...wrapIndented(block.acceptable, width, 2), '');
        if (block.excellent) out.push(style.bold('Excellent answer'), ...wrapIndented(block.excellent, width, 2), '');
        break;
      case 'skipped':
        out.push(style.dim('Skipped.'), '');
        break;
      case 'summary':
        out.push(...summary(block.rows, block.quit, style, width));
        break;
    }
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
