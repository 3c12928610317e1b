import { LineIndex } from '../parse/line-index.js';
import { bandFor, followUpTierFor, listCredit } from './bands.js';
import type { CompiledItem, CompiledRubric } from './compile.js';
import { evaluateItem, evaluateKeyword, evaluateMistakes } from './evaluate.js';
import { listShare } from './keyword-list.js';
import type { FollowUpTier } from '../model/elements.js';
import type { Band, ConceptResult, KeywordResult, PartResult, ScoreResult, ScoreWarning } from './result.js';

/** Inquirer-style check of an answer: `true`, or a message saying what to do. */
export function validateAnswer(text: string): true | string {
  return text.trim() === '' ? 'The answer is empty; write what you would say to the interviewer' : true;
}

const SHORT_ANSWER_WORDS = 15;

/**
 * How far an answer covers each rubric item, in rubric order (a tick is 1 or 0; the scorer gives
 * concepts partial credit in between), and the points taken for mistakes.
 */
export interface Coverage {
  mandatory: readonly number[];
  bonus: readonly number[];
  mandatoryKeywords: readonly number[];
  bonusKeywords: readonly number[];
  penalty: number;
}

const sum = (list: readonly number[]) => list.reduce((a, b) => a + Math.max(0, Math.min(1, b)), 0);

/**
 * The score for a given coverage: the formula of rubrics/GUIDELINES.md. Interviews use it with
 * the interviewer's ticks; `scoreAnswer` with what it matched.
 */
export function scoreCoverage(rubric: CompiledRubric, coverage: Coverage): { raw: number; score: number; band: Band; passed: boolean; followUp: FollowUpTier; parts: { mandatory: PartResult; bonus: PartResult } } {
  const { config } = rubric;
  const { saturation, partShares } = config;
  const part = (weight: number, concepts: readonly number[], keywords: readonly number[], conceptSat: number, keywordSat: number): PartResult => {
    const covered = concepts.filter((c) => c >= 1).length;
    const credit = sum(concepts);
    const hit = keywords.filter((k) => k >= 1).length;
    const conceptCredit = listCredit(credit, concepts.length, conceptSat);
    const keywordCredit = listCredit(sum(keywords), keywords.length, keywordSat);
    // A part without keywords (or without concepts) is judged on what it has.
    const share =
      keywords.length === 0 ? conceptCredit : concepts.length === 0 ? keywordCredit : partShares.concepts * conceptCredit + partShares.keywords * keywordCredit;
    return { points: weight * share, weight, concepts: { covered, credit: Math.round(credit * 100) / 100, total: concepts.length }, keywords: { hit, total: keywords.length } };
  };
  const mandatory = part(rubric.weights.mandatory, coverage.mandatory, coverage.mandatoryKeywords, saturation.mandatoryConcepts, saturation.mandatoryKeywords);
  const bonus = part(rubric.weights.bonus, coverage.bonus, coverage.bonusKeywords, saturation.bonusConcepts, saturation.bonusKeywords);
  const raw = Math.max(0, mandatory.points + bonus.points - coverage.penalty);
  const score = Math.min(100, Math.max(0, Math.round(raw)));
  const band = bandFor(score, config);
  return { raw, score, band, passed: score >= config.pass, followUp: followUpTierFor(band), parts: { mandatory, bonus } };
}

/** Scores one answer against a compiled rubric. Pure and deterministic. */
export function scoreAnswer(rubric: CompiledRubric, answer: string): ScoreResult {
  const { analyzer, config } = rubric;
  const doc = analyzer.analyzeAnswer(answer);
  const lines = new LineIndex(doc.text);

  const concepts = (items: readonly CompiledItem[], kind: 'mandatory' | 'bonus'): ConceptResult[] =>
    items.map((item) => {
      const result = evaluateItem(doc, item, config, lines) as ConceptResult;
      result.kind = kind;
      result.description = item.description;
      return result;
    });
  // Keywords are terms: said or not, no partial credit.
  const keywords = (items: readonly CompiledItem[], kind: 'mandatory' | 'bonus'): KeywordResult[] =>
    items.map((item) => ({ text: item.name, kind, ...evaluateKeyword(doc, item, config, lines) }));

  const mandatoryConcepts = concepts(rubric.mandatory, 'mandatory');
  const bonusConcepts = concepts(rubric.bonus, 'bonus');
  const mandatoryKeywords = keywords(rubric.mandatoryKeywords, 'mandatory');
  const bonusKeywords = keywords(rubric.bonusKeywords, 'bonus');

  const mistakes = evaluateMistakes(doc, rubric.mistakes, config, lines);
  const penalty = mistakes.reduce((sum, m) => sum + m.penalty, 0);
  const coverage = scoreCoverage(rubric, {
    mandatory: mandatoryConcepts.map((c) => c.credit),
    bonus: bonusConcepts.map((c) => c.credit),
    mandatoryKeywords: mandatoryKeywords.map((k) => (k.hit ? 1 : 0)),
    bonusKeywords: bonusKeywords.map((k) => (k.hit ? 1 : 0)),
    penalty,
  });
  const { mandatory, bonus } = coverage.parts;
  const warnings: ScoreWarning[] = [];
  let raw = coverage.raw;
  const share = listShare(doc, config);
  let uncappedScore: number | undefined;
  if (share > config.stuffing.listShare) {
    const cap = Math.min(config.pass, config.bands.good) - 1;
    if (raw > cap) {
      uncappedScore = Math.round(raw);
      raw = cap;
    }
    warnings.push({
      code: 'keyword-list',
      message: `Most of the answer reads as a bare list of terms (few linking words), so it is capped at ${cap}; explain how the ideas connect, in sentences`,
    });
  }
  if (doc.truncated) {
    warnings.push({ code: 'answer-truncated', message: `Only the first ${config.matching.maxAnswerChars} characters of the answer were scored` });
  }
  if (doc.words < SHORT_ANSWER_WORDS) {
    warnings.push({ code: 'short-answer', message: `The answer has ${doc.words} words; a spoken answer to this question is usually a few minutes long` });
  }

  const score = Math.min(100, Math.max(0, Math.round(raw)));
  const band = bandFor(score, config);
  const keywordResults = [...mandatoryKeywords, ...bonusKeywords];
  return {
    id: rubric.id,
    score,
    band,
    passed: score >= config.pass,
    followUp: followUpTierFor(band),
    parts: { mandatory, bonus },
    concepts: [...mandatoryConcepts, ...bonusConcepts],
    keywords: { hit: keywordResults.filter((k) => k.hit).map((k) => k.text), missed: keywordResults.filter((k) => !k.hit).map((k) => k.text) },
    keywordResults,
    mistakes,
    penalty,
    ...(uncappedScore === undefined ? {} : { uncappedScore }),
    warnings,
    stats: {
      words: doc.words,
      sentences: doc.sentences,
      functionWordShare: doc.words === 0 ? 0 : doc.functionWords / doc.words,
      listShare: share,
    },
  };
}
