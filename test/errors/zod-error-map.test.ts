import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkInput, inputError } from '../../src/core/errors/input-problems.js';
import { readJsoncSource, readYamlSource } from '../../src/core/parse/source-document.js';

/** One sentence per issue, whatever the schema: the error map's table. */
describe('the zod error map', () => {
  const Config = z.strictObject({
    pass: z.number().min(0).max(100),
    whole: z.number().int().optional(),
    level: z.enum(['L1', 'L2']).optional(),
    version: z.literal(1).optional(),
    name: z.string().min(1).optional(),
    tags: z.array(z.string()).min(1).optional(),
    rules: z.record(z.string(), z.string()).optional(),
  });
  it.each([
    [{ pass: 'sixty' }, ['pass'], 'Expected a number for "pass", got the text "sixty"'],
    [{ pass: true }, ['pass'], 'Expected a number for "pass", got true'],
    [{}, ['pass'], 'Missing required field "pass"'],
    [{ pass: -1 }, ['pass'], '"pass" must be at least 0, got -1'],
    [{ pass: 101 }, ['pass'], '"pass" must be at most 100, got 101'],
    [{ pass: 1, whole: 1.5 }, ['whole'], 'Expected a whole number for "whole", got the number 1.5'],
    [{ pass: 1, level: 'L9' }, ['level'], 'Expected one of L1, L2 for "level", got "L9"'],
    [{ pass: 1, version: 2 }, ['version'], 'Expected 1 for "version", got 2'],
    [{ pass: 1, name: '' }, ['name'], '"name" must not be empty'],
    [{ pass: 1, tags: [] }, ['tags'], '"tags" needs at least 1 item(s)'],
    [{ pass: 1, tags: ['a', 2] }, ['tags', 1], 'Expected text for "tags[1]", got the number 2'],
    [{ pass: 1, rules: [] }, ['rules'], 'Expected a mapping for "rules", got a list'],
    [{ pass: 1, extra: 1 }, ['extra'], 'Unknown key "extra"'],
    [[1], [], 'Expected a mapping for the whole file, got a list'],
  ])('%j', (value, path, message) => {
    const checked = checkInput(Config, value);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems[0]).toEqual({ path, message });
  });

  it('lets a schema word its own message', () => {
    const checked = checkInput(z.object({ n: z.number({ error: 'give n as a number' }) }), { n: 'x' });
    expect(!checked.ok && checked.problems[0]?.message).toBe('give n as a number');
  });
});

describe('locating a problem in its source', () => {
  const Schema = z.object({ a: z.object({ b: z.number() }), list: z.array(z.number()) });

  it.each([
    ['YAML', readYamlSource('# top\na:\n  b: text\nlist: [1, 2]\n'), 'f.yaml:3:3: Expected a number for "a.b", got the text "text"'],
    ['YAML, a list item', readYamlSource('a: {b: 1}\nlist:\n  - 1\n  - two\n'), 'f.yaml:4:5: Expected a number for "list[1]", got the text "two"'],
    ['YAML, a missing key at its parent', readYamlSource('a:\n  c: 1\nlist: []\n'), 'f.yaml:1:1: Missing required field "a.b"'],
    ['YAML, a document further down its stream', readYamlSource('a: {b: x}\nlist: []\n', 7), 'f.yaml:7:5: Expected a number for "a.b", got the text "x"'],
    ['JSON with comments', readJsoncSource('{\n  // a\n  "a": { "b": "text" },\n  "list": [],\n}\n'), 'f.yaml:3:10: Expected a number for "a.b", got the text "text"'],
    ['JSON, the first of several problems in the file', readJsoncSource('{ "list": ["x"],\n  "a": { "b": "y" } }'), 'f.yaml:1:12: Expected a number for "list[0]", got the text "x" (and 1 more problem)'],
  ])('%s', (_name, source, message) => {
    const checked = checkInput(Schema, source.value);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(inputError('f.yaml', source, checked.problems).message).toBe(message);
  });

  it.each([
    ['a YAML file', readYamlSource('a: 1\na: 2\n'), { reason: 'map keys must be unique', position: { line: 2, column: 1 } }],
    ['a JSON file', readJsoncSource('{ "a": 1 "b": 2 }'), { reason: 'comma expected', position: { line: 1, column: 10 } }],
    ['an empty JSON file', readJsoncSource(''), { reason: 'value expected', position: { line: 1, column: 1 } }],
  ])('reports the syntax error of %s at its place', (_name, source, syntax) => {
    expect(source.syntax).toEqual(syntax);
  });
});
