import type { Question } from '../model/question.js';
import type { Span } from '../model/position.js';
import { sectionSpecs } from '../model/section-keys.js';

/** Where a missing section belongs: the next present heading (or the end of the file), and words for the message. */
export function missingSectionPlace(question: Question, key: string, lineCount: number): { span: Span; heading: string; where: string } {
  const specs = sectionSpecs(question.type);
  const index = specs.findIndex((spec) => spec.key === key);
  const spec = specs[index];
  const present = new Map<string, Span>();
  for (const section of question.sections) if (!present.has(section.key)) present.set(section.key, section.span);
  const before = specs.slice(0, Math.max(0, index)).reverse().find((s) => present.has(s.key));
  const after = index === -1 ? undefined : specs.slice(index + 1).find((s) => present.has(s.key));
  const anchor = after ? present.get(after.key) : undefined;
  return {
    span: anchor ?? { start: { line: lineCount, column: 1 }, end: { line: lineCount, column: 1 } },
    heading: `${'#'.repeat(spec?.depth ?? 2)} ${key}`,
    where: before ? `after "${before.key}"` : after ? `before "${after.key}"` : 'to the file',
  };
}
