import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

/**
 * Every example a user can copy, from `--help` of each command and from docs/interview.md, run
 * as written against the shipped bank: none may fail for an id the bank does not have (or, for
 * that matter, at all). Each runs in a fresh working folder holding the files examples name;
 * the data folder is shared, so the interview and scorecard examples find the session whose id
 * they name.
 */

const SESSION = '20250131-140512-ana-lima';
const NOW = '2025-01-31T14:05:12Z';
const ANSWER = 'Each server snapshots its state machine, records the last included index and term, and discards the log before it; a follower far behind gets the snapshot through InstallSnapshot.';

/** `qbank` commands shown after "Examples:" in the help of the program and of each command, page by page. */
async function helpExamples(): Promise<Array<{ page: string; lines: string[] }>> {
  const root = await runCli(['--help']);
  const names = [...root.stdout.matchAll(/^ {2}([a-z]+)(?: |$)/gm)].map((m) => m[1] as string).filter((name) => name !== 'help');
  const pages: Array<{ page: string; text: string }> = [{ page: 'qbank --help', text: root.stdout }];
  for (const name of names) {
    const help = (await runCli([name, '--help'])).stdout;
    pages.push({ page: `qbank ${name} --help`, text: help });
    // Subcommands (scorecard merge, …) have help of their own.
    const subcommands = [...(help.split('\nCommands:\n')[1] ?? '').matchAll(/^ {2}([a-z][a-z-]*)(?: |$)/gm)].map((m) => m[1] as string).filter((sub) => sub !== 'help');
    for (const sub of subcommands) pages.push({ page: `qbank ${name} ${sub} --help`, text: (await runCli([name, sub, '--help'])).stdout });
  }
  return pages.map(({ page, text }) => ({ page, lines: [...(text.split('\nExamples:\n')[1] ?? '').matchAll(/^ {2}\$ (.+)$/gm)].map((m) => m[1] as string) }));
}

/** The `qbank` lines of the sh blocks of a doc, and its YAML blocks. */
function docBlocks(file: string): { commands: string[]; yaml: string[] } {
  const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  const blocks = [...text.matchAll(/```(\w+)\n([\s\S]*?)```/g)];
  return {
    commands: blocks.filter((b) => b[1] === 'sh').flatMap((b) => (b[2] as string).split('\n').filter((line) => line.startsWith('qbank '))),
    yaml: blocks.filter((b) => b[1] === 'yaml').map((b) => b[2] as string),
  };
}

/** Splits a command line into words, as a shell would for these examples (quotes, no expansion). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? (m[3] as string));
}

interface Run {
  args: string[];
  env: NodeJS.ProcessEnv;
  stdin?: string;
  stdoutTo?: string;
}

/** An example as qbank runs it: `VAR=value` before it, `cmd |` feeding it, `> file` after it, `[optional]` flags. */
function parseExample(line: string, home: string): Run {
  let text = line.replace(/\s+#.*$/, '');
  // `[--json]` is a flag to try; `[--format text|md|json]` and `[--out FILE]` show a choice or a placeholder.
  text = text.replace(/\[([^\]]*)\]/g, (_all, inner: string) => (/\||\b[A-Z]{2,}\b/.test(inner) ? '' : inner));
  text = text.replace(/\bSESSION\b/g, SESSION);
  const env: NodeJS.ProcessEnv = {};
  let stdin: string | undefined;
  const pipe = text.split(' | ');
  if (pipe.length === 2) {
    const feeder = pipe[0] as string;
    stdin = feeder.startsWith('printf ') ? (words(feeder)[1] ?? '').replace(/\\n/g, '\n') : `${ANSWER}\n`;
    text = pipe[1] as string;
  }
  let stdoutTo: string | undefined;
  const redirect = /\s>\s*(\S+)$/.exec(text);
  if (redirect) {
    stdoutTo = redirect[1];
    text = text.slice(0, redirect.index);
  }
  const parts = words(text);
  while (parts[0] && /^[A-Z_]+=/.test(parts[0])) {
    const [key, value] = (parts.shift() as string).split(/=(.*)/) as [string, string];
    env[key] = value.replace(/^~/, home);
  }
  expect(parts.shift(), line).toBe('qbank');
  return { args: parts, env, stdin, stdoutTo };
}

let work: string;
let template: string;
let env: NodeJS.ProcessEnv;
let docs: { commands: string[]; yaml: string[] };

function fresh(): string {
  const cwd = mkdtempSync(path.join(work, 'cwd-'));
  cpSync(template, cwd, { recursive: true });
  return cwd;
}

/**
 * Runs one example line (`a && b` runs both, stopping at a failure) in `cwd`. Returns the result
 * of the last command run, and whether a failure is one the reader would not see: a file the
 * example names that the reader brings (not there, and not made by an earlier example) and that
 * qbank says it cannot read.
 */
