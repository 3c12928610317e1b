import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SEED_QUESTION_FILES, fixture, lineOf, seedsPresent } from '../helpers/fixtures.js';
import { runBin, runCli } from '../helpers/cli.js';
import { itWithSeeds, requireSeeds } from '../helpers/seeds.js';

let bankDir: string;
beforeAll(() => {
  bankDir = mkdtempSync(path.join(os.tmpdir(), 'qbank-cli-'));
  mkdirSync(path.join(bankDir, 'perf'));
  writeFileSync(path.join(bankDir, 'perf', 'littles-law.md'), fixture('valid-subjective.md'));
  writeFileSync(path.join(bankDir, 'perf', 'tail.md'), fixture('valid-mcq.md'));
});
afterAll(() => rmSync(bankDir, { recursive: true, force: true }));

describe('qbank list', () => {
  it('lists the bank with the spread by topic and level', async () => {
    const { code, stdout, stderr } = await runCli(['list', '--bank', bankDir]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('fixture-littles-law-L3-001');
    expect(stdout).toContain('fixture-mcq-tail-latency-001');
    expect(stdout).toMatch(/2 questions: 1 subjective, 1 multiple-choice/);
    expect(stdout.split('\n').every((line) => line.length <= 80)).toBe(true);
  });

  it('filters and prints JSON', async () => {
    const { code, stdout } = await runCli(['list', '--bank', bankDir, '--type', 'subjective', '--level', 'l3', '--json']);
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as Array<{ id: string; level: string; estimatedTime: unknown }>;
    expect(list).toEqual([expect.objectContaining({ id: 'fixture-littles-law-L3-001', level: 'L3', estimatedTime: { min: 5, max: 7 } })]);
  });

  it('reads the bank from QBANK_BANK', async () => {
    const { stdout } = await runCli(['list', '--json'], { env: { QBANK_BANK: bankDir } });
    expect((JSON.parse(stdout) as unknown[]).length).toBe(2);
  });

  it('rejects a bad level with one line and exit 2', async () => {
    const { code, stdout, stderr } = await runCli(['list', '--bank', bankDir, '--level', 'L9']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('qbank: --level expects one of L1, L2, L3, L4, L5, L6, L7, L8, got "L9"\n');
  });

  it('rejects an unknown flag with exit 2 and no stack trace', async () => {
    const { code, stderr } = await runCli(['list', '--frobnicate']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain("unknown option '--frobnicate'");
  });

  it('says which broken files were left out, and lists the rest', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-broken-'));
    try {
      writeFileSync(path.join(dir, 'good.md'), fixture('valid-subjective.md'));
      writeFileSync(path.join(dir, 'bad.md'), '---\nid: bad\n---\n# nothing\n');
      const { code, stdout, stderr } = await runCli(['list', '--json'], { env: { QBANK_BANK: dir }, cwd: dir });
      expect(code).toBe(0);
      expect((JSON.parse(stdout) as unknown[]).length).toBe(1);
      expect(stderr).toMatch(/^qbank: 1 file in the bank has errors and was left out: bad\.md/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('qbank show', () => {
  it('shows a candidate only the question', async () => {
    const { code, stdout } = await runCli(['show', 'fixture-littles-law-L3-001', '--bank', bankDir]);
    expect(code).toBe(0);
    expect(stdout).toContain('400 requests per second');
    expect(stdout).not.toContain('Little\'s Law: Concurrency');
    expect(stdout).not.toContain('By Little');
  });

  it('shows an interviewer the whole rubric with --rubric', async () => {
    const { stdout } = await runCli(['show', 'fixture-littles-law-L3-001', '--bank', bankDir, '--rubric']);
    for (const expected of ["Little's Law: Concurrency equals", 'Sample answer: excellent', 'Looking for: Concurrency doubles', 'L3→L4 Challenge', 'Evaluation rubric: See GUIDELINES.md']) {
      expect(stdout).toContain(expected);
    }
  });

  it('keeps the answer of a multiple-choice question hidden without --rubric', async () => {
    const plain = await runCli(['show', 'fixture-mcq-tail-latency-001', '--bank', bankDir, '--json']);
    const view = JSON.parse(plain.stdout) as Record<string, unknown>;
    expect(view.options).toHaveLength(4);
    expect(view).not.toHaveProperty('answer');
    expect(view).not.toHaveProperty('explanation');
    const full = JSON.parse((await runCli(['show', 'fixture-mcq-tail-latency-001', '--bank', bankDir, '--json', '--rubric'])).stdout) as { answer: { letter: string } };
    expect(full.answer.letter).toBe('B');
  });

  it("shows a concept's probe under it with --rubric and in the JSON model, never to a candidate", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-probe-'));
    try {
      const file = path.join(dir, 'probed.md');
      const bullet = '- **Headroom**: Size the pool above the average to absorb bursts';
      const text = fixture('valid-subjective.md').replace(bullet, `${bullet}\n  Probe: Why not run exactly twenty workers?`);
      writeFileSync(file, text);
      const { stdout } = await runCli(['show', file, '--rubric']);
      expect(stdout).toContain('  [ ] Headroom: Size the pool above the average to absorb bursts\n      ↳ Probe: Why not run exactly twenty workers?\n');
      const model = JSON.parse((await runCli(['show', file, '--rubric', '--json'])).stdout) as { core: { concepts: Array<{ name: string; description: string; probe?: { text: string; span: { start: { line: number; column: number } } } }> } };
      const headroom = model.core.concepts.find((c) => c.name === 'Headroom');
      expect(headroom?.description).toBe('Size the pool above the average to absorb bursts');
      expect(headroom?.probe).toMatchObject({ text: 'Why not run exactly twenty workers?', span: { start: { line: lineOf(text, 'Probe:'), column: 3 } } });
      for (const args of [[], ['--json']]) expect((await runCli(['show', file, ...args])).stdout).not.toContain('twenty workers');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows a file by path', async () => {
    const { code, stdout } = await runCli(['show', path.join(bankDir, 'perf', 'tail.md')]);
    expect(code).toBe(0);
    expect(stdout).toContain('B) About 18%');
  });

  it('names an unknown id in one line with exit 2', async () => {
    const { code, stderr } = await runCli(['show', 'no-such-id', '--bank', bankDir]);
    expect(code).toBe(2);
    expect(stderr).toBe('qbank: No question with id "no-such-id" in the bank; run "qbank list" to see the ids\n');
  });
});

describe('qbank lint', () => {
  itWithSeeds('passes both seed question files with exit 0', async () => {
    requireSeeds();
    const { code, stdout } = await runCli(['lint', ...SEED_QUESTION_FILES]);
    expect(code).toBe(0);
    // Seed 000 really has the mis-encoded arrow "â†’": a fixable warning, never an error.
    expect(stdout).toMatch(/\((0 errors), \d+ warnings\) in 2 files\n/);
    expect(stdout).toContain('text-mojibake');
  });

  it('prints the JSON shape other tools rely on, and exits 1 on errors', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-lint-'));
    try {
      const text = fixture('valid-subjective.md').replace('level: L3', 'level: L9');
      writeFileSync(path.join(dir, 'q.md'), text);
      const { code, stdout } = await runCli(['lint', 'q.md', '--format', 'json'], { cwd: dir });
      expect(code).toBe(1);
      const report = JSON.parse(stdout) as { files: number; errors: number; warnings: number; diagnostics: Array<Record<string, unknown>> };
      expect(report).toMatchObject({ files: 1, errors: 1, warnings: 0 });
      expect(report.diagnostics[0]).toEqual({
        file: 'q.md',
        line: lineOf(text, 'level: L9'),
        column: 1,
        endLine: lineOf(text, 'level: L9'),
        endColumn: 10,
        severity: 'error',
        ruleId: 'frontmatter-enum',
        message: 'Expected one of L1, L2, L3, L4, L5, L6, L7, L8 for "level", got "L9"',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('groups findings by file in the stylish format, with a summary line', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-lint-'));
    try {
      writeFileSync(path.join(dir, 'a.md'), fixture('valid-subjective.md').replace('Nice to Have (40%)', 'Nice to Have (50%)'));
      writeFileSync(path.join(dir, 'b.md'), fixture('valid-mcq.md'));
      const { code, stdout } = await runCli(['lint', '.'], { cwd: dir });
      expect(code).toBe(1);
      expect(stdout).toMatch(/^a\.md\n {2}10:1 {3}warning {2}Unknown frontmatter key "day".*frontmatter-unknown-key\n {2}\d+:39 {2}error {4}The rubric weights add up to 110%.*weights-sum\n\n✖/);
      expect(stdout).toMatch(/✖ 2 problems \(1 error, 1 warning\) in 2 files\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing path as a usage error', async () => {
    const { code, stderr } = await runCli(['lint', 'nope/missing.md']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^qbank: Cannot read .*missing\.md: no such file or folder\n$/);
  });
});

describe('the built binary', () => {
  it('prints help with examples for every command', () => {
    for (const command of ['list', 'show', 'lint']) {
      const { code, stdout } = runBin([command, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain('Examples:');
      expect(stdout).toContain(`$ qbank ${command}`);
    }
  });

  it('prints the package version', () => {
    const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(runBin(['--version']).stdout.trim()).toBe(version);
  });

  it('does not load remark, zod, yaml or the bank for --help and --version', () => {
    const trace = path.join(os.tmpdir(), `qbank-trace-${process.pid}.txt`);
    for (const args of [['--help'], ['--version'], ['lint', '--help']]) {
      rmSync(trace, { force: true });
      const { code } = runBin(args, { env: { NODE_OPTIONS: `--import=${path.join(REPO_ROOT, 'test', 'helpers', 'trace-imports.mjs')}`, QBANK_TRACE_FILE: trace } });
      expect(code).toBe(0);
      const loaded = readFileSync(trace, 'utf8');
      expect(loaded).toContain('/dist/cli/main.js');
      expect(loaded).not.toMatch(/remark|micromark|\/zod\/|\/yaml\/|gray-matter|load-bank/);
    }
    rmSync(trace, { force: true });
  });

  it('turns colour off when NO_COLOR is set and when output is not a terminal', async () => {
    const forced = await runCli(['lint', path.join(bankDir, 'perf')], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\u001b\[/);
    const noColor = await runCli(['lint', path.join(bankDir, 'perf')], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(/\u001b\[/);
    expect(runBin(['list', '--bank', bankDir], { env: { NO_COLOR: '' } }).stdout).not.toMatch(/\u001b\[/);
    expect(existsSync(bankDir)).toBe(true);
  });
});
