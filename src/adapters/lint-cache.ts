import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { makeFolder } from './make-folder.js';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { SpanSchema } from '../core/model/position.js';
import type { FileResult } from './lint-engine.js';
import { StoredDiagnosticSchema } from './stored-diagnostic.js';

/** Bump when what a cache entry holds changes shape. */
const FORMAT = 1;

/**
 * A file's result as stored. Every entry is checked against this when read: the cache is a file
 * anyone (an older qbank, a bug, a full disk) may have left in any state, and an entry that does
 * not fit is a miss, never a crash or a result `--no-cache` would not give.
 */
const StoredFileSchema = z.object({
  hash: z.string(),
  diagnostics: z.array(StoredDiagnosticSchema),
  entry: z
    .object({
      id: z.string(),
      idSpan: SpanSchema,
      questionSpan: SpanSchema.optional(),
      /** MinHash signature, base64 of its 32-bit words. */
      signature: z.string().optional(),
      disabled: z.array(z.string()).optional(),
    })
    .optional(),
  deps: z.array(z.tuple([z.string(), z.boolean()])),
});
type StoredFile = z.infer<typeof StoredFileSchema>;

interface StoredCache {
  format: number;
  key: string;
  files: Record<string, StoredFile>;
}

/** The content hash a cache entry is keyed on. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('base64url');
}

/**
 * Lint results of unchanged files, by absolute path and content hash, in the user's cache
 * folder. An entry is used only when the file's bytes, the configuration (`key`) and every file
 * a rule looked for are as they were.
 */
export class LintCache {
  private readonly seen: Record<string, StoredFile> = {};
  private changed = false;
  private readonly existence = new Map<string, boolean>();

  private constructor(
    readonly location: string,
    private readonly key: string,
    private readonly stored: Record<string, unknown>,
  ) {}

  /**
   * Opens the cache at `location`; a missing, unreadable or differently keyed cache starts empty.
   * Entries are checked one by one when first asked for (`get`), so a bad one costs only itself.
   */
  static async open(location: string, key: string): Promise<LintCache> {
    let stored: Record<string, unknown> = {};
    try {
      const data = JSON.parse(await readFile(location, 'utf8')) as Partial<StoredCache> | null;
      const files = data?.files;
      if (data?.format === FORMAT && data.key === key && files && typeof files === 'object' && !Array.isArray(files)) stored = files;
    } catch {
      // No cache yet, or one left half-written by an older version: start afresh.
    }
    return new LintCache(location, key, stored);
  }

  /** The cached result for a file with this content, when it still holds. */
  get(file: string, label: string, hash: string): FileResult | undefined {
    if (!Object.hasOwn(this.stored, file)) return undefined;
    const checked = StoredFileSchema.safeParse(this.stored[file]);
    if (!checked.success) return undefined;
    const stored = checked.data;
    if (stored.hash !== hash) return undefined;
    for (const [dependency, existed] of stored.deps) if (this.exists(dependency) !== existed) return undefined;
    this.seen[file] = stored;
    const result: FileResult = { diagnostics: stored.diagnostics.map((d) => ({ ...d, file: label })), deps: stored.deps };
    if (stored.entry) {
      const { signature, ...entry } = stored.entry;
      result.entry = { ...entry, file: label, ...(signature ? { signature: decodeSignature(signature) } : {}) };
    }
    return result;
  }

  set(file: string, hash: string, result: FileResult): void {
    const stored: StoredFile = {
      hash,
      diagnostics: result.diagnostics.map(({ file: _file, ...rest }) => rest),
      deps: result.deps,
    };
    if (result.entry) {
      const { file: _file, signature, ...entry } = result.entry;
      stored.entry = { ...entry, ...(signature ? { signature: encodeSignature(signature) } : {}) };
    }
    this.seen[file] = stored;
    this.changed = true;
  }

  /** Writes the entries of this run (files no longer linted are dropped), atomically. */
  async save(): Promise<void> {
    if (!this.changed && Object.keys(this.seen).length === Object.keys(this.stored).length) return;
    await makeFolder(path.dirname(this.location));
    const data: StoredCache = { format: FORMAT, key: this.key, files: this.seen };
    await writeFileAtomic(this.location, JSON.stringify(data));
  }

  private exists(file: string): boolean {
    let found = this.existence.get(file);
    if (found === undefined) {
      found = existsSync(file);
      this.existence.set(file, found);
    }
    return found;
  }
}

function encodeSignature(signature: ArrayLike<number>): string {
  return Buffer.from(Uint32Array.from(signature).buffer).toString('base64');
}

function decodeSignature(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  // A decoded Buffer may sit at an offset a Uint32Array cannot view; copy it then.
  if (bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4));
  return new Uint32Array(Uint8Array.from(bytes).buffer, 0, Math.floor(bytes.byteLength / 4));
}
