import { createRule } from '../create-rule.js';
import { EXERCISE_KEY, sectionSpecs } from '../../model/section-keys.js';

/** Indexes of a longest non-decreasing run of `ranks` (the sections that are in order). */
function inOrder(ranks: readonly number[]): Set<number> {
  const length = ranks.map(() => 1);
  const previous = ranks.map(() => -1);
  for (let i = 0; i < ranks.length; i++) {
    for (let j = 0; j < i; j++) {
      if ((ranks[j] as number) <= (ranks[i] as number) && (length[j] as number) + 1 > (length[i] as number)) {
        length[i] = (length[j] as number) + 1;
        previous[i] = j;
      }
    }
  }
  let end = length.indexOf(Math.max(0, ...length));
  const kept = new Set<number>();
  for (; end !== -1; end = previous[end] as number) kept.add(end);
  return kept;
}

export const sectionOrder = createRule({
  id: 'section-order',
  severity: 'warning',
  description: 'Sections follow the documented order, so every file reads the same way.',
  messages: {
    order: 'Section "{{key}}" is out of the documented order; move it {{where}}',
  },
  check(question, context) {
    const specs = sectionSpecs(question.type);
    const container = specs.findIndex((spec) => spec.key === 'improvement_exercises');
    const rank = (key: string): number => {
      const index = specs.findIndex((spec) => spec.key === key);
      if (index !== -1) return index;
      // Exercises sit inside improvement_exercises, in their own number order.
      const exercise = EXERCISE_KEY.exec(key);
      return exercise && container !== -1 ? container + 1 - 1 / (1 + Number(exercise[1])) : -1;
    };
    const seen = new Set<string>();
    const placed = question.sections.filter((section) => {
      if (!section.known || seen.has(section.key) || rank(section.key) === -1) return false;
      seen.add(section.key);
      return true;
    });
    const ranks = placed.map((section) => rank(section.key));
    const kept = inOrder(ranks);
    placed.forEach((section, i) => {
      if (kept.has(i)) return;
      const own = ranks[i] as number;
      let before: string | undefined;
      let after: string | undefined;
      placed.forEach((other, j) => {
        if (!kept.has(j)) return;
        const r = ranks[j] as number;
        if (r <= own) before = other.key;
        else after ??= other.key;
      });
      const where = before ? `after "${before}"` : `before "${after ?? 'the end'}"`;
      context.report({ messageId: 'order', span: section.span, data: { key: section.key, where } });
    });
  },
});
