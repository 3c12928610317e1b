import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** Writes a value as pretty JSON, atomically (a crash leaves the old file or the new one, never half). */
export async function exportJson(cwd: string, file: string, value: unknown): Promise<string> {
  const target = path.resolve(cwd, file);
  await writeFileAtomic(target, `${JSON.stringify(value, null, 2)}\n`, { encoding: 'utf8' });
  return target;
}
