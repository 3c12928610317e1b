import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { BankEntry, LintDiagnostic } from '../core/lint/rule.js';
import type { FileResult } from './lint-engine.js';

/** Bump when what a cache entry holds changes shape. */
const FORMAT = 1;

/** A file's result as stored: without its label (the working folder may differ next time). */
interface StoredFile {
  hash: string;
  diagnostics: Array<Omit<LintDiagnostic, 'file'>>;
  entry?: Omit<BankEntry, 'file' | 'signature'> & { signature?: string };
  deps: Array<[string, boolean]>;
}

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
    private readonly stored: Record<string, StoredFile>,
  ) {}

  /** Opens the cache at `location`; a missing, unreadable or differently keyed cache starts empty. */
  static async open(location: string, key: string): Promise<LintCache> {
    let stored: Record<string, StoredFile> = {};
    try {
      const data = JSON.parse(await readFile(location, 'utf8')) as StoredCache;
      if (data.format === FORMAT && data.key === key && data.files && typeof data.files === 'object') stored = data.files;
    } catch {
      // No cache yet, or one left half-written by an older version: start afresh.
    }
    return new LintCache(location, key, stored);
  }

  /** The cached result for a file with this content, when it still holds. */
  get(file: string, label: string, hash: string): FileResult | undefined {
    const stored = this.stored[file];
    if (!stored || stored.hash !== hash) return undefined;
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
    await mkdir(path.dirname(this.location), { recursive: true });
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
