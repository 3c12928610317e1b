import { readFileSync } from 'node:fs';
import path from 'node:path';
import pMap from 'p-map';
import writeFileAtomic from 'write-file-atomic';
import { compareDiagnostics } from '../core/model/diagnostic.js';
import type { BankEntry, LintDiagnostic } from '../core/lint/rule.js';
import { bankNeedsSignatures, lintBankEntries } from '../core/lint/run-bank.js';
import { lintNeedsScoring, type RuleSetting } from '../core/lint/settings.js';
import { cacheDir } from './data-dir.js';
import { findQuestionFiles, NoQuestionFilesError, type SkippedPath } from './find-question-files.js';
import { LintCache, contentHash } from './lint-cache.js';
import { LintChecker, type Concurrency } from './lint-checker.js';
import { loadLintConfig, type LintConfig } from './lint-config.js';
import type { EngineOptions, FileResult } from './lint-engine.js';
import { buildStamp, isLintableText, readForLint, type ReadFailure } from './lint-files.js';
import { displayPath, resolveBankDirs, resolveRubricsDir } from './package-paths.js';

/**
 * A lint run, in plain values: what `qbank lint` passes, and what an editor or a watcher would.
 * Paths resolve from `cwd`; nothing is read from the process itself.
 */
export interface LintRequest {
  /** Files and folders to check, as given; none: the bank folders. */
  paths: readonly string[];
  /** The bank folders to check when `paths` is empty (`--bank`); none: $QBANK_BANK, else the shipped bank. */
  bankDirs?: readonly string[];
  /** The working folder: paths resolve from it, findings name files relative to it, the config search starts in it. */
  cwd: string;
  /** Where QBANK_BANK, QBANK_RUBRICS and QBANK_CACHE are read from. */
  env: NodeJS.ProcessEnv;
  /** Apply safe fixes and write the files back. */
  fix?: boolean;
  /** Reuse results of unchanged files (default true). */
  cache?: boolean;
  /** Worker threads: a number, `auto` (one per core, the default) or 0 (check in this thread). */
  concurrency?: Concurrency;
  /** A config file to use instead of the nearest `qbank.config.json` / `.qbankrc.json`. */
  configFile?: string;
  /** The rubrics folder (default: $QBANK_RUBRICS or the shipped one). */
  rubricsDir?: string;
}

/** What a lint run found and did. */
export interface LintReport {
  /** Question files checked. */
  files: number;
  /** Every finding, of each file and of the bank rules, sorted by file and position. */
  diagnostics: LintDiagnostic[];
  /** With `fix`: files rewritten. */
  fixedFiles: number;
  /** With `fix`: fixes applied, over all files. */
  fixes: number;
  /** The config file used (none: default settings) and how it was found, in words. */
  config: Pick<LintConfig, 'file' | 'origin'>;
}

/** Files read ahead of the checkers: bounds memory while keeping workers busy. */
const READ_AHEAD = 64;

/**
 * Lints files and folders (the bank when none are given): every file's findings plus bank
 * rules, each file read once, from the cache when unchanged. Throws `NoQuestionFilesError` when
 * the paths hold no question file, `UnreadablePathError` for a named path that cannot be read,
 * and `loadLintConfig`'s error for a config file that cannot be used.
 */
