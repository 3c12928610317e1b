import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/cli.js';
import { FIXTURES, REPO_ROOT } from '../helpers/fixtures.js';
import { workspace } from '../interview/helpers.js';

/**
 * Every file qbank validates, given a wrong value: one line with the file, line and column and
 * a sentence from the one zod error map (never zod's own text), and exit code 2.
 */

let ws: ReturnType<typeof workspace>;
const shipped = (name: string) => readFileSync(path.join(REPO_ROOT, 'rubrics', name), 'utf8');

/** A rubric folder `rubrics-<name>` in the workspace: the shipped files with one line replaced. */
function rubrics(name: string, file: 'scoring.yaml' | 'lexicon.yaml', from: RegExp, to: string): string {
  const dir = path.join(ws.root, `rubrics-${name}`);
  mkdirSync(dir, { recursive: true });
  for (const each of ['scoring.yaml', 'lexicon.yaml']) writeFileSync(path.join(dir, each), each === file ? shipped(each).replace(from, to) : shipped(each));
  return path.basename(dir);
}

/** The 1-based line of the first line of `file` in the shipped rubrics that matches `pattern`. */
const shippedLine = (file: string, pattern: RegExp) => shipped(file).split('\n').findIndex((line) => pattern.test(line)) + 1;

beforeAll(() => {
  ws = workspace();
  copyFileSync(path.join(FIXTURES, 'valid-subjective.md'), path.join(ws.root, 'q.md'));
});
afterAll(() => ws.cleanup());

const cli = (args: readonly string[], stdin = '') => runCli(args, { env: { QBANK_HOME: ws.home, QBANK_BANK: ws.bank }, stdin, cwd: ws.root });
const write = (name: string, text: string) => writeFileSync(path.join(ws.root, name), text);
const interview = ['interview', '--candidate', 'Ana', '--plan', 'plan.yaml'];
const saved = String.raw`; the session is saved \("qbank interview --resume \d{8}-\d{6}-ana(-\d+)?" continues it\)`;

type Case = { files?: Record<string, string>; args: () => string[]; stdin?: string; stderr: () => RegExp };