async function run(line: string, cwd: string): Promise<CliResult & { usersFile: boolean }> {
  let result: CliResult = { code: 0, stdout: '', stderr: '' };
  for (const part of line.split(' && ')) {
    const example = parseExample(part, path.join(work, 'home-dir'));
    const args = example.args.flatMap((arg) => (arg === '*.json' ? readdirSync(cwd).filter((name) => name.endsWith('.json')).sort() : [arg]));
    const missing = args.filter((arg) => /\.[a-z]+$/.test(arg) && !arg.startsWith('-') && !existsSync(path.join(cwd, arg)));
    result = await runCli(args, { cwd, env: { ...env, ...example.env }, stdin: example.stdin ?? '' });
    if (example.stdoutTo) writeFileSync(path.join(cwd, example.stdoutTo), result.stdout);
    if (result.code !== 0) {
      const usersFile = result.code === 2 && missing.some((file) => result.stderr.includes(`Cannot read`) && result.stderr.includes(file));
      return { ...result, usersFile };
    }
  }
  return { ...result, usersFile: false };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'qbank-examples-'));
  template = path.join(work, 'template');
  mkdirSync(path.join(template, 'my-questions'), { recursive: true });
  // What examples name from a clone of qbank: the bank, the rubrics, the graded answers of test/eval.
  cpSync(path.join(REPO_ROOT, 'questions'), path.join(template, 'questions'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'rubrics'), path.join(template, 'rubrics'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'test', 'eval'), path.join(template, 'test', 'eval'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'questions', 'raft', 'raft-log-compaction-L4-001.md'), path.join(template, 'my-questions', 'mine.md'));
  for (const name of ['answer.txt', 'my-answer.txt']) writeFileSync(path.join(template, name), `${ANSWER}\n`);
  writeFileSync(path.join(template, 'answers.jsonl'), `${JSON.stringify({ question: 'raft-log-compaction-L4-001', answer: ANSWER })}\n`);
  env = { QBANK_HOME: path.join(work, 'home'), QBANK_CACHE: path.join(work, 'cache'), QBANK_NOW: NOW, NO_COLOR: '1' };
  const draft = await runCli(['new', '--topic', 'raft'], { cwd: template, env });
  writeFileSync(path.join(template, 'draft.md'), draft.stdout);
  // The plan and the script of docs/interview.md, as a reader would save them.
  docs = docBlocks('docs/interview.md');
  const plan = docs.yaml.find((block) => /^questions:/m.test(block));
  const script = docs.yaml.find((block) => block.startsWith('---\n'));
  writeFileSync(path.join(template, 'plan.yaml'), plan ?? '');
  writeFileSync(path.join(template, 'notes.yaml'), script ?? '');
  // The sessions examples name (`20250131-140512-ana-lima`): each started at its time, for its
  // candidate, with the script's first question done, then stopped (so --resume has one to take).
  const firstQuestion = (script ?? '').split(/^---$/m)[1] ?? '';
  writeFileSync(path.join(work, 'first.yaml'), `---${firstQuestion}`);
  const everything = [...(await helpExamples()).flatMap((page) => page.lines), ...docs.commands].join('\n');
  const sessions = new Set([SESSION, ...[...everything.matchAll(/\b(\d{8}-\d{6})-([a-z]+(?:-[a-z]+)*)\b/g)].map((m) => m[0])]);
  for (const session of sessions) {
    const [, date, time, slug] = /^(\d{8})-(\d{6})-(.+)$/.exec(session) as RegExpExecArray;
    const at = `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6)}T${time!.slice(0, 2)}:${time!.slice(2, 4)}:${time!.slice(4)}Z`;
    const candidate = slug!.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
    const started = await runCli(['interview', '--candidate', candidate, '--interviewer', 'Bo', '--plan', 'plan.yaml', '--script', path.join(work, 'first.yaml')], { cwd: template, env: { ...env, QBANK_NOW: at } });
    expect(started.stderr, session).not.toMatch(/error|no question/i);
  }
  for (const [name, interviewer] of [['ana-bo.json', 'Bo'], ['ana-cy.json', 'Cy']] as const) {
    const card = await runCli(['scorecard', SESSION, '--format', 'json'], { cwd: template, env });
    writeFileSync(path.join(template, name), card.stdout.replace('"interviewer": "Bo"', `"interviewer": "${interviewer}"`));
  }
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('documented examples', () => {
  it('uses only ids the bank has', async () => {
    const ids = (JSON.parse((await runCli(['list', '--json'])).stdout) as Array<{ id: string }>).map((q) => q.id);
    const all = [...(await helpExamples()).flatMap((page) => page.lines), ...docs.commands, ...docs.yaml];
    const named = all.flatMap((text) => [...text.matchAll(/\b[a-z]+(?:-[a-z0-9]+)+-L\d-\d{3}\b/g)].map((m) => m[0]));
    expect(named.length).toBeGreaterThan(5);
    // (`qbank new` names the file it creates: that id is new by design.)
    for (const id of named) if (!id.startsWith('raft-leader-lease')) expect(ids, `example id ${id}`).toContain(id);
  });

  it('runs every example of --help and docs/interview.md, none failing', async () => {
    // Each page's examples run in order in one working folder, as a reader trying them would.
    const pages = [...(await helpExamples()), { page: 'docs/interview.md', lines: docs.commands }];
    expect(pages.flatMap((p) => p.lines).length).toBeGreaterThan(40);
    const failed: string[] = [];
    for (const { page, lines } of pages) {
      const cwd = fresh();
      for (const line of lines) {
        const result = await run(line, cwd);
        expect(result.stderr, `${page}: ${line}`).not.toMatch(/no question with id|no interview session|unknown id|internal error/i);
        const findings = result.code === 1 && line.startsWith('qbank lint');
        // Calibrating on the reader's own interviews needs grades for 3 questions or more: data no example can bring.
        const usersData = /qbank calibrate/.test(line) && !line.includes('test/eval') && /needs graded answers to at least/.test(result.stderr);
        if (result.code !== 0 && !findings && !result.usersFile && !usersData) failed.push(`${page}: ${line}\n  exit ${result.code}: ${result.stderr.trim()}`);
      }
    }
    expect(failed).toEqual([]);
  }, 300_000);
});
