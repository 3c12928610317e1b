import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { BIN } from './cli.js';
import { REPO_ROOT } from './fixtures.js';

/** Whether util-linux `script` is here to give a child process a pseudo-terminal. */
export const HAS_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** A qbank process to type into line by line and kill at a chosen point. */
export interface Killable {
  child: ChildProcessWithoutNullStreams;
  output(): string;
  type(line: string): void;
  kill(): Promise<void>;
}

/**
 * Starts the built binary, on a pseudo-terminal (through `script`) when `tty` is set, so that
 * qbank takes the terminal path; otherwise with piped stdin.
 */
export function startKillable(args: readonly string[], env: NodeJS.ProcessEnv, tty = false): Killable {
  const fullEnv = { ...process.env, NO_COLOR: '1', COLUMNS: '80', LINES: '24', ...env };
  const command = [process.execPath, BIN, ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(' ');
  const child = tty
    ? spawn('script', ['-qfec', `stty cols 80 rows 24 2>/dev/null; exec ${command}`, '/dev/null'], { cwd: REPO_ROOT, env: fullEnv, detached: true })
    : spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: fullEnv, detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    child,
    output: () => output,
    // A terminal takes Enter as a carriage return.
    type: (line) => child.stdin.write(`${line}${tty ? '\r' : '\n'}`),
    kill: async () => {
      // The whole group: `script` and the qbank under it.
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      await exited;
    },
  };
}

/**
 * Waits until `check` holds, polling up to `tries` times (a bound on work, not a time limit
 * asserted: a slow machine just polls longer before the test gives up).
 */
export async function until(check: () => boolean, what: () => string, tries = 1500): Promise<void> {
  for (let i = 0; i < tries; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`gave up waiting: ${what()}`);
}

/** The JSON records of a JSON Lines file (none when it does not exist). */
export function jsonLines<T>(file: string): T[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
