/**
 * `npm run bench:calibrate`: how long `qbank calibrate` takes to fit 3,000 graded answers, as wall
 * time of the built binary (whole process: bank, scoring every answer once, the fit and a 5-fold
 * cross-validation, writing the folder), then the same phases timed in-process.
 *
 * The answers are the blind set (test/eval/blind, 200 answers to 20 questions) repeated 15 times,
 * each copy after the first perturbed: one sentence dropped and two swapped, chosen by a seeded
 * generator, so no two copies score alike. Grades are kept.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadScoringSetup } from '../../src/adapters/scoring-files.js';
import { calibrate } from '../../src/core/calibrate/calibrate.js';
import { collectEvidence } from '../../src/core/calibrate/features.js';
import { blindGraded, rubricCache } from '../calibrate/helpers.js';

const COUNT = Number(process.argv[2] ?? 3000);

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function perturb(answer: string, next: () => number): string {
  const sentences = answer.split(/(?<=[.!?])\s+/);
  if (sentences.length < 3) return `${answer} ${sentences[0] ?? ''}`;
  sentences.splice(Math.floor(next() * sentences.length), 1);
  const i = Math.floor(next() * sentences.length);
  const j = Math.floor(next() * sentences.length);
  [sentences[i], sentences[j]] = [sentences[j] as string, sentences[i] as string];
  return sentences.join(' ');
}

const blind = await blindGraded();
const next = random(12);
const graded = Array.from({ length: COUNT }, (_, n) => {
  const source = blind[n % blind.length]!;
  return { ...source, answer: n < blind.length ? source.answer : perturb(source.answer, next) };
});
const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-calibrate-bench-'));
try {
  const file = path.join(dir, 'graded.jsonl');
  writeFileSync(file, `${graded.map((g) => JSON.stringify({ question: g.question.frontmatter.id, answer: g.answer, grade: g.grade })).join('\n')}\n`);

  const t0 = performance.now();
  const result = spawnSync(process.execPath, ['dist/cli/bin.js', 'calibrate', file, '--scale', '0-5', '--out', path.join(dir, 'out'), '--json'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const wall = performance.now() - t0;
  if (result.status !== 0) throw new Error(result.stderr);
  const report = JSON.parse(result.stdout) as { r: { current: number; fitted: number; crossValidated: number } };

  const setup = await loadScoringSetup({}, process.cwd());
  const t1 = performance.now();
  const evidence = collectEvidence(graded, rubricCache(setup.config, setup.lexicon), setup.config);
  const t2 = performance.now();
  calibrate(evidence, setup.config, { scale: { min: 0, max: 5, pass: 3 }, folds: 5 });
  const t3 = performance.now();

  console.log(`calibrate: ${COUNT.toLocaleString('en')} graded answers to 20 questions (the blind set, repeated and perturbed)`);
  console.log(`  qbank calibrate, whole process   ${(wall / 1000).toFixed(1)} s`);
  console.log(`    scoring each answer once       ${((t2 - t1) / 1000).toFixed(1)} s (${((t2 - t1) / COUNT).toFixed(2)} ms an answer)`);
  console.log(`    fit + 5-fold cross-validation  ${((t3 - t2) / 1000).toFixed(1)} s (from the cached evidence)`);
  console.log(`  r: current ${report.r.current.toFixed(3)}, fitted ${report.r.fitted.toFixed(3)}, cross-validated ${report.r.crossValidated.toFixed(3)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
