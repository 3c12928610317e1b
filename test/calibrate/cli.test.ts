import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScoringSetup } from '../../src/adapters/scoring-files.js';
import { pearson } from '../../src/core/calibrate/pearson.js';
import { scoreAnswer } from '../../src/core/score/score-answer.js';
import { runBin, runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { BLIND_SET, blindGraded, rubricCache } from './helpers.js';

const FOUR = new Set(['raft-log-compaction-L4-001', 'scalability-scale-cube-L3-001', 'resilience-retry-storms-L5-001', 'performance-latency-budget-L5-001']);
/** 40 graded lines: the blind answers to four questions. */
const base = readFileSync(BLIND_SET, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && FOUR.has((JSON.parse(line) as { question: string }).question));

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'qbank-calibrate-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes an input file in the temp folder and runs calibrate on it there. */
async function calibrateLines(name: string, lines: readonly string[], args: readonly string[] = [], env: NodeJS.ProcessEnv = {}) {
  writeFileSync(path.join(root, name), lines.length === 0 ? '' : `${lines.join('\n')}\n`);
  const out = path.join(root, `out-${name}`);
  const result = await runCli(['calibrate', name, '--out', out, ...args], { cwd: root, env });
  return { ...result, out };
}

describe('qbank calibrate: bad input', () => {
  const line = (fields: Record<string, unknown>) => JSON.stringify(fields);
  const skipped: Array<[string, string, string]> = [
    ['an unknown question', line({ question: 'no-such-question-L3-001', answer: 'An answer.', grade: 3 }), 'No question with id "no-such-question-L3-001" in the bank; run "qbank list" to see the ids, or give --bank'],
    ['a missing grade', line({ question: 'raft-log-compaction-L4-001', answer: 'An answer.' }), '"grade" is missing; give the grade as a number'],
    ['a non-numeric grade', line({ question: 'raft-log-compaction-L4-001', answer: 'An answer.', grade: 'good' }), '"grade" must be a number, got the string "good"'],
    ['a line that is not JSON', '{"question": "raft-log-compaction-L4-001", "answer": ', 'The line is not valid JSON; each line is {"question": "<id or path>", "answer": "…", "grade": <number>}'],
    ['a multiple-choice question', line({ question: 'raft-mcq-group-commit-001', answer: 'B', grade: 3 }), '"raft-mcq-group-commit-001" is multiple-choice; calibrate fits the scoring of written answers'],
  ];
  it.each(skipped)('%s: the line is reported with its number and skipped, the rest is fitted (exit 1)', async (name, bad, message) => {
    const file = `${name.replace(/\W+/g, '-')}.jsonl`;
    const run = await calibrateLines(file, [...base.slice(0, 20), bad, ...base.slice(20)]);
    expect(run.stderr).toBe(`qbank: ${file}:21: ${message}; line skipped\nqbank: used 40 of 41 lines; 1 skipped\n`);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Calibrated the shipped rubrics on 40 answers to 4 questions');
    expect(existsSync(path.join(run.out, 'scoring.yaml'))).toBe(true);
  });

  it('a grade outside --scale is skipped (exit 1)', async () => {
    const run = await calibrateLines('outside.jsonl', [...base, line({ question: 'raft-log-compaction-L4-001', answer: 'An answer.', grade: 7 })], ['--scale', '0-5']);
    expect(run.stderr).toContain('qbank: outside.jsonl:41: "grade" 7 is outside the scale 0-5 (--scale); line skipped\n');
    expect(run.code).toBe(1);
  });

  const refused: Array<[string, string[], string]> = [
    ['a single question', base.slice(0, 10), `qbank: Calibration needs graded answers to at least 3 questions, and these answer only 1 ("${JSON.parse(base[0]!).question}"): a fit to fewer questions says nothing about new ones; nothing was written\n`],
    ['an empty file', [], 'qbank: empty.jsonl holds no graded answers; each line should be {"question": "<id or path>", "answer": "…", "grade": <number>}\n'],
    ['blank lines only', ['', '  ', ''], 'qbank: blank.jsonl holds no graded answers; each line should be {"question": "<id or path>", "answer": "…", "grade": <number>}\n'],
    ['29 answers', base.slice(0, 29), 'qbank: Calibration needs at least 30 graded answers, and there are 29; grade more answers first; nothing was written\n'],
  ];
  it.each(refused)('%s: refused with one line, nothing written (exit 2)', async (name, lines, message) => {
    const file = name === 'an empty file' ? 'empty.jsonl' : name === 'blank lines only' ? 'blank.jsonl' : `${name.replace(/\W+/g, '-')}.jsonl`;
    const run = await calibrateLines(file, lines);
    expect(run.stderr).toBe(message);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(existsSync(run.out)).toBe(false);
  });

  it('too few usable lines after skipping: the skipped lines, then the refusal', async () => {
    const bad = base.slice(0, 35).map((l, i) => (i < 10 ? l.replace(/"grade": \d/, '"grade": "x"') : l));
    const run = await calibrateLines('mostly-bad.jsonl', bad);
    expect(run.stderr).toContain('qbank: mostly-bad.jsonl:1: "grade" must be a number, got the string "x"; line skipped\n');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('qbank: Calibration needs at least 30 graded answers, and there are 25; grade more answers first; 25 of 35 lines could be used, nothing was written');
    expect(run.code).toBe(2);
  });

  const flags: Array<[string, string[], string]> = [
    ['--scale five', ['--scale', 'five'], 'qbank: --scale expects MIN-MAX, such as 0-5 or 1-10, got "five"\n'],
    ['--folds 1', ['--folds', '1'], 'qbank: --folds expects a whole number of 2 or more, got "1"\n'],
    ['--pass high', ['--pass', 'high'], 'qbank: --pass expects a grade (a number), got "high"\n'],
    ['--pass 9 on 0-5', ['--pass', '9', '--scale', '0-5'], 'qbank: --pass 9 is not a grade above the bottom of the scale 0-5\n'],
  ];
  it.each(flags)('%s is a usage error (exit 2)', async (_name, args, message) => {
    const run = await calibrateLines('flags.jsonl', base, args);
    expect(run.stderr).toBe(message);
    expect(run.code).toBe(2);
  });

  it('an --out that is a file is a usage error (exit 2), before the input is read', async () => {
    writeFileSync(path.join(root, 'a-file'), 'x');
    const run = await runCli(['calibrate', 'nope.jsonl', '--out', 'a-file'], { cwd: root });
    expect(run).toMatchObject({ code: 2, stderr: 'qbank: --out a-file is a file; give a folder for scoring.yaml and lexicon.yaml\n' });
  });

  it('a file that cannot be read is a usage error (exit 2)', async () => {
    const run = await runCli(['calibrate', 'nope.jsonl', '--out', path.join(root, 'never')], { cwd: root });
    expect(run).toMatchObject({ code: 2, stderr: 'qbank: Cannot read the graded answers file nope.jsonl\n' });
  });

  it('never writes the shipped rubrics folder, by any path to it', async () => {
    const before = readFileSync(path.join(REPO_ROOT, 'rubrics', 'scoring.yaml'), 'utf8');
    writeFileSync(path.join(root, 'ok.jsonl'), `${base.join('\n')}\n`);
    for (const out of [path.join(REPO_ROOT, 'rubrics'), path.join(REPO_ROOT, 'rubrics', '.'), path.join(REPO_ROOT, 'rubrics', 'sub')]) {
      const run = await runCli(['calibrate', path.join(root, 'ok.jsonl'), '--out', out], { cwd: root });
      expect(run.stderr).toBe(`qbank: ${out} is qbank's shipped rubric folder, which calibrate never writes; give another folder with --out (the default is ./qbank-rubrics)\n`);
      expect(run.code).toBe(2);
    }
    expect(readFileSync(path.join(REPO_ROOT, 'rubrics', 'scoring.yaml'), 'utf8')).toBe(before);
    expect(existsSync(path.join(REPO_ROOT, 'rubrics', 'sub'))).toBe(false);
  });
});

describe('qbank calibrate on the blind answer set (the --help example)', () => {
  let json: Record<string, any>;
  let out: string;
  beforeAll(async () => {
    out = path.join(root, 'blind-rubrics');
    const run = await runCli(['calibrate', 'test/eval/blind/answers.jsonl', '--scale', '0-5', '--out', out, '--json'], { env: { QBANK_NOW: '2027-01-02T10:00:00Z' } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    json = JSON.parse(run.stdout);
  });

  it('prints one JSON object with before, fitted and cross-validated r', () => {
    expect(json).toMatchObject({ answers: 200, questions: 20, folds: 5, scale: { min: 0, max: 5, pass: 3 }, input: { lines: 200, used: 200, skipped: [] }, date: '2027-01-02' });
    expect(json.r.current).toBeGreaterThan(0.7);
    expect(json.r.crossValidated).toBeLessThanOrEqual(json.r.fitted);
    expect(json.out.files).toEqual([path.join(out, 'scoring.yaml'), path.join(out, 'lexicon.yaml')]);
  });

  it('writes a rubric folder qbank loads, whose scores have the r it reported', async () => {
    const fitted = await loadScoringSetup({}, root, out);
    for (const n of json.numbers as Array<{ key: string; fitted: number }>) {
      const value = n.key.split('.').reduce<any>((node, part) => node[part], fitted.config);
      expect(value, n.key).toBe(n.fitted);
    }
    expect(readFileSync(path.join(out, 'lexicon.yaml'))).toEqual(readFileSync(path.join(REPO_ROOT, 'rubrics', 'lexicon.yaml')));
    const text = readFileSync(path.join(out, 'scoring.yaml'), 'utf8');
    expect(text).toMatch(/^# Fitted by "qbank calibrate" on 2027-01-02 from test\/eval\/blind\/answers.jsonl \(sha256\n# [0-9a-f]{12} of its graded answers\): 200 answers to 20 questions, grades 0-5, passing grade 3,\n/);
    expect(text).toContain('What is fitted, and how to read these figures: docs/calibration.md.\n\n# How qbank turns rubric coverage into a score.');
    expect(text).toContain(`Pearson r with the grades: current ${json.r.current.toFixed(3)}, fitted ${json.r.fitted.toFixed(3)},\n# cross-validated by question (5 folds) ${json.r.crossValidated.toFixed(3)}.\n`);
    // Everything but the moved numbers is the shipped file's text, comments and alignment kept.
    const shipped = readFileSync(path.join(REPO_ROOT, 'rubrics', 'scoring.yaml'), 'utf8').split('\n');
    const body = text.split('\n').slice(-shipped.length);
    const moved = new Set((json.numbers as Array<{ key: string; moved: boolean }>).filter((n) => n.moved).map((n) => n.key.split('.').at(-1)));
    body.forEach((line, i) => {
      const key = /^\s*(\w+):/.exec(line)?.[1];
      if (!key || !moved.has(key)) expect(line).toBe(shipped[i]);
      else expect(line.indexOf('#')).toBe((shipped[i] as string).indexOf('#'));
    });
    const graded = await blindGraded();
    const rubricFor = rubricCache(fitted.config, fitted.lexicon);
    const scores = graded.map((g) => scoreAnswer(rubricFor(g.question), g.answer).score);
    expect(pearson(scores, graded.map((g) => g.grade))).toBeCloseTo(json.r.fitted, 2);
  });

  it('starts from a calibrated folder as from any other, and its header gives way to the new one', async () => {
    writeFileSync(path.join(root, 'again.jsonl'), `${base.join('\n')}\n`);
    const again = path.join(root, 'again-rubrics');
    const run = await runCli(['calibrate', 'again.jsonl', '--rubrics', out, '--out', again, '--json'], { cwd: root });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).from).toBe('blind-rubrics');
    const text = readFileSync(path.join(again, 'scoring.yaml'), 'utf8');
    expect(text.match(/Fitted by "qbank calibrate"/g)).toHaveLength(1);
    expect(text).toContain('starting from blind-rubrics.');
    expect(text).toContain('\n\n# How qbank turns rubric coverage into a score.');
  });

  it('prints a short table at 80 columns, and progress only on a terminal', async () => {
    const text = await runCli(['calibrate', 'test/eval/blind/answers.jsonl', '--out', path.join(root, 'blind-text')]);
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('');
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(40);
    expect(text.stdout).toMatch(/ {2}current numbers +0\.\d{3} +\d+\.\d%\n {2}fitted, on these answers +0\.\d{3} +\d+\.\d%\n {2}cross-validated +0\.\d{3} +\d+\.\d%\n/);
    expect(text.stdout).toMatch(/\nThe fit (carries over to|does not carry over to|neither helps nor hurts on) new questions: cross-validated\s+r\s+0\.\d{3}/);
    // Without --scale the scale is the grades seen: 0-5 here.
    expect(text.stdout).toContain('grades 0-5, passing grade 3');
    const tty = await runCli(['calibrate', 'test/eval/blind/answers.jsonl', '--out', path.join(root, 'blind-tty')], { tty: true });
    expect(tty.stderr).toContain('qbank calibrate: scoring answer 200 of 200');
    expect(tty.stderr).toContain('qbank calibrate: cross-validating, fold 5 of 5');
    expect(tty.stderr.endsWith('\r\u001b[2K')).toBe(true);
  });
});

describe('qbank calibrate --help', () => {
  it('has examples and the exit codes, without loading zod or yaml', () => {
    const { code, stdout } = runBin(['calibrate', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:\n  $ qbank calibrate test/eval/blind/answers.jsonl --scale 0-5 --out my-rubrics\n');
    expect(stdout).toContain('Exit codes: 0 fitted and written; 1 fitted and written, but some lines were\nskipped');
    const trace = path.join(root, 'trace.txt');
    const traced = runBin(['calibrate', '--help'], { env: { NODE_OPTIONS: `--import=${path.join(REPO_ROOT, 'test', 'helpers', 'trace-imports.mjs')}`, QBANK_TRACE_FILE: trace } });
    expect(traced.code).toBe(0);
    const loaded = readFileSync(trace, 'utf8');
    expect(loaded).toContain('/dist/cli/commands/calibrate.js');
    expect(loaded).not.toMatch(/\/zod\/|\/yaml\/|\/dist\/core\/calibrate\//);
  });
});
