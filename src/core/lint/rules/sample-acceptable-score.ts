import { createRule } from '../create-rule.js';

export const sampleAcceptableScore = createRule({
  id: 'sample-acceptable-score',
  // A warning by default: the scorer is a heuristic judge; a bank's config can make it an error.
  severity: 'warning',
  description: '`sample_acceptable` passes against its own rubric, and scores no higher than `sample_excellent`.',
  needsScoring: true,
  messages: {
    fails: 'sample_acceptable scores {{score}} against this rubric and does not pass ({{pass}}); a minimum acceptable answer must pass, so mention more of the mandatory concepts in it, or fix the rubric',
    above: 'sample_acceptable scores {{score}}, above sample_excellent ({{excellent}}); the excellent sample should be the stronger one, so swap or rework them',
  },
  check(question, context) {
    if (question.type !== 'subjective' || !question.sampleAcceptable) return;
    const scores = context.sampleScores();
    const scoring = context.services.scoring;
    const acceptable = scores?.acceptable;
    if (!acceptable || !scoring) return;
    const span = question.sampleAcceptable.span;
    if (!acceptable.passed) {
      context.report({ messageId: 'fails', span, data: { score: acceptable.score, pass: scoring.config.pass } });
    } else if (scores.excellent && acceptable.score > scores.excellent.score) {
      context.report({ messageId: 'above', span, data: { score: acceptable.score, excellent: scores.excellent.score } });
    }
  },
});
