/**
 * `npm run bench`: scorer throughput and latency, printed as figures (no pass/fail).
 *
 * - 300-word answers against a 20-concept rubric, matchers compiled once, on one core;
 * - one 10 MB answer;
 * - `qbank score --batch` over JSON Lines files of two sizes, with the peak memory of each,
 *   to show that memory does not grow with the file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SubjectiveQuestion } from '../../src/core/model/subjective.js';

// Measure the compiled build (what users run), typed by the sources; `npm run bench` builds first.
const dist = (file: string) => pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', file)).href;
const { loadScoringSetup } = (await import(dist('adapters/scoring-files.js'))) as typeof import('../../src/adapters/scoring-files.js');
const { compileRubric } = (await import(dist('core/score/compile.js'))) as typeof import('../../src/core/score/compile.js');
const { scoreAnswer } = (await import(dist('core/score/score-answer.js'))) as typeof import('../../src/core/score/score-answer.js');
const { parseQuestion } = (await import(dist('core/parse/parse-question.js'))) as typeof import('../../src/core/parse/parse-question.js');

const CONCEPTS: Array<[string, string]> = [
  ['Output Rule', 'The primary holds output until the backup acknowledges the log entry'],
  ['Round Trip Cost', 'Every reply waits one network round trip to the backup'],
  ['Batching', 'Combine many operations into one message to amortise fixed costs'],
  ['Pipelining', 'Send the next request before the previous one is acknowledged'],
  ['Leader Lease', 'The leader serves reads locally during a time-bounded lease'],
  ['Log Compaction', 'Snapshots replace old log entries so the log stops growing'],
  ['Little Law', 'Concurrency equals arrival rate times time in the system'],
  ['Tail Latency', 'High percentiles such as p99 matter more than the mean'],
  ['Hedged Requests', 'Send a second request after the p95 delay and take the first reply'],
  ['Backpressure', 'Slow producers down when consumers cannot keep up'],
  ['Connection Pool', 'Reuse a bounded set of database connections sized from concurrency'],
  ['Shard Key', 'Choose a key that spreads load evenly and keeps queries on one shard'],
  ['Hot Partition', 'One busy key overloads a single shard'],
  ['Autoscaling Lead Time', 'New instances take minutes to boot so scale before the peak'],
  ['Load Shedding', 'Reject excess requests early with a retry hint instead of queueing them'],
  ['Bulkhead', 'Separate pools so one slow dependency cannot exhaust every thread'],
  ['Rate Limiting', 'Token buckets cap each client at a sustained rate with bursts'],
  ['Serialization Cost', 'JSON encoding burns CPU at high request rates compared with Protobuf'],
  ['Read Replicas', 'Replicas take read traffic off the primary at the cost of staleness'],
  ['Cost Trade-off', 'Each millisecond saved has a price in instances and engineering time'],
];

function question(): SubjectiveQuestion {
  const bullets = (list: Array<[string, string]>) => list.map(([n, d]) => `- **${n}**: ${d}`).join('\n');
  const text = `---
id: bench-L5-001
type: subjective
level: L5
category: baseline
topic: bench
subtopic: bench
estimated_time: 10 minutes
---
# question_title - Benchmark
## main_question - Q
"Benchmark question?"
## core_concepts - Must Mention (60%)
### mandatory_concepts
${bullets(CONCEPTS.slice(0, 12))}
### expected_keywords
- Primary: output commit, round trip, batching, pipelining, p99, Little's Law, shard key, backpressure
## peripheral_concepts - Nice to Have (40%)
### bonus_concepts
${bullets(CONCEPTS.slice(12))}
### bonus_keywords
- Related: token bucket, protobuf, read replica, load shedding, autoscaling
## sample_excellent - E
"x"
## sample_acceptable - A
"x"
## common_mistakes - M
- Suggesting to remove fault tolerance entirely
- Missing the output rule
`;
  const q = parseQuestion(text, 'bench.md').question;
  if (q?.type !== 'subjective') throw new Error('bench question did not parse');
  return q;
}

/** A deterministic pseudo-random generator (mulberry32), so every run scores the same answers. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILLER = 'the a of to and in that it is for on with as we this by when so because which then each more than one but not only also into under over'.split(' ');
const DOMAIN = CONCEPTS.flatMap(([n, d]) => `${n} ${d}`.toLowerCase().split(/\s+/));

function answer(next: () => number, words = 300): string {
  const out: string[] = [];
  while (out.length < words) {
    const length = 8 + Math.floor(next() * 14);
    const sentence: string[] = [];
    for (let i = 0; i < length; i++) sentence.push(next() < 0.45 ? (FILLER[Math.floor(next() * FILLER.length)] as string) : (DOMAIN[Math.floor(next() * DOMAIN.length)] as string));
    out.push(`${sentence.join(' ')}.`);
  }
  return out.join(' ').split(' ').slice(0, words).join(' ');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const setup = await loadScoringSetup({}, process.cwd());
const q = question();
const compileStart = performance.now();
const rubric = compileRubric(q, setup.lexicon, setup.config);
const compileMs = performance.now() - compileStart;
const next = random(42);
const answers = Array.from({ length: 2000 }, () => answer(next));

for (let i = 0; i < 2000; i++) scoreAnswer(rubric, answers[i % answers.length] as string); // warm-up
const total = 20_000;
const latencies: number[] = [];
const started = performance.now();
for (let i = 0; i < total; i++) {
  const t0 = performance.now();
  scoreAnswer(rubric, answers[i % answers.length] as string);
  latencies.push(performance.now() - t0);
}
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
console.log(`scorer: ${CONCEPTS.length} concepts, 300-word answers, one core, rubric compiled once in ${compileMs.toFixed(1)} ms`);
console.log(`  ${Math.round(total / seconds).toLocaleString('en')} answers/s over ${total.toLocaleString('en')} answers`);
console.log(`  per answer: mean ${(1000 * (seconds / total)).toFixed(3)} ms, p50 ${percentile(latencies, 50).toFixed(3)} ms, p99 ${percentile(latencies, 99).toFixed(3)} ms`);

const huge = answer(random(7), 1_700_000);
const hugeStart = performance.now();
const hugeResult = scoreAnswer(rubric, huge);
console.log(`  one ${(huge.length / 1e6).toFixed(1)} MB answer: ${(performance.now() - hugeStart).toFixed(0)} ms (${hugeResult.warnings.map((w) => w.code).join(', ')})`);

// Batch mode in a child process: time and peak memory for files of 10,000 and 100,000 lines.
const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-bench-'));
try {
  const questionFile = path.resolve('test/fixtures/output-rule.md');
  for (const lines of [10_000, 100_000]) {
    const file = path.join(dir, `answers-${lines}.jsonl`);
    await new Promise<void>((resolve) => {
      const gen = random(lines);
      Readable.from(
        (function* () {
          for (let i = 0; i < lines; i++) yield `${JSON.stringify({ question: questionFile, answer: answer(gen, 120), n: i })}\n`;
        })(),
      )
        .pipe(createWriteStream(file))
        .on('finish', () => resolve());
    });
    const t0 = performance.now();
    const child = spawnSync(process.execPath, ['--import', path.resolve('test/bench/report-rss.mjs'), 'dist/cli/bin.js', 'score', '--batch', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const ms = performance.now() - t0;
    const peak = Number(/peak-rss-kb (\d+)/.exec(child.stderr)?.[1] ?? 0) / 1024;
    console.log(`batch: ${lines.toLocaleString('en')} lines in ${(ms / 1000).toFixed(1)} s (${Math.round(lines / (ms / 1000)).toLocaleString('en')} lines/s), peak RSS ${peak.toFixed(0)} MB, exit ${child.status}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
