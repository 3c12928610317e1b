import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoQuestionFilesError } from '../../src/adapters/find-question-files.js';
import { runLint, type LintReport } from '../../src/adapters/lint-runner.js';
import { REPO_ROOT, fixture, mutated } from '../helpers/fixtures.js';

// The runner is lint without the command line: no CliIO, no flags, plain `cwd` and `env`.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-runner-'));
  writeFileSync(path.join(dir, 'broken.md'), '---\nid: x\n');
  writeFileSync(path.join(dir, 'fixable.md'), mutated([['estimated_time: 5-7 minutes', 'estimated_time: 5–7 min']]));
  writeFileSync(path.join(dir, 'latin1.md'), Buffer.from('---\nid: caf\xe9-L3-001\n---\n', 'latin1'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const where = (report: LintReport, file: string) => report.diagnostics.filter((d) => d.file === file).map((d) => [d.ruleId, d.line, d.column]);

describe('the lint runner', () => {
  it('reports each file\'s findings and writes the fixes back', async () => {
    const report = await runLint({ paths: ['.'], cwd: dir, env: {}, fix: true, cache: false, concurrency: 0 });
    expect(report.files).toBe(3);
    expect(where(report, 'broken.md')).toEqual([['frontmatter-unclosed', 1, 1]]);
    // Not UTF-8: the reader's finding, at the first byte that is not.
    expect(where(report, 'latin1.md')).toEqual([['file-encoding', 2, 8]]);
    expect(where(report, 'fixable.md').map(([ruleId]) => ruleId)).not.toContain('frontmatter-estimated-time-style');
    expect([report.fixedFiles, report.fixes]).toEqual([1, 1]);
    expect(readFileSync(path.join(dir, 'fixable.md'), 'utf8')).toBe(fixture('valid-subjective.md'));
    expect(report.config).toEqual({ file: undefined, origin: `in ${dir}, the bank folder` });
  });

  it('finds the same without fixing, and leaves the files alone', async () => {
    const report = await runLint({ paths: ['fixable.md'], cwd: dir, env: {}, cache: false, concurrency: 0 });
    expect(where(report, 'fixable.md')).toContainEqual(['frontmatter-estimated-time-style', 8, 17]);
    expect([report.files, report.fixedFiles, report.fixes]).toEqual([1, 0, 0]);
    expect(readFileSync(path.join(dir, 'fixable.md'), 'utf8')).toContain('estimated_time: 5–7 min');
  });

  it('keeps its cache where the env says, and gives the same report from it', async () => {
    const cache = path.join(dir, 'cache');
    const request = { paths: ['.'], cwd: dir, env: { QBANK_CACHE: cache }, concurrency: 0 } as const;
    const first = await runLint(request);
    expect(readdirSync(path.join(cache, 'lint'))).toHaveLength(1);
    expect(await runLint(request)).toEqual(first);
  });

  it('applies the config file and bank folders it is given', async () => {
    const config = path.join(dir, 'lint.json');
    writeFileSync(config, '{ "rules": { "frontmatter-estimated-time-style": "off" } }');
    mkdirSync(path.join(dir, 'bank'));
    writeFileSync(path.join(dir, 'bank', 'q.md'), readFileSync(path.join(dir, 'fixable.md')));
    const report = await runLint({ paths: [], bankDirs: ['bank'], cwd: dir, env: {}, configFile: 'lint.json', cache: false, concurrency: 0 });
    expect(report.files).toBe(1);
    expect(where(report, path.join('bank', 'q.md')).map(([ruleId]) => ruleId)).not.toContain('frontmatter-estimated-time-style');
    expect(report.config).toEqual({ file: config, origin: 'given with --config' });
  });

  it('refuses paths that hold no question file with an error of its own', async () => {
    mkdirSync(path.join(dir, 'empty'));
    writeFileSync(path.join(dir, 'empty', 'README.md'), '# not a question\n');
    const refused = runLint({ paths: ['empty'], cwd: dir, env: {}, cache: false });
    await expect(refused).rejects.toBeInstanceOf(NoQuestionFilesError);
    await expect(refused).rejects.toThrow(/^No question files in "empty": /);
  });

  it('reaches no module of the command-line layer', () => {
    const reached = importsFrom(path.join(REPO_ROOT, 'src', 'adapters', 'lint-runner.ts'));
    expect(reached).toContain('src/adapters/lint-engine.ts');
    expect(reached.filter((file) => file.startsWith('src/cli/'))).toEqual([]);
  });
});

/** Every source file a module reaches through relative imports, static or dynamic, as paths from the repository root. */
function importsFrom(start: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const name = path.relative(REPO_ROOT, file).split(path.sep).join('/');
    if (seen.has(name) || !existsSync(file)) return;
    seen.add(name);
    for (const [, target] of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)) visit(path.resolve(path.dirname(file), (target as string).replace(/\.js$/, '.ts')));
  };
  visit(start);
  return [...seen].sort();
}
