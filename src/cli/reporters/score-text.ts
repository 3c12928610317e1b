import { wrapText } from '../wrap-text.js';
import type { FollowUp } from '../../core/model/elements.js';
import type { SubjectiveQuestion } from '../../core/model/subjective.js';
import type { ChecklistResult, ConceptResult, Evidence, ItemResult, ScoreResult } from '../../core/score/result.js';
import type { Style } from '../style.js';

const BAND_LABEL: Record<ScoreResult['band'], string> = {
  excellent: 'excellent',
  good: 'good',
  needs_improvement: 'needs improvement',
  insufficient: 'insufficient',
};

export const TIER_LABEL: Record<FollowUp['tier'], string> = {
  excellent: 'depth probe',
  partial: 'guided probe',
  weak: 'foundation check',
};

export interface ScoreTextOptions {
  style: Style;
  width: number;
  /** Show, for each item, which rubric words matched and which did not. */
  explain: boolean;
  /** Name the follow-up the band calls for, with its question (default true). */
  next?: boolean;
}

function bandColour(style: Style, band: ScoreResult['band']): Style {
  return band === 'excellent' || band === 'good' ? style.green : band === 'needs_improvement' ? style.yellow : style.red;
}

function quote(evidence: Evidence, max: number): string {
  const text = evidence.text.replace(/\s+/g, ' ');
  return `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;
}

export function wrapIndented(text: string, width: number, indent: number): string[] {
  return wrapText(text, Math.max(20, width - indent))
    .split('\n')
    .map((line) => `${' '.repeat(indent)}${line}`);
}

const VIA: Record<NonNullable<ItemResult['via']>, string> = {
  name: 'its name',
  'name-words': "its name's words",
  description: 'its description',
  partial: 'part of its terms',
};

/** `0.6` for a credit, without trailing zeros. */
export function creditLabel(credit: number): string {
  return String(Math.round(credit * 100) / 100);
}

/** One rubric item as lines: tick, half or cross, name, evidence, and with `explain` the weighted terms. */
export function itemLines(item: ItemResult, options: ScoreTextOptions): string[] {
  const { style, width, explain } = options;
  const partly = !item.covered && item.credit > 0;
  const mark = item.covered ? style.green('✔') : partly ? style.yellow('◐') : item.negated ? style.yellow('~') : style.red('✘');
  const lines = wrapIndented(partly ? `${item.name} (partly covered: ${creditLabel(item.credit)})` : item.name, width, 4);
  lines[0] = `  ${mark} ${(lines[0] ?? '').trimStart()}`;
  if ((item.covered || partly) && item.evidence) {
    lines.push(...wrapIndented(style.dim(`${quote(item.evidence, 120)} (line ${item.evidence.line}, col ${item.evidence.column})`), width, 6));
  } else if (item.negated && item.evidence) {
    lines.push(...wrapIndented(style.dim(`mentioned only in a negated clause: ${quote(item.evidence, 80)}`), width, 6));
  }
  if (explain) {
    const via = item.via ? `credit ${creditLabel(item.credit)} by ${VIA[item.via]}` : 'credit 0';
    const term = (t: ItemResult['terms'][number]) => `${t.term} ×${creditLabel(t.weight)}`;
    const matched = item.terms.filter((t) => t.found).map(term);
    const missing = item.terms.filter((t) => !t.found).map(term);
    lines.push(...wrapIndented(style.dim(`${via}; matched: ${matched.join(', ') || 'none'}; not found: ${missing.join(', ') || 'none'}`), width, 6));
  }
  return lines;
}

function conceptSection(title: string, concepts: readonly ConceptResult[], options: ScoreTextOptions): string[] {
  if (concepts.length === 0) return [];
  return ['', options.style.bold(title), ...concepts.flatMap((concept) => itemLines(concept, options))];
}

/** `3 of 4 concepts`, or `2.6 of 4 concepts` when some are partly covered. */
function conceptCount(part: ScoreResult['parts']['mandatory']): string {
  const credit = part.concepts.credit ?? part.concepts.covered;
  return `${creditLabel(credit)} of ${part.concepts.total} concepts`;
}

/** The human report of `qbank score`. */
export function renderScore(result: ScoreResult, question: SubjectiveQuestion | undefined, options: ScoreTextOptions): string {
  const { style, width } = options;
  const colour = bandColour(style, result.band);
  const lines: string[] = [];
  lines.push(
    `${style.bold(`Score ${result.score}/100`)} · ${colour(BAND_LABEL[result.band])} · ${result.passed ? style.green('passed') : style.red('not passed')}`,
  );
  for (const [label, part] of [['Mandatory', result.parts.mandatory], ['Bonus', result.parts.bonus]] as const) {
    lines.push(
      `${label.padEnd(9)} ${Math.round(part.points)}/${part.weight}: ${conceptCount(part)}, ${part.keywords.hit} of ${part.keywords.total} keywords`,
    );
  }
  if (result.penalty > 0) lines.push(`Mistakes  −${result.penalty}`);
  if (result.uncappedScore !== undefined) lines.push(style.yellow(`Capped from ${result.uncappedScore}: see the warning below`));

  lines.push(...conceptSection('Mandatory concepts', result.concepts.filter((c) => c.kind === 'mandatory'), options));
  lines.push(...conceptSection('Bonus concepts', result.concepts.filter((c) => c.kind === 'bonus'), options));

  lines.push('', style.bold('Keywords'));
  lines.push(...wrapIndented(`${style.green('hit:')} ${result.keywords.hit.join(', ') || 'none'}`, width, 2));
  lines.push(...wrapIndented(`${style.red('missed:')} ${result.keywords.missed.join(', ') || 'none'}`, width, 2));

  if (result.mistakes.length > 0) {
    lines.push('', style.bold('Common mistakes'));
    for (const mistake of result.mistakes) {
      const cost = mistake.penalty > 0 ? ` (−${mistake.penalty})` : '';
      const how = mistake.mode === 'omission' ? 'left out: ' : 'said: ';
      lines.push(...wrapIndented(`${style.yellow('!')} ${how}${mistake.text}${cost}`, width, 2));
      if (mistake.evidence) lines.push(...wrapIndented(style.dim(quote(mistake.evidence, 100)), width, 6));
    }
  }
  if (result.warnings.length > 0) {
    lines.push('', style.bold('Warnings'));
    for (const warning of result.warnings) lines.push(...wrapIndented(`${style.yellow('!')} ${warning.message}`, width, 2));
  }
  if (options.next !== false) {
    const followUp = question?.followUps[result.followUp];
    lines.push('', style.bold(`Next: the ${TIER_LABEL[result.followUp]} (follow_up_${result.followUp})`));
    if (followUp?.question) lines.push(...wrapIndented(followUp.question.text, width, 2));
  }
  return `${lines.join('\n')}\n`;
}

/** The human report of a follow-up or bar-raiser answer. */
export function renderChecklist(result: ChecklistResult, options: ScoreTextOptions): string {
  const { style } = options;
  const colour = bandColour(style, result.band);
  const lines = [`${style.bold(`Score ${result.score}/100`)} · ${colour(BAND_LABEL[result.band])}`];
  lines.push(...result.items.flatMap((item) => itemLines(item, options)));
  for (const flag of result.redFlags) lines.push(...wrapIndented(`${style.yellow('!')} red flag: ${flag.text}`, options.width, 2));
  return `${lines.join('\n')}\n`;
}
