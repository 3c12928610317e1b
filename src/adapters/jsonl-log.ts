import { open, readFile, writeFile } from 'node:fs/promises';
import { makeFolder } from './make-folder.js';
import path from 'node:path';
import { checkInput } from '../core/errors/input-problems.js';
import type { z } from 'zod';
import { StorageFailure } from '../core/errors/catalogue.js';
import { QbankError } from '../core/errors/qbank-error.js';
import { LockedError, lockLog } from './log-lock.js';

/** A file system failure in words, for a message that says what to do. */
export function writeFailureReason(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a parent is not a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EDQUOT') return 'the disk quota is used up';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'EISDIR') return 'it is a folder';
  return (cause as Error).message;
}

/** A log could not be written (the catalogue's `StorageFailure`): the message names the file and says what to do. */
export class StorageError extends QbankError<typeof StorageFailure> {
  /**
   * Where the record that could not be saved was written instead (in the temp folder), when
   * the log keeps unsaved records; `null` when even that failed.
   */
  readonly keptIn?: string | null;

  constructor(file: string, cause: unknown, doing: 'save to' | 'read' = 'save to', kept?: { file: string | null; what: string; why?: string }) {
    const reason = cause instanceof LockedError ? cause.message : writeFailureReason(cause);
    const keptNote = !kept
      ? ''
      : kept.file
        ? `; ${kept.what} is kept in ${kept.file} (once ${path.basename(file)} can be written again, add it back: cat ${kept.file} >> ${file})`
        : `; ${kept.what} could not be kept in the temp folder either (${kept.why ?? 'unknown reason'})`;
    super(StorageFailure, { doing, file, reason, kept: keptNote });
    if (kept) this.keptIn = kept.file;
  }
}

/** What reading a log gives: the good records and one line per damaged one. */
export interface LogContents<T> {
  records: T[];
  /** `file:line: why`, for each record that was skipped. */
  warnings: string[];
}

/** How a log treats what it cannot save, and which records must be unique. */
export interface LogOptions<T> {
  /**
   * Where a record that could not be appended (a full disk) is written instead, so what the
   * user typed is not lost; `what` names it in the message ("your answer").
   */
  keep?: { dir: string; what: string };
  /** A field that must not repeat: a later record with a value seen before is skipped with a warning. */
  unique?: { field: string; of: (record: T) => string | undefined };
}

/**
 * An append-only JSON Lines file for records that must survive a crash: each append takes a
 * lock (so two qbank processes never interleave), writes one line and flushes it to disk before
 * returning. An append that fails (a full disk) is cut back to the file's size before it, so no
 * torn record is left. Reading skips damaged lines (a torn last line after a kill, a hand edit)
 * with a warning instead of failing.
 */
export class JsonlLog<T> {
  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly options: LogOptions<T> = {},
  ) {}

  /** Fails with a StorageError unless the log's folder and file can be written (before any work is asked of the user). */
  async checkWritable(): Promise<void> {
    try {
      await makeFolder(path.dirname(this.file));
      const handle = await open(this.file, 'a');
      await handle.close();
      const release = await lockLog(this.file);
      await release();
    } catch (error) {
      if (error instanceof Error && 'code' in error) throw new StorageError(this.file, error);
      throw error;
    }
  }

  async append(record: T): Promise<void> {
    const line = JSON.stringify(record);
    try {
      await this.write(line);
    } catch (error) {
      if (!(error instanceof Error && 'code' in error)) throw error;
      const keep = this.options.keep;
      if (!keep) throw new StorageError(this.file, error);
      throw new StorageError(this.file, error, 'save to', { ...(await this.keepUnsaved(keep.dir, line)), what: keep.what });
    }
  }

  private async write(line: string): Promise<void> {
    await makeFolder(path.dirname(this.file));
    // Read and append: the last byte is read, and a failed append is cut back.
    const handle = await open(this.file, 'a+');
    let release: (() => Promise<void>) | undefined;
    try {
      release = await lockLog(this.file);
      // A process killed mid-append can leave a line without its newline; start a fresh line so
      // the damage stays in that one record.
      const { size } = await handle.stat();
      let prefix = '';
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) prefix = '\n';
      }
      try {
        await handle.appendFile(`${prefix}${line}\n`, 'utf8');
        await handle.sync();
      } catch (error) {
        // Part of the line may have reached the file: cut it back so no torn record stays.
        await handle.truncate(size).catch(() => undefined);
        await handle.sync().catch(() => undefined);
        throw error;
      }
    } finally {
      await release?.();
      await handle.close();
    }
  }

  /** Writes a record that could not be appended to its own file in `dir` (only the user can read it). */
  private async keepUnsaved(dir: string, line: string): Promise<{ file: string | null; why?: string }> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = path.join(dir, `qbank-unsaved-${path.basename(this.file, '.jsonl')}-${stamp}-${process.pid}.jsonl`);
    try {
      await makeFolder(dir);
      await writeFile(file, `${line}\n`, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
      return { file };
    } catch (error) {
      return { file: null, why: writeFailureReason(error) };
    }
  }

  async read(): Promise<LogContents<T>> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], warnings: [] };
      throw new StorageError(this.file, error, 'read');
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const records: T[] = [];
    const warnings: string[] = [];
    const unique = this.options.unique;
    const firstLine = new Map<string, number>();
    text.split('\n').forEach((raw, index) => {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() === '') return;
      const where = `${this.file}:${index + 1}`;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        warnings.push(`${where}: not valid JSON (a record cut short?); skipped`);
        return;
      }
      const parsed = checkInput(this.schema, value);
      if (!parsed.ok) {
        warnings.push(`${where}: ${parsed.problems[0]?.message ?? 'not a record qbank knows'}; skipped`);
        return;
      }
      const key = unique?.of(parsed.data);
      if (unique && key !== undefined) {
        const first = firstLine.get(key);
        if (first !== undefined) {
          warnings.push(`${where}: ${unique.field} "${key}" was already used on line ${first}; skipped (the first record is kept)`);
          return;
        }
        firstLine.set(key, index + 1);
      }
      records.push(parsed.data);
    });
    return { records, warnings };
  }
}
