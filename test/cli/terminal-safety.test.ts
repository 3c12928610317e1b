import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin, runCli, type CliResult } from '../helpers/cli.js';
import { mutated } from '../helpers/fixtures.js';

// What a hostile question file or answer may try: write the clipboard (OSC 52), retitle the
// window (OSC 0), clear the screen, hide text, the same in 8-bit form (C1 CSI), reverse text.
const CLIPBOARD = '\u001b]52;c;cHduZWQ=\u0007';
const RETITLE = '\u001b]0;owned\u0007';
const CLEAR = '\u001b[2J';
const HIDE = '\u001b[8m';
const C1_HIDE = '\u009b8m';
const REVERSE = '\u202e';
const DEL = '\u007f';

const ID = 'fixture-littles-law-L3-001';
const TITLE = `Sizing ${RETITLE}a Worker Pool${CLEAR} with Little's Law`;

const HOSTILE_QUESTION = mutated([
  ["# question_title - Sizing a Worker Pool with Little's Law", `# question_title - ${TITLE}`],
  ['subtopic: queueing', 'subtopic: "queue\\e]0;yaml\\aing"'],
  ['"A service receives 400 requests', `"A service ${CLIPBOARD}receives 400 requests${HIDE}`],
  ['- **Headroom**: Size the pool above', `- **Head${REVERSE}room**: Size the pool ${CLEAR}above`],
  ['- **Tail Latency**: Percentiles matter', `- **Tail Latency**: Percentiles${C1_HIDE} matter`],
  ['- Figures: 20 requests, 400 per second', `- Figures: 20 requests, 400 per second${RETITLE}`],
  ['- Related: queueing, p99, burst', `- Related: queueing, p99${DEL}, burst${HIDE}`],
  ['"By Little\'s Law the average', `"By Little's Law${HIDE} the average`],
  ['so 400 times 0.05 is 20 requests in flight.', `so 400 times 0.05 is 20 requests in flight.${CLIPBOARD}`],
  ['- Confusing throughput with latency', `- Confusing throughput${CLEAR} with latency`],
  ['"The latency doubles during', `"The latency ${RETITLE}doubles during`],
  ['- **Looking for**: Concurrency doubles', `- **Looking for**: Concurrency${HIDE} doubles`],
  ['"If each request took 100 ms', `"If each request ${REVERSE}took 100 ms`],
  ['- **Building block**: Rate times time', `- **Building block**: Rate times${C1_HIDE} time`],
  ['"How would you size the pool when arrivals', `"How would you size the pool ${CLIPBOARD}when arrivals`],
  ['- Autoscaling lead time', `- Autoscaling${CLEAR} lead time`],
]);

const HOSTILE_ANSWER = [
  `By Little's Law the concurrency is the arrival rate times the latency: 400 per second times 0.05 seconds is 20 requests in flight.${CLIPBOARD}`,
  `I would size the pool above the average for headroom${HIDE} to absorb bursts, because queueing delay${CLIPBOARD} grows as utilisation nears 100%.${CLEAR}`,
  `The p99 tail latency ${RETITLE}matters more than the mean${C1_HIDE}, and I would check it with a burst test.${REVERSE}`,
].join(' ');

const FOLLOW_UP_ANSWER = `When latency doubles the concurrency doubles${HIDE} too, so the queue grows unless backpressure${CLIPBOARD} pushes back.`;

