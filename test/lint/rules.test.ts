import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/lint/index.js';
import { lintParsed } from '../../src/core/lint/run.js';
import { parseQuestion } from '../../src/core/parse/parse-question.js';
import { REPO_ROOT, fixture, lineOf, mutated } from '../helpers/fixtures.js';

interface Case {
  name: string;
  text: string;
  /** Expected findings of the rule under test: [line, column]. Empty for a passing case. */
  expected: Array<[number, number]>;
}

const valid = fixture('valid-subjective.md');
const validMcq = fixture('valid-mcq.md');
const at = (text: string, needle: string, column = 1): [number, number] => [lineOf(text, needle), column];

/** Table of cases per rule id: every rule has at least one passing and one failing case. */
const CASES: Record<string, Case[]> = {};
function cases(ruleId: string, list: Case[]) {
  CASES[ruleId] = list;
}

{
  const noWeak = mutated([[/## follow_up_weak[\s\S]*?(?=## bar_raiser_question)/, '']]);
  const noTitle = mutated([["# question_title - Sizing a Worker Pool with Little's Law\n", '']]);
  cases('section-required', [
    { name: 'all sections present', text: valid, expected: [] },
    { name: 'follow_up_weak missing: points at the next section', text: noWeak, expected: [at(noWeak, '## bar_raiser_question')] },
    { name: 'title missing', text: noTitle, expected: [at(noTitle, '## main_question')] },
    { name: 'mcq without options', text: validMcq.replace(/## options[\s\S]*?(?=## answer)/, ''), expected: [at(validMcq.replace(/## options[\s\S]*?(?=## answer)/, ''), '## answer')] },
  ]);
}
{
  const twice = mutated([['## common_mistakes - Watch Out For', '## common_mistakes - Watch Out For\n- One\n\n## Common_Mistakes - Again']]);
  cases('section-duplicate', [
    { name: 'each key once', text: valid, expected: [] },
    { name: 'a key twice, case differs', text: twice, expected: [at(twice, '## Common_Mistakes - Again')] },
  ]);
}
{
  const empty = mutated([[/(## sample_acceptable - Minimum Acceptable\n)"[^\n]*\n/, '$1']]);
  const untitled = mutated([["# question_title - Sizing a Worker Pool with Little's Law", '# question_title']]);
  cases('section-empty', [
    { name: 'content everywhere', text: valid, expected: [] },
    { name: 'empty sample', text: empty, expected: [at(empty, '## sample_acceptable')] },
    { name: 'title without label', text: untitled, expected: [at(untitled, '# question_title')] },
  ]);
}
{
  const unknown = `${valid}\n## interviewer_notes - Private\nWatch the clock.\n`;
  cases('section-unknown', [
    { name: 'known keys only', text: valid, expected: [] },
    { name: 'an unknown key', text: unknown, expected: [at(unknown, '## interviewer_notes', 4)] },
  ]);
}
{
  const bad = mutated([['Nice to Have (40%)', 'Nice to Have (30%)']]);
  cases('weights-sum', [
    { name: '60 + 40', text: valid, expected: [] },
    { name: 'no weights written', text: mutated([[' (60%)', ''], [' (40%)', '']]), expected: [] },
    { name: '60 + 30', text: bad, expected: [at(bad, 'Nice to Have (30%)', 39)] },
  ]);
}
{
  const typo = mutated([['day: 3', 'leve: L3']]);
  cases('frontmatter-unknown-key', [
    { name: 'known keys', text: valid.replace('day: 3\n', ''), expected: [] },
    { name: 'a misspelt key', text: typo, expected: [at(typo, 'leve: L3')] },
  ]);
}

function findings(text: string, ruleId: string): Array<[number, number]> {
  const parsed = parseQuestion(text, 'q.md');
  return lintParsed(parsed, 'q.md')
    .filter((d) => d.ruleId === ruleId)
    .map((d) => [d.line, d.column]);
}

describe('lint rules', () => {
  for (const [ruleId, list] of Object.entries(CASES)) {
    describe(ruleId, () => {
      it.each(list.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        expect(findings(c.text, ruleId)).toEqual(c.expected);
      });
    });
  }
});

describe('rule meta', () => {
  const docs = readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8');
  const documented = [...docs.matchAll(/^### `([a-z0-9-]+)`/gm)].map((m) => m[1]);

  it('lists rules alphabetically with unique ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has a test with a passing and a failing case for every rule that checks', () => {
    for (const rule of RULES.filter((r) => r.check)) {
      const list = CASES[rule.id] ?? [];
      expect(list.some((c) => c.expected.length === 0), `${rule.id} passing case`).toBe(true);
      expect(list.some((c) => c.expected.length > 0), `${rule.id} failing case`).toBe(true);
    }
  });

  it('documents every rule, and nothing else', () => {
    expect([...documented].sort()).toEqual(RULES.map((r) => r.id).concat('id-duplicate').sort());
  });

  it('has a file per rule named after its id', async () => {
    for (const rule of RULES) {
      const module = (await import(`../../src/core/lint/rules/${rule.id}.ts`)) as Record<string, unknown>;
      expect(Object.values(module)).toContain(rule);
    }
  });
});
