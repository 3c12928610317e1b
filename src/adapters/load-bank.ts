import { closeSync, constants, fstatSync, openSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bank, type BankRecord } from '../core/bank/bank.js';
import { summariseQuestion, type QuestionSummary } from '../core/bank/summary.js';
import { blockingErrors } from '../core/lint/run.js';
import type { Diagnostic } from '../core/model/diagnostic.js';
import { BankIndex, StoredSummarySchema, type IndexEntry } from './bank-index.js';
import { cacheDir } from './data-dir.js';
import { contentHash } from './lint-cache.js';
import { buildStamp } from './lint-files.js';
import { displayPath } from './package-paths.js';
import { reasonOf, specialKind, type SkippedPath } from './find-question-files.js';
import { MAX_QUESTION_FILE_BYTES, findQuestionFiles, parseQuestionBytes, readQuestionFileSync, tooLargeFile, unreadableFile } from './question-files.js';

export interface LoadBankOptions {
  /** Where to keep the bank index (`bankIndexFile`); without it every file is parsed. */
  index?: string;
  /** Told about each folder left out of the walk: one that cannot be read, or a link back to one already walked. */
  onSkippedFolder?: (skipped: SkippedPath) => void;
}

/** The index of a set of bank folders, in the user's cache folder beside the lint cache. */
export function bankIndexFile(env: NodeJS.ProcessEnv, dirs: readonly string[]): string {
  return path.join(cacheDir(env), 'bank', `${contentHash([...dirs].map((dir) => path.resolve(dir)).sort().join('\n'))}.json`);
}

/** The build an index was written by: the parser, model and rules (`buildStamp`), and the bank's own code (what a summary holds). */
function indexKey(): string {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'core', 'bank');
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((name) => /\.[cm]?[jt]s$/.test(name)).sort();
  } catch {
    // Not laid out as built: the parser's stamp alone.
  }
  const parts = names.map((name) => {
    const info = statSync(path.join(dir, name), { throwIfNoEntry: false });
    return info ? `${name}:${info.size}:${info.mtimeMs}` : name;
  });
  return contentHash([buildStamp(), ...parts].join('\n'));
}

/**
 * Finds every question file under the bank folders and builds the bank from their summaries:
 * from the index for files unchanged since it was written, by reading and parsing the others.
 * Whole questions are read again when a command asks for one (`Bank.get`). An index that
 * cannot be read or written costs time, never a result.
 */
export async function loadBank(dirs: readonly string[], cwd: string, options: LoadBankOptions = {}): Promise<Bank> {
  const unreadable: SkippedPath[] = [];
  // The walk waits on the file system while the index is read and parsed.
  const [files, index] = await Promise.all([
    findQuestionFiles(dirs, { onSkipped: (skipped) => (skipped.kind === 'file' ? unreadable.push(skipped) : options.onSkippedFolder?.(skipped)) }),
    BankIndex.open(options.index, options.index ? indexKey() : ''),
  ]);
  const where = new Map<string, string>();
  const records: BankRecord[] = [];
  // A question file that cannot be read is left out like any broken file, with its reason.
  for (const { path: file, reason } of unreadable) records.push(fromParsedFile(displayPath(file, cwd), unreadableFile(reason)));
  for (const file of files) {
    const label = displayPath(file, cwd);
    where.set(label, file);
    records.push(readRecord(index, file, label));
  }
  await index.save().catch(() => undefined);
  return Bank.fromRecords(records, (label) => {
    const file = where.get(label);
    if (file === undefined) return undefined;
    try {
      const parsed = readQuestionFileSync(file, label);
      return parsed.usable ? parsed.question : undefined;
    } catch {
      return undefined;
    }
  });
}

