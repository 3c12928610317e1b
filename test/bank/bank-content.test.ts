import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQuestionFiles } from '../../src/adapters/question-files.js';
import { parseQuestion } from '../../src/core/parse/parse-question.js';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT, SEEDS_DIR, fixture, lineOf, mutated } from '../helpers/fixtures.js';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { itWithSeeds, requireSeeds } from '../helpers/seeds.js';

const files = await findQuestionFiles([path.join(REPO_ROOT, 'questions')]);
const parsed = files.map((file) => ({ file, rel: path.relative(path.join(REPO_ROOT, 'questions'), file), result: parseQuestion(readFileSync(file, 'utf8'), file) }));
const questions = parsed.map((p) => p.result.question).filter((q) => q !== undefined);

describe('the shipped bank', () => {
  it('holds at least 40 subjective and 20 multiple-choice questions', () => {
    expect(questions.filter((q) => q.type === 'subjective').length).toBeGreaterThanOrEqual(40);
    expect(questions.filter((q) => q.type === 'mcq').length).toBeGreaterThanOrEqual(20);
  });

  it('spreads subjective questions over L3 to L6, in both categories, on every topic', () => {
    const subjective = questions.filter((q) => q.type === 'subjective');
    expect(new Set(subjective.map((q) => q.frontmatter.level))).toEqual(new Set(['L3', 'L4', 'L5', 'L6']));
    expect(new Set(subjective.map((q) => q.frontmatter.category))).toEqual(new Set(['baseline', 'bar-raiser']));
    expect(new Set(subjective.map((q) => q.frontmatter.topic))).toEqual(new Set(['performance', 'primary-backup', 'raft', 'resilience', 'scalability']));
  });

  it('lays files out as questions/<topic>/<id>.md', () => {
    for (const { rel, result } of parsed) {
      const fm = result.question?.frontmatter;
      expect(fm, rel).toBeDefined();
      expect(rel).toBe(path.join(fm?.topic ?? '?', `${fm?.id}.md`));
    }
  });

  it('lints with no errors and no warnings, the scorer-backed rules included', async () => {
    const { code, stdout } = await runCli(['lint', 'questions', '--format', 'json'], { env: { QBANK_CACHE: mkdtempSync(path.join(os.tmpdir(), 'qbank-cache-')) } });
    const report = JSON.parse(stdout) as { files: number; errors: number; warnings: number; diagnostics: Array<{ file: string; line: number; ruleId: string; message: string }> };
    expect(report.diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId} ${d.message}`)).toEqual([]);
    expect(report).toMatchObject({ files: parsed.length, errors: 0, warnings: 0 });
    expect(code).toBe(0);
  });

  it('is linted with its own config, which raises the scorer-backed rules to errors (they are warnings elsewhere)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-samples-'));
    try {
      const file = path.join(dir, 'weak-samples.md');
      writeFileSync(file, mutated([
        [/(## sample_excellent - Example Excellence\n)"[^\n]*"/, '$1"By Little\'s Law it is about 20."'],
        [/(## sample_acceptable - Minimum Acceptable\n)"[^\n]*"/, '$1"It depends on the load, so I would measure it first."'],
      ]));
      const lint = async (cwd: string) => {
        const { code, stdout } = await runCli(['lint', file, '--format', 'json', '--no-cache'], { cwd });
        const { diagnostics } = JSON.parse(stdout) as { diagnostics: Array<{ ruleId: string; severity: string; line: number }> };
        return { code, samples: diagnostics.filter((d) => d.ruleId.startsWith('sample-')).map((d) => [d.ruleId, d.severity, d.line]) };
      };
      const excellentLine = lineOf(fixture('valid-subjective.md'), '## sample_excellent') + 1;
      const acceptableLine = lineOf(fixture('valid-subjective.md'), '## sample_acceptable') + 1;
      expect(await lint(REPO_ROOT)).toEqual({ code: 1, samples: [['sample-excellent-band', 'error', excellentLine], ['sample-acceptable-score', 'error', acceptableLine]] });
      expect(await lint(dir)).toEqual({ code: 0, samples: [['sample-excellent-band', 'warning', excellentLine], ['sample-acceptable-score', 'warning', acceptableLine]] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives mandatory concepts of at least ten subjective questions, on every topic, the author's probe", () => {
    const probed = questions.filter((q) => q.type === 'subjective' && q.core.concepts.some((c) => c.probe));
    expect(probed.length).toBeGreaterThanOrEqual(10);
    expect(new Set(probed.map((q) => q.frontmatter.topic))).toEqual(new Set(['performance', 'primary-backup', 'raft', 'resilience', 'scalability']));
    for (const question of probed) {
      if (question.type !== 'subjective') continue;
      for (const concept of question.core.concepts) if (concept.probe) expect(concept.probe.text, `${question.frontmatter.id} ${concept.name}`).toMatch(/^\S.*\?$/);
    }
  });

  it('fills every optional-looking section a candidate or interviewer relies on', () => {
    for (const question of questions) {
      if (question.type !== 'subjective') continue;
      const id = question.frontmatter.id;
      expect(question.core.concepts.length, id).toBeGreaterThanOrEqual(3);
      expect(question.bonus.concepts.length, id).toBeGreaterThanOrEqual(3);
      expect(question.commonMistakes.length, id).toBeGreaterThanOrEqual(4);
      for (const tier of ['excellent', 'partial', 'weak'] as const) expect(question.followUps[tier]?.question?.text, `${id} ${tier}`).toBeTruthy();
      expect(question.barRaiser?.step?.from, id).toBe(question.frontmatter.level);
      expect(question.barRaiser?.concepts.length, id).toBeGreaterThanOrEqual(4);
    }
  });

  const seedFiles = existsSync(SEEDS_DIR) ? readdirSync(SEEDS_DIR).map((name) => path.join(SEEDS_DIR, name)) : [];
  itWithSeeds('is written in its own words: no run of 6 words from a seed document', () => {
    requireSeeds();
    const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    const seedWords = words(seedFiles.map((f) => readFileSync(f, 'utf8')).join('\n'));
    const shingles = new Set<string>();
    for (let i = 0; i + 6 <= seedWords.length; i++) shingles.add(seedWords.slice(i, i + 6).join(' '));
    const copied: string[] = [];
    for (const { rel, file } of parsed) {
      // Headings, frontmatter keys and the metadata template are the file format, not prose.
      const prose = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !line.startsWith('#') && !/^\w+:/.test(line) && !line.includes('Time expectation') && !line.includes('Evaluation rubric'))
        .join('\n');
      const w = words(prose);
      for (let i = 0; i + 6 <= w.length; i++) if (shingles.has(w.slice(i, i + 6).join(' '))) copied.push(`${rel}: ${w.slice(i, i + 6).join(' ')}`);
    }
    expect(copied).toEqual([]);
  });
});
