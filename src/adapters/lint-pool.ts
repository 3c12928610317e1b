import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fromPayload, type ErrorPayload } from '../core/errors/qbank-error.js';
import { diagnosticAt } from '../core/model/diagnostic.js';
import { START_OF_FILE } from '../core/model/position.js';
import { fileTooComplex } from '../core/lint/rules/file-too-complex.js';
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

/** A failure in a worker, as plain data; `payload` when it is a catalogue error. */
export interface WorkerError {
  name: string;
  message: string;
  payload?: ErrorPayload;
}

export interface WorkerReply {
  results: Array<{ id: number; result?: FileResult; error?: WorkerError }>;
}

interface Pending {
  job: LintJob;
  resolve: (result: FileResult) => void;
  reject: (error: Error) => void;
  /** Sent alone to a worker after one stopped while checking it with others. */
  alone?: boolean;
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Pending>;
  /** Set once the worker has stopped (or been asked to): it takes no more files. */
  stopped: boolean;
  /** Checking a file alone: nothing else is sent to it meanwhile. */
  exclusive: boolean;
}

/** Options for tests: another worker script (one that runs out of memory on cue), another heap cap. */
export interface PoolOptions {
  script?: URL;
  oldSpaceMb?: number;
}

/**
 * Worker threads that lint files in parallel; each loads the engine once. One file must not sink
 * a run: when a worker stops (it ran out of its heap, or crashed), a new one takes its place, the
 * files it held are checked again one at a time, and a file that stops a worker on its own is
 * reported (`file-too-complex` at 1:1) and the rest go on.
 */
export class LintPool {
  private readonly queue: Array<{ id: number; pending: Pending }> = [];
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private closing = false;
  /** Workers started to replace stopped ones (for tests and the bench). */
  restarts = 0;

  private constructor(
    private readonly options: EngineOptions,
    size: number,
    private readonly script: URL,
    private readonly oldSpaceMb: number,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  /** A pool of `size` workers, or undefined when the worker script is not built (running from source). */
  static create(options: EngineOptions, size: number, poolOptions: PoolOptions = {}): LintPool | undefined {
    const script = poolOptions.script ?? new URL('./lint-worker.js', import.meta.url);
    if (size < 1 || !existsSync(fileURLToPath(script))) return undefined;
    return new LintPool(options, size, script, poolOptions.oldSpaceMb ?? WORKER_OLD_SPACE_MB);
  }

  submit(job: LintJob): Promise<FileResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, pending: { job, resolve, reject } });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.slots.map((slot) => {
        slot.stopped = true;
        return slot.worker.terminate();
      }),
    );
  }

  private start(): Slot {
    const worker = new Worker(this.script, { workerData: this.options, resourceLimits: { maxOldGenerationSizeMb: this.oldSpaceMb } });
    const slot: Slot = { worker, inFlight: new Map(), stopped: false, exclusive: false };
    worker.on('message', (reply: WorkerReply) => this.settle(slot, reply));
    worker.on('error', (error) => this.stopped(slot, error));
    worker.on('exit', (code) => this.stopped(slot, new Error(`a lint worker stopped (exit code ${code})`)));
    return slot;
  }

  /** Sends queued files to the least busy worker that has room; a file to check alone, to an idle one. */
  private pump(): void {
    while (this.queue.length > 0 && !this.closing) {
      const open = this.slots.filter((slot) => !slot.stopped && !slot.exclusive);
      if (open.length === 0) return;
      const first = this.queue[0]!;
      if (first.pending.alone) {
        const idle = open.find((slot) => slot.inFlight.size === 0);
        if (!idle) return;
        this.queue.shift();
        idle.exclusive = true;
        this.send(idle, [first]);
        continue;
      }
      const slot = open.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a));
      if (slot.inFlight.size >= IN_FLIGHT) return;
      let count = 0;
      while (count < BATCH && count < this.queue.length && !this.queue[count]!.pending.alone) count++;
      this.send(slot, this.queue.splice(0, count));
    }
  }

  private send(slot: Slot, batch: Array<{ id: number; pending: Pending }>): void {
    for (const { id, pending } of batch) slot.inFlight.set(id, pending);
    slot.worker.postMessage({ jobs: batch.map(({ id, pending }) => ({ id, job: pending.job })) } satisfies WorkerRequest);
  }

  private settle(slot: Slot, reply: WorkerReply): void {
    for (const { id, result, error } of reply.results) {
      const pending = slot.inFlight.get(id);
      if (!pending) continue;
      slot.inFlight.delete(id);
      if (result) pending.resolve(result);
      else {
        pending.reject(error?.payload ? fromPayload(error.payload) : Object.assign(new Error(error?.message ?? 'lint worker failed'), { name: error?.name ?? 'Error' }));
      }
    }
    if (slot.inFlight.size === 0) slot.exclusive = false;
    this.pump();
  }

  /**
   * A worker stopped (`error` and then `exit` both come here; the first counts). A file it held
   * alone is reported; the others are queued to be checked alone, first; a new worker takes its
   * place.
   */
  private stopped(slot: Slot, error: Error): void {
    if (slot.stopped) return;
    slot.stopped = true;
    const held = [...slot.inFlight];
    slot.inFlight.clear();
    const retry: Array<{ id: number; pending: Pending }> = [];
    for (const [id, pending] of held) {
      if (pending.alone || held.length === 1) pending.resolve(workerStoppedResult(pending.job, error));
      else retry.push({ id, pending: { ...pending, alone: true } });
    }
    this.queue.unshift(...retry);
    const at = this.slots.indexOf(slot);
    if (!this.closing && at !== -1) {
      this.restarts++;
      this.slots[at] = this.start();
    }
    this.pump();
  }
}

/** What a file that stopped a worker gives: one error at 1:1, nothing to cache or to compare across the bank. */
function workerStoppedResult(job: LintJob, error: Error): FileResult {
  const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(error.message);
  const message = outOfMemory
    ? fileTooComplex.messages.outOfMemory
    : `${fileTooComplex.messages.workerStopped} (${error.message.split('\n')[0] ?? ''})`;
  return { diagnostics: [diagnosticAt(job.label, START_OF_FILE, fileTooComplex.id, 'error', message)], deps: [], uncached: true };
}