/** One file's record: from its index entry when it still holds, else read and parsed (and indexed). */
function readRecord(index: BankIndex, file: string, label: string): BankRecord {
  const seenAt = Date.now();
  let stat;
  try {
    // The stat comes before the read: a change in between leaves an entry that next time misses.
    stat = statSync(file);
  } catch (error) {
    return fromParsedFile(label, unreadableFile(reasonOf(error)));
  }
  if (!stat.isFile()) return fromParsedFile(label, unreadableFile(`it is ${specialKind(stat)}`));
  if (stat.size > MAX_QUESTION_FILE_BYTES) return fromParsedFile(label, tooLargeFile(stat.size));
  const known = index.byStat(file, stat);
  if (known) return fromEntry(label, known, file);
  const bytes = readBytes(file, label);
  if (!Buffer.isBuffer(bytes)) return bytes;
  const hash = contentHash(bytes);
  const { size, mtimeMs, ctimeMs, ino } = stat;
  const same = index.byHash(file, hash);
  if (same) {
    index.set(file, { ...same, size, mtimeMs, ctimeMs, ino, seenAt });
    return fromEntry(label, same, file);
  }
  const parsed = bytes.length > MAX_QUESTION_FILE_BYTES ? tooLargeFile(bytes.length) : parseQuestionBytes(bytes, label);
  const entry = indexEntry(fromParsedFile(label, parsed), { size, mtimeMs, ctimeMs, ino, seenAt, hash });
  index.set(file, entry);
  return fromEntry(label, entry, file);
}

/**
 * The index entry of a file just read, in strings of its own: the parser's strings are slices
 * of the file's whole text, and a bank keeping them would keep every file's text in memory.
 */
function indexEntry(record: BankRecord, read: Omit<IndexEntry, 'id' | 'summary' | 'blocking'>): IndexEntry {
  const entry: IndexEntry = { ...read };
  if (record.id !== undefined && typeof record.summary === 'object') {
    const { file: _file, ...summary } = record.summary;
    entry.id = record.id;
    entry.summary = JSON.stringify(summary);
  } else {
    entry.blocking = record.blocking.map(withoutFile);
  }
  return JSON.parse(JSON.stringify(entry)) as IndexEntry;
}

/** A file's bytes, or its record when it cannot be read as a question file (never waiting on a FIFO put in its place). */
function readBytes(file: string, label: string): Buffer | BankRecord {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return fromParsedFile(label, unreadableFile(reasonOf(error)));
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return fromParsedFile(label, unreadableFile(`it is ${specialKind(info)}`));
    if (info.size > MAX_QUESTION_FILE_BYTES) return fromParsedFile(label, tooLargeFile(info.size));
    return readFileSync(fd);
  } catch (error) {
    return fromParsedFile(label, unreadableFile(reasonOf(error)));
  } finally {
    closeSync(fd);
  }
}

function fromParsedFile(label: string, parsed: ReturnType<typeof parseQuestionBytes>): BankRecord {
  if (parsed.usable && parsed.question) return { file: label, id: parsed.question.frontmatter.id, summary: summariseQuestion(parsed.question), blocking: [] };
  return { file: label, blocking: blockingErrors(parsed, label) };
}

/** A file's record from its index entry; the summary is read from its text when first asked for. */
function fromEntry(label: string, entry: IndexEntry, file: string): BankRecord {
  const { id, summary } = entry;
  if (id === undefined || summary === undefined) return { file: label, blocking: (entry.blocking ?? []).map((d) => ({ ...d, file: label })) };
  return { file: label, id, summary: () => storedSummary(summary, id, label) ?? summariseFile(file, label), blocking: [] };
}

/** A summary from its index text, when it is one and is this question's. */
function storedSummary(text: string, id: string, label: string): QuestionSummary | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const checked = StoredSummarySchema.safeParse(data);
  return checked.success && checked.data.frontmatter.id === id ? { ...checked.data, file: label } : undefined;
}

/** A summary read from the file itself: the index entry's text was damaged (the stat or hash said the file is as it was). */
function summariseFile(file: string, label: string): QuestionSummary | undefined {
  const parsed = readQuestionFileSync(file, label);
  return parsed.usable && parsed.question ? summariseQuestion(parsed.question) : undefined;
}

function withoutFile({ file: _file, ...rest }: Diagnostic): Omit<Diagnostic, 'file'> {
  return rest;
}
