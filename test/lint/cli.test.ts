import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEstimatedTime } from '../../src/core/model/estimated-time.js';
import { ESTIMATED_TIME_PATTERN } from '../../src/core/lint/frontmatter-schema.js';
import { fixture } from '../helpers/fixtures.js';
import { runBin, runCli } from '../helpers/cli.js';
import { prng, questionText } from '../bench/lint-corpus.js';
import { edit } from './lint-helpers.js';
import { findQuestionFiles } from '../../src/adapters/find-question-files.js';

const valid = fixture('valid-subjective.md');
const validMcq = fixture('valid-mcq.md');

let dir: string;
let cache: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-lint-cli-'));
  cache = mkdtempSync(path.join(os.tmpdir(), 'qbank-lint-cache-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

const lint = (args: string[], cwd = dir) => runCli(['lint', ...args], { cwd, env: { QBANK_CACHE: cache } });

interface JsonReport {
  files: number;
  errors: number;
  warnings: number;
  diagnostics: Array<{ file: string; line: number; column: number; severity: string; ruleId: string; message: string }>;
}

describe('qbank lint output and exit codes', () => {
  it('prints SARIF 2.1.0 that code scanning can load', async () => {
    writeFileSync(path.join(dir, 'a.md'), edit(valid, [['level: L3', 'level: L9']]));
    mkdirSync(path.join(dir, 'sub dir'));
    writeFileSync(path.join(dir, 'sub dir', 'b.md'), edit(validMcq, [['## answer\nB', '## answer\nZ']]));
    const { code, stdout } = await lint(['--format', 'sarif', '.']);
    expect(code).toBe(1);
    const log = JSON.parse(stdout) as {
      version: string;
      $schema: string;
      runs: Array<{
        tool: { driver: { name: string; rules: Array<{ id: string; shortDescription: { text: string } }> } };
        results: Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }> }>;
      }>;
    };
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const [run] = log.runs;
    expect(run?.tool.driver.name).toBe('qbank');
    expect(run?.tool.driver.rules.map((r) => r.id)).toContain('text-mojibake');
    expect(run?.results).toEqual([
      expect.objectContaining({ ruleId: 'frontmatter-enum', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'a.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 10 } } }] }),
      expect.objectContaining({ ruleId: 'mcq-answer', level: 'error', locations: [expect.objectContaining({ physicalLocation: expect.objectContaining({ artifactLocation: { uri: 'sub%20dir/b.md', uriBaseId: '%SRCROOT%' } }) })] }),
    ]);
    for (const result of run?.results ?? []) expect(run?.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
  });

  it('keeps warnings under --quiet out of the output, and --max-warnings decides the exit code', async () => {
    writeFileSync(path.join(dir, 'q.md'), valid);
    const plain = await lint(['q.md']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('frontmatter-unknown-key');
    const quiet = await lint(['--quiet', 'q.md']);
    expect(quiet.stdout).not.toContain('frontmatter-unknown-key');
    const strict = await lint(['--max-warnings', '0', 'q.md']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('qbank: 1 warning exceeds --max-warnings 0\n');
    expect((await lint(['--max-warnings', 'lots', 'q.md'])).code).toBe(2);
    expect((await lint(['--concurrency', 'many', 'q.md'])).code).toBe(2);
  });

  it('lints the seed files and the bank with no errors', async () => {
    const { code, stdout } = await runCli(['lint', '--format', 'json', '--no-cache'], { env: { QBANK_CACHE: cache } });
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.errors, JSON.stringify(report.diagnostics.filter((d) => d.severity === 'error'), null, 1)).toBe(0);
    expect(code).toBe(0);
  });
});

describe('finding files', () => {
  it('finds question files the way the bank does: folders recursively, named files as given', async () => {
    for (const name of ['a.md', 'README.md', 'notes.txt', '.hidden/b.md', 'node_modules/c.md', 'x/GUIDELINES.md', 'x/y/d.MD']) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), 'x');
    }
    const roots = [dir, path.join(dir, 'notes.txt')];
    expect((await findQuestionFiles(roots)).map((file) => path.relative(dir, file))).toEqual(['a.md', 'notes.txt', path.join('x', 'y', 'd.MD')]);
    await expect(findQuestionFiles([path.join(dir, 'missing')])).rejects.toThrow(/^Cannot read .*missing: no such file or folder$/);
  });
});

describe('config files', () => {
  it('sets severities and options, from the nearest file upwards (to the repository root)', async () => {
    mkdirSync(path.join(dir, '.git'));
    writeFileSync(path.join(dir, '.qbankrc.json'), JSON.stringify({ rules: { 'frontmatter-unknown-key': 'off', 'concept-count': ['error', { min: 3 }] } }));
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'q.md'), valid);
    const { code, stdout } = await lint(['--format', 'json', 'q.md'], path.join(dir, 'sub'));
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.diagnostics.map((d) => [d.ruleId, d.severity, d.line])).toEqual([['concept-count', 'error', 19]]);
    expect(code).toBe(1);
  });

  it('takes ESLint-style severities and an explicit --config', async () => {
    writeFileSync(path.join(dir, 'q.md'), valid);
    writeFileSync(path.join(dir, 'strict.json'), JSON.stringify({ rules: { 'frontmatter-unknown-key': 2 } }));
    const report = JSON.parse((await lint(['--config', 'strict.json', '--format', 'json', 'q.md'])).stdout) as JsonReport;
    expect(report.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['frontmatter-unknown-key', 'error']]);
  });

  it.each([
    ['an unknown rule id', '{\n  "rules": {\n    "sectoin-order": "off"\n  }\n}\n', 'qbank: qbank.config.json:3:5: Unknown rule "sectoin-order"; did you mean "section-order"? (docs/rules.md lists every rule)\n'],
    ['a bad severity', '{ "rules": { "todo": "loud" } }', 'qbank: qbank.config.json:1:14: Unexpected value "loud" for "rules.todo"\n'],
    ['an unknown option', '{ "rules": { "near-duplicate": ["warning", { "treshold": 0.5 }] } }', 'qbank: qbank.config.json:1:46: Rule "near-duplicate" has no option "treshold"; its options are threshold\n'],
    ['an unknown top-level key', '{ "rule": {} }', 'qbank: qbank.config.json:1:3: Unknown key "rule"; a config file has "rules" only\n'],
  ])('stops with exit code 2 on %s, naming the place', async (_name, text, message) => {
    writeFileSync(path.join(dir, 'qbank.config.json'), text);
    writeFileSync(path.join(dir, 'q.md'), valid);
    const { code, stdout, stderr } = await lint(['q.md']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(message);
  });

  it('reports a config file that is not JSON', async () => {
    writeFileSync(path.join(dir, 'qbank.config.json'), '{ rules: ');
    writeFileSync(path.join(dir, 'q.md'), valid);
    const { code, stderr } = await lint(['q.md']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^qbank: qbank\.config\.json(:\d+:\d+)?: not valid JSON/);
  });
});

