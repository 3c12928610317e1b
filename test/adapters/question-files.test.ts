import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readQuestionFile, findQuestionFiles } from '../../src/adapters/question-files.js';
import { loadBank } from '../../src/adapters/load-bank.js';
import { fixture, lineOf } from '../helpers/fixtures.js';
import { parseFindings } from '../helpers/parse-findings.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

describe('reading one file', () => {
  it('refuses a 2 MiB file with a diagnostic, without parsing it', async () => {
    const file = write('big.md', `${fixture('valid-subjective.md')}\n${'x'.repeat(2 * 1024 * 1024)}`);
    const parsed = await readQuestionFile(file, 'big.md');
    expect(parsed.usable).toBe(false);
    const found = parseFindings(parsed, 'big.md');
    expect(found).toMatchObject([{ ruleId: 'file-too-large', line: 1, column: 1, severity: 'error' }]);
    expect(found[0]?.message).toContain('2.0 MiB');
  });

  it('reports invalid UTF-8 at the line and column of the first bad byte', async () => {
    const text = fixture('valid-subjective.md');
    const at = text.indexOf('Headroom');
    const bytes = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xc3, 0x28]), Buffer.from(text.slice(at))]);
    const parsed = await readQuestionFile(write('bad.md', bytes), 'bad.md');
    expect(parseFindings(parsed, 'bad.md')).toMatchObject([{ ruleId: 'file-encoding', line: lineOf(text, '**Headroom**'), column: 5 }]);
  });

  it('reads CRLF line endings with the same positions as LF', async () => {
    const text = fixture('valid-subjective.md');
    const lf = await readQuestionFile(write('lf.md', text.replace('level: L3', 'level: L0')), 'x.md');
    const crlf = await readQuestionFile(write('crlf.md', text.replace('level: L3', 'level: L0').replace(/\n/g, '\r\n')), 'x.md');
    expect(parseFindings(crlf, 'x.md')).toEqual(parseFindings(lf, 'x.md'));
    expect(parseFindings(crlf, 'x.md')[0]).toMatchObject({ ruleId: 'frontmatter-enum', line: 4 });
    const clean = await readQuestionFile(write('ok.md', text.replace(/\n/g, '\r\n')), 'ok.md');
    expect(clean.usable).toBe(true);
    expect(clean.question?.type === 'subjective' && clean.question.mainQuestion?.text.includes('\r')).toBe(false);
  });

  it('accepts a byte-order mark', async () => {
    const parsed = await readQuestionFile(write('bom.md', `\uFEFF${fixture('valid-subjective.md')}`), 'bom.md');
    expect(parsed.facts).toEqual([]);
    expect(parsed.usable).toBe(true);
  });
});

describe('a bank folder', () => {
  it('finds question files recursively and skips README, GUIDELINES and dot-folders', async () => {
    write('raft/a.md', fixture('valid-subjective.md'));
    write('README.md', '# about');
    write('raft/GUIDELINES.md', '# how');
    write('.drafts/b.md', 'draft');
    write('notes.txt', 'text');
    const files = await findQuestionFiles([dir]);
    expect(files.map((f) => path.relative(dir, f))).toEqual([path.join('raft', 'a.md')]);
  });

  it('loads the good files when one is broken, and says why the broken one is out', async () => {
    write('a.md', fixture('valid-subjective.md'));
    write('b.md', fixture('valid-mcq.md'));
    write('c.md', '---\nid: [unclosed\n---\n');
    const bank = await loadBank([dir], dir);
    expect(bank.questions.map((q) => q.frontmatter.id)).toEqual(['fixture-littles-law-L3-001', 'fixture-mcq-tail-latency-001']);
    expect(bank.skippedFiles).toEqual(['c.md']);
    expect(bank.diagnostics[0]).toMatchObject({ file: 'c.md', ruleId: 'frontmatter-yaml' });
  });

  it('reports a duplicate id as an error in both files, naming the other', async () => {
    write('one/a.md', fixture('valid-subjective.md'));
    write('two/a.md', fixture('valid-subjective.md'));
    const bank = await loadBank([dir], dir);
    const duplicates = bank.diagnostics.filter((d) => d.ruleId === 'id-duplicate');
    expect(duplicates).toMatchObject([
      { file: path.join('one', 'a.md'), line: 2, column: 1, severity: 'error' },
      { file: path.join('two', 'a.md'), line: 2, column: 1, severity: 'error' },
    ]);
    expect(duplicates[0]?.message).toContain(path.join('two', 'a.md'));
    expect(duplicates[1]?.message).toContain(path.join('one', 'a.md'));
    expect(bank.questions).toHaveLength(1);
  });
});
