import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { writeFailureReason } from './jsonl-log.js';

/** An export could not be written: the message names the file and why, in words. */
export class ExportError extends Error {
  constructor(file: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException).code;
    super(`Cannot write ${file}: ${code === 'ENOENT' ? 'its folder does not exist' : writeFailureReason(cause)}`);
    this.name = 'ExportError';
  }
}

/**
 * Writes a value as pretty JSON, atomically (a crash or a full disk leaves the old file or the
 * new one, never half: write-file-atomic writes a temporary file and renames it).
 */
export async function exportJson(cwd: string, file: string, value: unknown): Promise<string> {
  const target = path.resolve(cwd, file);
  try {
    await writeFileAtomic(target, `${JSON.stringify(value, null, 2)}\n`, { encoding: 'utf8' });
  } catch (error) {
    if (error instanceof Error && 'code' in error) throw new ExportError(file, error);
    throw error;
  }
  return target;
}
