/** A lint worker thread: checks the files the main thread sends, with the engine options it was started with. */
import { parentPort, workerData } from 'node:worker_threads';
import { QbankError } from '../core/errors/qbank-error.js';
import { LintEngine, type EngineOptions } from './lint-engine.js';
import type { WorkerError, WorkerReply, WorkerRequest } from './lint-pool.js';

/** A failure as plain data: a catalogue error keeps its entry, so the main thread shows the same line and exit code. */
function replyError(error: unknown): WorkerError {
  return error instanceof QbankError ? { name: error.name, message: error.message, payload: error.toPayload() } : { name: (error as Error).name, message: (error as Error).message };
}

const port = parentPort;
if (port) {
  const engine = LintEngine.open(workerData as EngineOptions);
  // Keep failures to load the engine (a bad scoring.yaml) as the answer to every request.
  engine.catch(() => undefined);
  port.on('message', (request: WorkerRequest) => {
    engine.then(
      (ready) => {
        const reply: WorkerReply = {
          results: request.jobs.map(({ id, job }) => {
            try {
              return { id, result: ready.lint(job) };
            } catch (error) {
              return { id, error: replyError(error) };
            }
          }),
        };
        port.postMessage(reply);
      },
      (error: Error) => {
        port.postMessage({ results: request.jobs.map(({ id }) => ({ id, error: replyError(error) })) } satisfies WorkerReply);
      },
    );
  });
}
