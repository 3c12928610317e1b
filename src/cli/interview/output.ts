import path from 'node:path';
import { UsageError } from '../errors.js';
import type { CliIO } from '../io.js';
import { exactStream } from '../terminal-safe.js';

const formatList = (names: readonly string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`);

/**
 * The format asked for: `--format` when given, else the one the `--out` file's extension names,
 * else `fallback`. `formats` lists each format's extensions, the first being its own. An `--out`
 * extension that names no format, or another format than `--format`, is refused: a card.pdf
 * that holds Markdown helps nobody.
 */
export function chooseFormat<F extends string>(flag: string | undefined, out: string | undefined, formats: Readonly<Record<F, readonly string[]>>, fallback: NoInfer<F>): F {
  const names = Object.keys(formats) as F[];
  const byName = (value: string) => names.find((name) => name === value || formats[name].includes(value));
  let chosen: F | undefined;
  if (flag !== undefined) {
    chosen = byName(flag.toLowerCase());
    if (chosen === undefined) throw new UsageError(`--format expects one of ${names.join(', ')}, got "${flag}"`);
  }
  const ext = out === undefined || out === '-' ? '' : path.extname(out).slice(1).toLowerCase();
  if (ext === '') return chosen ?? fallback;
  const named = names.find((name) => formats[name].includes(ext));
  if (named === undefined) {
    const known = formatList(names.map((name) => `${name} (.${formats[name][0] ?? name})`));
    const pdf = ext === 'pdf' && names.includes('html' as F) ? '; for a PDF, write .html and print it from a browser' : '';
    throw new UsageError(`--out ${out}: qbank does not write .${ext} files; it writes ${known}${pdf}`);
  }
  if (chosen !== undefined && chosen !== named) throw new UsageError(`--out ${out} names the ${named} format but --format is ${chosen}; drop --format or name the file .${formats[chosen][0] ?? chosen}`);
  return named;
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
