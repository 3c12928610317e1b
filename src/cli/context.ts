import type { CliIO } from './io.js';

/** What every command gets from the program: its I/O and a way to set the exit code. */
export interface CommandContext {
  io: CliIO;
  setExitCode(code: number): void;
}

/** Commander collector for repeatable options (`--bank a --bank b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The standard examples block for `--help`. */
export function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}
