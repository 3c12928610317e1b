import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Bank } from '../../core/bank/bank.js';
import { ScriptMistake, UnreadableInput } from '../../core/errors/catalogue.js';
import { isQbankError, QbankError } from '../../core/errors/qbank-error.js';
import { InterviewMachine, type InterviewProgress } from '../../core/interview/session.js';
import { sessionId, targetLevel } from '../../core/interview/plan.js';
import type { SessionMeta } from '../../core/interview/records.js';
import type { PlannedQuestion } from '../../core/interview/context.js';
import type { SubjectiveQuestion } from '../../core/model/subjective.js';
import { clockFrom } from '../../adapters/clock.js';
import { resolveBankDirs } from '../../adapters/package-paths.js';
import { openBank } from '../bank-access.js';
import type { CommandContext } from '../context.js';
import { CancelledError, UsageError } from '../errors.js';
import { outputWidth, type CliIO } from '../io.js';
import { Scorer } from '../scorer.js';
import { driveSession, type SessionIO } from '../session/driver.js';
import { ScriptBlocks } from '../session/script-blocks.js';
import { createStyle } from '../style.js';
import type { InterviewBlock } from '../../core/interview/blocks.js';
import { chooseFormat, writeReport } from './output.js';
import { countFromFlag, levelFromFlag } from '../filter-flags.js';
import { filteredQuestions, planQuestions, readPlanFile } from './plan-source.js';
import { renderBlocks } from './render-blocks.js';
import { InterviewScriptIO } from './script-io.js';
import { openStore, renderScorecard, scorecardOf, SCORECARD_EXTENSIONS, sessionLines, sessionToResume } from './sessions.js';
import { resolveTimeZone } from './time-zone.js';
import { TerminalIO } from '../session/terminal-io.js';
import { exactStream } from '../terminal-safe.js';

export interface InterviewFlags {
  candidate?: string;
  interviewer?: string;
  level?: string;
  topic?: string;
  category?: string;
  tag?: string;
  count?: string;
  plan?: string;
  resume?: string | boolean;
  script?: string;
  list?: boolean;
  json?: boolean;
  format?: string;
  out?: string;
  tz?: string;
  bank?: string[];
  rubrics?: string;
}

const DEFAULT_COUNT = 3;

/** A new session from the flags: the plan, the target level, the meta written first. */
async function newSession(io: CliIO, flags: InterviewFlags, now: Date): Promise<{ meta: SessionMeta; questions: SubjectiveQuestion[]; bank: Bank }> {
  const candidate = flags.candidate?.trim();
  if (!candidate) throw new UsageError('Name the candidate: qbank interview --candidate NAME (or continue a saved one with --resume)');
  if (flags.plan !== undefined && (flags.topic ?? flags.category ?? flags.tag ?? flags.count) !== undefined) {
    throw new UsageError('Give either --plan FILE or --topic/--category/--tag/--count, not both');
  }
  const level = levelFromFlag(flags.level);
  const count = countFromFlag(flags.count, DEFAULT_COUNT, 50) ?? DEFAULT_COUNT;
  const planned = flags.plan === undefined ? undefined : await readPlanFile(io, flags.plan);
  const plan = planned?.plan;
  const bank = await openBank(io, flags.bank);
  const questions = planned ? planQuestions(bank, planned.plan.questions, planned.place) : filteredQuestions(bank, { topic: flags.topic, level: flags.level, category: flags.category, tag: flags.tag }, count);
  const meta: SessionMeta = {
    id: sessionId(candidate, now),
    candidate,
    interviewer: flags.interviewer?.trim() || null,
    targetLevel: targetLevel(level ?? plan?.level, questions),
    questions: questions.map((q) => q.frontmatter.id),
    totalMinutes: plan?.totalMinutes ?? null,
    startedAt: now.toISOString(),
    bank: resolveBankDirs(flags.bank, io.env, io.cwd),
  };
  return { meta, questions, bank };
}

