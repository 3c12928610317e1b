/**
 * `npm run bench:lint [-- --files N --repeat R]`: `qbank lint` against markdownlint-cli2 on the
 * same generated corpus (default 10,000 files of about 5 KB), side by side. Figures, no pass/fail.
 *
 * - qbank cold: no cache (a fresh cache folder), worker threads as `auto` picks them;
 * - qbank warm: the same run again, nothing changed (the cache answers);
 * - reading the files: the floor a warm run is compared with (open, read and hash every file);
 * - markdownlint-cli2 (0.22, default rules) on the same files.
 *
 * Each is a separate process; peak RSS is the process's (worker threads included), reported by
 * report-rss.mjs. With --repeat R each figure is the fastest of R runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './lint-corpus.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const bin = path.join(root, 'dist', 'cli', 'bin.js');
const rss = path.join(here, 'report-rss.mjs');
const markdownlint = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? process.env[`BENCH_${name.toUpperCase()}`] : process.argv[at + 1];
  return value === undefined ? fallback : Number(value);
}

interface Measure {
  seconds: number;
  peakMb: number;
  code: number | null;
}

function measure(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Measure {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', rss, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1024 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const stderr = child.stderr?.toString('utf8') ?? '';
  const match = /peak-rss-kb (\d+)\s*$/.exec(stderr);
  if (child.error) throw child.error;
  return { seconds, peakMb: match ? Number(match[1]) / 1024 : Number.NaN, code: child.status };
}

function best(runs: number, run: () => Measure): Measure {
  let result: Measure | undefined;
  for (let i = 0; i < runs; i++) {
    const next = run();
    if (!result || next.seconds < result.seconds) result = next;
  }
  return result as Measure;
}

const files = flag('files', 10_000);
const repeat = flag('repeat', 1);
const workdir = mkdtempSync(path.join(os.tmpdir(), 'qbank-lint-bench-'));
const corpus = path.join(workdir, 'corpus');
try {
  process.stdout.write(`Generating ${files.toLocaleString('en')} question files… `);
  const paths = writeCorpus(corpus, files);
  const bytes = paths.reduce((sum, file) => sum + statSync(file).size, 0);
  process.stdout.write(`${(bytes / files / 1024).toFixed(1)} KB each on average\n`);
  process.stdout.write(`Node ${process.version}, ${os.availableParallelism()} cores; best of ${repeat}\n\n`);

  const readScript = `
    const { readdirSync, readFileSync } = require('node:fs');
    const { createHash } = require('node:crypto');
    let n = 0;
    for (const entry of readdirSync(process.argv[1], { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      createHash('sha1').update(readFileSync(require('node:path').join(entry.parentPath, entry.name))).digest();
      n++;
    }`;
  const read = best(repeat, () => measure(['-e', readScript, corpus], { cwd: workdir }));

  const cold = best(repeat, () => {
    const cache = path.join(workdir, `cache-${Math.random().toString(36).slice(2)}`);
    return measure([bin, 'lint', corpus, '--format', 'json'], { cwd: workdir, env: { QBANK_CACHE: cache } });
  });
  const cache = path.join(workdir, 'cache-warm');
  measure([bin, 'lint', corpus, '--format', 'json'], { cwd: workdir, env: { QBANK_CACHE: cache } });
  const warm = best(repeat, () => measure([bin, 'lint', corpus, '--format', 'json'], { cwd: workdir, env: { QBANK_CACHE: cache } }));
  const single = best(repeat, () => measure([bin, 'lint', corpus, '--format', 'json', '--no-cache', '--concurrency', 'off'], { cwd: workdir }));
  const mdl = best(repeat, () => measure([markdownlint, '**/*.md'], { cwd: corpus }));

  const row = (name: string, m: Measure) =>
    `| ${name.padEnd(44)} | ${m.seconds.toFixed(2).padStart(7)} s | ${(((m.seconds * 1000) / files)).toFixed(2).padStart(6)} ms | ${m.peakMb.toFixed(0).padStart(5)} MB |`;
  console.log(`| ${'run'.padEnd(44)} | wall time | per file  | peak RSS |`);
  console.log(`|${'-'.repeat(46)}|-----------|-----------|----------|`);
  console.log(row('qbank lint, cold (no cache, workers: auto)', cold));
  console.log(row('qbank lint, cold, one thread', single));
  console.log(row('qbank lint, warm (nothing changed)', warm));
  console.log(row('reading and hashing the files (floor)', read));
  console.log(row('markdownlint-cli2 0.22 (default rules)', mdl));
  console.log('');
  console.log(`markdownlint-cli2 / qbank cold: ${(mdl.seconds / cold.seconds).toFixed(2)}x (one thread: ${(mdl.seconds / single.seconds).toFixed(2)}x)`);
  console.log(`qbank warm / reading the files: ${(warm.seconds / read.seconds).toFixed(2)}x`);
  if (cold.code !== 0 && cold.code !== 1) console.log(`note: qbank exited with ${cold.code}`);
} finally {
  rmSync(workdir, { recursive: true, force: true });
}
