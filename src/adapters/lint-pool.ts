import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EngineOptions, FileResult, LintJob } from './lint-engine.js';

/** Files sent to a worker in one message, and how many a worker may hold at once. */
const BATCH = 8;
const IN_FLIGHT = 24;
/**
 * Each worker's old generation, in MB. Left to itself V8 lets a busy parser's heap grow to
 * hundreds of MB of garbage (463 MB peak at 10,000 files with two workers); capped, a worker
 * collects sooner (297 MB peak) for a few percent of time. Files big enough to need more are
 * not sent to workers (see `WORKER_MAX_FILE_BYTES`).
 */
const WORKER_OLD_SPACE_MB = 64;
/** Larger files are checked in the main thread, whose heap is not capped. */
export const WORKER_MAX_FILE_BYTES = 256 * 1024;

export interface WorkerRequest {
  jobs: Array<{ id: number; job: LintJob }>;
}

export interface WorkerReply {
  results: Array<{ id: number; result?: FileResult; error?: { name: string; message: string } }>;
}

interface Pending {
  job: LintJob;
  resolve: (result: FileResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Pending>;
}

/** Worker threads that lint files in parallel; each loads the engine once. */
export class LintPool {
  private readonly queue: Array<{ id: number; pending: Pending }> = [];
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private failure: Error | undefined;

  private constructor(options: EngineOptions, size: number, script: URL) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: options, resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB } });
      const slot: Slot = { worker, inFlight: new Map() };
      worker.on('message', (reply: WorkerReply) => this.settle(slot, reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (slot.inFlight.size > 0) this.fail(new Error(`a lint worker stopped (exit code ${code})`));
      });
      this.slots.push(slot);
    }
  }

  /** A pool of `size` workers, or undefined when the worker script is not built (running from source). */
  static create(options: EngineOptions, size: number): LintPool | undefined {
    const script = new URL('./lint-worker.js', import.meta.url);
    if (size < 1 || !existsSync(fileURLToPath(script))) return undefined;
    return new LintPool(options, size, script);
  }

  submit(job: LintJob): Promise<FileResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, pending: { job, resolve, reject } });
      this.pump();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  /** Sends queued files, a batch at a time, to the least busy worker that has room. */
  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a));
      if (slot.inFlight.size >= IN_FLIGHT) return;
      const batch = this.queue.splice(0, BATCH);
      for (const { id, pending } of batch) slot.inFlight.set(id, pending);
      slot.worker.postMessage({ jobs: batch.map(({ id, pending }) => ({ id, job: pending.job })) } satisfies WorkerRequest);
    }
  }

  private settle(slot: Slot, reply: WorkerReply): void {
    for (const { id, result, error } of reply.results) {
      const pending = slot.inFlight.get(id);
      if (!pending) continue;
      slot.inFlight.delete(id);
      if (result) pending.resolve(result);
      else {
        const failure = new Error(error?.message ?? 'lint worker failed');
        failure.name = error?.name ?? 'Error';
        pending.reject(failure);
      }
    }
    this.pump();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const slot of this.slots) {
      for (const pending of slot.inFlight.values()) pending.reject(error);
      slot.inFlight.clear();
    }
    for (const { pending } of this.queue.splice(0)) pending.reject(error);
  }
}
