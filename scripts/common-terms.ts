/**
 * `npm run rubrics:common-terms`: the terms found in the rubrics (concept names, descriptions and
 * keywords) of more than a fifth of the bank's subjective questions. They are weak evidence that
 * an answer covers one particular concept, so the scorer weighs them down; the list goes under
 * `commonTerms` in rubrics/lexicon.yaml. Run it again after adding questions.
 *
 *   npm run rubrics:common-terms            print the list as YAML
 *   npm run rubrics:common-terms -- DIR…    for another bank
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findQuestionFiles } from '../src/adapters/question-files.js';
import { loadScoringSetup } from '../src/adapters/scoring-files.js';
import type { SubjectiveQuestion } from '../src/core/model/subjective.js';
import { parseQuestion } from '../src/core/parse/parse-question.js';
import { Analyzer } from '../src/core/score/analyzer.js';

const SHARE = 0.2;
const dirs = process.argv.slice(2);
const files = await findQuestionFiles(dirs.length > 0 ? dirs : [path.join(process.cwd(), 'questions')]);
const questions = files
  .map((file) => parseQuestion(readFileSync(file, 'utf8'), file).question)
  .filter((q): q is SubjectiveQuestion => q?.type === 'subjective');
const { lexicon, config } = await loadScoringSetup(process.env, process.cwd());
// Without the current list, so that it does not feed itself.
const plain = new (lexicon.constructor as typeof import('../src/core/score/lexicon.js').Lexicon)({ ...lexicon.config, commonTerms: [] });

const documentFrequency = new Map<string, number>();
const spelling = new Map<string, string>();
for (const question of questions) {
  const analyzer = new Analyzer(plain, config.matching);
  const texts = [...question.core.concepts, ...question.bonus.concepts].flatMap((c) => [c.name, c.description]);
  for (const group of [...question.core.keywords, ...question.bonus.keywords]) texts.push(...group.keywords.map((k) => k.text));
  const ids = new Set<string>();
  for (const text of texts) {
    for (const token of analyzer.analyzeRubric(text).tokens) {
      if (!token.content || /^\d/.test(token.id)) continue;
      ids.add(token.id);
      if (!spelling.has(token.id)) spelling.set(token.id, token.word);
    }
  }
  for (const id of ids) documentFrequency.set(id, (documentFrequency.get(id) ?? 0) + 1);
}
const common = [...documentFrequency]
  .filter(([, count]) => count > SHARE * questions.length)
  .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  .map(([id]) => spelling.get(id) ?? id);
console.log(`# In the rubrics of more than ${SHARE * 100}% of ${questions.length} questions (npm run rubrics:common-terms).`);
console.log(`commonTerms: [${common.join(', ')}]`);
