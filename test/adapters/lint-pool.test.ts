import { describe, expect, it } from 'vitest';
import type { EngineOptions, LintJob } from '../../src/adapters/lint-engine.js';
import { LintPool } from '../../src/adapters/lint-pool.js';
import { fileTooComplex } from '../../src/core/lint/rules/file-too-complex.js';

const script = new URL('../fixtures/workers/lint-worker-oom.mjs', import.meta.url);
const job = (label: string, text: string): LintJob => ({ path: `/bank/${label}`, label, text, fix: false });

describe('the lint pool when a file runs a worker out of memory', () => {
  it('reports that file at 1:1, starts a new worker and checks every other file', async () => {
    const pool = LintPool.create({} as EngineOptions, 2, { script, oldSpaceMb: 16 });
    if (!pool) throw new Error('no pool');
    try {
      const texts = ['a', 'b', 'EXHAUST-MEMORY', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
      const results = await Promise.all(texts.map((text, i) => pool.submit(job(`${i}.md`, text))));
      expect(results[2]).toEqual({
        diagnostics: [{ ruleId: 'file-too-complex', severity: 'error', message: fileTooComplex.messages.outOfMemory, file: '2.md', line: 1, column: 1, endLine: 1, endColumn: 1 }],
        deps: [],
        uncached: true,
      });
      texts.forEach((text, i) => {
        if (i !== 2) expect(results[i]?.diagnostics.map((d) => [d.ruleId, d.file, d.message])).toEqual([['checked', `${i}.md`, text]]);
      });
      // The batch holding the file stopped its worker; checked alone, it stopped a second one.
      expect(pool.restarts).toBe(2);
      // The pool still works.
      expect((await pool.submit(job('later.md', 'later'))).diagnostics[0]?.message).toBe('later');
    } finally {
      await pool.close();
    }
  });
});
