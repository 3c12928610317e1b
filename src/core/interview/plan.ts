import { isLevel, type Level } from '../model/level.js';
import { parseEstimatedTime } from '../model/estimated-time.js';
import type { Question } from '../model/question.js';
import type { SubjectiveQuestion } from '../model/subjective.js';

/** An interview plan: questions in order, and optionally the level and the time budget. */
export interface InterviewPlan {
  questions: string[];
  level?: Level;
  totalMinutes?: number;
}

export type PlanResult = { ok: true; plan: InterviewPlan } | { ok: false; message: string };

const fail = (message: string): PlanResult => ({ ok: false, message });

/**
 * Reads a plan document (already parsed from YAML): a list of question ids, or a mapping with
 * `questions`, and optionally `level` and `total_time` (`45 minutes`, or a number of minutes).
 */
export function parsePlan(value: unknown): PlanResult {
  const doc = Array.isArray(value) ? { questions: value } : value;
  if (doc === null || typeof doc !== 'object') return fail('Expected a list of question ids, or a mapping with "questions"');
  const known = new Set(['questions', 'level', 'total_time', 'minutes']);
  const unknown = Object.keys(doc).filter((key) => !known.has(key));
  if (unknown.length > 0) return fail(`Unknown key "${unknown[0]}"; a plan has questions, level and total_time`);
  const record = doc as Record<string, unknown>;
  if (!Array.isArray(record.questions) || record.questions.length === 0) return fail('"questions" must be a non-empty list of question ids');
  const questions: string[] = [];
  for (const [i, entry] of record.questions.entries()) {
    const id = typeof entry === 'string' ? entry : entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' ? (entry as { id: string }).id : undefined;
    if (!id || id.trim() === '') return fail(`Question ${i + 1} of the plan is not an id`);
    if (questions.includes(id.trim())) return fail(`"${id.trim()}" is in the plan twice`);
    questions.push(id.trim());
  }
  const plan: InterviewPlan = { questions };
  if (record.level !== undefined) {
    const level = String(record.level).toUpperCase();
    if (!isLevel(level)) return fail(`"level" expects one of L1…L8, got "${String(record.level)}"`);
    plan.level = level;
  }
  const time = record.total_time ?? record.minutes;
  if (time !== undefined) {
    const parsed = typeof time === 'string' || typeof time === 'number' ? parseEstimatedTime(time) : undefined;
    if (!parsed) return fail(`"total_time" expects minutes such as "45 minutes", got ${JSON.stringify(time)}`);
    plan.totalMinutes = parsed.max;
  }
  return { ok: true, plan };
}

/** Up to `count` questions, taking one topic after another (ids in order inside a topic). */
export function selectQuestions<Q extends { frontmatter: { topic?: string } } = SubjectiveQuestion>(questions: readonly Q[], count: number): Q[] {
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
