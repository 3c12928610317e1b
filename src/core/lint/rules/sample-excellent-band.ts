import { createRule } from '../create-rule.js';

export const sampleExcellentBand = createRule({
  id: 'sample-excellent-band',
  // A warning by default: the scorer is a heuristic judge; a bank's config can make it an error.
  severity: 'warning',
  description: '`sample_excellent` scores `excellent` against its own rubric.',
  needsScoring: true,
  messages: {
    band: 'sample_excellent scores {{score}} ({{band}}) against this rubric, below excellent ({{threshold}}); it misses {{missed}}. Mention them in the sample, or fix the rubric (qbank score {{id}} --answer-file … --explain shows why)',
    bandNoMiss: 'sample_excellent scores {{score}} ({{band}}) against this rubric, below excellent ({{threshold}}){{why}}; rework the sample or the rubric (qbank score --explain shows why)',
  },
  check(question, context) {
    if (question.type !== 'subjective' || !question.sampleExcellent) return;
    const result = context.sampleScores()?.excellent;
    const scoring = context.services.scoring;
    if (!result || !scoring || result.band === 'excellent') return;
    const missed = [
      ...result.concepts.filter((c) => !c.covered && c.kind === 'mandatory').map((c) => `"${c.name}"`),
      ...result.keywordResults.filter((k) => !k.hit && k.kind === 'mandatory').map((k) => `"${k.text}"`),
    ];
    const data = { score: result.score, band: result.band, threshold: scoring.config.bands.excellent, id: question.frontmatter.id };
    if (missed.length > 0) {
      const shown = missed.length > 4 ? `${missed.slice(0, 4).join(', ')} and ${missed.length - 4} more` : missed.join(', ');
      context.report({ messageId: 'band', span: question.sampleExcellent.span, data: { ...data, missed: shown } });
    } else {
      const why = result.warnings[0] ? ` (${result.warnings[0].code})` : result.penalty > 0 ? ` (${result.penalty} points taken for common mistakes)` : '';
      context.report({ messageId: 'bandNoMiss', span: question.sampleExcellent.span, data: { ...data, why } });
    }
  },
});
