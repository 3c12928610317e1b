/**
 * For authors: how each question's rubric scores its own samples.
 *
 *   npx tsx test/eval/calibrate.ts questions/raft/*.md
 *
 * For each file: sample_excellent (must be excellent), sample_acceptable (must pass, below the
 * excellent sample), the rubric's keywords listed bare (must not pass) and an off-topic paragraph
 * (must score under 10), with the concepts each sample misses.
 */
import { readFileSync } from 'node:fs';
import { loadScoringSetup } from '../../src/adapters/scoring-files.js';
import { parseQuestion } from '../../src/core/parse/parse-question.js';
import { compileRubric } from '../../src/core/score/compile.js';
import { scoreAnswer } from '../../src/core/score/score-answer.js';

const OFF_TOPIC =
  'On Sundays I walk along the river to the old market, where a baker sells rye loaves and a florist arranges tulips in tin buckets. ' +
  'Afterwards I read a novel in the park until the light fades and the ducks settle on the water.';

const setup = await loadScoringSetup(process.env, process.cwd());
let failures = 0;
for (const file of process.argv.slice(2)) {
  const parsed = parseQuestion(readFileSync(file, 'utf8'), file);
  const question = parsed.question;
  if (question?.type !== 'subjective') {
    console.log(`${file}: ${question ? 'multiple-choice, skipped' : 'does not parse; run qbank lint'}`);
    continue;
  }
  const rubric = compileRubric(question, setup.lexicon, setup.config);
  const excellent = scoreAnswer(rubric, question.sampleExcellent?.text ?? '');
  const acceptable = scoreAnswer(rubric, question.sampleAcceptable?.text ?? '');
  const keywords = [...question.core.keywords, ...question.bonus.keywords].flatMap((g) => g.keywords.map((k) => k.text));
  const bare = scoreAnswer(rubric, keywords.join(', '));
  const off = scoreAnswer(rubric, OFF_TOPIC);
  const checks = [
    excellent.band === 'excellent',
    acceptable.passed && acceptable.score < excellent.score,
    !bare.passed,
    off.score < 10,
  ];
  const ok = checks.every(Boolean);
  if (!ok) failures++;
  const missed = (r: typeof excellent) => r.concepts.filter((c) => !c.covered).map((c) => `${c.kind === 'mandatory' ? 'M' : 'B'}:${c.name}`).join('; ') || 'none';
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${file}`);
  console.log(`     excellent ${excellent.score} ${excellent.band}${checks[0] ? '' : '  <- must be excellent'}; misses ${missed(excellent)}`);
  console.log(`     acceptable ${acceptable.score} ${acceptable.band}${checks[1] ? '' : '  <- must pass and stay below excellent'}; misses ${missed(acceptable)}`);
  console.log(`     bare keywords ${bare.score}${checks[2] ? '' : '  <- must not pass'}; off-topic ${off.score}${checks[3] ? '' : '  <- must be under 10'}`);
  for (const m of [...excellent.mistakes, ...acceptable.mistakes].filter((m) => m.mode === 'commission')) {
    console.log(`     a sample triggers the mistake "${m.text}"`);
  }
}
process.exitCode = failures > 0 ? 1 : 0;
