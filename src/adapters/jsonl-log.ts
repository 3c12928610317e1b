import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import type { z } from 'zod';

/** A log could not be written: the message names the file and says what to do. */
export class StorageError extends Error {
  constructor(file: string, cause: unknown, doing: 'save to' | 'read' = 'save to') {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOTDIR' || code === 'EEXIST'
        ? 'a parent is not a folder'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ENOSPC'
            ? 'the disk is full'
            : (cause as Error).message;
    super(`Cannot ${doing} ${file}: ${reason}; set QBANK_HOME to a folder you can ${doing === 'read' ? 'read' : 'write'}`);
    this.name = 'StorageError';
  }
}

/** What reading a log gives: the good records and one line per damaged one. */
export interface LogContents<T> {
  records: T[];
  /** `file:line: why`, for each record that was skipped. */
  warnings: string[];
}

/**
 * An append-only JSON Lines file for records that must survive a crash: each append takes a
 * lock (so two qbank processes never interleave), writes one line and flushes it to disk before
 * returning. Reading skips damaged lines (a torn last line after a kill, a hand edit) with a
 * warning instead of failing.
 */
export class JsonlLog<T> {
  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
  ) {}

  async append(record: T): Promise<void> {
    try {
      await this.write(record);
    } catch (error) {
      if (error instanceof Error && 'code' in error) throw new StorageError(this.file, error);
      throw error;
    }
  }

  private async write(record: T): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const handle = await open(this.file, 'a');
    let release: (() => Promise<void>) | undefined;
    try {
      release = await lockfile.lock(this.file, { retries: { retries: 50, minTimeout: 10, maxTimeout: 200 }, stale: 10_000, realpath: false });
      // A process killed mid-append can leave a line without its newline; start a fresh line so
      // the damage stays in that one record.
      const { size } = await handle.stat();
      let prefix = '';
      if (size > 0) {
        const last = Buffer.alloc(1);
        const reader = await open(this.file, 'r');
        try {
          await reader.read(last, 0, 1, size - 1);
        } finally {
          await reader.close();
        }
        if (last[0] !== 0x0a) prefix = '\n';
      }
      await handle.appendFile(`${prefix}${JSON.stringify(record)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await release?.();
      await handle.close();
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
    const records: T[] = [];
    const warnings: string[] = [];
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        warnings.push(`${this.file}:${index + 1}: not valid JSON (a record cut short?); skipped`);
        return;
      }
      const parsed = this.schema.safeParse(value);
      if (parsed.success) records.push(parsed.data);
      else warnings.push(`${this.file}:${index + 1}: ${parsed.error.issues[0]?.message ?? 'not a record qbank knows'}; skipped`);
    });
    return { records, warnings };
  }
}
