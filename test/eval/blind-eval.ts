/**
 * `npm run eval:blind`: the scorer against the blind answer set and the leniency control.
 *
 *   npm run eval:blind              the figures
 *   npm run eval:blind -- --misses  also every answer whose pass/fail disagrees with its grade
 */
import { loadScoringSetup } from '../../src/adapters/scoring-files.js';
import { evaluateBlindSet, formatBlindReport, readBlindSet } from './blind-set.js';
import { bankQuestions, formatLeniency, leniency } from './leniency.js';

const setup = await loadScoringSetup(process.env, process.cwd());
const questions = await bankQuestions();
const report = evaluateBlindSet(readBlindSet(), questions, setup);
console.log(formatBlindReport(report));
console.log(formatLeniency(leniency(questions, setup)));
if (process.argv.includes('--misses')) {
  for (const a of report.scored) {
    const passed = a.score >= setup.config.pass;
    if (passed === a.grade >= 3) continue;
    console.log(`\n${a.question} ${a.writer}/${a.quality} grade ${a.grade} score ${a.score}\n  ${a.answer.replace(/\n/g, ' ').slice(0, 300)}`);
  }
}
