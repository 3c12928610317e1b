/** One line of a calibrate input, read: a graded answer, nothing (a blank line), or why it cannot be used. */
export type GradedLine =
  | { kind: 'graded'; question: string; answer: string; grade: number }
  | { kind: 'blank' }
  | { kind: 'invalid'; message: string };

const SHAPE = 'each line is {"question": "<id or path>", "answer": "…", "grade": <number>}';

/** Reads one line of JSON Lines input: `{"question", "answer", "grade"}`, other fields ignored. */
export function parseGradedLine(text: string): GradedLine {
  if (text.trim() === '') return { kind: 'blank' };
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return { kind: 'invalid', message: `The line is not valid JSON; ${SHAPE}` };
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return { kind: 'invalid', message: `The line is not a JSON object; ${SHAPE}` };
  const { question, answer, grade } = record as Record<string, unknown>;
  if (question === undefined) return { kind: 'invalid', message: '"question" is missing; give the question\'s id or the path of its file' };
  if (typeof question !== 'string' || question.trim() === '') return { kind: 'invalid', message: '"question" must be a question id or a file path' };
  if (answer === undefined) return { kind: 'invalid', message: '"answer" is missing; give the answer\'s text' };
  if (typeof answer !== 'string') return { kind: 'invalid', message: '"answer" must be a string' };
  if (answer.trim() === '') return { kind: 'invalid', message: '"answer" is empty' };
  if (grade === undefined || grade === null) return { kind: 'invalid', message: '"grade" is missing; give the grade as a number' };
  if (typeof grade !== 'number') {
    const shown = typeof grade === 'string' ? `the string "${grade.length > 20 ? `${grade.slice(0, 20)}…` : grade}"` : Array.isArray(grade) ? 'a list' : `a ${typeof grade}`;
    const hint = typeof grade === 'string' && grade.trim() !== '' && Number.isFinite(Number(grade)) ? '; write it without quotes' : '';
    return { kind: 'invalid', message: `"grade" must be a number, got ${shown}${hint}` };
  }
  return { kind: 'graded', question: question.trim(), answer, grade };
}

/** A `--scale MIN-MAX` value: `0-5`, `1-10`, `0-100`, `-2-2`; or why it is not one. */
export function parseScale(text: string): { min: number; max: number } | string {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(?:-|–|\.\.|:)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return `--scale expects MIN-MAX, such as 0-5 or 1-10, got "${text}"`;
  const min = Number(match[1]);
  const max = Number(match[2]);
  if (!(min < max)) return `--scale ${text}: the lowest grade must be below the highest`;
  return { min, max };
}
