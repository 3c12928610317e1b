import { spawn, spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import path from 'node:path';
import { run } from '../../src/cli/main.js';
import type { CliIO, OutputStream } from '../../src/cli/io.js';
import { REPO_ROOT } from './fixtures.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture implements OutputStream {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string) {
    this.text += chunk;
    return true;
  }
}

/** Runs qbank in-process with captured output (fast; for most CLI tests). */
export async function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: string; tty?: boolean } = {},
): Promise<CliResult> {
  const stdout = new Capture(options.tty);
  const stderr = new Capture(options.tty);
  const stdin = Readable.from(options.stdin === undefined ? [] : [options.stdin]) as unknown as CliIO['stdin'];
  const io: CliIO = {
    stdout,
    stderr,
    stdin,
    env: { QBANK_HOME: undefined, ...options.env },
    cwd: options.cwd ?? REPO_ROOT,
  };
  const code = await run(['node', 'qbank', ...args], io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export const BIN = path.join(REPO_ROOT, 'dist', 'cli', 'bin.js');

/** Runs the built binary in a child process. */
export function runBin(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeout?: number } = {},
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the built binary and returns the child, for tests that kill it mid-way. */
export function startBin(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}
