import path from 'node:path';
import { UsageError } from '../errors.js';
import type { CliIO } from '../io.js';
import { exactStream } from '../terminal-safe.js';

/**
 * The format asked for: `--format` when given (checked against `allowed`), else the one the
 * `--out` file's extension names, else `fallback`.
 */
export function chooseFormat<F extends string>(flag: string | undefined, out: string | undefined, allowed: readonly F[], fallback: F): F {
  if (flag !== undefined) {
    const value = flag.toLowerCase() === 'markdown' ? 'md' : flag.toLowerCase();
    if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--format expects one of ${allowed.join(', ')}, got "${flag}"`);
    return value as F;
  }
  const ext = out ? path.extname(out).slice(1).toLowerCase() : '';
  const byExt = ext === 'htm' ? 'html' : ext === 'markdown' ? 'md' : ext;
  return (allowed as readonly string[]).includes(byExt) ? (byExt as F) : fallback;
}

/**
 * Writes a report to `--out` (saying where on stderr) or to stdout. A file gets the exact text;
 * so does stdout for a machine format (`exact`: JSON), while Markdown and HTML on stdout pass the
 * terminal writer like any text for a person.
 */
export async function writeReport(io: CliIO, text: string, out: string | undefined, exact = false): Promise<void> {
  if (out === undefined || out === '-') {
    (exact ? exactStream(io.stdout) : io.stdout).write(text);
    return;
  }
  const file = path.resolve(io.cwd, out);
  const { default: writeFileAtomic } = await import('write-file-atomic');
  try {
    await writeFileAtomic(file, text, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`Cannot write ${out}: ${code === 'ENOENT' ? 'no such folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
  }
  io.stderr.write(`qbank: wrote ${out}\n`);
}
