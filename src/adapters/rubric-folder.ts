import { mkdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { isScalar, parseDocument } from 'yaml';
import { valueAt } from '../core/calibrate/numbers.js';
import { OutputNotAFolder, RubricFolderFailed, ShippedRubricsRefused } from '../core/errors/catalogue.js';
import { QbankError } from '../core/errors/qbank-error.js';
import { ScoringConfigSchema, type ScoringConfig } from '../core/score/config.js';
import { DEFAULT_RUBRICS_DIR } from './package-paths.js';

/**
 * `scoring.yaml`'s text with the numbers at `keys` (dotted paths) set to `fitted`'s, under a
 * header of comment lines. Every other byte is kept as written (comments, alignment, `1.0`):
 * each number is replaced where it stands. Only when the source lacks a key (a section left to
 * its default) is the document rewritten, with the whole section from `fitted`. The result is
 * checked against the schema before it is returned.
 */
export function rewriteScoringYaml(source: string, fitted: ScoringConfig, keys: readonly string[], header: readonly string[]): string {
  const doc = parseDocument(source);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let complete = true;
  for (const key of keys) {
    const at = key.split('.');
    const value = valueAt(fitted, key);
    const node = doc.getIn(at, true);
    if (isScalar(node) && node.range) {
      if (node.value !== value) edits.push({ start: node.range[0], end: node.range[1], text: String(value) });
    } else complete = false;
  }
  let body: string;
  if (complete) {
    body = source;
    for (const edit of edits.sort((a, b) => b.start - a.start)) body = body.slice(0, edit.start) + edit.text + keepColumn(body.slice(edit.end), edit.text.length - (edit.end - edit.start));
  } else {
    for (const key of keys) {
      const at = key.split('.');
      const section = at[0] as keyof ScoringConfig;
      if (at.length > 1 && !doc.has(section)) doc.set(section, doc.createNode(fitted[section]));
      else doc.setIn(at, valueAt(fitted, key));
    }
    body = doc.toString({ lineWidth: 0 });
  }
  const text = `${header.map((line) => `# ${line}`.trimEnd()).join('\n')}\n\n${withoutOldHeader(body)}`;
  const check = ScoringConfigSchema.safeParse(parseDocument(text).toJS());
  if (!check.success) throw new Error(`the fitted scoring.yaml does not validate: ${check.error.issues[0]?.message ?? 'invalid'}`);
  return text;
}

/** The header of an earlier calibration (a source folder that calibrate wrote) gives way to the new one. */
export const HEADER_START = 'Fitted by "qbank calibrate"';

function withoutOldHeader(text: string): string {
  if (!text.startsWith(`# ${HEADER_START}`)) return text;
  const end = text.indexOf('\n\n');
  return end === -1 ? text : text.slice(end + 2);
}

/** The rest of a line after a replaced value, padded or trimmed so a comment after it keeps its column. */
function keepColumn(rest: string, longer: number): string {
  const match = /^( +)#/.exec(rest);
  if (!match || longer === 0) return rest;
  const spaces = (match[1] as string).length;
  const kept = Math.max(1, spaces - longer);
  return ' '.repeat(kept) + rest.slice(spaces);
}

async function realOrResolved(dir: string): Promise<string> {
  try {
    return await realpath(dir);
  } catch {
    // Not there yet: the nearest folder that is, with the rest appended.
    const parent = path.dirname(dir);
    return parent === dir ? dir : path.join(await realOrResolved(parent), path.basename(dir));
  }
}

/** Whether `dir` is, or is inside, the rubric folder that ships with qbank (after following links). */
export async function isShippedRubrics(dir: string): Promise<boolean> {
  const [target, shipped] = await Promise.all([realOrResolved(path.resolve(dir)), realOrResolved(DEFAULT_RUBRICS_DIR)]);
  const relative = path.relative(shipped, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Refuses an output folder qbank must not write: the shipped rubrics, or a path that is a file. */
export async function checkOutputFolder(dir: string, shown: string): Promise<void> {
  if (await isShippedRubrics(dir)) {
    throw new QbankError(ShippedRubricsRefused, { dir: shown });
  }
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) throw new QbankError(OutputNotAFolder, { dir: shown });
}

/**
 * Writes a complete rubric folder: the fitted `scoring.yaml` (the source's text with the fitted
 * numbers, under `header`) and the source's `lexicon.yaml`, byte for byte. Each file is written
 * atomically; other files in the folder are left alone. Returns the files written.
 */
export async function writeRubricFolder(
  sourceDir: string,
  outDir: string,
  shown: string,
  fitted: ScoringConfig,
  keys: readonly string[],
  header: readonly string[],
): Promise<string[]> {
  await checkOutputFolder(outDir, shown);
  let source: string;
  let lexicon: Buffer;
  try {
    [source, lexicon] = await Promise.all([readFile(path.join(sourceDir, 'scoring.yaml'), 'utf8'), readFile(path.join(sourceDir, 'lexicon.yaml'))]);
  } catch (error) {
    throw new QbankError(RubricFolderFailed, { doing: 'read', dir: sourceDir, reason: reasonOf(error) });
  }
  const scoring = rewriteScoringYaml(source, fitted, keys, header);
  const files = [path.join(outDir, 'scoring.yaml'), path.join(outDir, 'lexicon.yaml')];
  try {
    await mkdir(outDir, { recursive: true });
    await writeFileAtomic(files[0] as string, scoring, 'utf8');
    await writeFileAtomic(files[1] as string, lexicon);
  } catch (error) {
    throw new QbankError(RubricFolderFailed, { doing: 'write', dir: shown, reason: reasonOf(error) });
  }
  return files;
}

/** Why a file could not be read or written, in words. */
function reasonOf(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a parent is not a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'the file system is read-only';
  return (cause as Error).message;
}
