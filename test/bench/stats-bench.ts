/**
 * `npm run bench:stats`: how long `qbank stats` takes on a history of 5,000 attempts (each with a
 * full score result and a follow-up), as wall time of the built binary, median of 5 runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ATTEMPTS = Number(process.argv[2] ?? 5000);
const home = mkdtempSync(path.join(os.tmpdir(), 'qbank-stats-bench-'));
const topics = ['primary-backup', 'raft', 'performance', 'scalability', 'resilience'];
const concepts = Array.from({ length: 8 }, (_, i) => ({ name: `Concept ${i}`, kind: i < 4 ? 'mandatory' : 'bonus', description: 'a description of the idea', covered: false, terms: [{ term: 'a', weight: 2, found: true }, { term: 'c', weight: 1, found: false }], credit: 0, negated: false, evidence: { text: 'some words of evidence', start: 10, end: 32, line: 1, column: 11 } }));
const lines: string[] = [];
const start = Date.parse('2026-01-01T08:00:00Z');
for (let i = 0; i < ATTEMPTS; i++) {
  const at = new Date(start + i * 3_600_000).toISOString();
  const score = (i * 37) % 101;
  const attemptId = `a-${i}`;
  lines.push(JSON.stringify({
    v: 1, type: 'attempt', attemptId, session: `s-${Math.floor(i / 3)}`, questionId: `${topics[i % 5]}-q-${i % 40}`, questionType: 'subjective', title: 'A question',
    topic: topics[i % 5], level: `L${3 + (i % 4)}`, askedAt: at, answeredAt: at, timeTakenMs: 240_000, answer: 'an answer of a few hundred characters '.repeat(8),
    score, band: score >= 75 ? 'excellent' : score >= 60 ? 'good' : score >= 35 ? 'needs_improvement' : 'insufficient', passed: score >= 45,
    result: { id: 'x', score, concepts: concepts.map((c, k) => ({ ...c, covered: (i + k) % 3 !== 0 })), keywords: { hit: ['a'], missed: ['b'] } },
    srs: { due: new Date(start + (i + 48) * 3_600_000).toISOString(), stability: 3, difficulty: 5, elapsed_days: 1, scheduled_days: 2, reps: 2, lapses: 0, learning_steps: 0, state: 2, last_review: at },
  }));
  lines.push(JSON.stringify({ v: 1, type: 'follow-up', attemptId, questionId: `${topics[i % 5]}-q-${i % 40}`, stage: 'partial', prompt: 'Why?', answeredAt: at, timeTakenMs: 60_000, answer: 'because', score: 50, band: 'needs_improvement', result: { score: 50 } }));
}
writeFileSync(path.join(home, 'history.jsonl'), `${lines.join('\n')}\n`);
const size = statSync(path.join(home, 'history.jsonl')).size;

function median(args: string[]): number {
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const result = spawnSync(process.execPath, ['dist/cli/bin.js', ...args], { env: { ...process.env, QBANK_HOME: home, NO_COLOR: '1' }, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[2] as number;
}
try {
  console.log(`stats: ${ATTEMPTS.toLocaleString('en')} attempts (${(size / 1e6).toFixed(1)} MB of history)`);
  console.log(`  qbank stats         ${median(['stats']).toFixed(0)} ms (median of 5, whole process)`);
  console.log(`  qbank stats --json  ${median(['stats', '--json']).toFixed(0)} ms`);
  console.log(`  qbank --version     ${median(['--version']).toFixed(0)} ms (process start-up, for reference)`);
} finally {
  rmSync(home, { recursive: true, force: true });
}
