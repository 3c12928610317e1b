import type { LoadedSession } from '../../adapters/interview-store.js';
import { gradeLines, RATING_SCALE } from '../../core/interview/grades.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { writeReport } from './output.js';
import { loadSession, openStore, warn } from './sessions.js';

/**
 * `qbank scorecard export-grades [SESSIONS…]`: a `qbank calibrate` input line for every answered
 * question of the sessions named (every saved session when none is), as JSON Lines.
 */
export async function runExportGrades(context: CommandContext, sessions: readonly string[], flags: { out?: string }): Promise<void> {
  const { io } = context;
  const store = openStore(io);
  let loaded: LoadedSession[];
  if (sessions.length === 0) {
    loaded = (await store.list()).sort((a, b) => (a.state.meta.id < b.state.meta.id ? -1 : 1));
    for (const session of loaded) warn(io, session.warnings);
    if (loaded.length === 0) throw new UsageError(`No interview sessions in ${store.dir}; run "qbank interview" first, or name session files`);
  } else {
    loaded = [];
    for (const session of sessions) loaded.push(await loadSession(io, store, session));
  }
  const { lines, withoutNotes } = gradeLines(loaded.map((l) => l.state));
  for (const { session, question } of withoutNotes) io.stderr.write(`qbank: warning: ${question} in session ${session} was answered but has no notes; left out\n`);
  const count = loaded.length;
  if (lines.length === 0) {
    throw new UsageError(`The ${count === 1 ? 'session has' : `${count} sessions have`} no answered question with notes and a rating to export (passes and questions not asked are left out)`);
  }
  await writeReport(io, lines.map((line) => JSON.stringify(line)).join('\n') + '\n', flags.out, true);
  const target = flags.out === undefined || flags.out === '-' ? 'FILE' : flags.out;
  io.stderr.write(
    `qbank: ${lines.length} graded answer${lines.length === 1 ? '' : 's'} from ${count} session${count === 1 ? '' : 's'} (ratings as grades ${RATING_SCALE.min}-${RATING_SCALE.max}); fit them with: qbank calibrate ${target} --scale ${RATING_SCALE.min}-${RATING_SCALE.max}\n`,
  );
}
