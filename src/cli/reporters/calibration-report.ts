import wrapAnsi from 'wrap-ansi';
import type { CalibrationReport } from '../../core/calibrate/calibrate.js';
import type { SkippedLine } from '../calibrate/graded-input.js';

/** One calibrate run, as the reporters show it. */
export interface CalibrationRun {
  /** The input file as given. */
  file: string;
  /** Lines that were not blank, and those that could not be used. */
  lines: number;
  skipped: SkippedLine[];
  report: CalibrationReport;
  /** The rubric folder started from, as shown, and the one written. */
  from: string;
  out: string;
  /** The files written, as shown. */
  written: string[];
  /** The day of the run (YYYY-MM-DD). */
  date: string;
}

const r3 = (n: number) => n.toFixed(3);
const pct = (n: number) => `${(100 * n).toFixed(1)}%`;
const num = (n: number) => String(Math.round(n * 1000) / 1000);

function searchedText(searched: string): string {
  if (searched === 'grades') return 'from the grades';
  if (searched.endsWith(' sets it')) return `with ${searched.replace(/ sets it$/, '')}`;
  return searched;
}

/** What the cross-validated r says about using the fit, in a sentence or two. */
export function verdict(report: CalibrationReport): string {
  const { current, crossValidated } = report.r;
  if (report.carriesOver === 'yes') {
    return `The fit carries over to new questions: cross-validated r ${r3(crossValidated)} is above the current ${r3(current)}.`;
  }
  if (report.carriesOver === 'no') {
    return `The fit does not carry over to new questions: cross-validated r ${r3(crossValidated)} is below the current ${r3(current)}, so on questions it was not fitted on it agrees with these grades less than the current numbers do. Keep the current scoring.yaml unless you will only score these questions.`;
  }
  return `The fit neither helps nor hurts on new questions: cross-validated r ${r3(crossValidated)} is about the current ${r3(current)}.`;
}

/** The human summary: a short table of r, the numbers that moved, the verdict and where it was written. */
export function renderCalibrationText(run: CalibrationRun, width = 80): string {
  const { report } = run;
  const wrap = (text: string) => wrapAnsi(text, Math.min(width, 80), { hard: true });
  const { scale } = report;
  const out: string[] = [];
  out.push(
    wrap(
      `Calibrated ${run.from} on ${report.answers} answers to ${report.questions} questions (${run.file === '-' ? 'stdin' : run.file}): grades ${num(scale.min)}-${num(scale.max)}, passing grade ${num(scale.pass)}; cross-validated in ${report.folds} folds of whole questions.`,
    ),
    '',
  );
  const row = (label: string, r: number, agree: number) => `  ${label.padEnd(28)}${r3(r).padStart(9)}${pct(agree).padStart(20)}`;
  out.push(`  ${''.padEnd(28)}${'Pearson r'.padStart(9)}${'pass/fail agrees'.padStart(20)}`);
  out.push(row('current numbers', report.r.current, report.passAgreement.current));
  out.push(row('fitted, on these answers', report.r.fitted, report.passAgreement.fitted));
  out.push(row('cross-validated', report.r.crossValidated, report.passAgreement.crossValidated), '');

  const moved = report.numbers.filter((n) => n.moved);
  if (moved.length === 0) out.push('  No number moved: the current values fit these grades best.');
  else {
    out.push(`  ${'moved'.padEnd(28)}${'current'.padStart(8)}${'fitted'.padStart(8)}   searched`);
    for (const n of moved) out.push(`  ${n.key.padEnd(28)}${num(n.current).padStart(8)}${num(n.fitted).padStart(8)}   ${searchedText(n.searched)}`);
  }
  out.push('');
  const notFitted = new Map<string, string>();
  for (const n of report.numbers) if (n.note && n.searched !== 'grades') notFitted.set(n.key.replace(/\.(mandatory|bonus)$/, ''), n.note);
  for (const [key, note] of notFitted) out.push(wrap(`Not fitted: ${key} (${note}).`));
  for (const n of report.numbers) if (n.note && n.searched === 'grades') out.push(wrap(`Kept ${n.key} at ${num(n.fitted)}: ${n.note}.`));
  for (const warning of report.warnings) out.push(wrap(`Note: ${warning}.`));
  out.push('', wrap(verdict(report)));
  const [scoring, lexicon] = run.written;
  out.push(wrap(`Wrote ${scoring} and ${lexicon}; score with them using --rubrics ${run.out} or QBANK_RUBRICS=${run.out}.`));
  return `${out.join('\n')}\n`;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** The same as one JSON object. */
export function calibrationJson(run: CalibrationRun): Record<string, unknown> {
  const { report } = run;
  return {
    input: { file: run.file, lines: run.lines, used: report.answers, skipped: run.skipped },
    answers: report.answers,
    questions: report.questions,
    scale: report.scale,
    folds: report.folds,
    r: { current: round4(report.r.current), fitted: round4(report.r.fitted), crossValidated: round4(report.r.crossValidated) },
    passAgreement: {
      current: round4(report.passAgreement.current),
      fitted: round4(report.passAgreement.fitted),
      crossValidated: round4(report.passAgreement.crossValidated),
    },
    carriesOver: report.carriesOver,
    numbers: report.numbers,
    warnings: report.warnings,
    foldDetails: report.foldDetails.map((f) => ({ ...f, r: round4(f.r) })),
    from: run.from,
    out: { dir: run.out, files: run.written },
    date: run.date,
  };
}
