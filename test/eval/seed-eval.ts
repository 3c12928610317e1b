/**
 * `npm run eval`: how often the scorer ranks the performance seed's strong answers above its
 * weak-candidate statements, for every seed interview question the bank has a counterpart for.
 * The seed is read at run time from ../shared/seeds; nothing of it is stored in the repo.
 *
 *   npm run eval            the figure, per question and overall
 *   npm run eval -- --list  every question the seed holds, with the key used in seed-002-map.yaml
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadBank } from '../../src/adapters/load-bank.js';
import { loadScoringSetup } from '../../src/adapters/scoring-files.js';
import { compileRubric } from '../../src/core/score/compile.js';
import { scoreAnswer } from '../../src/core/score/score-answer.js';
import { extractSeedQuestions } from './seed-extract.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const seedFile = path.resolve(root, '..', 'shared', 'seeds', '002_59a342feacfd2195.txt');

if (!existsSync(seedFile)) {
  console.log(`eval: ${seedFile} is not present; nothing to evaluate`);
  process.exit(0);
}
const questions = extractSeedQuestions(readFileSync(seedFile, 'utf8'));
if (process.argv.includes('--list')) {
  for (const q of questions) console.log(`${q.key}  strong ${q.strong.length}  weak ${q.weak.length}  ${q.question.slice(0, 90)}`);
  process.exit(0);
}

interface MapEntry { seed: string; bank: string; label: string }
const map = (parse(readFileSync(path.join(here, 'seed-002-map.yaml'), 'utf8')) as { questions: MapEntry[] }).questions;
const bank = await loadBank([path.join(root, 'questions')], root);
const { lexicon, config } = await loadScoringSetup({}, root);
const weakPool = questions.flatMap((q) => q.weak);

let wins = 0;
let ties = 0;
let pairs = 0;
console.log('seed question → bank question: strong ranked above weak (ties), pairs');
for (const entry of map) {
  const seed = questions.find((q) => q.key === entry.seed);
  const question = bank.get(entry.bank);
  if (!seed || question?.type !== 'subjective') {
    console.log(`  ${entry.label}: ${!seed ? `seed key ${entry.seed} not found` : `bank question ${entry.bank} missing`}`);
    process.exitCode = 1;
    continue;
  }
  const rubric = compileRubric(question, lexicon, config);
  // A question without weak statements of its own is compared with every weak statement in the seed.
  const weak = seed.weak.length > 0 ? seed.weak : weakPool;
  let w = 0;
  let t = 0;
  let n = 0;
  const weakScores = weak.map((statement) => scoreAnswer(rubric, statement).score);
  const strongScores = seed.strong.map((strong) => scoreAnswer(rubric, strong).score);
  for (const strongScore of strongScores) {
    for (const weakScore of weakScores) {
      n++;
      if (strongScore > weakScore) w++;
      else if (strongScore === weakScore) t++;
    }
  }
  wins += w;
  ties += t;
  pairs += n;
  const own = seed.weak.length > 0 ? 'own weak statements' : 'weak statements of the whole seed';
  const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)).toFixed(0);
  console.log(`  ${entry.label} → ${entry.bank}: ${((100 * w) / n).toFixed(1)}% (${t} ties), ${n} pairs against ${own}; mean score strong ${mean(strongScores)}, weak ${mean(weakScores)}`);
}
console.log(`overall: strong above weak in ${wins} of ${pairs} pairs, ${((100 * wins) / Math.max(1, pairs)).toFixed(1)}% (${ties} ties) across ${map.length} questions`);
