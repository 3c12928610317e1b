import path from 'node:path';
import { History } from '../core/practice/history.js';
import { HistoryRecordSchema, type HistoryRecord } from '../core/practice/records.js';
import { dataDir, tempDir } from './data-dir.js';
import { JsonlLog } from './jsonl-log.js';

/**
 * The practice history: `<data folder>/history.jsonl`, one record per line. An attempt that
 * reuses an earlier attempt's id is skipped with a warning (the first is kept, and follow-ups
 * go to it); an answer that cannot be saved is kept in the temp folder.
 */
export function historyLog(env: NodeJS.ProcessEnv): JsonlLog<HistoryRecord> {
  return new JsonlLog<HistoryRecord>(path.join(dataDir(env), 'history.jsonl'), HistoryRecordSchema, {
    keep: { dir: tempDir(env), what: 'your answer' },
    unique: { field: 'attemptId', of: (record) => (record.type === 'attempt' ? record.attemptId : undefined) },
  });
}

/** Reads the history; damaged records come back as warnings, never as a failure. */
export async function loadHistory(env: NodeJS.ProcessEnv): Promise<{ history: History; warnings: string[]; file: string }> {
  const log = historyLog(env);
  const { records, warnings } = await log.read();
  return { history: new History(records), warnings, file: log.file };
}
