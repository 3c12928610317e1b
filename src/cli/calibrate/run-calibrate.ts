import { createHash } from 'node:crypto';
import path from 'node:path';
import { clockFrom } from '../../adapters/clock.js';
import { DEFAULT_RUBRICS_DIR, displayPath } from '../../adapters/package-paths.js';
import { checkOutputFolder, HEADER_START, writeRubricFolder } from '../../adapters/rubric-folder.js';
import { calibrate, DEFAULT_FOLDS, tooLittleData, type CalibrationReport } from '../../core/calibrate/calibrate.js';
import { collectEvidence } from '../../core/calibrate/features.js';
import { parseScale } from '../../core/calibrate/graded-line.js';
import { DEFAULT_PASS_SHARE, type GradeScale } from '../../core/calibrate/thresholds.js';
import type { CalibrateFlags } from '../commands/calibrate.js';
import type { CommandContext } from '../context.js';
import { ExitCode, UsageError } from '../errors.js';
import { outputWidth } from '../io.js';
import { progressLine } from '../progress-line.js';
import { calibrationJson, renderCalibrationText, verdict, type CalibrationRun } from '../reporters/calibration-report.js';
import { exactStream } from '../terminal-safe.js';
import { readGradedInput, type SkippedLine } from './graded-input.js';

/** Skipped lines listed on stderr before "… and N more". */
const SHOWN_SKIPPED = 10;

function foldsFrom(flag: string | undefined): number {
  if (flag === undefined) return DEFAULT_FOLDS;
  const folds = Number(flag);
  if (!Number.isInteger(folds) || folds < 2) throw new UsageError(`--folds expects a whole number of 2 or more, got "${flag}"`);
  return folds;
}

function passFrom(flag: string | undefined): number | undefined {
  if (flag === undefined) return undefined;
  const pass = Number(flag);
  if (flag.trim() === '' || !Number.isFinite(pass)) throw new UsageError(`--pass expects a grade (a number), got "${flag}"`);
  return pass;
}

function reportSkipped(context: CommandContext, file: string, skipped: readonly SkippedLine[]): void {
  const { stderr } = context.io;
  for (const { line, error } of skipped.slice(0, SHOWN_SKIPPED)) stderr.write(`qbank: ${file}:${line}: ${error}; line skipped\n`);
  if (skipped.length > SHOWN_SKIPPED) stderr.write(`qbank: … and ${skipped.length - SHOWN_SKIPPED} more lines skipped ("--json" lists them all)\n`);
}

/** The comment lines at the top of the fitted scoring.yaml: what data, when, what it gave. */
function header(run: Omit<CalibrationRun, 'written'>, hash: string): string[] {
  const { report } = run;
  const { scale, r } = report;
  const moved = report.numbers.filter((n) => n.moved).map((n) => `  ${n.key}: ${n.current} -> ${n.fitted}`);
  return [
    ...commentLines(
      `${HEADER_START} on ${run.date} from ${run.file === '-' ? 'stdin' : run.file} (sha256 ${hash.slice(0, 12)} of its graded answers): ` +
        `${report.answers} answers to ${report.questions} questions, grades ${scale.min}-${scale.max}, passing grade ${scale.pass}, starting from ${run.from}. ` +
        `Pearson r with the grades: current ${r.current.toFixed(3)}, fitted ${r.fitted.toFixed(3)}, cross-validated by question (${report.folds} folds) ${r.crossValidated.toFixed(3)}.`,
    ),
    ...(moved.length === 0 ? ['No number moved.'] : ['Moved:', ...moved]),
    ...commentLines(verdict(report)),
    'What is fitted, and how to read these figures: docs/calibration.md.',
  ];
}

/** A paragraph cut into comment lines of at most 96 characters. */
function commentLines(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + word.length + 1 > 96) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line) lines.push(line);
  return lines;
}

