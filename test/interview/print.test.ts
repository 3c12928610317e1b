import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { INTERVIEW_FIXTURES, workspace } from './helpers.js';

/**
 * The scorecard printed by a real browser: headless Chromium prints it to PDF, poppler reads the
 * PDF back. Runs where both are installed (Debian: apt-get install chromium poppler-utils).
 */
const runs = (command: string, flag: string) => spawnSync(command, [flag], { encoding: 'utf8' }).status === 0;
const browser = ['chromium', 'chromium-browser', 'google-chrome'].find((command) => runs(command, '--version'));
const available = browser !== undefined && runs('pdfinfo', '-v') && runs('pdftotext', '-v');

let ws: ReturnType<typeof workspace>;
let html: string;
beforeAll(async () => {
  ws = workspace();
  if (!available) return;
  const out = path.join(ws.root, 'card.html');
  const run = await runCli(['interview', '--candidate', 'Ana Lima', '--interviewer', 'Bo', '--plan', ws.plan, '--script', path.join(INTERVIEW_FIXTURES, 'full-script.yaml'), '--tz', 'UTC', '--out', out], {
    env: { QBANK_HOME: ws.home, QBANK_BANK: ws.bank, QBANK_NOW: '2026-03-02T10:00:00Z' },
    cwd: ws.root,
  });
  expect(run.code).toBe(0);
  html = readFileSync(out, 'utf8');
}, 60_000);
afterAll(() => ws.cleanup());

function print(size: 'A4' | 'Letter'): { pages: number; size: string; text: string[] } {
  const file = path.join(ws.root, `card-${size}.html`);
  writeFileSync(file, html.replace('</style>', `@page { size: ${size}; }\n</style>`));
  const pdf = path.join(ws.root, `card-${size}.pdf`);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'qbank-chromium-'));
  try {
    const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', `--user-data-dir=${profile}`, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${file}`];
    expect(spawnSync(browser!, args, { timeout: 60_000 }).status).toBe(0);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const text = Array.from({ length: pages }, (_, i) => spawnSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).stdout);
  return { pages, size: /^Page size:.*\((\w+)\)/m.exec(info)?.[1] ?? '', text };
}

describe.skipIf(!available)('the scorecard on paper (headless Chromium)', () => {
  it.each(['A4', 'Letter'] as const)('prints a two-question interview on at most two %s pages, each with the header', (size) => {
    const printed = print(size);
    expect(printed.size.toLowerCase()).toBe(size.toLowerCase());
    expect(printed.pages).toBeGreaterThanOrEqual(1);
    expect(printed.pages).toBeLessThanOrEqual(2);
    printed.text.forEach((page, i) => {
      const lines = page.split('\n').filter((line) => line.trim() !== '');
      expect(lines[0]).toMatch(/^\s*Interview scorecard: Ana Lima\s+Mon 2 Mar 2026$/);
      expect(lines.at(-1)).toMatch(new RegExp(`Page ${i + 1} of ${printed.pages}$`));
    });
    const all = printed.text.join('\n');
    // The verdict before the summary, the summary before the questions, in print too.
    const order = ['RECOMMENDATION', 'No Hire', 'SUMMARY', '1. Why the Primary Waits Before Replying', '2. Sizing a Worker Pool', 'HOW THE RECOMMENDATION IS DERIVED'].map((s) => all.indexOf(s));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
  }, 90_000);
});
