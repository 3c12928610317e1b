import type { RuleServices } from '../../src/core/lint/rule.js';
import { lintParsed, type LintOptions } from '../../src/core/lint/run.js';
import { parseQuestion } from '../../src/core/parse/parse-question.js';
import { scoringSetup } from '../helpers/scoring.js';

/** Services as the CLI gives them: the shipped scorer, and a file system holding only GUIDELINES.md. */
export async function testServices(): Promise<RuleServices> {
  const { lexicon, config } = await scoringSetup();
  return { scoring: { lexicon, config }, fileExists: (_from, name) => name === 'GUIDELINES.md' };
}

/** Every finding for a text, with all services. */
export async function lintAll(text: string, options: LintOptions = {}) {
  return lintParsed(parseQuestion(text, 'q.md'), 'q.md', { services: await testServices(), ...options });
}

/** Replaces each `[from, to]` once in `text`; each must match, so a stale case fails loudly. */
export function edit(text: string, replacements: ReadonlyArray<readonly [string | RegExp, string]>): string {
  let out = text;
  for (const [from, to] of replacements) {
    const found = typeof from === 'string' ? out.includes(from) : from.test(out);
    if (!found) throw new Error(`edit did not apply: ${String(from)}`);
    out = out.replace(from, to);
  }
  return out;
}

/** 1-based line and column of the first occurrence of `needle` (plus `offset` characters). */
export function positionOf(text: string, needle: string, offset = 0): [number, number] {
  const index = text.indexOf(needle);
  if (index === -1) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, index + offset);
  const lines = before.split('\n');
  return [lines.length, (lines[lines.length - 1] ?? '').length + 1];
}
