import path from 'node:path';
import { History } from '../core/practice/history.js';
import { HistoryRecordSchema, type HistoryRecord } from '../core/practice/records.js';
import { dataDir } from './data-dir.js';
import { JsonlLog } from './jsonl-log.js';

/** The practice history: `<data folder>/history.jsonl`, one record per line. */
export function historyLog(env: NodeJS.ProcessEnv): JsonlLog<HistoryRecord> {
  return new JsonlLog<HistoryRecord>(path.join(dataDir(env), 'history.jsonl'), HistoryRecordSchema);
}

/** Reads the history; damaged records come back as warnings, never as a failure. */
export async function loadHistory(env: NodeJS.ProcessEnv): Promise<{ history: History; warnings: string[]; file: string }> {
  const log = historyLog(env);
  const { records, warnings } = await log.read();
  return { history: new History(records), warnings, file: log.file };
}
