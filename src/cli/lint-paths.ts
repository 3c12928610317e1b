import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pMap from 'p-map';
import writeFileAtomic from 'write-file-atomic';
import type { Diagnostic } from '../core/model/diagnostic.js';
import { compareDiagnostics } from '../core/model/diagnostic.js';
import type { BankEntry, LintDiagnostic } from '../core/lint/rule.js';
import { bankNeedsSignatures, lintBankEntries } from '../core/lint/run-bank.js';
import { lintNeedsScoring, type RuleSetting } from '../core/lint/settings.js';
import { cacheDir } from '../adapters/data-dir.js';
import { LintCache, contentHash } from '../adapters/lint-cache.js';
import { loadLintConfig } from '../adapters/lint-config.js';
import type { EngineOptions, FileResult, LintEngine, LintJob } from '../adapters/lint-engine.js';
import { findQuestionFiles, UnreadablePathError, type SkippedPath } from '../adapters/find-question-files.js';
import { buildStamp, isLintableText, readForLint } from '../adapters/lint-files.js';
import { LintPool, WORKER_MAX_FILE_BYTES } from '../adapters/lint-pool.js';
import { DEFAULT_RUBRICS_DIR, displayPath, resolveBankDirs } from '../adapters/package-paths.js';
import { UsageError } from './errors.js';
import type { CliIO } from './io.js';

export interface LintRunOptions {
  /** Apply safe fixes and write the files back. */
  fix?: boolean;
  /** Reuse results of unchanged files (default true). */
  cache?: boolean;
  /** Worker threads: a number, `auto` (one per core) or 0 (check in this thread). */
  concurrency?: number | 'auto';
  /** A config file to use instead of the nearest `qbank.config.json` / `.qbankrc.json`. */
  configFile?: string;
  /** The rubrics folder (default: $QBANK_RUBRICS or the built-in one). */
  rubricsDir?: string;
}

export interface LintRunResult {
  files: number;
  diagnostics: LintDiagnostic[];
  /** With `fix`: files rewritten and fixes applied. */
  fixedFiles: number;
  fixes: number;
  /** The config file used (none: default settings) and how it was found, for `--debug`. */
  config: { file: string | undefined; origin: string };
}

/** Below this many files to check, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD = 150;
/** Files read ahead of the checkers: bounds memory while keeping workers busy. */
const READ_AHEAD = 64;

/** Lints files and folders (the bank when none are given): every file's findings plus bank rules. */
export async function lintPaths(
  io: CliIO,
  paths: readonly string[],
  bankFlags: readonly string[] | undefined,
  options: LintRunOptions = {},
): Promise<LintRunResult> {
  const roots = paths.length > 0 ? paths.map((p) => path.resolve(io.cwd, p)) : resolveBankDirs(bankFlags, io.env, io.cwd);
  const skipped: SkippedPath[] = [];
  const files = await findQuestionFiles(roots, { onSkipped: (found) => skipped.push(found) });
  if (files.length === 0 && skipped.length === 0) throw new UsageError((await import('./lint-skipped.js')).noFilesMessage(paths, roots, io.cwd));
  const config = await loadLintConfig(io.cwd, options.configFile, roots);
  const rubricsDir = options.rubricsDir ? path.resolve(io.cwd, options.rubricsDir) : io.env.QBANK_RUBRICS ? path.resolve(io.cwd, io.env.QBANK_RUBRICS) : DEFAULT_RUBRICS_DIR;
  const engineOptions: EngineOptions = {
    rules: config.rules,
    cwd: io.cwd,
    rubricsDir,
    scoring: lintNeedsScoring(config.rules),
    signatures: bankNeedsSignatures(config.rules),
  };
  const cache = options.cache === false ? undefined : await LintCache.open(cacheLocation(io.env, roots), cacheKey(engineOptions));
  const checker = new Checker(engineOptions, workerCount(options.concurrency, files.length));
  let fixedFiles = 0;
  let fixes = 0;
  try {
    const results = await pMap(
      files,
      async (file): Promise<FileResult> => {
        const label = displayPath(file, io.cwd);
        type Read = { cached: FileResult } | { hash: string; text: string | undefined; size: number };
        let read;
        try {
          read = readForLint(file, (bytes, hash): Read => {
            const cached = options.fix ? undefined : cache?.get(file, label, hash);
            if (cached) return { cached };
            // The bytes are only valid now: decode (or note they are not text) before going on.
            return { hash, text: isLintableText(bytes) ? bytes.toString('utf8') : undefined, size: bytes.length };
          });
        } catch (error) {
          // Locked, gone or not a regular file: the reader's file-unreadable finding, not a stop.
          if (error instanceof UnreadablePathError) return unreadable(file, label, config.rules);
          throw error;
        }
        if (read === 'too-large') return unreadable(file, label, config.rules);
        if ('cached' in read) return read.cached;
        const result =
          read.text === undefined
            ? await unreadable(file, label, config.rules)
            : await checker.lint({ path: file, label, text: read.text, fix: options.fix === true }, read.size);
        let hash = read.hash;
        if (result.output !== undefined) {
          await writeFileAtomic(file, result.output);
          hash = contentHash(Buffer.from(result.output, 'utf8'));
          fixedFiles++;
          fixes += result.fixed ?? 0;
          delete result.output;
        }
        if (!result.uncached) cache?.set(file, hash, result);
        return result;
      },
      { concurrency: READ_AHEAD },
    );
    // Workers are done: let their memory go before bank rules run and the cache is written.
    await checker.close();
    const diagnostics: LintDiagnostic[] = results.flatMap((r) => r.diagnostics);
    if (skipped.length > 0) {
      const { skippedDiagnostics } = await import('./lint-skipped.js');
      for (const found of skippedDiagnostics(skipped, io.cwd, config.rules)) diagnostics.push(found);
    }
    const entries = results.map((r) => r.entry).filter((e): e is BankEntry => e !== undefined);
    // One at a time: `push(...list)` overflows the stack on a few hundred thousand findings.
    for (const diagnostic of lintBankEntries(entries, { settings: config.rules })) diagnostics.push(diagnostic);
    await cache?.save().catch(() => undefined);
    return { files: files.length, diagnostics: diagnostics.sort(compareDiagnostics), fixedFiles, fixes, config: { file: config.file, origin: config.origin } };
  } finally {
    await checker.close();
  }
}