const cases: Array<[string, Case]> = [
  ['qbank.config.json: a wrong-typed value', {
    files: { 'qbank.config.json': '{\n  // severities by rule id\n  "rules": 5\n}\n' },
    args: () => ['lint', 'q.md'],
    stderr: () => /^qbank: qbank\.config\.json:3:3: Expected a mapping for "rules", got the number 5$/,
  }],
  ['qbank.config.json: an option of the wrong type', {
    files: { 'qbank.config.json': '{ "rules": { "near-duplicate": ["warning", { "threshold": "high" }] } }' },
    args: () => ['lint', 'q.md'],
    stderr: () => /^qbank: qbank\.config\.json:1:46: Option "threshold" of rule "near-duplicate" expects a number, got "high"$/,
  }],
  ['qbank.config.json: not JSON', {
    files: { 'qbank.config.json': '{\n  "rules": {\n    "todo": "off"\n  \n' },
    args: () => ['lint', 'q.md'],
    stderr: () => /^qbank: qbank\.config\.json:5:1: not valid JSON \(close brace expected\); fix the syntax$/,
  }],
  ['scoring.yaml: text for a number', {
    args: () => ['score', 'q.md', '--answer', 'An answer.', '--rubrics', rubrics('pass', 'scoring.yaml', /^pass: 45/m, 'pass: sixty')],
    stderr: () => new RegExp(`^qbank: rubrics-pass/scoring\\.yaml:${shippedLine('scoring.yaml', /^pass:/)}:1: Expected a number for "pass", got the text "sixty"$`),
  }],
  ['scoring.yaml: a nested number out of range', {
    args: () => ['score', 'q.md', '--answer', 'An answer.', '--rubrics', rubrics('penalty', 'scoring.yaml', /^ {2}penalty: 5/m, '  penalty: 500')],
    stderr: () => new RegExp(`^qbank: rubrics-penalty/scoring\\.yaml:${shippedLine('scoring.yaml', /^ {2}penalty:/)}:3: "mistakes\\.penalty" must be at most 100, got 500$`),
  }],
  ['scoring.yaml: a rule across fields', {
    args: () => ['score', 'q.md', '--answer', 'An answer.', '--rubrics', rubrics('bands', 'scoring.yaml', /^ {2}good: \d+/m, '  good: 99')],
    stderr: () => new RegExp(`^qbank: rubrics-bands/scoring\\.yaml:${shippedLine('scoring.yaml', /^bands:/)}:1: bands must satisfy excellent > good > needs_improvement$`),
  }],
  ['lexicon.yaml: a number for a list', {
    args: () => ['score', 'q.md', '--answer', 'An answer.', '--rubrics', rubrics('cues', 'lexicon.yaml', /^negationCues: .*$/m, 'negationCues: 3')],
    stderr: () => new RegExp(`^qbank: rubrics-cues/lexicon\\.yaml:${shippedLine('lexicon.yaml', /^negationCues:/)}:1: Expected a list for "negationCues", got the number 3$`),
  }],
  ['a plan: a number for a question id', {
    files: { 'bad-plan.yaml': 'level: L3\nquestions:\n  - fixture-output-rule-L3-001\n  - 42\n' },
    args: () => ['interview', '--candidate', 'Ana', '--plan', 'bad-plan.yaml'],
    stderr: () => /^qbank: bad-plan\.yaml:4:5: Question 2 of the plan is not an id$/,
  }],
  ['a plan: a list for the level', {
    files: { 'bad-plan.yaml': 'level: [L3]\nquestions: [fixture-output-rule-L3-001]\n' },
    args: () => ['interview', '--candidate', 'Ana', '--plan', 'bad-plan.yaml'],
    stderr: () => /^qbank: bad-plan\.yaml:1:1: "level" expects a level, L1 to L8, got a list$/,
  }],
  ['a plan: not YAML', {
    files: { 'bad-plan.yaml': 'questions: [fixture-output-rule-L3-001\n' },
    args: () => ['interview', '--candidate', 'Ana', '--plan', 'bad-plan.yaml'],
    stderr: () => /^qbank: bad-plan\.yaml:\d+:\d+: not valid YAML \(.+\); fix the syntax$/,
  }],
  ['a script on stdin: a list for the notes', {
    args: () => interview,
    stdin: '# question 1\nnotes: [said, nothing]\n',
    stderr: () => new RegExp(`^qbank: <stdin>:2:1: "notes" expects text, got a list${saved}$`),
  }],
  ['a script file: text for true or false, in its second document', {
    files: { 'script.yaml': 'pass: true\n---\nnotes: Little.\npass: "yes"\n' },
    args: () => [...interview, '--script', 'script.yaml'],
    stderr: () => new RegExp(`^qbank: script\\.yaml:4:1: "pass" expects true or false, got the text "yes"${saved}$`),
  }],
  ['a script: a name in a tick list that is not text', {
    args: () => interview,
    stdin: 'notes: x\nfollow_up:\n  tier: weak\n  ticks: [1]\n',
    stderr: () => new RegExp(`^qbank: <stdin>:4:3: "follow_up\\.ticks" expects a list of names, got a list holding the number 1${saved}$`),
  }],
  ['a script: not YAML', {
    args: () => interview,
    stdin: 'notes: [unclosed\n',
    stderr: () => new RegExp(`^qbank: <stdin>:\\d+:\\d+: not valid YAML \\(.+\\)${saved}$`),
  }],
];

describe('validated inputs: a wrong value is one located sentence and exit 2', () => {
  it.each(cases)('%s', async (_name, { files = {}, args, stdin, stderr }) => {
    for (const [name, text] of Object.entries(files)) write(name, text);
    const run = await cli(args(), stdin);
    for (const name of Object.keys(files)) rmSync(path.join(ws.root, name));
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(stderr());
    expect(run.stderr).not.toMatch(/Invalid input|expected \w+, received|Too (small|big):/);
    expect(run.code).toBe(2);
  });

  it('says the same from a lint worker thread (the error crosses the thread as catalogue data)', () => {
    const dir = rubrics('worker', 'scoring.yaml', /^pass: 45/m, 'pass: sixty');
    const run = runBin(['lint', 'q.md', '--rubrics', dir, '--concurrency', '2', '--no-cache'], { cwd: ws.root, env: { QBANK_HOME: ws.home } });
    expect(run.stderr).toBe(`qbank: rubrics-worker/scoring.yaml:${shippedLine('scoring.yaml', /^pass:/)}:1: Expected a number for "pass", got the text "sixty"\n`);
    expect(run.code).toBe(2);
  });
});

describe('records of the history and session logs', () => {
  it('a damaged record is skipped with a warning worded by the error map, never zod text', async () => {
    const home = path.join(ws.root, 'home-records');
    mkdirSync(home, { recursive: true });
    writeFileSync(path.join(home, 'history.jsonl'), '{"v":1,"type":"attempt","attemptId":5}\n');
    const run = await runCli(['history'], { env: { QBANK_HOME: home }, cwd: ws.root });
    expect(run.stderr).toBe(`qbank: warning: ${path.join(home, 'history.jsonl')}:1: Expected text for "attemptId", got the number 5; skipped\n`);
    expect(run.code).toBe(0);
  });
});
