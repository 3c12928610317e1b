import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileReferences } from '../../src/core/lint/rules/metadata-rubric-file.js';

// The pattern the rule used before: seconds on a few thousand characters of `[a](` or `a.a.a`.
const REFERENCE = /\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)|((?:[\w.-]+\/)*[\w.-]+\.(?:md|markdown|ya?ml|json|txt|pdf))\b/gi;
const byPattern = (value: string) => [...value.matchAll(REFERENCE)].flatMap((m) => (m[1] ?? m[2] ? [m[1] ?? m[2]] : []));

describe('the file names an Evaluation rubric value holds', () => {
  it('are the ones the old pattern found, each at its own position', () => {
    // `<` is left out: the pattern took a lone `<` for a link target.
    const part = fc.constantFrom('a', '.', '/', '-', 'md', 'x.md', 'yaml', '.json', ' ', '[', ']', '(', ')', '>', ':', '#', 'See ', 'GUIDELINES.md', '](', 'é', '\t', '//');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 10 }).map((p) => p.join('')), (value) => {
        const found = fileReferences(value);
        expect(found.map((f) => f.name)).toEqual(byPattern(value));
        for (const { name, index } of found) expect(value.slice(index, index + name.length)).toBe(name);
      }),
      { numRuns: 2_000, seed: 20261201 },
    );
  });

  it.each([
    ['See GUIDELINES.md.', [['GUIDELINES.md', 4]]],
    ['See [the rubric](docs/RUBRIC.md)', [['docs/RUBRIC.md', 17]]],
    ['[GUIDELINES.md](https://example.com/g.md) and rubrics/raft.yaml', [['https://example.com/g.md', 16], ['rubrics/raft.yaml', 46]]],
    ['x.md.bak, /abs/y.json, a//b.md', [['x.md', 0], ['abs/y.json', 11], ['b.md', 26]]],
  ])('%s', (value, expected) => {
    expect(fileReferences(value).map((f) => [f.name, f.index])).toEqual(expected);
  });

  it('reads a long value of path characters in one pass', () => {
    // Bounded by construction (each character is looked at a fixed number of times); this
    // checks the result, not the time: no name, since nothing ends in a document extension.
    expect(fileReferences('a.'.repeat(50_000))).toEqual([]);
    expect(fileReferences('[a]('.repeat(20_000))).toEqual([]);
    expect(fileReferences(`${'a/'.repeat(50_000)}x.md`)).toEqual([{ name: `${'a/'.repeat(50_000)}x.md`, index: 0 }]);
  });
});
