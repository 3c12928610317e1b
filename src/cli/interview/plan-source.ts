import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { Bank } from '../../core/bank/bank.js';
import type { Level } from '../../core/model/level.js';
import type { SubjectiveQuestion } from '../../core/model/subjective.js';
import { parsePlan, selectQuestions, type InterviewPlan } from '../../core/interview/plan.js';
import { filterFromFlags, type FilterFlags } from '../bank-access.js';
import { noMatchMessage } from '../../core/bank/no-match.js';
import { UsageError } from '../errors.js';
import type { CliIO } from '../io.js';

/** Reads `--plan FILE`: YAML, checked by the core's plan rules. */
export async function readPlanFile(io: CliIO, file: string): Promise<InterviewPlan> {
  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch {
    throw new UsageError(`Cannot read the plan file ${file}`);
  }
  const document = parseDocument(text, { prettyErrors: false });
  const [error] = document.errors;
  if (error) throw new UsageError(`${file}: YAML syntax error: ${error.message.split('\n')[0] ?? ''}`);
  const result = parsePlan(document.toJS({ maxAliasCount: 100 }));
  if (!result.ok) throw new UsageError(`${file}: ${result.message}`);
  return result.plan;
}

/** The questions of a plan, looked up in the bank; each must exist and be subjective. */
export function planQuestions(bank: Bank, ids: readonly string[], source: string): SubjectiveQuestion[] {
  return ids.map((id) => {
    const question = bank.get(id);
    if (!question) throw new UsageError(`${source}: no question with id "${id}" in the bank; run "qbank list" to see the ids`);
    if (question.type !== 'subjective') throw new UsageError(`${source}: "${id}" is a multiple-choice question; interviews use open questions`);
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
  return selectQuestions(matching, count)
    .map((summary) => bank.get(summary.frontmatter.id))
    .filter((q): q is SubjectiveQuestion => q?.type === 'subjective');
}

/** `--count` as a whole number from 1. */
export function parseCount(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 50) throw new UsageError(`--count expects a whole number from 1 to 50, got "${value}"`);
  return count;
}

/** `--level` checked and upper-cased. */
export function parseLevel(value: string | undefined): Level | undefined {
  if (value === undefined) return undefined;
  return filterFromFlags({ level: value }).level as Level;
}
