import type { History } from './history.js';
import { isDue } from './srs.js';

export interface SelectionOptions {
  /** How many questions; defaults to `defaultCount`. */
  count?: number;
  /** Only questions that spaced repetition says are due. */
  due?: boolean;
  /** Exactly these questions, in this order. */
  ids?: readonly string[];
}

export const DEFAULT_PRACTICE_COUNT = 3;

/** What selection reads of a question: its model or its bank summary. */
export interface Selectable {
  frontmatter: { id: string; topic?: string };
}

/**
 * Picks what to practise from the questions that pass the user's filters: named ids as given;
 * `due` questions soonest-due first; otherwise unseen questions first, then the weakest topics,
 * then the least recently practised, taking one topic after another.
 */
export function selectQuestions<Q extends Selectable>(candidates: readonly Q[], history: History, options: SelectionOptions, now: Date): Q[] {
  if (options.ids && options.ids.length > 0) {
    const byId = new Map(candidates.map((q) => [q.frontmatter.id, q]));
    return options.ids.map((id) => byId.get(id)).filter((q): q is Q => q !== undefined);
  }
  const count = options.count ?? DEFAULT_PRACTICE_COUNT;
  if (options.due) {
    return candidates
      .flatMap((question) => {
        const card = history.card(question.frontmatter.id);
        return card && isDue(card, now) ? [{ question, due: card.due }] : [];
      })
      .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
      .slice(0, count)
      .map((entry) => entry.question);
  }
  const averages = history.topicAverages();
  const lastPractised = (q: Q) => history.attemptsOf(q.frontmatter.id).at(-1)?.answeredAt ?? '';
  const topicAverage = (q: Q) => averages.get(q.frontmatter.topic ?? '-') ?? -1;
  const ranked = [...candidates].sort((a, b) => {
    const seen = Number(history.seen(a.frontmatter.id)) - Number(history.seen(b.frontmatter.id));
    if (seen !== 0) return seen;
    const weak = topicAverage(a) - topicAverage(b);
    if (weak !== 0) return weak;
    const recent = lastPractised(a).localeCompare(lastPractised(b));
    if (recent !== 0) return recent;
    return a.frontmatter.id.localeCompare(b.frontmatter.id);
  });
  return spreadTopics(ranked, (q) => history.seen(q.frontmatter.id)).slice(0, count);
}

/**
 * Among questions of the same standing (unseen, or seen), takes one per topic in turn, in rank
 * order, so a session of three does not draw all three from the first topic in the alphabet.
 */
function spreadTopics<Q extends Selectable>(ranked: readonly Q[], seen: (q: Q) => boolean): Q[] {
  const out: Q[] = [];
  for (const group of [ranked.filter((q) => !seen(q)), ranked.filter(seen)]) {
    const queues = new Map<string, Q[]>();
    for (const question of group) {
      const topic = question.frontmatter.topic ?? '-';
      const queue = queues.get(topic);
      if (queue) queue.push(question);
      else queues.set(topic, [question]);
    }
    // Round-robin over the topics by position, not shift(): a topic can hold thousands.
    const lists = [...queues.values()];
    for (let round = 0; lists.length > 0; round++) {
      for (let i = 0; i < lists.length; i++) {
        const list = lists[i] as Q[];
        if (round < list.length) out.push(list[round] as Q);
      }
      for (let i = lists.length - 1; i >= 0; i--) if (round + 1 >= (lists[i] as Q[]).length) lists.splice(i, 1);
    }
  }
  return out;
}
