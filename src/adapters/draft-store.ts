import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { DraftRecordSchema, replayDraft, type AnswerDraft, type DraftRecord } from '../core/practice/draft.js';
import { dataDir } from './data-dir.js';
import { JsonlLog, StorageError } from './jsonl-log.js';

/**
 * The practice answer being typed: `<data folder>/practice-draft.jsonl`, appended and flushed
 * line by line like the history, and deleted once the answer is saved or skipped.
 */
export function draftLog(env: NodeJS.ProcessEnv): JsonlLog<DraftRecord> {
  // No copy in the temp folder when a line cannot be saved: the answer is still being typed.
  return new JsonlLog<DraftRecord>(path.join(dataDir(env), 'practice-draft.jsonl'), DraftRecordSchema);
}

/** The unfinished answer, if any; damaged records come back as warnings. */
export async function loadDraft(env: NodeJS.ProcessEnv): Promise<{ draft?: AnswerDraft; warnings: string[] }> {
  const { records, warnings } = await draftLog(env).read();
  const draft = replayDraft(records);
  return draft ? { draft, warnings } : { warnings };
}

/** Deletes the draft log (nothing to do when there is none). */
export async function clearDraft(env: NodeJS.ProcessEnv): Promise<void> {
  const file = draftLog(env).file;
  try {
    await unlink(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new StorageError(file, error);
  }
}
