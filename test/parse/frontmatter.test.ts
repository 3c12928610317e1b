import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/core/parse/parse-question.js';
import { fixture, lineOf, mutated } from '../helpers/fixtures.js';
import { parseFindings } from '../helpers/parse-findings.js';

const find = (text: string, ruleId: string) => parseFindings(parseQuestion(text, 'q.md')).filter((d) => d.ruleId === ruleId);

describe('frontmatter', () => {
  it('reads every known key and keeps unknown ones', () => {
    const { question, facts } = parseQuestion(fixture('valid-subjective.md'), 'q.md');
    expect(facts).toEqual([]);
    expect(question?.frontmatter).toMatchObject({
      id: 'fixture-littles-law-L3-001',
      level: 'L3',
      category: 'baseline',
      topic: 'performance',
      subtopic: 'queueing',
      estimatedTime: { min: 5, max: 7, raw: '5-7 minutes' },
      tags: ['queueing', 'capacity'],
      extra: { day: 3 },
    });
    expect(question?.frontmatter.spans.day?.start).toEqual({ line: 10, column: 1 });
  });

  it.each([
    ['5 minutes', 5, 5],
    ['8-10 minutes', 8, 10],
    ['9–12 min', 9, 12],
  ])('reads estimated_time %s as %i to %i minutes', (raw, min, max) => {
    const { question } = parseQuestion(mutated([['estimated_time: 5-7 minutes', `estimated_time: ${raw}`]]), 'q.md');
    expect(question?.frontmatter.estimatedTime).toMatchObject({ min, max });
  });

  it('reports a file with no frontmatter at 1:1', () => {
    const text = fixture('valid-subjective.md').replace(/^---[\s\S]*?\n---\n/, '');
    const [missing] = find(text, 'frontmatter-missing');
    expect(missing).toMatchObject({ line: 1, column: 1, severity: 'error' });
    expect(parseQuestion(text, 'q.md').question).toBeUndefined();
  });

  it('reports a YAML syntax error at its line and column', () => {
    const text = mutated([['tags: [queueing, capacity]', 'tags: [queueing, capacity']]);
    const [error] = find(text, 'frontmatter-yaml');
    expect(error?.line).toBeGreaterThanOrEqual(lineOf(text, 'tags: [queueing'));
    expect(error?.message).toMatch(/^YAML syntax error in the frontmatter/);
    expect(parseQuestion(text, 'q.md').usable).toBe(false);
  });

  it('points a schema error at the offending key', () => {
    const text = mutated([['level: L3', 'level: L9']]);
    const [error] = find(text, 'frontmatter-enum');
    expect(error).toMatchObject({ line: lineOf(text, 'level: L9'), column: 1, endColumn: 10 });
    expect(error?.message).toBe('Expected one of L1, L2, L3, L4, L5, L6, L7, L8 for "level", got "L9"');
  });

  it('points a schema error on a nested key at the nested key', () => {
    const text = mutated([['day: 3', 'aliases:\n  rtt:\n    - round trip time\n    - 42\n  ack: [acknowledgment]']]);
    const errors = find(text, 'frontmatter-type');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: lineOf(text, '- 42'), column: 7 });
    expect(errors[0]?.message).toBe('Expected text for "aliases.rtt[1]", got the number 42');
  });

  it('names a missing required field at the closing line, where it would go', () => {
    const text = mutated([['subtopic: queueing\n', '']]);
    const [error] = find(text, 'frontmatter-required');
    expect(error).toMatchObject({ line: 10, column: 1, endLine: 10, endColumn: 4, message: 'Missing required field "subtopic"; add "subtopic: …" to the frontmatter' });
  });

  it('says a misspelt required key is missing, and names the near key where it is written', () => {
    const text = mutated([['estimated_time:', 'estimated_tme:']]);
    const found = parseFindings(parseQuestion(text, 'q.md'));
    expect(found.map((d) => [d.ruleId, d.severity, d.line, d.column, d.message])).toEqual([
      ['frontmatter-unknown-key', 'warning', 8, 1, 'Unknown frontmatter key "estimated_tme"; did you mean "estimated_time"? (qbank keeps it but does not use it)'],
      ['frontmatter-required', 'error', 11, 1, 'Missing required field "estimated_time"; the frontmatter has "estimated_tme" instead: rename it to "estimated_time"'],
    ]);
  });

  it('reports a malformed estimated_time at its key', () => {
    const text = mutated([['estimated_time: 5-7 minutes', 'estimated_time: a while']]);
    const [error] = find(text, 'frontmatter-estimated-time');
    expect(error).toMatchObject({ line: lineOf(text, 'estimated_time'), column: 1 });
    expect(error?.message).toContain('"8-10 minutes"');
  });

  it('reports an id that is not file-name safe', () => {
    const [error] = find(mutated([['id: fixture-littles-law-L3-001', 'id: "has spaces/and slashes"']]), 'frontmatter-id-format');
    expect(error?.line).toBe(2);
  });

  it('reports an unclosed frontmatter block', () => {
    const text = '---\nid: x\ntype: subjective\n\n# question_title - T\n';
    expect(find(text, 'frontmatter-unclosed')).toHaveLength(1);
  });

  it('reports a whole question whose frontmatter is never closed as that one problem', () => {
    const text = mutated([[/\n---\n\n# question_title/, '\n\n# question_title']]);
    expect(parseFindings(parseQuestion(text, 'q.md')).map((d) => [d.ruleId, d.line, d.column])).toEqual([['frontmatter-unclosed', 1, 1]]);
  });

  it.each([
    ['a flow list', '[a, b]: 1', 'A list is used as a key', [10, 1]],
    ['an explicit mapping key', '? {a: 1}\n: 2', 'A mapping is used as a key', [10, 3]],
    ['a list key inside aliases', 'aliases:\n  [x, y]: z', 'A list is used as a key', [11, 3]],
  ])('reports %s used as a key as a frontmatter error, with no Node warning', async (_name, yaml, message, [line, column]) => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const found = parseFindings(parseQuestion(mutated([['day: 3', yaml]]), 'q.md'));
      expect(found.map((d) => [d.ruleId, d.line, d.column])).toEqual([['frontmatter-yaml', line, column]]);
      expect(found[0]?.message).toMatch(new RegExp(`^${message}; `));
      // A warning is emitted on the next tick: give it the chance.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('refuses ---js frontmatter and runs nothing in it', () => {
    const canary = path.join(os.tmpdir(), `qbank-canary-${process.pid}-${Date.now()}`);
    const body = fixture('valid-subjective.md').replace(/^---[\s\S]*?\n---\n/, '');
    const text = `---js\n{ id: (require('fs').writeFileSync(${JSON.stringify(canary)}, 'ran'), 'x') }\n---\n${body}`;
    try {
      const result = parseQuestion(text, 'q.md');
      expect(parseFindings(result).map((d) => d.ruleId)).toEqual(['frontmatter-language']);
      expect(parseFindings(result)[0]).toMatchObject({ line: 1, column: 4 });
      expect(result.usable).toBe(false);
      expect(existsSync(canary)).toBe(false);
    } finally {
      rmSync(canary, { force: true });
    }
  });

  it('keeps YAML alias expansion bounded', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(', ')}]`)].join('\n');
    const text = mutated([['day: 3', bomb]]);
    // yaml's alias-count limit refuses the document instead of expanding it.
    const result = parseQuestion(text, 'q.md');
    expect(parseFindings(result).some((d) => d.ruleId === 'frontmatter-yaml')).toBe(true);
  });
});
