import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Bank } from '../../core/bank/bank.js';
import type { Level } from '../../core/model/level.js';
import type { SubjectiveQuestion } from '../../core/model/subjective.js';
import { planSchema, pickByTopic, type InterviewPlan } from '../../core/interview/plan.js';
import { UnreadableInput } from '../../core/errors/catalogue.js';
import { parseSource } from '../../core/errors/input-problems.js';
import { QbankError } from '../../core/errors/qbank-error.js';
import { readYamlSource } from '../../core/parse/source-document.js';
import { filterFromFlags, type FilterFlags } from '../filter-flags.js';
import { noMatchMessage } from '../../core/bank/no-match.js';
import { UsageError } from '../errors.js';
import type { CliIO } from '../io.js';

/** Where the plan's n-th question is written, as `plan.yaml:3:5` (or what names the source). */
export type PlanPlace = (index: number) => string;

/**
 * Reads `--plan FILE`: YAML, checked by the core's plan schema; a mistake names its line and
 * column, and so does `place` for each question id.
 */
export async function readPlanFile(io: CliIO, file: string): Promise<{ plan: InterviewPlan; place: PlanPlace }> {
  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch {
    throw new QbankError(UnreadableInput, { what: 'plan file', file });
  }
  const source = readYamlSource(text);
  const plan = parseSource(planSchema(source.value), source, file);
  const listed = Array.isArray(source.value);
  const place: PlanPlace = (index) => {
    const { line, column } = source.locate(listed ? [index] : ['questions', index]);
    return `${file}:${line}:${column}`;
  };
  return { plan, place };
}

/** The questions of a plan, looked up in the bank; each must exist and be subjective. */
export function planQuestions(bank: Bank, ids: readonly string[], place: PlanPlace): SubjectiveQuestion[] {
  return ids.map((id, index) => {
    const question = bank.get(id);
    if (!question) throw new UsageError(`${place(index)}: no question with id "${id}" in the bank; run "qbank list" to see the ids`);
    if (question.type !== 'subjective') throw new UsageError(`${place(index)}: "${id}" is a multiple-choice question; interviews use open questions`);
    return question;
  });
}

/** Questions chosen by `--topic`, `--level`, … and `--count`. */
export function filteredQuestions(bank: Bank, flags: FilterFlags, count: number): SubjectiveQuestion[] {
  const filter = { ...filterFromFlags(flags), type: 'subjective' };
  const matching = bank.list(filter).filter((q) => q.type === 'subjective');
  if (matching.length === 0) {
    // Interviews use open questions: the values listed are those of the bank's open questions.
    throw new UsageError(noMatchMessage(bank.list({ type: 'subjective' }), filterFromFlags(flags), 'open question'));
  }
  // Chosen from summaries; only the chosen files are read again.
  return pickByTopic(matching, count)
    .map((summary) => bank.get(summary.frontmatter.id))
    .filter((q): q is SubjectiveQuestion => q?.type === 'subjective');
}
