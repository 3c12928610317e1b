import { z } from 'zod';
import { LevelSchema, type Level } from '../model/level.js';
import { expected } from '../errors/zod-error-map.js';
import { parseEstimatedTime } from '../model/estimated-time.js';
import type { Question } from '../model/question.js';
import type { SubjectiveQuestion } from '../model/subjective.js';

/** An interview plan: questions in order, and optionally the level and the time budget. */
export interface InterviewPlan {
  questions: string[];
  level?: Level;
  totalMinutes?: number;
}

/** What a plan's `level` and `total_time` take: text or a number, as YAML reads them. */
const scalar = (what: string) => z.union([z.string(), z.number()], { error: expected(what) });

/** A question of the plan: its id, or a mapping with `id` (other keys are notes for the reader). */
const PlanQuestionSchema = z
  .union([z.string(), z.looseObject({ id: z.string() })], { error: (issue) => `Question ${questionNumber(issue.path)} of the plan is not an id` })
  .transform((entry) => (typeof entry === 'string' ? entry : entry.id).trim())
  .refine((id) => id !== '', { error: (issue) => `Question ${questionNumber(issue.path)} of the plan is not an id` });

function questionNumber(path: readonly PropertyKey[] | undefined): number {
  return Number(path?.at(-1) ?? 0) + 1;
}

const PlanQuestionsSchema = z
  .array(PlanQuestionSchema, { error: '"questions" must be a non-empty list of question ids' })
  .min(1, { error: '"questions" must be a non-empty list of question ids' })
  .superRefine((ids, context) => {
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) context.addIssue({ code: 'custom', path: [i], message: `"${id}" is in the plan twice` });
    });
  });

/** Minutes such as `45 minutes` or `45`; the message names the key it was given under. */
const minutesUnder = (key: string) =>
  scalar('minutes such as "45 minutes"').transform((value, context) => {
    const parsed = parseEstimatedTime(value);
    if (parsed) return parsed.max;
    context.addIssue({ code: 'custom', message: `"${key}" expects minutes such as "45 minutes", got ${JSON.stringify(value)}` });
    return z.NEVER;
  });

const PlanMappingSchema = z
  .strictObject(
    {
      questions: PlanQuestionsSchema,
      /** The level interviewed for, in any case (`l4`). */
      level: scalar('a level, L1 to L8')
        .transform((value) => String(value).toUpperCase())
        .pipe(LevelSchema)
        .optional(),
      total_time: minutesUnder('total_time').optional(),
      /** An older name of `total_time`. */
      minutes: minutesUnder('minutes').optional(),
    },
    {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') return `Unknown key "${issue.keys[0] ?? ''}"; a plan has questions, level and total_time`;
        if (issue.code === 'invalid_type') return 'Expected a list of question ids, or a mapping with "questions"';
        return undefined;
      },
    },
  )
  .transform(({ questions, level, total_time, minutes }): InterviewPlan => {
    const totalMinutes = total_time ?? minutes;
    return { questions, ...(level === undefined ? {} : { level }), ...(totalMinutes === undefined ? {} : { totalMinutes }) };
  });

/**
 * The schema a plan document (already parsed from YAML) is read with: a list of question ids,
 * or a mapping with `questions`, and optionally `level` and `total_time` (`45 minutes`, or a
 * number of minutes). Issues keep the document's own paths, so they can be located in it.
 */
export function planSchema(document: unknown): z.ZodType<InterviewPlan> {
  return Array.isArray(document) ? PlanQuestionsSchema.transform((questions) => ({ questions })) : PlanMappingSchema;
}

/** Up to `count` questions, taking one topic after another (ids in order inside a topic). */
export function pickByTopic<Q extends { frontmatter: { topic?: string } } = SubjectiveQuestion>(questions: readonly Q[], count: number): Q[] {
  const byTopic = new Map<string, Q[]>();
  for (const question of questions) {
    const topic = question.frontmatter.topic ?? '';
    const queue = byTopic.get(topic);
    if (queue) queue.push(question);
    else byTopic.set(topic, [question]);
  }
  const queues = [...byTopic.keys()].sort().map((topic) => byTopic.get(topic) ?? []);
  const chosen: Q[] = [];
  for (let round = 0; chosen.length < count && queues.some((q) => q.length > round); round += 1) {
    for (const queue of queues) {
      const question = queue[round];
      if (question && chosen.length < count) chosen.push(question);
    }
  }
  return chosen;
}

/** The level to judge against: given, else the most common level of the baseline questions (lowest on a tie). */
export function targetLevel(given: Level | undefined, questions: readonly Question[]): Level {
  if (given) return given;
  const counts = new Map<Level, number>();
  const baseline = questions.filter((q) => q.frontmatter.category !== 'bar-raiser');
  for (const q of baseline.length > 0 ? baseline : questions) if (q.frontmatter.level) counts.set(q.frontmatter.level, (counts.get(q.frontmatter.level) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return sorted[0]?.[0] ?? 'L3';
}

/** A readable, sortable id: `20250131-140512-ana-lima`. */
export function sessionId(candidate: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const slug = candidate
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug === '' ? stamp : `${stamp}-${slug}`;
}