/** `qbank calibrate GRADED.jsonl`: fit, cross-validate, write the rubric folder, report. */
export async function runCalibrate(context: CommandContext, file: string, flags: CalibrateFlags): Promise<void> {
  const { io } = context;
  const scaleFlag = flags.scale === undefined ? undefined : parseScale(flags.scale);
  if (typeof scaleFlag === 'string') throw new UsageError(scaleFlag);
  const folds = foldsFrom(flags.folds);
  const passFlag = passFrom(flags.pass);
  const outShown = flags.out ?? 'qbank-rubrics';
  const outDir = path.resolve(io.cwd, outShown);
  await checkOutputFolder(outDir, outShown);

  const { Scorer } = await import('../scorer.js');
  const scorer = await Scorer.open(io, flags.rubrics);
  const { openBank } = await import('../bank-access.js');
  const input = await readGradedInput(io, file, { openBank: () => openBank(io, flags.bank), ...(scaleFlag ? { scale: scaleFlag } : {}) });
  reportSkipped(context, file, input.skipped);
  if (input.lines === 0) throw new UsageError(`${file} holds no graded answers; each line should be {"question": "<id or path>", "answer": "…", "grade": <number>}`);
  const tooLittle = tooLittleData(input.graded.map((g) => ({ question: g.question.frontmatter.id, grade: g.grade })));
  if (tooLittle) {
    const used = input.skipped.length > 0 ? `; ${input.graded.length} of ${input.lines} lines could be used, nothing was written` : '; nothing was written';
    throw new UsageError(`${tooLittle}${used}`);
  }

  const grades = input.graded.map((g) => g.grade);
  const min = scaleFlag?.min ?? Math.min(...grades);
  const max = scaleFlag?.max ?? Math.max(...grades);
  const pass = passFlag ?? Math.round((min + DEFAULT_PASS_SHARE * (max - min)) * 1000) / 1000;
  if (pass <= min || pass > max) throw new UsageError(`--pass ${pass} is not a grade above the bottom of the scale ${min}-${max}`);
  const scale: GradeScale = { min, max, pass };

  const progress = progressLine(exactStream(io.stderr));
  const evidence = collectEvidence(input.graded, (q) => scorer.rubric(q), scorer.setup.config, (done, total) =>
    progress.update(`qbank calibrate: scoring answer ${done} of ${total}`, done === total),
  );
  let report: CalibrationReport;
  progress.update('qbank calibrate: fitting', true);
  try {
    report = calibrate(evidence, scorer.setup.config, {
      scale,
      folds,
      onFold: (done, total) => progress.update(`qbank calibrate: cross-validating, fold ${done} of ${total}`, true),
    });
  } finally {
    progress.done();
  }

  const from = path.resolve(scorer.setup.dir) === path.resolve(DEFAULT_RUBRICS_DIR) ? 'the shipped rubrics' : displayPath(scorer.setup.dir, io.cwd);
  const clock = clockFrom(io.env);
  const run: Omit<CalibrationRun, 'written'> = { file, lines: input.lines, skipped: input.skipped, report, from, out: outShown, date: clock.now().toISOString().slice(0, 10) };
  const hash = createHash('sha256').update(input.graded.map((g) => `${g.question.frontmatter.id}\t${g.grade}\t${g.answer}`).join('\n')).digest('hex');
  const keys = report.numbers.map((n) => n.key);
  const written = await writeRubricFolder(scorer.setup.dir, outDir, outShown, report.config, keys, header(run, hash));
  const full: CalibrationRun = { ...run, written: written.map((f) => path.join(outShown, path.basename(f))) };
  if (flags.json) exactStream(io.stdout).write(`${JSON.stringify(calibrationJson(full), null, 2)}\n`);
  else io.stdout.write(renderCalibrationText(full, outputWidth(io.stdout)));
  if (input.skipped.length > 0) {
    io.stderr.write(`qbank: used ${input.graded.length} of ${input.lines} lines; ${input.skipped.length} skipped\n`);
    context.setExitCode(ExitCode.findings);
  }
}
