import { InterviewStore, type LoadedSession } from '../../adapters/interview-store.js';
import { dataDir, tempDir } from '../../adapters/data-dir.js';
import { buildScorecard, type Scorecard } from '../../core/interview/scorecard.js';
import { isComplete } from '../../core/interview/records.js';
import { UsageError } from '../errors.js';
import type { CliIO } from '../io.js';
import { scorecardHtml } from './scorecard-html.js';
import { scorecardMarkdown } from './scorecard-markdown.js';
import type { ScorecardOptions } from './scorecard-view.js';

export const SCORECARD_FORMATS = ['md', 'json', 'html'] as const;
export type ScorecardFormat = (typeof SCORECARD_FORMATS)[number];

export function openStore(io: CliIO): InterviewStore {
  return new InterviewStore(dataDir(io.env), tempDir(io.env));
}

/** Says on stderr which damaged records were skipped. */
export function warn(io: CliIO, warnings: readonly string[]): void {
  for (const warning of warnings) io.stderr.write(`qbank: warning: ${warning}\n`);
}

/** Loads a session by id or path, showing the warnings of its damaged records. */
export async function loadSession(io: CliIO, store: InterviewStore, idOrPath: string): Promise<LoadedSession> {
  const loaded = await store.load(idOrPath, io.cwd);
  warn(io, loaded.warnings);
  return loaded;
}

/** The session `--resume` means: the one named, else the most recently active unfinished one. */
export async function sessionToResume(io: CliIO, store: InterviewStore, id: string | undefined): Promise<LoadedSession> {
  if (id !== undefined) {
    const loaded = await loadSession(io, store, id);
    if (isComplete(loaded.state)) {
      throw new UsageError(`Session ${loaded.state.meta.id} is already complete; see its scorecard with "qbank scorecard ${loaded.state.meta.id}"`);
    }
    return loaded;
  }
  const open = (await store.list()).filter((s) => !isComplete(s.state));
  const latest = open[0];
  if (!latest) throw new UsageError(`No unfinished interview to resume in ${store.dir}; start one with "qbank interview --candidate NAME"`);
  warn(io, latest.warnings);
  return latest;
}

/** Each scorecard format and the file extensions that choose it. */
export const SCORECARD_EXTENSIONS: Record<ScorecardFormat, readonly string[]> = { md: ['md', 'markdown'], json: ['json'], html: ['html', 'htm'] };

/** A scorecard in the chosen format; the JSON keeps its times in UTC. */
export function renderScorecard(card: Scorecard, format: ScorecardFormat, options: ScorecardOptions): string {
  if (format === 'json') return `${JSON.stringify(card, null, 2)}\n`;
  if (format === 'html') return scorecardHtml(card, options);
  return scorecardMarkdown(card, options);
}

export function scorecardOf(loaded: LoadedSession): Scorecard {
  return buildScorecard(loaded.state);
}

/** One line per saved session for `qbank interview --list`. */
export function sessionLines(sessions: readonly LoadedSession[]): string[] {
  return sessions.map(({ state }) => {
    const done = state.outcomes.size;
    const status = isComplete(state) ? `complete, ${state.decision?.final.replace(/_/g, ' ')}` : `${done} of ${state.meta.questions.length} done`;
    return `${state.meta.id}  ${state.meta.candidate} · ${state.meta.targetLevel} · ${status}`;
  });
}
