import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { NoQuestionFiles, UnreadablePath } from '../core/errors/catalogue.js';
import { QbankError } from '../core/errors/qbank-error.js';
import { NON_QUESTION_FILES } from '../core/model/section-keys.js';

/**
 * Finding question files, without the parser: lint's main thread uses this and leaves parsing
 * to its worker threads.
 */

/** Files larger than this are refused unread: bounded work per file. */
export const MAX_QUESTION_FILE_BYTES = 1024 * 1024;

/** Thrown when a path given by the user cannot be read at all (the catalogue's `UnreadablePath`). */
export class UnreadablePathError extends QbankError<typeof UnreadablePath> {
  constructor(
    readonly filePath: string,
    reason: string,
  ) {
    super(UnreadablePath, { file: filePath, reason });
  }
}

/** Thrown when the paths to check hold no question file at all (and nothing was left out of the walk). */
export class NoQuestionFilesError extends QbankError<typeof NoQuestionFiles> {
  constructor(named: readonly string[]) {
    super(NoQuestionFiles, { paths: named });
  }
}

/** The reason a file system call failed, in words. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ENOTDIR') return 'a parent is not a folder';
  if (code === 'ELOOP') return 'too many levels of links';
  return (error as Error).message;
}

/** What a file that is neither a regular file nor a folder is, in words (it is never opened). */
export function specialKind(info: Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** Whether a file name looks like a question file (markdown, and not a README or GUIDELINES). */
export function isQuestionFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.md') && !NON_QUESTION_FILES.has(lower);
}

/** A path under a walked folder whose questions were left out, and why. */
export interface SkippedPath {
  /** `folder`: a folder that cannot be listed, or a link back to one already walked; `file`: a question file that cannot be read. */
  kind: 'folder' | 'file';
  path: string;
  reason: string;
}

export interface FindOptions {
  /** Told about every folder left out and every question-named entry that is not a readable file. */
  onSkipped?: (skipped: SkippedPath) => void;
}

const hiddenFolder = (name: string) => name.startsWith('.') || name === 'node_modules';

/**
 * Every question file under the given paths: folders are walked recursively (skipping
 * dot-folders and node_modules, following links to files and folders, each real folder once);
 * files named directly are taken whatever their extension. A named path that is missing, or
 * neither a file nor a folder (a FIFO, a device), is refused; inside a folder, what cannot be
 * walked is passed to `onSkipped` and left out, and nothing but a regular file is ever opened.
 */
export async function findQuestionFiles(paths: readonly string[], options: FindOptions = {}): Promise<string[]> {
  const found: string[] = [];
  const walker = new Walker(found, options.onSkipped ?? (() => undefined));
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch (error) {
      throw new UnreadablePathError(given, reasonOf(error));
    }
    if (info.isFile()) found.push(given);
    else if (info.isDirectory()) await walker.walk(given, undefined, true);
    else throw new UnreadablePathError(given, `it is ${specialKind(info)}, not a question file or folder; qbank does not open it`);
  }
  return [...new Set(found)].sort();
}

class Walker {
  /** Real paths of the folders walked so far: a link to one of them is not followed again. */
  private readonly walked = new Set<string>();
  /** Real paths of the files taken, so a file reached through a link as well is taken once. */
  private readonly realFiles = new Set<string>();

  constructor(
    private readonly found: string[],
    private readonly skip: (skipped: SkippedPath) => void,
  ) {}

  /** Walks a folder; one named by the user (`named`) that cannot be listed is refused, not skipped. */
  async walk(dir: string, real?: string, named = false): Promise<void> {
    let entries: Dirent[];
    try {
      real ??= await realpath(dir);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (named) throw new UnreadablePathError(dir, reasonOf(error));
      this.skip({ kind: 'folder', path: dir, reason: `it cannot be read (${reasonOf(error)})` });
      return;
    }
    this.walked.add(real);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const realChild = path.join(real, entry.name);
        // Already walked through a link met earlier: its files are taken.
        if (!hiddenFolder(entry.name) && !this.walked.has(realChild)) await this.walk(full, realChild);
      } else if (entry.isFile()) {
        if (isQuestionFileName(entry.name)) this.take(full, path.join(real, entry.name));
      } else if (entry.isSymbolicLink()) {
        await this.follow(full, entry.name);
      } else if (isQuestionFileName(entry.name)) {
        // A FIFO, socket or device: opening it could block or never end; it is reported unopened.
        const info = await stat(full).catch(() => undefined);
        this.skip({ kind: 'file', path: full, reason: `it is ${info ? specialKind(info) : 'not a regular file'}, and was not opened` });
      }
    }
  }

  private async follow(link: string, name: string): Promise<void> {
    let info: Stats;
    let target: string;
    try {
      [info, target] = await Promise.all([stat(link), realpath(link)]);
    } catch (error) {
      // A dangling link: worth a word only where a question file was meant.
      if (isQuestionFileName(name)) this.skip({ kind: 'file', path: link, reason: `it is a link to a file that cannot be read (${reasonOf(error)})` });
      return;
    }
    if (info.isDirectory()) {
      if (hiddenFolder(name)) return;
      if (this.walked.has(target)) {
        this.skip({ kind: 'folder', path: link, reason: `it is a link to ${target}, a folder already walked (a loop, or a second way in), and was not followed` });
        return;
      }
      await this.walk(link, target);
    } else if (isQuestionFileName(name)) {
      if (info.isFile()) this.take(link, target);
      else this.skip({ kind: 'file', path: link, reason: `it is a link to ${specialKind(info)}, and was not opened` });
    }
  }

  private take(file: string, real: string): void {
    if (this.realFiles.has(real)) return;
    this.realFiles.add(real);
    this.found.push(file);
  }
}
