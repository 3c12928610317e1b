import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { fixture } from './fixtures.js';

/**
 * A temporary bank of fixture files for the tests of one file (made before them, removed after),
 * and a fresh QBANK_HOME folder for each call of `home()`.
 */
export function practiceBank(prefix: string, files: Record<string, string> = { 'output-rule.md': 'output-rule.md' }) {
  const state = { root: '', bank: '' };
  let homes = 0;
  beforeAll(() => {
    state.root = mkdtempSync(path.join(os.tmpdir(), prefix));
    state.bank = path.join(state.root, 'bank');
    mkdirSync(state.bank);
    for (const [name, source] of Object.entries(files)) writeFileSync(path.join(state.bank, name), fixture(source));
  });
  afterAll(() => rmSync(state.root, { recursive: true, force: true }));
  return {
    get root() {
      return state.root;
    },
    get bank() {
      return state.bank;
    },
    home(): string {
      const dir = path.join(state.root, `home-${++homes}`);
      mkdirSync(dir);
      return dir;
    },
  };
}
