import { createRule } from '../create-rule.js';
import type { TextBlock } from '../../model/elements.js';
import type { Question } from '../../model/question.js';
import { findQuoteProblem } from '../quotes.js';

/** The blocks written as quotations: the question, the samples, follow-up and exercise questions. */
function quotedBlocks(question: Question): Array<{ key: string; block: TextBlock }> {
  const blocks: Array<{ key: string; block: TextBlock | undefined }> = [];
  if (question.type === 'subjective') {
    blocks.push({ key: 'main_question', block: question.mainQuestion });
    blocks.push({ key: 'sample_excellent', block: question.sampleExcellent });
    blocks.push({ key: 'sample_acceptable', block: question.sampleAcceptable });
    for (const followUp of Object.values(question.followUps)) {
      if (followUp) blocks.push({ key: `follow_up_${followUp.tier}`, block: followUp.question });
    }
    blocks.push({ key: 'bar_raiser_question', block: question.barRaiser?.question });
    for (const exercise of question.improvementExercises) {
      blocks.push({ key: `exercise_${exercise.number}`, block: exercise.question });
      blocks.push({ key: `exercise_${exercise.number}`, block: exercise.sampleAnswer });
    }
  }
  return blocks.filter((b): b is { key: string; block: TextBlock } => b.block !== undefined);
}

export const textQuotes = createRule({
  id: 'text-quotes',
  severity: 'warning',
  description: 'Quoted sections (the question, the samples, follow-up questions) open and close their quotes.',
  messages: {
    unclosed: 'The quote that opens "{{key}}" is never closed; end the text with a closing quote',
    unopened: 'The text of "{{key}}" ends with a quote that nothing opens; start it with an opening quote',
    stray: 'Unbalanced quote inside "{{key}}"; close it, or use single quotes inside a quoted section',
  },
  check(question, context) {
    for (const { key, block } of quotedBlocks(question)) {
      const start = context.lines.offsetAt(block.span.start);
      const raw = context.text.slice(start, context.lines.offsetAt(block.span.end));
      const problem = findQuoteProblem(raw);
      if (!problem) continue;
      context.report({ messageId: problem.kind, span: context.lines.spanAt(start + problem.at, start + problem.at + 1), data: { key } });
    }
  },
});