describe('the lint cache', () => {
  const cacheFile = () => {
    const folder = path.join(cache, 'lint');
    const [name] = readdirSync(folder);
    return path.join(folder, name as string);
  };

  it('reuses the results of unchanged files, and only of those', async () => {
    writeFileSync(path.join(dir, 'a.md'), valid);
    writeFileSync(path.join(dir, 'b.md'), validMcq);
    const first = await lint(['--format', 'json', '.']);
    // Plant a finding in the cache: if it shows up, the cached result was used.
    const stored = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { files: Record<string, { diagnostics: unknown[] }> };
    const planted = { ruleId: 'todo', severity: 'warning', message: 'planted', line: 1, column: 1 };
    for (const entry of Object.values(stored.files)) entry.diagnostics.push(planted);
    writeFileSync(cacheFile(), JSON.stringify(stored));
    const second = JSON.parse((await lint(['--format', 'json', '.'])).stdout) as JsonReport;
    expect(second.diagnostics.filter((d) => d.message === 'planted').map((d) => d.file)).toEqual(['a.md', 'b.md']);
    // A changed file is checked again; the other still comes from the cache.
    writeFileSync(path.join(dir, 'a.md'), `${valid}\n`);
    const third = JSON.parse((await lint(['--format', 'json', '.'])).stdout) as JsonReport;
    expect(third.diagnostics.filter((d) => d.message === 'planted').map((d) => d.file)).toEqual(['b.md']);
    // --no-cache ignores it; a config change starts afresh.
    expect((JSON.parse((await lint(['--format', 'json', '--no-cache', '.'])).stdout) as JsonReport).diagnostics.some((d) => d.message === 'planted')).toBe(false);
    writeFileSync(path.join(dir, 'qbank.config.json'), '{ "rules": { "todo": "error" } }');
    expect(JSON.parse((await lint(['--format', 'json', '.'])).stdout)).toEqual({ ...(JSON.parse(first.stdout) as object) });
  });

  it('checks a file again when a file its rubric reference names appears', async () => {
    writeFileSync(path.join(dir, 'q.md'), edit(valid, [['See GUIDELINES.md', 'See LOCAL-RUBRIC.md']]));
    const before = JSON.parse((await lint(['--format', 'json', 'q.md'])).stdout) as JsonReport;
    expect(before.diagnostics.map((d) => d.ruleId)).toContain('metadata-rubric-file');
    writeFileSync(path.join(dir, 'LOCAL-RUBRIC.md'), '# Rubric\n');
    const after = JSON.parse((await lint(['--format', 'json', 'q.md'])).stdout) as JsonReport;
    expect(after.diagnostics.map((d) => d.ruleId)).not.toContain('metadata-rubric-file');
  });
});

