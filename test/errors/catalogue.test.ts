import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import * as catalogue from '../../src/core/errors/catalogue.js';
import { CATALOGUE, ExitCode, InvalidInput, ScriptMistake, type ErrorEntry } from '../../src/core/errors/catalogue.js';
import { fromPayload, QbankError } from '../../src/core/errors/qbank-error.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

/** Parameters for each entry's message; a new entry needs a line here (the table is checked). */
const SAMPLES: Record<string, object> = {
  UsageMistake: { text: '--count expects a whole number from 1 to 50, got "many"' },
  Cancelled: {},
  UnreadablePath: { file: 'questions/x.md', reason: 'permission denied' },
  NoQuestionFiles: { paths: ['drafts'] },
  UnreadableInput: { what: 'plan file', file: 'plan.yaml' },
  UnreadableRubrics: { file: 'rubrics/scoring.yaml' },
  InputSyntax: { format: 'YAML', reason: 'map keys must be unique' },
  InvalidInput: { problem: 'Expected a number for "pass", got the text "sixty"', more: 2 },
  ScriptMistake: { problem: '"notes" expects text, got a list', session: '20260131-140512-ana' },
  SessionNotFound: { session: 's1', dir: '/home/ana/.qbank/interviews' },
  NotASession: { file: 'notes.jsonl' },
  StorageFailure: { doing: 'save to', file: '/home/ana/.qbank/history.jsonl', reason: 'the disk is full' },
  ExportFailed: { file: 'out/history.json', reason: 'its folder does not exist' },
  ShippedRubricsRefused: { dir: 'rubrics' },
  OutputNotAFolder: { dir: 'notes.txt' },
  RubricFolderFailed: { doing: 'write', dir: 'qbank-rubrics', reason: 'permission denied' },
  InternalError: { text: 'x is undefined' },
};

function capture(env: NodeJS.ProcessEnv = {}): { io: CliIO; stderr: () => string } {
  let text = '';
  return { io: { stdout: { write: () => true }, stderr: { write: (chunk: string) => (text += chunk) }, stdin: process.stdin, env, cwd: REPO_ROOT }, stderr: () => text };
}

const shown = (entry: ErrorEntry<object>, params: object) => {
  const hint = entry.hint?.(params);
  return `${entry.message(params)}${hint ? `; ${hint}` : ''}`;
};

describe('the error catalogue', () => {
  it('lists every exported entry once, under a distinct PascalCase name, with a title and an exit code qbank uses', () => {
    const exported = Object.entries(catalogue as Record<string, unknown>).filter((pair): pair is [string, ErrorEntry<never>] => typeof pair[1] === 'object' && pair[1] !== null && 'exitCode' in pair[1]);
    expect(new Set(CATALOGUE)).toEqual(new Set(exported.map(([, entry]) => entry)));
    for (const [key, entry] of exported) expect(entry.name).toBe(key);
    const names = CATALOGUE.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of CATALOGUE) {
      expect(entry.name).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(entry.title).not.toBe('');
      expect([ExitCode.findings, ExitCode.usage, ExitCode.cancelled]).toContain(entry.exitCode);
    }
  });

  it('has a sample for every entry in this table', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(CATALOGUE.map((entry) => entry.name).sort());
  });

  it.each(CATALOGUE.map((entry) => [entry.name, entry] as const))('%s: the top-level handler prints its one line and exits with its code', (name, entry) => {
    const params = SAMPLES[name] ?? {};
    const { io, stderr } = capture();
    expect(exitCodeFor(new QbankError(entry, params as never), io)).toBe(entry.exitCode);
    expect(stderr()).toBe(entry.quiet ? '' : `qbank: ${shown(entry as ErrorEntry<object>, params)}\n`);
  });

  it('puts the position in front and the hint after, and counts the other problems', () => {
    const error = new QbankError(InvalidInput, { problem: 'Expected a number for "pass", got the text "sixty"', more: 2 }, { file: 'rubrics/scoring.yaml', line: 30, column: 1 });
    expect(error.message).toBe('rubrics/scoring.yaml:30:1: Expected a number for "pass", got the text "sixty" (and 2 more problems)');
    const script = new QbankError(ScriptMistake, { problem: '"notes" expects text, got a list' }, { file: '<stdin>', line: 2, column: 1 });
    expect(script.message).toBe('<stdin>:2:1: "notes" expects text, got a list');
    expect(script.with({ session: 's1' }).message).toBe('<stdin>:2:1: "notes" expects text, got a list; the session is saved ("qbank interview --resume s1" continues it)');
  });

  it('survives a worker thread as plain data: the same entry, line and exit code', () => {
    const error = new QbankError(InvalidInput, { problem: 'Expected a list for "synonyms", got the number 3' }, { file: 'lexicon.yaml', line: 4, column: 1 });
    const back = fromPayload(structuredClone(error.toPayload()));
    expect(back).toBeInstanceOf(QbankError);
    expect(back.entry).toBe(InvalidInput);
    expect(back.message).toBe(error.message);
    expect(fromPayload({ entry: 'NoSuchEntry', params: {} }).entry.name).toBe('InternalError');
  });

  it('treats anything else as internal: one line pointing at QBANK_DEBUG, or the stack with it, exit 2', () => {
    const quiet = capture();
    expect(exitCodeFor(new TypeError('x is undefined'), quiet.io)).toBe(ExitCode.usage);
    expect(quiet.stderr()).toBe('qbank: internal error: x is undefined (set QBANK_DEBUG=1 to see where)\n');
    const debug = capture({ QBANK_DEBUG: '1' });
    exitCodeFor(new TypeError('x is undefined'), debug.io);
    expect(debug.stderr()).toMatch(/^qbank: internal error: x is undefined\nTypeError: x is undefined\n {4}at /);
  });

  it('is the only way errors reach exit codes: no code tells errors apart by their class names', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []));
    const byName = files(path.join(REPO_ROOT, 'src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${path.relative(REPO_ROOT, file)}:${i + 1}`, line }))
        // Inquirer's own errors (ExitPromptError) are told apart at the prompt adapter, which turns them into Cancelled.
        .filter(({ where, line }) => /\.name\s*[!=]==?\s*'\w*Error'|Set\(\[\s*'\w+Error'/.test(line) && !where.startsWith(path.join('src', 'cli', 'session', 'terminal-io.ts'))),
    );
    expect(byName).toEqual([]);
  });
});
