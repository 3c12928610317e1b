import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isShippedRubrics, rewriteScoringYaml } from '../../src/adapters/rubric-folder.js';
import type { ScoringConfig } from '../../src/core/score/config.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { scoringSetup } from '../helpers/scoring.js';

const SHIPPED = path.join(REPO_ROOT, 'rubrics');
const source = readFileSync(path.join(SHIPPED, 'scoring.yaml'), 'utf8');
let shipped: ScoringConfig;
beforeAll(async () => {
  shipped = (await scoringSetup()).config;
});
/** The shipped config with some numbers changed, and their keys. */
function fitted(changes: Record<string, number>): [ScoringConfig, string[]] {
  const config = structuredClone(shipped) as unknown as Record<string, Record<string, number>>;
  for (const [key, value] of Object.entries(changes)) {
    const [section, name] = key.split('.') as [string, string | undefined];
    if (name === undefined) (config as unknown as Record<string, number>)[section] = value;
    else (config[section] as Record<string, number>)[name] = value;
  }
  return [config as unknown as ScoringConfig, Object.keys(changes)];
}

describe('rewriteScoringYaml', () => {
  it('puts each number where it stands: comments, their column and every other byte kept', () => {
    const text = rewriteScoringYaml(source, ...fitted({ 'credit.saturation': 0.75, 'credit.floor': 0.1, pass: 45 }), ['Fitted.', '', 'Second line.']);
    expect(text.startsWith('# Fitted.\n#\n# Second line.\n\n')).toBe(true);
    const body = text.split('\n').slice(4).join('\n');
    expect(body).toBe(
      source
        .replace('  floor: 0.2                  #', '  floor: 0.1                  #')
        .replace('  saturation: 0.6             #', '  saturation: 0.75            #'),
    );
  });

  it('adds a number the source lacks, and the result still validates', () => {
    const without = source.replace(/\ncredit:\n(?: {2}.*\n)+/, '\n');
    expect(without).not.toContain('credit:');
    const text = rewriteScoringYaml(without, ...fitted({ 'credit.floor': 0.1, 'credit.saturation': 0.5 }), ['Fitted.']);
    expect(parse(text).credit).toEqual({ ...shipped.credit, floor: 0.1, saturation: 0.5 });
  });

  it('refuses to return a file the schema rejects', () => {
    expect(() => rewriteScoringYaml(source, ...fitted({ 'credit.floor': 0.9 }), ['x'])).toThrow('the fitted scoring.yaml does not validate: credit.floor must be below credit.saturation');
  });

  it('replaces the header of an earlier calibration instead of stacking a second one', () => {
    const once = rewriteScoringYaml(source, ...fitted({ pass: 50 }), ['Fitted by "qbank calibrate" on 2027-01-01 from a.jsonl', 'more']);
    const twice = rewriteScoringYaml(once, ...fitted({ pass: 40 }), ['Fitted by "qbank calibrate" on 2027-02-01 from b.jsonl']);
    expect(twice).toBe(`# Fitted by "qbank calibrate" on 2027-02-01 from b.jsonl\n\n${source.replace('\npass: 45\n', '\npass: 40\n')}`);
  });
});

describe('isShippedRubrics', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-rubric-folder-'));
    symlinkSync(SHIPPED, path.join(dir, 'link'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['the shipped folder', () => SHIPPED, true],
    ['a folder inside it, not there yet', () => path.join(SHIPPED, 'new', 'deeper'), true],
    ['a link to it', () => path.join(dir, 'link'), true],
    ['a folder inside the link', () => path.join(dir, 'link', 'sub'), true],
    ['another folder', () => path.join(dir, 'mine'), false],
    ['a sibling whose name starts the same', () => `${SHIPPED}-team`, false],
  ])('%s', async (_name, target, expected) => {
    expect(await isShippedRubrics(target())).toBe(expected);
  });
});
