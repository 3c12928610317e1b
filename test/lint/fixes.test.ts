import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/core/lint/fixes.js';
import { lintText } from '../../src/core/lint/lint-text.js';
import { fixture, SEED_QUESTION_FILES, seedsPresent } from '../helpers/fixtures.js';
import { runCli } from '../helpers/cli.js';
import { edit, testServices } from './lint-helpers.js';
import { itWithSeeds, requireSeeds } from '../helpers/seeds.js';

const valid = fixture('valid-subjective.md');

/** The valid fixture with one problem of each fixable kind. */
const broken = edit(valid, [
  ['estimated_time: 5-7 minutes', 'estimated_time: 5–7 min'],
  ['## main_question - Core Question', '## Main_Question  -Core Question'],
  ['L3→L4 Challenge', 'L3â†’L4 Challenge'],
  ["Little's Law says concurrency", 'Littleâ€™s Law says concurrency'],
]);
/** What --fix must turn it into: exactly the intended text. */
const repaired = edit(valid, [["Little's Law says concurrency", 'Little’s Law says concurrency']]);

const variants: Array<[string, (text: string) => string]> = [
  ['LF', (text) => text],
  ['CRLF', (text) => text.replace(/\n/g, '\r\n')],
  ['BOM and CRLF', (text) => `\uFEFF${text.replace(/\n/g, '\r\n')}`],
  ['lone CR', (text) => text.replace(/\n/g, '\r')],
];

describe('lint --fix in the core', () => {
  it.each(variants)('repairs only the fixable spots of a %s file, byte for byte', async (_name, shape) => {
    const services = await testServices();
    const result = lintText(shape(broken), 'q.md', { services, fix: true });
    expect(result.output).toBe(shape(repaired));
    expect(result.fixed).toBe(4);
    expect(result.diagnostics.filter((d) => d.fix)).toEqual([]);
  });

  it('leaves a file with nothing to fix alone', async () => {
    const result = lintText(valid, 'q.md', { services: await testServices(), fix: true });
    expect(result.output).toBeUndefined();
    expect(result.fixed).toBe(0);
  });

  it('does not fix a rule that is turned off, by config or by a comment', async () => {
    const services = await testServices();
    const off = lintText(broken, 'q.md', { services, fix: true, rules: { 'text-mojibake': 'off' } });
    expect(off.output).toContain('L3â†’L4');
    expect(off.output).not.toContain('Main_Question');
    const disabled = `${broken}\n<!-- qbank-disable section-key-style -->\n`;
    expect(lintText(disabled, 'q.md', { services, fix: true }).output).toContain('## Main_Question  -Core Question');
  });

  it('repairs double-encoded text over several passes', async () => {
    const twice = edit(valid, [["Little's Law says concurrency", 'LittleÃ¢â‚¬â„¢s Law says concurrency']]);
    expect(lintText(twice, 'q.md', { services: await testServices(), fix: true }).output).toBe(repaired);
  });

  it('skips a fix that overlaps an earlier one, and one outside the file', () => {
    const text = 'abcdef\nghi\n';
    const at = (line: number, column: number) => ({ line, column });
    const result = applyFixes(text, [
      { span: { start: at(1, 2), end: at(1, 5) }, text: 'X' },
      { span: { start: at(1, 4), end: at(1, 6) }, text: 'Y' },
      { span: { start: at(9, 1), end: at(9, 2) }, text: 'Z' },
      { span: { start: at(2, 1), end: at(2, 4) }, text: 'line\ntwo' },
    ]);
    expect(result).toEqual({ text: 'aXef\nline\ntwo\n', applied: 2 });
    expect(applyFixes(text.replace(/\n/g, '\r\n'), [{ span: { start: at(2, 1), end: at(2, 4) }, text: 'a\nb' }]).text).toBe('abcdef\r\na\r\nb\r\n');
  });
});

describe('qbank lint --fix', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-fix-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the fixed file and reports what is left', async () => {
    writeFileSync(path.join(dir, 'q.md'), broken.replace(/\n/g, '\r\n'));
    writeFileSync(path.join(dir, 'clean.md'), fixture('valid-mcq.md'));
    const { code, stdout } = await runCli(['lint', '--fix', '--no-cache', '.'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'q.md'), 'utf8')).toBe(repaired.replace(/\n/g, '\r\n'));
    expect(readFileSync(path.join(dir, 'clean.md'), 'utf8')).toBe(fixture('valid-mcq.md'));
    expect(code).toBe(0);
    expect(stdout).toContain('Fixed 1 file.');
    expect(stdout).not.toMatch(/text-mojibake|section-key-style|estimated-time-style/);
  });

  it('without --fix, counts what --fix would repair and changes nothing', async () => {
    writeFileSync(path.join(dir, 'q.md'), broken);
    const { stdout } = await runCli(['lint', '--no-cache', 'q.md'], { cwd: dir });
    expect(stdout).toMatch(/4 problems can be fixed with "qbank lint --fix"\n$/);
    expect(readFileSync(path.join(dir, 'q.md'), 'utf8')).toBe(broken);
  });

  itWithSeeds('repairs the mis-encoded arrow of seed 000 and nothing else', async () => {
    requireSeeds();
    const seed = readFileSync(SEED_QUESTION_FILES[0] as string, 'utf8');
    const copy = path.join(dir, 'seed.md');
    writeFileSync(copy, seed);
    await runCli(['lint', '--fix', '--no-cache', copy], { cwd: dir });
    expect(readFileSync(copy, 'utf8')).toBe(seed.replace('L4â†’L5', 'L4→L5'));
    expect(existsSync(copy)).toBe(true);
  });
});
