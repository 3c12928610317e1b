import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintText } from '../../src/core/lint/lint-text.js';
import type { RuleServices } from '../../src/core/lint/rule.js';
import { parseQuestion } from '../../src/core/parse/parse-question.js';
import { REPO_ROOT, fixture } from '../helpers/fixtures.js';
import { edit, testServices } from './lint-helpers.js';

const FUZZ_RUNS = Number(process.env.QBANK_FUZZ_RUNS ?? 60);
// A fixed seed in the suite (repeatable); a random one, printed on failure, under `npm run fuzz`.
const FUZZ_SEED = process.env.QBANK_FUZZ_SEED ? Number(process.env.QBANK_FUZZ_SEED) : process.env.QBANK_FUZZ_RUNS ? undefined : 20261201;

const valid = fixture('valid-subjective.md');
const bankFile = (topic: string, id: string) => readFileSync(path.join(REPO_ROOT, 'questions', topic, `${id}.md`), 'utf8');
const seeds = [valid, fixture('valid-mcq.md'), fixture('output-rule.md'), bankFile('raft', 'raft-log-compaction-L4-001'), bankFile('performance', readdirSync(path.join(REPO_ROOT, 'questions', 'performance'))[0]!.replace(/\.md$/, ''))];

/** Values of estimated_time that load, some in spellings the style fix rewrites. */
const TIMES = ['99999999999999999999', '1000', '999', '5', '"7"', '5–7 min', '8 to 10 mins', '08-10 minutes', '1e3', '0x10', '4-4 m', '"1000 minutes"', '12-999 minutes'];

/** Ways of making a loadable file need a fix (or several at once). */
const MUTATIONS: Record<string, (text: string, pick: number) => string> = {
  time: (text, pick) => text.replace(/^estimated_time: .*$/m, `estimated_time: ${TIMES[pick % TIMES.length]}`),
  heading: (text, pick) => {
    const headings = [...text.matchAll(/^## ([a-z_]+)/gm)];
    const found = headings[pick % Math.max(1, headings.length)];
    if (!found) return text;
    const spelt = [found[1]!.toUpperCase(), found[1]!.replace(/_/g, ' '), found[1]!.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase())][pick % 3]!;
    return text.replace(found[0], `## ${spelt}`);
  },
  mojibake: (text, pick) => text.split('\n').map((line, i) => (i % 5 === pick % 5 ? line.replace(/'/g, 'â€™').replace(/→/g, 'â†’') : line)).join('\n'),
  headingTwice: (text, pick) => {
    // A second heading that the key-style fix would spell the same as an existing one.
    const headings = [...text.matchAll(/^## ([a-z_]+).*$/gm)];
    const found = headings[pick % Math.max(1, headings.length)];
    return found ? `${text}\n## ${found[1]!.toUpperCase()}\nagain\n` : text;
  },
  crlf: (text) => text.replace(/\n/g, '\r\n'),
};

let services: RuleServices;
beforeAll(async () => {
  services = await testServices();
});

describe('lint --fix never turns a loadable file into one that does not load', () => {
  it.each([
    ['a 20-digit estimated_time', '99999999999999999999'],
    ['1000 minutes as a number', '1000'],
  ])('%s: reported, left as written, and the file still loads', (_name, value) => {
    const text = edit(valid, [['estimated_time: 5-7 minutes', `estimated_time: ${value}`]]);
    expect(parseQuestion(text, 'q.md').usable).toBe(true);
    const result = lintText(text, 'q.md', { services, fix: true });
    expect(result.output).toBeUndefined();
    const [style] = result.diagnostics.filter((d) => d.ruleId === 'frontmatter-estimated-time-style');
    expect(style).toMatchObject({ line: 8, column: 17, severity: 'warning' });
    expect(style?.message).toMatch(/no spelling in minutes can hold/);
  });

  it('on the fuzz corpus: every file that loads before --fix loads after it', () => {
    const mutation = fc.record({
      seed: fc.nat({ max: seeds.length - 1 }),
      steps: fc.array(fc.record({ kind: fc.constantFrom(...Object.keys(MUTATIONS)), pick: fc.nat() }), { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(mutation, ({ seed, steps }) => {
        let text = seeds[seed] as string;
        for (const { kind, pick } of steps) text = (MUTATIONS[kind] as (t: string, p: number) => string)(text, pick);
        fc.pre(parseQuestion(text, 'q.md').usable);
        const result = lintText(text, 'q.md', { services, fix: true });
        if (result.output !== undefined) expect(parseQuestion(result.output, 'q.md').usable, result.output.slice(0, 400)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS, ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }) },
    );
  });
});
