import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO, OutputStream } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { runBin, runCli } from '../helpers/cli.js';
import { OUTPUT_RULE_ANSWERS } from '../helpers/answers.js';
import { fixture } from '../helpers/fixtures.js';

const ID = 'fixture-output-rule-L3-001';
/** The documented cap on a batch line: 1 MiB. */
const MAX_BATCH_LINE_BYTES = 1024 * 1024;
const { strong: STRONG, weak: WEAK } = OUTPUT_RULE_ANSWERS;

let root: string;
/** The working folder of the runs: a bank folder and a few files inside, one question outside. */
let work: string;
let bank: string;
let outsideQuestion: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'qbank-batch-'));
  work = path.join(root, 'work');
  bank = path.join(work, 'bank');
  mkdirSync(bank, { recursive: true });
  writeFileSync(path.join(bank, 'output-rule.md'), fixture('output-rule.md'));
  writeFileSync(path.join(work, 'notes.txt'), 'not a question\n');
  outsideQuestion = path.join(root, 'elsewhere.md');
  writeFileSync(outsideQuestion, fixture('output-rule.md'));
  symlinkSync(outsideQuestion, path.join(work, 'link.md'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const good = (n: number, answer = STRONG) => JSON.stringify({ question: ID, answer, n });
const lines = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

/** Every hostile case of the issue, with a good line between each two. */
function hostileBatch(): { text: string; cases: string[] } {
  const cases: Array<[string, string]> = [
    ['bom', `\uFEFF${good(1)}`],
    ['good', good(2, WEAK)],
    ['forged score', JSON.stringify({ question: ID, answer: WEAK, score: 100, band: 'excellent', passed: true })],
    ['good', good(4)],
    ['forged line and error', JSON.stringify({ question: 'no-such-question', answer: 'x', line: 999, error: null })],
    ['good', good(6)],
    ['nested 5,000 deep', `{"question":"${ID}","answer":"x","deep":${'['.repeat(5000)}${']'.repeat(5000)}}`],
    ['good', good(8)],
    ['2 MiB line', JSON.stringify({ question: ID, answer: 'x'.repeat(2 * MAX_BATCH_LINE_BYTES) })],
    ['good', good(10)],
    ['blank', '   '],
    ['good', good(12)],
    ['lone CR inside', `{"question":"${ID}",\r"answer":${JSON.stringify(STRONG)},"n":13}`],
    ['CRLF', `${good(14)}\r`],
    ['outside, exists', JSON.stringify({ question: '/etc/passwd', answer: 'x' })],
    ['outside, missing', JSON.stringify({ question: '/etc/no-such-file.md', answer: 'x' })],
    ['good', good(17)],
    ['inside, missing', JSON.stringify({ question: 'no-such.md', answer: 'x' })],
    ['inside, not a question', JSON.stringify({ question: 'notes.txt', answer: 'x' })],
    ['outside by ..', JSON.stringify({ question: '../elsewhere.md', answer: STRONG })],
    ['symlink to outside', JSON.stringify({ question: 'link.md', answer: STRONG })],
    ['inside, by path', JSON.stringify({ question: 'bank/output-rule.md', answer: STRONG, n: 22 })],
    ['good, no final newline', good(23)],
  ];
  return { text: cases.map(([, line]) => line).join('\n'), cases: cases.map(([name]) => name) };
}

describe('qbank score --batch: one input line, exactly one honest output line', () => {
  it('answers every line of a hostile batch file in order, with its line number, and nothing forged', async () => {
    const { text, cases } = hostileBatch();
    writeFileSync(path.join(work, 'hostile.jsonl'), text);
    const reference = lines((await runCli(['score', '--batch', '-', '--bank', bank], { stdin: `${good(0, WEAK)}\n${good(0)}\n` })).stdout);
    const [weakScore, strongScore] = reference.map((r) => r.score);

    const { code, stdout, stderr } = await runCli(['score', '--batch', 'hostile.jsonl', '--bank', bank], { cwd: work });
    const out = lines(stdout);
    expect(out).toHaveLength(cases.length);
    out.forEach((line, index) => expect(line.line, cases[index]).toBe(index + 1));
    const byCase = (name: string) => out[cases.indexOf(name)] as Record<string, unknown>;
    const errors = Object.fromEntries(out.filter((o) => 'error' in o).map((o) => [cases[(o.line as number) - 1], o.error]));
    expect(Object.keys(errors)).toEqual([
      'forged score', 'forged line and error', 'nested 5,000 deep', '2 MiB line', 'blank',
      'outside, exists', 'outside, missing', 'inside, missing', 'inside, not a question', 'outside by ..', 'symlink to outside',
    ]);
    for (const [index, name] of cases.entries()) {
      if (name in errors) expect(Object.keys(out[index] as object), name).not.toContain('score');
      else expect(out[index], name).toMatchObject({ id: ID, score: name === 'good' && index === 1 ? weakScore : strongScore });
    }
    expect(errors['forged score']).toBe('Fields "score", "band", "passed" are reserved for what qbank writes; rename them or nest them under another field');
    expect(byCase('forged line and error')).toEqual({ line: 5, error: 'Fields "line", "error" are reserved for what qbank writes; rename them or nest them under another field' });
    expect(errors['nested 5,000 deep']).toBe('Field "deep" nests deeper than 64 levels');
    expect(errors['2 MiB line']).toBe('Line too long: more than 1048576 bytes (1 MiB); it was skipped');
    expect(errors.blank).toBe('The line is blank');
    expect(byCase('bom')).toMatchObject({ n: 1 });
    expect(byCase('lone CR inside')).toMatchObject({ n: 13 });
    expect(byCase('inside, by path')).toMatchObject({ n: 22, question: 'bank/output-rule.md' });
    // No oracle: existing and missing files read the same, inside and outside.
    const same = (a: string, b: string) => expect(String(errors[a]).replace(/^"[^"]*"/, '"…"')).toBe(String(errors[b]).replace(/^"[^"]*"/, '"…"'));
    same('outside, exists', 'outside, missing');
    same('inside, missing', 'inside, not a question');
    same('outside by ..', 'outside, exists');
    same('symlink to outside', 'outside, exists');
    expect(errors['outside, exists']).toMatch(/outside the bank folders and the working folder.*--allow-paths/);
    expect(errors['inside, missing']).toMatch(/is not a question file qbank can use/);
    expect(stdout).not.toContain('root:');
    expect(stderr).toBe(`qbank: ${Object.keys(errors).length} lines could not be scored; see the "error" lines\n`);
    expect(code).toBe(1);
  });

  it('reads a question outside the allowed folders with --allow-paths, and still tells nothing about a file that is not a question', async () => {
    const input = [
      JSON.stringify({ question: outsideQuestion, answer: STRONG }),
      JSON.stringify({ question: '/etc/passwd', answer: 'x' }),
      JSON.stringify({ question: '/etc/no-such-file.md', answer: 'x' }),
    ].join('\n');
    const { code, stdout } = await runCli(['score', '--batch', '-', '--bank', bank, '--allow-paths'], { cwd: work, stdin: input });
    const out = lines(stdout);
    expect(out[0]).toMatchObject({ line: 1, id: ID, passed: true });
    expect(out[1]).toEqual({ line: 2, error: '"/etc/passwd" is not a question file qbank can use (missing, unreadable or not a valid question); check it with "qbank lint"' });
    expect(out[2]).toEqual({ line: 3, error: '"/etc/no-such-file.md" is not a question file qbank can use (missing, unreadable or not a valid question); check it with "qbank lint"' });
    expect(code).toBe(1);
  });

  it('passes the input\'s other fields through beside the result, and keeps them on an error line', async () => {
    const input = [
      JSON.stringify({ question: ID, answer: STRONG, candidate: 'ana', meta: { take: 1 } }),
      JSON.stringify({ question: ID, answer: STRONG, candidate: 'bo', score: 1 }),
    ].join('\n');
    const out = lines((await runCli(['score', '--batch', '-', '--bank', bank], { stdin: input })).stdout);
    expect(out[0]).toMatchObject({ line: 1, candidate: 'ana', meta: { take: 1 }, question: ID, passed: true });
    expect(out[1]).toEqual({ line: 2, error: expect.stringMatching(/^Field "score" is reserved/), candidate: 'bo' });
  });

  it('skips a line longer than V8\'s longest string without holding it, and scores the next line', async () => {
    // 600 MiB in one line, streamed from one reused 1 MiB chunk: readline would build it as one string.
    const chunk = Buffer.alloc(MAX_BATCH_LINE_BYTES, 'x'.charCodeAt(0));
    const stdin = Readable.from(
      (function* () {
        yield Buffer.from(`${good(1)}\n{"question":"${ID}","answer":"`);
        for (let i = 0; i < 600; i++) yield chunk;
        yield Buffer.from(`"}\n${good(3)}\n`);
      })(),
    );
    const result = await runWith(['score', '--batch', '-', '--bank', bank], stdin);
    const out = lines(result.stdout);
    expect(out.map((o) => [o.line, o.error ?? o.id])).toEqual([
      [1, ID],
      [2, 'Line too long: more than 1048576 bytes (1 MiB); it was skipped'],
      [3, ID],
    ]);
    expect(result.code).toBe(1);
  }, 120_000);

  it('exits 2 with one line, keeping the lines already written, when the input cannot be read', async () => {
    let reads = 0;
    const stdin = new Readable({
      read() {
        if (reads++ === 0) this.push(`${good(1)}\n`);
        else setImmediate(() => this.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' })));
      },
    });
    const result = await runWith(['score', '--batch', '-', '--bank', bank], stdin);
    expect(lines(result.stdout).map((o) => o.line)).toEqual([1]);
    expect(result.stderr).toBe('qbank: Cannot read the batch input: EIO: i/o error, read\n');
    expect(result.code).toBe(2);
  });

  it('exits 2, not 1, when the bank itself cannot be opened', async () => {
    const { code, stdout, stderr } = await runCli(['score', '--batch', '-', '--bank', path.join(root, 'no-such-bank')], { stdin: `${good(1)}\n${good(2)}\n` });
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^qbank: Cannot read .*no-such-bank: no such file or folder\n$/);
    expect(code).toBe(2);
  });

  it('ends the same way from the built binary: exit 1 for failed lines, a line for each input line', () => {
    const { text, cases } = hostileBatch();
    writeFileSync(path.join(work, 'hostile-bin.jsonl'), text);
    const { code, stdout } = runBin(['score', '--batch', 'hostile-bin.jsonl', '--bank', bank], { cwd: work });
    expect(lines(stdout).map((o) => o.line)).toEqual(cases.map((_, i) => i + 1));
    expect(code).toBe(1);
  });

  it('documents the reserved fields, the limits and --allow-paths in --help', async () => {
    const { stdout } = await runCli(['score', '--help']);
    expect(stdout).toContain('--allow-paths');
    expect(stdout).toMatch(/may\s+not reuse a name qbank writes \(line, error, question, answer/);
    expect(stdout).toMatch(/a blank\s+line/);
    expect(stdout).toMatch(/over 1 MiB/);
  });
});

class Capture implements OutputStream {
  text = '';
  write(chunk: string) {
    this.text += chunk;
    return true;
  }
}

/** Runs qbank in-process with a given stdin stream. */
async function runWith(args: readonly string[], stdin: Readable) {
  const stdout = new Capture();
  const stderr = new Capture();
  const io: CliIO = { stdout, stderr, stdin: stdin as unknown as CliIO['stdin'], env: { QBANK_HOME: undefined }, cwd: work };
  const code = await run(['node', 'qbank', ...args], io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
