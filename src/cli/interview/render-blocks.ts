import { wrapText } from '../wrap-text.js';
import { renderHeard, renderProbeHeard } from './render-heard.js';
import type { InterviewBlock } from '../../core/interview/blocks.js';
import { bandLabel } from '../../core/interview/asks.js';
import { TIER_NAMES } from '../../core/interview/probe.js';
import { recommendationLabel } from '../../core/interview/recommendation.js';
import type { Band } from '../../core/score/result.js';
import type { Style } from '../style.js';

export interface RenderOptions {
  style: Style;
  width: number;
}

/**
 * What replacing each run of white space around a line break with a space gives, in one pass (the pattern is retried at every space of a
 * run: a long run took seconds): each stretch of white space holding a line break becomes a space.
 */
function oneLine(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  const kept: string[] = [];
  lines.forEach((line, i) => {
    const piece = i === 0 ? line.trimEnd() : i === lines.length - 1 ? line.trimStart() : line.trim();
    if (piece !== '' || i === 0 || i === lines.length - 1) kept.push(piece);
  });
  return kept.join(' ');
}

/** Wraps `text` to the width, the first line after `first`, the others indented by `indent`. */
function wrap(text: string, width: number, indent: number, first = ' '.repeat(indent)): string[] {
  return wrapText(oneLine(text), Math.max(20, width - indent))
    .split('\n')
    .map((line, i) => `${i === 0 ? first : ' '.repeat(indent)}${line}`.trimEnd());
}

function band(style: Style, value: Band): string {
  const colour = value === 'excellent' || value === 'good' ? style.green : value === 'needs_improvement' ? style.yellow : style.red;
  return colour(bandLabel(value));
}

function renderBlock(block: InterviewBlock, { style, width }: RenderOptions): string[] {
  switch (block.kind) {
    case 'question':
      return [
        '',
        style.bold(`== Question ${block.index + 1} of ${block.total} == ${block.id}`),
        ...wrap(style.bold(block.title), width, 0),
        ...wrap(style.dim(block.meta), width, 0),
        `Time ${block.timer} · interview ${block.session}`,
        '',
        style.bold('Read aloud'),
        ...wrap(block.text, width, 2),
      ];
    case 'rubric': {
      const lines = ['', style.bold('Listen for')];
      const concepts = (title: string, list: Array<{ name: string; description: string }>) => {
        if (list.length === 0) return;
        lines.push(`  ${title}`);
        // A concept written as a plain sentence has the sentence as its name and its description.
        for (const c of list) lines.push(...wrap(`${style.bold(c.name)}${c.description && c.description !== c.name ? `: ${c.description}` : ''}`, width, 8, '    [ ] '));
      };
      concepts('Mandatory concepts', block.mandatory);
      concepts('Bonus concepts', block.bonus);
      if (block.expectedKeywords.length > 0) lines.push(...wrap(`Expected keywords: ${block.expectedKeywords.join(', ')}`, width, 4, '  '));
      if (block.bonusKeywords.length > 0) lines.push(...wrap(`Bonus keywords: ${block.bonusKeywords.join(', ')}`, width, 4, '  '));
      if (block.redFlags.length > 0) {
        lines.push(`  ${style.yellow('Red flags')}`);
        for (const flag of block.redFlags) lines.push(...wrap(flag, width, 6, `    ${style.yellow('!')} `));
      }
      return lines;
    }
    case 'score': {
      const scorer = block.scorer ? [style.dim(`  the scorer alone, on the notes: ${block.scorer.score}/100 · ${bandLabel(block.scorer.band)}`)] : [];
      const penalty = block.penalty > 0 ? ` · red flags −${block.penalty}` : '';
      const next = block.tierAvailable ? `Suggested follow-up: the ${TIER_NAMES[block.suggestedTier]}` : `No ${TIER_NAMES[block.suggestedTier]} in this question`;
      return [
        '',
        `${style.bold(`Score from your ticks: ${block.score}/100`)} · ${band(style, block.band)}`,
        ...scorer,
        ...wrap(`mandatory ${block.mandatory.covered} of ${block.mandatory.total} · bonus ${block.bonus.covered} of ${block.bonus.total} · keywords ${block.keywords.hit} of ${block.keywords.total}${penalty}`, width, 2),
        `  ${next}`,
      ];
    }
    case 'probe': {
      const what = block.probe === 'bar_raiser' ? 'Bar raiser' : `Follow-up: the ${block.tier ? TIER_NAMES[block.tier] : 'probe'}`;
      const lines = ['', style.bold(`${what}${block.label ? ` · ${block.label}` : ''}`), ...wrap(`"${block.question}"`, width, 2)];
      for (const g of block.guidance) {
        const key = /red flag/i.test(g.key) ? style.yellow(g.key) : style.bold(g.key);
        lines.push(...wrap(`${key}: ${g.value}`, width, 6, '  - '));
      }
      return lines;
    }
    case 'probe-score': {
      const what = block.probe === 'bar_raiser' ? 'Bar raiser' : 'Follow-up';
      const flags = block.flags > 0 ? `, ${block.flags} red flag${block.flags === 1 ? '' : 's'}` : '';
      return [`${what}: ${block.score}/100 · ${band(style, block.band)} (${block.covered} of ${block.total} items${flags})`];
    }
    case 'saved': {
      const what = block.status === 'answered' && block.band ? `${band(style, block.band)} (${block.overridden ? 'your rating; computed ' : ''}${block.score ?? 0}/100)` : block.status === 'passed' ? style.yellow('passed') : style.dim('not asked');
      return [style.green(`Saved question ${block.index + 1}: `) + what];
    }
    case 'summary': {
      const lines = ['', style.bold('Summary')];
      for (const row of block.rows) {
        const result = row.status === 'answered' && row.band ? `${bandLabel(row.band)} ${row.score ?? 0}/100` : row.status.replace('_', ' ');
        const points = row.points === null ? '' : ` · ${row.points} pt${row.points === 1 ? '' : 's'}`;
        lines.push(...wrap(`${row.index + 1}. ${row.id}: ${result}${points}`, width, 5, '  '));
      }
      const { basis } = block;
      const average = basis.average === null ? 'nothing counted' : `average ${basis.average.toFixed(2)} over ${basis.counted} question${basis.counted === 1 ? '' : 's'}`;
      lines.push(...wrap(`Derived recommendation: ${style.bold(recommendationLabel(basis.value))} (${average})`, width, 2, ''));
      return lines;
    }
    case 'heard':
      return renderHeard(block, style, width);
    case 'probe-heard':
      return renderProbeHeard(block, style, width);
    case 'message':
      return wrap(block.tone === 'warning' ? style.yellow(block.text) : style.dim(block.text), width, 0);
    case 'stopped':
      return ['', 'Interview saved. Continue it with:', `  qbank interview --resume ${block.session}`];
    case 'complete':
      return ['', ...wrap(style.bold(`Interview complete: ${block.recommendation}. Session ${block.session}.`), width, 2, '')];
  }
}

/** The text of a batch of blocks, ending with a newline (empty when there is nothing). */
export function renderBlocks(blocks: readonly InterviewBlock[], options: RenderOptions): string {
  const lines = blocks.flatMap((block) => renderBlock(block, options));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
