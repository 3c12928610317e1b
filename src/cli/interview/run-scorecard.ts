import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkInput } from '../../core/errors/input-problems.js';
import { mergeScorecards } from '../../core/interview/merge.js';
import { ScorecardSchema, type Scorecard } from '../../core/interview/scorecard.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { outputWidth, type CliIO } from '../io.js';
import { createStyle } from '../style.js';
import { chooseFormat, writeReport } from './output.js';
import { panelMarkdown, panelText } from './panel-report.js';
import { loadSession, openStore, renderScorecard, scorecardOf, SCORECARD_EXTENSIONS } from './sessions.js';
import { resolveTimeZone } from './time-zone.js';

/** `qbank scorecard SESSION`: the scorecard of a saved session, finished or not. */
export async function runScorecard(context: CommandContext, session: string | undefined, flags: { format?: string; out?: string; tz?: string }): Promise<void> {
  const { io } = context;
  if (session === undefined) throw new UsageError('Name the session: qbank scorecard SESSION (see "qbank interview --list"), or qbank scorecard merge A.json B.json');
  const format = chooseFormat(flags.format, flags.out, SCORECARD_EXTENSIONS, 'md');
  const timeZone = resolveTimeZone(flags.tz, io.env);
  const loaded = await loadSession(io, openStore(io), session);
  const card = scorecardOf(loaded);
  if (!card.complete) io.stderr.write(`qbank: warning: session ${card.session} is not finished; the scorecard shows what is saved so far\n`);
  await writeReport(io, renderScorecard(card, format, { timeZone }), flags.out, format === 'json');
}

async function readScorecard(io: CliIO, file: string): Promise<Scorecard> {
  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch {
    throw new UsageError(`Cannot read ${file}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`${file} is not JSON; merge reads scorecards written with "qbank scorecard SESSION --format json"`);
  }
  const parsed = checkInput(ScorecardSchema, value);
  if (!parsed.ok) {
    const problem = parsed.problems[0];
    const why = problem ? ` (${problem.message})` : '';
    throw new UsageError(`${file} is not a qbank scorecard${why}; merge reads scorecards written with "qbank scorecard SESSION --format json"`);
  }
  return parsed.data;
}

/** `qbank scorecard merge A.json B.json …`: the panel view. */
export async function runMerge(context: CommandContext, files: readonly string[], flags: { format?: string; out?: string }): Promise<void> {
  const { io } = context;
  const format = chooseFormat(flags.format, flags.out, { text: ['txt', 'text'], md: ['md', 'markdown'], json: ['json'] }, 'text');
  if (files.length < 2) throw new UsageError('Give at least two scorecard JSON files to merge');
  const cards = [];
  for (const file of files) cards.push(await readScorecard(io, file));
  const result = mergeScorecards(cards, files.map((f) => path.basename(f)));
  if (!result.ok) throw new UsageError(result.message);
  const { panel } = result;
  const text =
    format === 'json'
      ? `${JSON.stringify(panel, null, 2)}\n`
      : format === 'md'
        ? panelMarkdown(panel)
        : panelText(panel, createStyle(flags.out === undefined ? io.stdout : { write: () => true }, io.env), outputWidth(io.stdout));
  await writeReport(io, text, flags.out, format === 'json');
}
