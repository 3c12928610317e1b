import os from 'node:os';
import type { EngineOptions, FileResult, LintEngine, LintJob } from './lint-engine.js';
import { LintPool, WORKER_MAX_FILE_BYTES } from './lint-pool.js';

/** Below this many files to check, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD = 150;

/** Worker threads to check with: a number, `auto` (one per core, for a large run) or 0 (this thread). */
export type Concurrency = number | 'auto';

/** Checks files in this thread, or in worker threads once there are enough files to pay for them. */
export class LintChecker {
  private engine: Promise<LintEngine> | undefined;
  private pool: LintPool | undefined;
  private poolTried = false;
  private readonly workers: number;

  constructor(
    private readonly options: EngineOptions,
    concurrency: Concurrency | undefined,
    files: number,
  ) {
    this.workers = workerCount(concurrency, files);
  }

  /** Checks one file; `bytes` is its size (a large file is checked in this thread, whose heap is not capped). */
  async lint(job: LintJob, bytes: number): Promise<FileResult> {
    if (this.workers > 0 && !this.poolTried) {
      this.poolTried = true;
      this.pool = LintPool.create(this.options, this.workers);
    }
    if (this.pool && bytes <= WORKER_MAX_FILE_BYTES) return this.pool.submit(job);
    this.engine ??= import('./lint-engine.js').then(({ LintEngine }) => LintEngine.open(this.options));
    return (await this.engine).lint(job);
  }

  /** Stops the workers, letting their memory go; safe to call more than once. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }
}

/** `auto`: one worker per core once there are enough files (one on a single core: it bounds memory). */
function workerCount(concurrency: Concurrency | undefined, files: number): number {
  if (concurrency === undefined || concurrency === 'auto') return files >= WORKER_THRESHOLD ? Math.max(1, os.availableParallelism()) : 0;
  return concurrency === 1 ? 0 : concurrency;
}
