import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatLintStylish } from '../../src/cli/reporters/lint-stylish.js';
import { createStyle } from '../../src/cli/style.js';
import type { Diagnostic } from '../../src/core/model/diagnostic.js';
import { runCli } from '../helpers/cli.js';
import { HOSTILE_SHAPES } from '../helpers/hostile-files.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-many-findings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lint with a great many findings', () => {
  it('lays out 125,000 findings of one file in stylish without overflowing the stack', () => {
    const diagnostics: Diagnostic[] = Array.from({ length: 125_000 }, (_, i) => ({ ruleId: 'todo', severity: 'warning', message: 'm', file: 'q.md', line: i + 1, column: 1 }));
    const out = formatLintStylish(1, diagnostics, createStyle({ write: () => true, isTTY: false }, {}));
    expect(out.split('\n')).toHaveLength(125_000 + 4);
    expect(out).toContain('  125000:1  warning  m  todo');
    expect(out).toContain('  1:1       warning  m  todo');
  });

  it('lints a file of 125,000 mistakes: the first findings of each rule, then how many more', async () => {
    const shape = HOSTILE_SHAPES.find((s) => s.name === 'findings-125k')!;
    writeFileSync(path.join(dir, 'q.md'), shape.build());
    const { code, stdout, stderr } = await runCli(['lint', '--no-cache', 'q.md'], { cwd: dir, env: { NO_COLOR: '1', QBANK_CACHE: path.join(dir, 'cache') } });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toMatch(/file-too-complex/);
    expect(stdout.split('\n').length).toBeLessThan(1_000);
  });
});
