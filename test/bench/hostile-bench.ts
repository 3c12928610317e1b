/**
 * `npm run bench:hostile [-- --timeout S --only NAME --scale X --bin PATH]`: time and peak RSS of `qbank
 * lint`, `show --rubric`, `list --bank` and `score` on each hostile file of issue 13 (all under
 * the 1 MiB limit), each command a separate process. Figures, no pass/fail: the tests bound the
 * work by construction (caps, counters); this shows what that buys on this machine.
 *
 * Also: lint with a config naming 100,000 rule ids, and lint of a 240-file bank holding one
 * file that used to run a worker thread out of heap.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOSTILE_SHAPES, hostileLintConfig } from '../helpers/hostile-files.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
// --bin: another build of qbank (e.g. one of the last commit, for a before-and-after table).
const binFlag = process.argv.indexOf('--bin');
const bin = binFlag === -1 ? path.join(root, 'dist', 'cli', 'bin.js') : path.resolve(process.argv[binFlag + 1] ?? '');
const usage = path.join(here, 'report-usage.mjs');

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? process.env[`BENCH_${name.toUpperCase()}`] : process.argv[at + 1];
}

const timeoutSeconds = Number(flag('timeout') ?? 60);
const only = flag('only');
const scale = Number(flag('scale') ?? 1);

interface Measure {
  seconds: number;
  /** CPU time of the process (worker threads included): steadier than wall time on a busy machine. */
  cpuSeconds: number;
  peakMb: number;
  code: number | null;
  killed: boolean;
  stderr: string;
}

function measure(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Measure {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', usage, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', COLUMNS: '100', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: timeoutSeconds * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const stderr = child.stderr?.toString('utf8') ?? '';
  const match = /usage peak-rss-kb (\d+) cpu-us (\d+)\s*$/.exec(stderr);
  return {
    seconds,
    cpuSeconds: match ? Number(match[2]) / 1e6 : Number.NaN,
    peakMb: match ? Number(match[1]) / 1024 : Number.NaN,
    code: child.status,
    killed: child.signal !== null,
    stderr: stderr.replace(/usage peak-rss-kb \d+ cpu-us \d+\s*$/, '').trim(),
  };
}

/** Wall time (CPU time) and peak RSS; ` x2` when qbank refused the file (exit code 2). */
function cell(m: Measure): string {
  if (m.killed) return `>${timeoutSeconds}s killed`.padStart(24);
  const note = m.code === 0 || m.code === 1 ? '' : ` x${m.code}`;
  return `${m.seconds.toFixed(2)}s (${m.cpuSeconds.toFixed(2)}) ${m.peakMb.toFixed(0).padStart(4)}MB${note}`.padStart(24);
}

const workdir = mkdtempSync(path.join(os.tmpdir(), 'qbank-hostile-bench-'));
const env = { QBANK_HOME: path.join(workdir, 'home'), QBANK_CACHE: path.join(workdir, 'cache') };
const failures: string[] = [];
try {
  process.stdout.write(`Node ${process.version}, ${os.availableParallelism()} cores; timeout ${timeoutSeconds} s; scale ${scale}\n\n`);
  console.log('Each cell: wall time (CPU time) and peak RSS of the whole process; x2: the file was refused (exit 2).\n');
  console.log(`| ${'file'.padEnd(26)} |   size | ${'lint'.padStart(24)} | ${'show --rubric'.padStart(24)} | ${'list --bank'.padStart(24)} | ${'score'.padStart(24)} |`);
  console.log(`|${'-'.repeat(28)}|--------|${'-'.repeat(26)}|${'-'.repeat(26)}|${'-'.repeat(26)}|${'-'.repeat(26)}|`);
  const reference = { name: 'valid fixture (reference)', build: () => readFileSync(path.join(root, 'test', 'fixtures', 'valid-subjective.md'), 'utf8') };
  for (const shape of [reference, ...HOSTILE_SHAPES]) {
    if (only && !shape.name.includes(only)) continue;
    const slug = shape.name.replace(/[^a-z0-9-]+/gi, '-');
    const dir = path.join(workdir, slug);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${slug}.md`);
    writeFileSync(file, shape.build(scale));
    const size = statSync(file).size;
    const runs = [
      measure([bin, 'lint', '--no-cache', file], workdir, env),
      measure([bin, 'show', file, '--rubric'], workdir, env),
      measure([bin, 'list', '--bank', dir], workdir, env),
      measure([bin, 'score', file, '--answer', 'Little law: arrival rate times latency gives concurrency; add headroom for bursts.'], workdir, env),
    ];
    // Exit 2 is fine for show, list and score (the file is refused, with its first error); an
    // internal error, a kill or a crash is not.
    for (const [i, m] of runs.entries()) {
      const broken = m.killed || (m.code !== 0 && m.code !== 1 && m.code !== 2) || m.stderr.includes('internal error') || (i === 0 && m.code === 2);
      if (broken) failures.push(`${shape.name} ${['lint', 'show', 'list', 'score'][i]}: ${m.killed ? 'killed' : `exit ${m.code}`} ${m.stderr.split('\n')[0] ?? ''}`);
    }
    console.log(`| ${shape.name.padEnd(26)} | ${(size / 1024).toFixed(0).padStart(4)}KB | ${runs.map(cell).join(' | ')} |`);
  }

  if (!only || 'config'.includes(only)) {
    const dir = path.join(workdir, 'config-100k');
    mkdirSync(dir, { recursive: true });
    cpSync(path.join(root, 'test', 'fixtures', 'valid-subjective.md'), path.join(dir, 'q.md'));
    writeFileSync(path.join(dir, 'qbank.config.json'), hostileLintConfig(100_000));
    const m = measure([bin, 'lint', '--no-cache', 'q.md'], dir, env);
    console.log(`\nlint with a config of 100,000 rule ids: ${cell(m).trim()} (exit ${m.code}: ${m.stderr.split('\n')[0]?.slice(0, 100) ?? ''})`);
  }

  if (!only || 'bank-240'.includes(only)) {
    const dir = path.join(workdir, 'bank-240');
    mkdirSync(dir, { recursive: true });
    const valid = path.join(root, 'questions');
    const sources = readdirSync(valid, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.md') && !/README|GUIDELINES/.test(e.name));
    for (let i = 0; i < 239; i++) {
      const source = sources[i % sources.length]!;
      cpSync(path.join(source.parentPath, source.name), path.join(dir, `q${String(i).padStart(3, '0')}.md`));
    }
    const setext = HOSTILE_SHAPES.find((s) => s.name === 'setext-8k-55kb')!;
    writeFileSync(path.join(dir, 'q120-hostile.md'), setext.build());
    const m = measure([bin, 'lint', '--no-cache', '--format', 'json', dir], workdir, env);
    console.log(`lint of a 240-file bank with one 8,000-setext-heading file (workers): ${cell(m).trim()} (exit ${m.code}${m.stderr ? `: ${m.stderr.split('\n')[0]?.slice(0, 100)}` : ''})`);
    if (m.code !== 1) failures.push(`bank-240: exit ${m.code}`);
  }
  if (failures.length > 0) console.log(`\nnot handled:\n${failures.map((f) => `  ${f}`).join('\n')}`);
} finally {
  rmSync(workdir, { recursive: true, force: true });
}
