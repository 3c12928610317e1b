import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** What editing in `$EDITOR` gave: the saved text, or why there is none (one line, for the user). */
export type EditorOutcome = { ok: true; text: string } | { ok: false; problem: string };

/** Opens text in the user's editor and resolves with what was saved when it closes. */
export type EditText = (initial: string) => Promise<EditorOutcome>;

/** The editor command as `$VISUAL` or `$EDITOR` gives it (`code --wait` is a program and its arguments). */
export function editorCommand(env: NodeJS.ProcessEnv): { program: string; args: string[]; shown: string } {
  const shown = env.VISUAL?.trim() || env.EDITOR?.trim() || (process.platform === 'win32' ? 'notepad' : 'vi');
  // Split on spaces, except those escaped with a backslash (`/opt/My\ Editor/bin/edit`).
  const parts = shown.match(/(?:\\ |\S)+/g)?.map((part) => part.replace(/\\ /g, ' ')) ?? [shown];
  const [program = shown, ...args] = parts;
  return { program, args, shown };
}

/**
 * Edits text in `$VISUAL` / `$EDITOR` (else vi) through a temporary file. An editor that cannot
 * be started or exits with a failure gives a problem, never an exception: the answer prompt
 * stays open.
 */
export async function editInExternalEditor(initial: string, env: NodeJS.ProcessEnv = process.env): Promise<EditorOutcome> {
  const { program, args, shown } = editorCommand(env);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qbank-answer-'));
  const file = path.join(dir, 'answer.md');
  try {
    await writeFile(file, initial, { encoding: 'utf8', mode: 0o600 });
    const status = await new Promise<{ code: number | null; signal: NodeJS.Signals | null } | { error: NodeJS.ErrnoException }>((resolve) => {
      const child = spawn(program, [...args, file], { stdio: 'inherit' });
      child.once('error', (error) => resolve({ error }));
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    if ('error' in status) {
      const why = status.error.code === 'ENOENT' ? 'no such program' : status.error.code === 'EACCES' ? 'permission denied' : status.error.message;
      return { ok: false, problem: `the editor "${shown}" could not be started (${why}); set VISUAL or EDITOR to an editor you have` };
    }
    if (status.code !== 0) {
      return { ok: false, problem: `the editor "${shown}" ${status.signal ? `was stopped by ${status.signal}` : `exited with status ${status.code}`}, so nothing was taken from it` };
    }
    return { ok: true, text: await readFile(file, 'utf8') };
  } catch (error) {
    return { ok: false, problem: `the answer could not be passed to the editor "${shown}" (${(error as Error).message})` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
