/**
 * `npm run bench:bank [-- --files N --repeat R]`: `qbank list`, `show ID` and `score ID` on a
 * generated bank (default 10,000 files of about 5 KB, the corpus of `bench:lint`), cold (an
 * empty cache folder: every file is parsed and the bank index written) and warm (the same
 * command again, nothing changed: the index answers). Figures, no pass/fail.
 *
 * Each run is a separate process of the built binary; peak RSS is the process's, reported by
 * report-rss.mjs. With --repeat R each warm figure is the fastest of R runs. CPU time is the
 * child's own (user + system), steadier than wall time on a busy machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './lint-corpus.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
// BENCH_BIN runs another build (an older checkout's dist/cli/bin.js) for comparison.
const bin = process.env.BENCH_BIN ?? path.join(root, 'dist', 'cli', 'bin.js');
const rss = path.join(here, 'report-rss.mjs');

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? process.env[`BENCH_${name.toUpperCase()}`] : process.argv[at + 1];
  return value === undefined ? fallback : Number(value);
}

interface Measure {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
  code: number | null;
}

function measure(args: string[], env: NodeJS.ProcessEnv, cwd: string): Measure {
  childCpu();
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', rss, bin, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  // The child's CPU time: what the command costs, whatever else the machine is doing.
  const cpuSeconds = childCpu();
  if (child.error) throw child.error;
  const stderr = child.stderr?.toString('utf8') ?? '';
  const match = /peak-rss-kb (\d+)\s*$/.exec(stderr);
  if (child.status !== 0) process.stderr.write(`note: qbank ${args.join(' ')} exited with ${child.status}: ${stderr.split('\n')[0]}\n`);
  return { seconds, cpuSeconds, peakMb: match ? Number(match[1]) / 1024 : Number.NaN, code: child.status };
}

/** CPU seconds of the children reaped since the last call (Linux: cutime + cstime of /proc/self/stat; NaN elsewhere). */
let childCpuBefore = 0;
function childCpu(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    const seconds = (Number(fields[13]) + Number(fields[14])) / 100;
    const spent = seconds - childCpuBefore;
    childCpuBefore = seconds;
    return spent;
  } catch {
    return Number.NaN;
  }
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
const workdir = mkdtempSync(path.join(os.tmpdir(), 'qbank-bank-bench-'));
const corpus = path.join(workdir, 'bank');
try {
  process.stdout.write(`Generating ${files.toLocaleString('en')} question files… `);
  const paths = writeCorpus(corpus, files);
  const bytes = paths.reduce((sum, file) => sum + statSync(file).size, 0);
  process.stdout.write(`${(bytes / files / 1024).toFixed(1)} KB each on average\n`);
  process.stdout.write(`Node ${process.version}, ${os.availableParallelism()} cores; warm figures best of ${repeat}\n\n`);
  const middle = paths[Math.floor(paths.length / 2)] as string;
  const id = /^id: (.+)$/m.exec(readFileSync(middle, 'utf8'))?.[1] ?? '';
  const answer = 'The leader renews its lease with a quorum of heartbeats before serving reads, so a deposed leader stops serving.';
  const commands: Array<[string, string[]]> = [
    ['list', ['list', '--bank', corpus]],
    [`show ID`, ['show', id, '--bank', corpus]],
    [`score ID`, ['score', id, '--bank', corpus, '--answer', answer]],
  ];
  // Files just written are checked by content on the next run (a change within the same
  // timestamp tick would not show in their stat): let them age past that, as a real bank has.
  spawnSync('sleep', ['3']);
  const home = path.join(workdir, 'home');
  const row = (name: string, m: Measure) =>
    `| ${name.padEnd(26)} | ${m.seconds.toFixed(2).padStart(7)} s | ${m.cpuSeconds.toFixed(2).padStart(6)} s | ${m.peakMb.toFixed(0).padStart(5)} MB |`;
  console.log(`| ${'run'.padEnd(26)} | wall time | CPU time | peak RSS |`);
  console.log(`|${'-'.repeat(28)}|-----------|----------|----------|`);
  for (const [name, args] of commands) {
    const cache = path.join(workdir, `cache-${name.replace(/\W+/g, '-')}`);
    const env = { QBANK_CACHE: cache, QBANK_HOME: home };
    const cold = measure(args, env, workdir);
    const warm = best(repeat, () => measure(args, env, workdir));
    console.log(row(`qbank ${name}, cold`, cold));
    console.log(row(`qbank ${name}, warm`, warm));
  }
  const version = best(repeat, () => measure(['--version'], {}, workdir));
  console.log(row('qbank --version (start-up)', version));
} finally {
  rmSync(workdir, { recursive: true, force: true });
}
