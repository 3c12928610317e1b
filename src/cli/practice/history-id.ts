import type { Attempt } from '../../core/practice/history.js';
import { openBank } from '../bank-access.js';
import { UsageError } from '../errors.js';
import type { CliIO } from '../io.js';

/**
 * What `history --id ID` has when no attempt is at ID: nothing to fix when the bank has that
 * question (a line to say so is returned), a usage error naming the ids there are when it has not.
 */
export async function noAttemptsAt(io: CliIO, id: string, attempts: readonly Attempt[]): Promise<string> {
  let known = false;
  try {
    known = (await openBank(io, undefined)).ids.includes(id);
  } catch {
    // A bank that cannot be read does not decide this: the history alone does.
  }
  if (known) return `No attempts at ${id} yet. Practise it with "qbank practice --id ${id}".\n`;
  const tried = [...new Set(attempts.map((a) => a.questionId))].sort();
  const shown = tried.length <= 12 ? tried.join(', ') : `${tried.slice(0, 12).join(', ')} and ${tried.length - 12} more`;
  throw new UsageError(`No attempts at "${id}", and the bank has no question with that id; ${tried.length === 0 ? 'there are no attempts yet' : `your history has attempts at ${shown}`}`);
}