describe('worker threads (built binary)', () => {
  it('find exactly what the main thread finds', () => {
    const rng = prng(3);
    for (let i = 0; i < 24; i++) writeFileSync(path.join(dir, `q${String(i).padStart(2, '0')}.md`), questionText(i, rng));
    writeFileSync(path.join(dir, 'broken.md'), edit(valid, [['level: L3', 'level: L9']]));
    writeFileSync(path.join(dir, 'original.md'), edit(valid, [['L3→L4', 'L3â†’L4']]));
    writeFileSync(path.join(dir, 'copy.md'), edit(valid, [['id: fixture-littles-law-L3-001', 'id: fixture-copy']]));
    const env = { QBANK_CACHE: cache };
    const inThread = runBin(['lint', '--format', 'json', '--no-cache', '--concurrency', 'off', '.'], { cwd: dir, env });
    const inWorkers = runBin(['lint', '--format', 'json', '--no-cache', '--concurrency', '2', '.'], { cwd: dir, env });
    expect(inWorkers.stderr).toBe('');
    expect(inWorkers.code).toBe(1);
    expect(inWorkers.stdout).toBe(inThread.stdout);
    const report = JSON.parse(inWorkers.stdout) as JsonReport;
    expect(report.files).toBe(27);
    expect(report.diagnostics.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['frontmatter-enum', 'text-mojibake', 'near-duplicate']));
  });
});

describe('qbank new', () => {
  it.each(['subjective', 'mcq'])('writes a %s template that lints with only todo warnings', async (type) => {
    const file = path.join('raft', `raft-new-${type}-L5-001.md`);
    const created = await runCli(['new', file, '--type', type, '--level', 'l5'], { cwd: dir });
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created raft\/raft-new-\w+-L5-001\.md/);
    const text = readFileSync(path.join(dir, file), 'utf8');
    expect(text).toMatch(new RegExp(`^---\\nid: raft-new-${type}-L5-001\\ntype: ${type}\\nlevel: L5\\n`));
    const report = JSON.parse((await lint(['--format', 'json', file])).stdout) as JsonReport;
    expect(report.errors).toBe(0);
    expect(report.warnings).toBeGreaterThan(0);
    expect(new Set(report.diagnostics.map((d) => d.ruleId))).toEqual(new Set(['todo']));
  });

  it('prints the template without a file, and refuses to overwrite one', async () => {
    const printed = await runCli(['new', '--topic', 'raft', '--level', 'L4'], { cwd: dir });
    expect(printed.stdout).toMatch(/^---\nid: raft-new-question-L4-001\n/);
    expect(printed.stdout).toContain('## bar_raiser_question - L4→L5 Challenge');
    writeFileSync(path.join(dir, 'q.md'), 'mine');
    const again = await runCli(['new', 'q.md'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('qbank: q.md already exists; choose another name or add --force\n');
    expect(readFileSync(path.join(dir, 'q.md'), 'utf8')).toBe('mine');
    expect((await runCli(['new', '--level', 'L9'], { cwd: dir })).code).toBe(2);
  });
});

describe('qbank schema', () => {
  it('prints the frontmatter JSON Schema generated from the model', async () => {
    const { code, stdout } = await runCli(['schema']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as { $schema: string; oneOf: Array<{ required?: string[]; properties: Record<string, { enum?: string[]; const?: string; description?: string }> }> };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const [subjective, mcq] = schema.oneOf;
    expect(subjective?.required).toEqual(['id', 'type', 'level', 'category', 'topic', 'subtopic', 'estimated_time']);
    expect(subjective?.properties.level?.enum).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8']);
    expect(subjective?.properties.type?.const).toBe('subjective');
    expect(mcq?.required).toEqual(['id']);
    expect(Object.values(subjective?.properties ?? {}).every((p) => p.description)).toBe(true);
    const one = JSON.parse((await runCli(['schema', '--type', 'mcq'])).stdout) as { title: string };
    expect(one.title).toBe('Multiple-choice question frontmatter');
  });

  it('describes estimated_time as exactly the budgets qbank reads', () => {
    const pattern = new RegExp(ESTIMATED_TIME_PATTERN);
    for (const value of ['5 minutes', '8-10 minutes', '8–10 min', '8 to 10 mins', '7', '1 minute', '12 M', 'soon', '5 hours', '-5 minutes', '8-10-12 minutes', '']) {
      expect(pattern.test(value), value).toBe(parseEstimatedTime(value) !== undefined);
    }
  });
});
