import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { ExportFailed } from '../core/errors/catalogue.js';
import { QbankError } from '../core/errors/qbank-error.js';
import { writeFailureReason } from './jsonl-log.js';

/**
 * Writes a value as pretty JSON, atomically (a crash or a full disk leaves the old file or the
 * new one, never half: write-file-atomic writes a temporary file and renames it).
 */
export async function exportJson(cwd: string, file: string, value: unknown): Promise<string> {
  const target = path.resolve(cwd, file);
  try {
    await writeFileAtomic(target, `${JSON.stringify(value, null, 2)}\n`, { encoding: 'utf8' });
  } catch (error) {
    if (error instanceof Error && 'code' in error) {
      throw new QbankError(ExportFailed, { file, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : writeFailureReason(error) });
    }
    throw error;
  }
  return target;
}