async function scriptStream(io: CliIO, file: string | undefined): Promise<NodeJS.ReadableStream> {
  if (file === undefined || file === '-') return io.stdin;
  const full = path.resolve(io.cwd, file);
  try {
    if (!(await stat(full)).isFile()) throw new Error('not a file');
  } catch {
    throw new QbankError(UnreadableInput, { what: 'script file', file });
  }
  return createReadStream(full, 'utf8');
}

/** `qbank interview`: list, start or resume a session, drive it, then write the scorecard. */
export async function runInterview(context: CommandContext, flags: InterviewFlags): Promise<void> {
  const { io } = context;
  const store = openStore(io);
  const clock = clockFrom(io.env);
  if (flags.list) {
    const sessions = await store.list();
    if (flags.json) exactStream(io.stdout).write(`${JSON.stringify(sessions.map((s) => ({ id: s.state.meta.id, candidate: s.state.meta.candidate, interviewer: s.state.meta.interviewer, targetLevel: s.state.meta.targetLevel, questions: s.state.meta.questions.length, done: s.state.outcomes.size, complete: s.state.decision !== undefined, recommendation: s.state.decision?.final ?? null, updatedAt: s.state.updatedAt, file: s.file })), null, 2)}\n`);
    else io.stdout.write(sessions.length === 0 ? `No interview sessions in ${store.dir}\n` : `${sessionLines(sessions).join('\n')}\n`);
    return;
  }
  const format = chooseFormat(flags.format, flags.out, SCORECARD_EXTENSIONS, 'md');
  const timeZone = resolveTimeZone(flags.tz, io.env);
  const scripted = flags.script !== undefined || !io.stdin.isTTY;
  const script = scripted ? await scriptStream(io, flags.script) : undefined;
  const scorer = await Scorer.open(io, flags.rubrics);
  let meta: SessionMeta;
  let questions: SubjectiveQuestion[];
  let progress: InterviewProgress = { outcomes: new Map() };
  let file: string;
  if (flags.resume !== undefined && flags.resume !== false) {
    const extra = (['candidate', 'plan', 'topic', 'level', 'count', 'category', 'tag', 'interviewer'] as const).find((key) => flags[key] !== undefined);
    if (extra) throw new UsageError(`--resume continues a saved session as it was planned; drop --${extra}`);
    const loaded = await sessionToResume(io, store, typeof flags.resume === 'string' ? flags.resume : undefined);
    ({ meta } = loaded.state);
    file = loaded.file;
    progress = loaded.state;
    // Before the first question: notes typed into a session that cannot be saved are lost work.
    await store.checkWritable(file);
    const bank = await openBank(io, flags.bank ?? meta.bank);
    questions = planQuestions(bank, meta.questions, () => `session ${meta.id}`);
  } else {
    const created = await newSession(io, flags, clock.now());
    ({ meta, file } = await store.create(created.meta));
    questions = created.questions;
  }
  const planned: PlannedQuestion[] = questions.map((question) => ({ question, rubric: scorer.rubric(question) }));
  const machine = new InterviewMachine(meta, planned, progress);
  const style = createStyle(io.stdout, io.env);
  const width = outputWidth(io.stdout);
  const render = (blocks: readonly InterviewBlock[]) => renderBlocks(blocks, { style, width });
  const sessionIO: SessionIO<InterviewBlock> = script
    ? new InterviewScriptIO(new ScriptBlocks(script), io.stdout, render, meta.questions, width, flags.script === undefined || flags.script === '-' ? '<stdin>' : flags.script)
    : new TerminalIO(io.stdin, exactStream(io.stdout) as CliIO['stdout'] & NodeJS.WritableStream, render, width);
  const log = store.log(file);
  try {
    await driveSession(machine, sessionIO, clock, (effect) => log.append(effect.record));
  } catch (error) {
    if (error instanceof CancelledError) io.stderr.write(`\nqbank: interview saved; continue with "qbank interview --resume ${meta.id}"\n`);
    if (isQbankError(error, ScriptMistake)) throw error.with({ session: meta.id });
    throw error;
  }
  const loaded = await store.load(file, io.cwd);
  if (!loaded.state.decision) return;
  await writeReport(io, renderScorecard(scorecardOf(loaded), format, { timeZone }), flags.out, format === 'json');
}