let root: string;
let bank: string;
let home: string;
let questionFile: string;
let answerFile: string;
let scriptFile: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'qbank-hostile-'));
  bank = path.join(root, 'bank');
  home = path.join(root, 'home');
  mkdirSync(bank);
  mkdirSync(home);
  questionFile = path.join(bank, 'hostile.md');
  writeFileSync(questionFile, HOSTILE_QUESTION);
  answerFile = path.join(root, 'answer.txt');
  writeFileSync(answerFile, HOSTILE_ANSWER);
  scriptFile = path.join(root, 'script.yaml');
  // YAML double-quoted strings carry the escapes: \e is ESC, \a is BEL.
  writeFileSync(scriptFile, [
    '---',
    `notes: ${JSON.stringify(HOSTILE_ANSWER).replace(/\\u001b/g, '\\e').replace(/\\u0007/g, '\\a')}`,
    'follow_up:',
    `  notes: "Concurrency doubles\\e[8m and the queue grows\\e]52;c;eA==\\a; backpressure"`,
    'rating: good',
    'reason: "Clear\\e[2J reasoning"',
    '---',
    'decision: confirm',
    '',
  ].join('\n'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const NO_COLOR = { NO_COLOR: '1' };
const COLOUR = { FORCE_COLOR: '1' };
const env = (colour: Record<string, string>) => ({ QBANK_HOME: home, QBANK_NOW: '2026-03-02T10:00:00Z', ...colour });

/** Every control character but newline, and the bidi controls, that could reach a terminal. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
/** The SGR sequences chalk writes for qbank at level 1: bold, dim, italic, underline, colours. */
const OWN_SGR = new Set([1, 2, 3, 4, 22, 23, 24, 31, 32, 33, 34, 35, 36, 37, 39, 90]);

/** The output holds no control character but newlines and, with colour, qbank's own SGR. */
function expectSafe(result: CliResult, colour: boolean) {
  for (const text of [result.stdout, result.stderr]) {
    const sgr = [...text.matchAll(/\u001b\[([0-9;]*)m/g)].flatMap((m) => (m[1] ?? '').split(';').map(Number));
    if (colour) for (const code of sgr) expect(OWN_SGR, `SGR ${code}`).toContain(code);
    else expect(sgr).toEqual([]);
    const rest = colour ? text.replace(/\u001b\[[0-9;]*m/g, '') : text;
    const unsafe = UNSAFE.exec(rest);
    expect(unsafe, unsafe ? `U+${unsafe[0].codePointAt(0)?.toString(16)} in ${JSON.stringify(rest.slice(Math.max(0, unsafe.index - 30), unsafe.index + 30))}` : '').toBeNull();
  }
  if (colour) expect(result.stdout).toMatch(/\u001b\[1m/);
}

/** The hostile sequences are shown, not dropped: as `\x1b]52;…` and `<U+202E>`. */
function expectShown(stdout: string, ...shown: string[]) {
  for (const text of shown) expect(stdout).toContain(text);
}

/** Every string inside a parsed JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe.each([
  ['NO_COLOR=1', NO_COLOR, false],
  ['FORCE_COLOR=1', COLOUR, true],
] as const)('a hostile question file and answer, %s', (_name, colour, coloured) => {
  it('qbank show', async () => {
    const result = await runCli(['show', ID, '--bank', bank], { env: env(colour) });
    expect(result.code).toBe(0);
    expectSafe(result, coloured);
    expectShown(result.stdout, '\\x1b]0;owned\\x07', '\\x1b[2J', '\\x1b]52;c;cHduZWQ=\\x07', '\\x1b]0;yaml\\x07');
  });

  it('qbank show --rubric', async () => {
    const result = await runCli(['show', ID, '--bank', bank, '--rubric'], { env: env(colour) });
    expect(result.code).toBe(0);
    expectSafe(result, coloured);
    expectShown(result.stdout, 'Head<U+202E>room', 'Percentiles\\x9b8m', 'p99\\x7f', 'Autoscaling\\x1b[2J lead time', 'Rate times\\x9b8m time');
  });

  it('qbank list --bank DIR', async () => {
    const result = await runCli(['list', '--bank', bank], { env: env(colour) });
    expect(result.code).toBe(0);
    expectSafe(result, coloured);
    expectShown(result.stdout, '\\x1b]0;owned');
  });

  it.each([[[]], [['--explain']]])('qbank score %j', async (flags) => {
    const result = await runCli(['score', questionFile, '--answer-file', answerFile, ...flags], { env: env(colour) });
    expect(result.code).toBe(0);
    expectSafe(result, coloured);
    expect(result.stdout).toContain('Score ');
    // The answer's sequence in the evidence, the question's in a concept and the follow-up.
    expectShown(result.stdout, '"queueing delay\\x1b]52;c;cHduZWQ=\\x07 grows', 'Head<U+202E>room', 'The latency \\x1b]0;owned\\x07doubles');
  });

  it('qbank lint, and --fix leaves the characters in place', async () => {
    const result = await runCli(['lint', questionFile, '--fix', '--no-cache'], { env: env(colour) });
    expect(result.code).toBe(1);
    expectSafe(result, coloured);
    expect(result.stdout).toContain('text-control-character');
    expect(readFileSync(questionFile, 'utf8')).toBe(HOSTILE_QUESTION);
  });
});

describe('a practice session with a hostile answer, then stats and history', () => {
  it.each([
    ['NO_COLOR=1', NO_COLOR, false],
    ['FORCE_COLOR=1', COLOUR, true],
  ] as const)('%s', async (_name, colour, coloured) => {
    const practice = await runCli(['practice', '--bank', bank, '--id', ID], { env: env(colour), stdin: `${HOSTILE_ANSWER}\n---\n${FOLLOW_UP_ANSWER}\n---\n:quit\n` });
    expect(practice.code).toBe(0);
    expectSafe(practice, coloured);
    expectShown(practice.stdout, '\\x1b]0;owned\\x07', '\\x1b]52;c;cHduZWQ=\\x07');

    for (const command of [['stats'], ['history'], ['history', '--id', ID]]) {
      const result = await runCli(command, { env: env(colour) });
      expect(result.code, command.join(' ')).toBe(0);
      expectSafe(result, coloured);
    }
  });
});

describe('a scripted interview on a hostile question', () => {
  it.each([
    ['NO_COLOR=1', NO_COLOR, false],
    ['FORCE_COLOR=1', COLOUR, true],
  ] as const)('%s', async (_name, colour, coloured) => {
    const result = await runCli(['interview', '--candidate', `Ana${RETITLE}`, '--bank', bank, '--count', '1', '--script', scriptFile], { env: env(colour) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expectSafe(result, coloured);
    expect(result.stdout).toContain('Interview complete');
    expectShown(result.stdout, '\\x1b]0;owned\\x07', 'Clear\\x1b[2J reasoning', 'Interview scorecard: Ana\\x1b');
  });
});

describe('machine formats keep the exact text', () => {
  it('show --json and list --json', async () => {
    const show = await runCli(['show', ID, '--bank', bank, '--rubric', '--json'], { env: env(NO_COLOR) });
    const question = JSON.parse(show.stdout) as { title: { text: string }; frontmatter: { subtopic: string } };
    expect(question.title.text).toBe(TITLE);
    expect(question.frontmatter.subtopic).toBe('queue\u001b]0;yaml\u0007ing');
    expect(strings(question)).toEqual(expect.arrayContaining([expect.stringContaining(`Head${REVERSE}room`), expect.stringContaining(`Percentiles${C1_HIDE}`)]));

    const list = await runCli(['list', '--bank', bank, '--json'], { env: env(NO_COLOR) });
    expect((JSON.parse(list.stdout) as Array<{ title: string }>)[0]?.title).toBe(TITLE);
  });

  it('score --json and score --batch', async () => {
    const score = await runCli(['score', questionFile, '--answer-file', answerFile, '--json'], { env: env(NO_COLOR) });
    const result = JSON.parse(score.stdout) as { concepts: Array<{ name: string; evidence?: { text: string } }> };
    expect(result.concepts.map((c) => c.evidence?.text)).toContain(`queueing delay${CLIPBOARD} grows as utilisation nears 100%`);
    expect(result.concepts.map((c) => c.name)).toContain(`Head${REVERSE}room`);

    const batch = path.join(root, 'batch.jsonl');
    writeFileSync(batch, `${JSON.stringify({ question: questionFile, answer: HOSTILE_ANSWER, tag: `t${C1_HIDE}${REVERSE}` })}\n`);
    // Run from the question's folder: batch input reads question files only inside it and the bank.
    const lines = await runCli(['score', '--batch', batch], { env: env(NO_COLOR), cwd: root });
    const line = JSON.parse(lines.stdout) as { tag: string };
    expect(line.tag).toBe(`t${C1_HIDE}${REVERSE}`);
    expect(strings(line)).toContain(`queueing delay${CLIPBOARD} grows as utilisation nears 100%`);
  });

  it('history --json and lint --format json', async () => {
    const history = await runCli(['history', '--json'], { env: env(NO_COLOR) });
    const attempts = JSON.parse(history.stdout) as Array<{ answer: string }>;
    expect(attempts.map((a) => a.answer)).toContain(HOSTILE_ANSWER);

    const lint = await runCli(['lint', questionFile, '--format', 'json', '--no-cache'], { env: env(NO_COLOR) });
    const report = JSON.parse(lint.stdout) as { diagnostics: Array<{ ruleId: string; line: number; column: number }> };
    const found = report.diagnostics.filter((d) => d.ruleId === 'text-control-character');
    const titleLine = HOSTILE_QUESTION.split('\n').findIndex((l) => l.startsWith('# question_title')) + 1;
    expect(found).toContainEqual(expect.objectContaining({ line: titleLine, column: '# question_title - Sizing '.length + 1 }));
  });
});

describe('the built binary', () => {
  it('prints no control character from a hostile file, colour on or off', () => {
    for (const [colourEnv, coloured] of [[{}, false], [{ NO_COLOR: '', FORCE_COLOR: '1' }, true]] as const) {
      const result = runBin(['show', questionFile, '--rubric'], { env: { QBANK_HOME: home, ...colourEnv } });
      expect(result.code).toBe(0);
      expectSafe(result, coloured);
      expectShown(result.stdout, '\\x1b]0;owned\\x07');
    }
  });
});