export async function runLint(request: LintRequest): Promise<LintReport> {
  const { paths, cwd, env } = request;
  const roots = paths.length > 0 ? paths.map((p) => path.resolve(cwd, p)) : resolveBankDirs(request.bankDirs, env, cwd);
  const skipped: SkippedPath[] = [];
  const files = await findQuestionFiles(roots, { onSkipped: (found) => skipped.push(found) });
  if (files.length === 0 && skipped.length === 0) throw new NoQuestionFilesError(paths.length > 0 ? paths : roots.map((root) => path.relative(cwd, root) || root));
  const config = await loadLintConfig(cwd, request.configFile, roots);
  const engine: EngineOptions = {
    rules: config.rules,
    cwd,
    rubricsDir: resolveRubricsDir(request.rubricsDir, env, cwd),
    scoring: lintNeedsScoring(config.rules),
    signatures: bankNeedsSignatures(config.rules),
  };
  const cache = request.cache === false ? undefined : await LintCache.open(cacheLocation(env, roots), cacheKey(engine));
  const run: Run = { cwd, fix: request.fix === true, rules: config.rules, cache, checker: new LintChecker(engine, request.concurrency, files.length), fixedFiles: 0, fixes: 0 };
  try {
    const results = await pMap(files, (file) => lintFile(run, file), { concurrency: READ_AHEAD });
    // Workers are done: let their memory go before bank rules run and the cache is written.
    await run.checker.close();
    const diagnostics: LintDiagnostic[] = results.flatMap((r) => r.diagnostics);
    if (skipped.length > 0) {
      const { skippedDiagnostics } = await import('./lint-skipped.js');
      for (const found of skippedDiagnostics(skipped, cwd, config.rules)) diagnostics.push(found);
    }
    const entries = results.map((r) => r.entry).filter((e): e is BankEntry => e !== undefined);
    // One at a time: `push(...list)` overflows the stack on a few hundred thousand findings.
    for (const diagnostic of lintBankEntries(entries, { settings: config.rules })) diagnostics.push(diagnostic);
    await cache?.save().catch(() => undefined);
    return { files: files.length, diagnostics: diagnostics.sort(compareDiagnostics), fixedFiles: run.fixedFiles, fixes: run.fixes, config: { file: config.file, origin: config.origin } };
  } finally {
    await run.checker.close();
  }
}

/** What every file of one run is checked with, and the fixes counted so far. */
interface Run {
  cwd: string;
  fix: boolean;
  rules: Record<string, RuleSetting>;
  cache: LintCache | undefined;
  checker: LintChecker;
  fixedFiles: number;
  fixes: number;
}

/** A file as read: its cached result, its text, or bytes that are not text (kept for the encoding finding). */
type Read = { cached: FileResult } | { hash: string; text: string; size: number } | { hash: string; notText: Buffer };

/** Checks one file, read once: from the cache when unchanged, else checked (and with `fix`, written back) and cached. */
async function lintFile(run: Run, file: string): Promise<FileResult> {
  const label = displayPath(file, run.cwd);
  const read = readForLint(file, (bytes, hash): Read => {
    const cached = run.fix ? undefined : run.cache?.get(file, label, hash);
    if (cached) return { cached };
    // The bytes are only valid now: decode them, or copy them when they are not text.
    return isLintableText(bytes) ? { hash, text: bytes.toString('utf8'), size: bytes.length } : { hash, notText: Buffer.from(bytes) };
  });
  if ('cached' in read) return read.cached;
  // Locked, gone, not a regular file or too large: the reader's finding, not a stop (and not cached).
  if ('failure' in read) return readerFinding(read, label, run.rules);
  const result = 'notText' in read ? await readerFinding(read, label, run.rules) : await run.checker.lint({ path: file, label, text: read.text, fix: run.fix }, read.size);
  let hash = read.hash;
  if (result.output !== undefined) {
    await writeFileAtomic(file, result.output);
    hash = contentHash(Buffer.from(result.output, 'utf8'));
    run.fixedFiles++;
    run.fixes += result.fixed ?? 0;
    delete result.output;
  }
  if (!result.uncached) run.cache?.set(file, hash, result);
  return result;
}

/** The reader's finding for a file with no text to check, with config applied (the parser is loaded only then). */
async function readerFinding(problem: ReadFailure | { notText: Buffer }, label: string, rules: Record<string, RuleSetting>): Promise<FileResult> {
  const [reader, { lintParsed }] = await Promise.all([import('./question-files.js'), import('../core/lint/run.js')]);
  const parsed =
    'notText' in problem
      ? reader.parseQuestionBytes(problem.notText, label)
      : problem.failure === 'too-large'
        ? reader.tooLargeFile(problem.size)
        : reader.unreadableFile(problem.reason);
  return { diagnostics: lintParsed(parsed, label, { rules }), deps: [] };
}

/** One cache file per set of linted folders, in the user's cache folder. */
function cacheLocation(env: NodeJS.ProcessEnv, roots: readonly string[]): string {
  return path.join(cacheDir(env), 'lint', `${contentHash([...roots].sort().join('\n'))}.json`);
}

/** Everything besides a file's bytes that its result depends on: the build, the settings, the rubric files' bytes. */
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
  const rules = Object.entries(options.rules).sort(([a], [b]) => (a < b ? -1 : 1));
  return contentHash(JSON.stringify({ build: buildStamp(), rules, options: { ...options, rules: undefined }, scoring }));
}