/** Checks files in this thread, or in worker threads once there are enough files to pay for them. */
class Checker {
  private engine: Promise<LintEngine> | undefined;
  private pool: LintPool | undefined;
  private poolTried = false;

  constructor(
    private readonly options: EngineOptions,
    private readonly workers: number,
  ) {}

  async lint(job: LintJob, bytes: number): Promise<FileResult> {
    if (this.workers > 0 && !this.poolTried) {
      this.poolTried = true;
      this.pool = LintPool.create(this.options, this.workers);
    }
    if (this.pool && bytes <= WORKER_MAX_FILE_BYTES) return this.pool.submit(job);
    this.engine ??= import('../adapters/lint-engine.js').then(({ LintEngine }) => LintEngine.open(this.options));
    return (await this.engine).lint(job);
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }
}

/** A file too large or not UTF-8: the reader's finding, with config applied (the parser is loaded only then). */
async function unreadable(file: string, label: string, rules: Record<string, RuleSetting>): Promise<FileResult> {
  const [{ readQuestionFile }, { lintParsed }] = await Promise.all([import('../adapters/question-files.js'), import('../core/lint/run.js')]);
  return { diagnostics: lintParsed(await readQuestionFile(file, label), label, { rules }), deps: [] };
}

/** `auto`: one worker per core once there are enough files (one on a single core: it bounds memory). */
function workerCount(concurrency: LintRunOptions['concurrency'], files: number): number {
  if (concurrency === undefined || concurrency === 'auto') return files >= WORKER_THRESHOLD ? Math.max(1, os.availableParallelism()) : 0;
  return concurrency === 1 ? 0 : concurrency;
}

/** One cache file per set of linted folders, in the user's cache folder. */
function cacheLocation(env: NodeJS.ProcessEnv, roots: readonly string[]): string {
  return path.join(cacheDir(env), 'lint', `${contentHash([...roots].sort().join('\n'))}.json`);
}

/** Everything besides a file's bytes that its result depends on. */
function cacheKey(options: EngineOptions): string {
  const scoring = options.scoring
    ? ['scoring.yaml', 'lexicon.yaml'].map((name) => {
        try {
          return contentHash(readFileSync(path.join(options.rubricsDir, name)));
        } catch {
          return 'missing';
        }
      })
    : [];
  return contentHash(JSON.stringify({ build: buildStamp(), rules: sortedRules(options.rules), options: { ...options, rules: undefined }, scoring }));
}

function sortedRules(rules: Record<string, RuleSetting>): Array<[string, RuleSetting]> {
  return Object.entries(rules).sort(([a], [b]) => (a < b ? -1 : 1));
}

export type { Diagnostic };
