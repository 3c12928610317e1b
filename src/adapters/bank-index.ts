import type { Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { makeFolder } from './make-folder.js';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { QuestionSummarySchema } from '../core/bank/summary.js';
import { StoredDiagnosticSchema } from './stored-diagnostic.js';

/** Bump when what an entry holds changes shape. */
const FORMAT = 1;

/**
 * A file whose last change was this close to when its stat was recorded may have changed again
 * within the same timestamp tick (2 s on FAT, 1 s on older file systems), which its stat cannot
 * show: such an entry is checked by content instead (git's "racy clean" rule).
 */
const RACY_MS = 2000;

/**
 * What the bank index knows of one file: its stat and content hash when it was read, and what
 * reading it gave, without its label: a question's id and its summary, or the errors that keep
 * the file out of the bank. The summary is kept as JSON text, parsed (and checked) only when a
 * command lists questions: a bank of ten thousand summaries costs `show ID` little. Checked
 * when read: an entry that does not fit is a miss.
 */
const IndexEntrySchema = z
  .object({
    size: z.number(),
    mtimeMs: z.number(),
    ctimeMs: z.number(),
    ino: z.number(),
    /** When the stat above was taken (ms since the epoch). */
    seenAt: z.number(),
    hash: z.string(),
    /** The question's id, when the file is served. */
    id: z.string().optional(),
    /** With `id`: the summary without its file, as JSON (`StoredSummarySchema`). */
    summary: z.string().optional(),
    /** Without `id`: why the file is not served. */
    blocking: z.array(StoredDiagnosticSchema).optional(),
  })
  .refine((entry) => (entry.id === undefined) === (entry.summary === undefined) && (entry.id === undefined) === (entry.blocking !== undefined && entry.blocking.length > 0));
export type IndexEntry = z.infer<typeof IndexEntrySchema>;

/** A summary as an index entry holds it (its file is the label of the run that reads it). */
export const StoredSummarySchema = QuestionSummarySchema.omit({ file: true });

/** The stat fields an entry is matched on. */
export type FileStat = Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>;

interface StoredIndex {
  format: number;
  key: string;
  files: Record<string, IndexEntry>;
}

/**
 * What the files of a bank gave when last read, by absolute path, in the user's cache folder
 * beside the lint cache: a warm bank of ten thousand files is a stat per file, not a parse.
 * An entry is used when the file's size, modification and change times and inode are as
 * recorded (and were not too recent to tell a change by: `RACY_MS`), or else when its content
 * hash is; every other file is read and parsed again.
 */
export class BankIndex {
  private readonly seen: Record<string, IndexEntry> = {};
  private changed = false;

  private constructor(
    private readonly location: string | undefined,
    private readonly key: string,
    private readonly stored: Record<string, unknown>,
  ) {}

  /** Opens the index at `location` (none: nothing is kept); a missing, unreadable or differently keyed one starts empty. */
  static async open(location: string | undefined, key: string): Promise<BankIndex> {
    let stored: Record<string, unknown> = {};
    if (location) {
      try {
        const data = JSON.parse(await readFile(location, 'utf8')) as Partial<StoredIndex> | null;
        const files = data?.files;
        if (data?.format === FORMAT && data.key === key && files && typeof files === 'object' && !Array.isArray(files)) stored = files;
      } catch {
        // No index yet, or a damaged one: start afresh.
      }
    }
    return new BankIndex(location, key, stored);
  }

  /** The entry of a file whose stat is as recorded and old enough to trust. */
  byStat(file: string, stat: FileStat): IndexEntry | undefined {
    const entry = this.entry(file);
    if (!entry || entry.size !== stat.size || entry.mtimeMs !== stat.mtimeMs || entry.ctimeMs !== stat.ctimeMs || entry.ino !== stat.ino) return undefined;
    if (Math.max(entry.mtimeMs, entry.ctimeMs) >= entry.seenAt - RACY_MS) return undefined;
    this.seen[file] = entry;
    return entry;
  }

  /** The entry of a file with this content, whatever its stat. */
  byHash(file: string, hash: string): IndexEntry | undefined {
    const entry = this.entry(file);
    return entry?.hash === hash ? entry : undefined;
  }

  /** Records what a file gave, as read now. */
  set(file: string, entry: IndexEntry): void {
    this.seen[file] = entry;
    this.changed = true;
  }

  /** Writes the entries of this run (files no longer in the bank are dropped), atomically. */
  async save(): Promise<void> {
    if (!this.location) return;
    if (!this.changed && Object.keys(this.seen).length === Object.keys(this.stored).length) return;
    await makeFolder(path.dirname(this.location));
    const data: StoredIndex = { format: FORMAT, key: this.key, files: this.seen };
    await writeFileAtomic(this.location, JSON.stringify(data));
  }

  private entry(file: string): IndexEntry | undefined {
    if (!Object.hasOwn(this.stored, file)) return undefined;
    const stored = this.stored[file];
    // Used as stored once it passes (zod's copy would double what a large bank keeps in memory);
    // keys the schema does not name are never read.
    return IndexEntrySchema.safeParse(stored).success ? (stored as IndexEntry) : undefined;
  }
}
