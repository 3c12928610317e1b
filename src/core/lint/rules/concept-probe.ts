import { createRule } from '../create-rule.js';
import type { RuleContext } from '../rule.js';
import type { Concept, ConceptProbe } from '../../model/elements.js';
import { stemmer } from 'stemmer';
import { forEachToken } from '../../score/tokenize.js';

/** Words of a concept name that do not name anything on their own. */
const FUNCTION_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'how', 'in', 'into', 'is', 'it', 'its',
  'not', 'of', 'on', 'or', 'over', 'per', 'than', 'that', 'the', 'to', 'under', 'versus', 'via', 'vs', 'what',
  'when', 'where', 'which', 'who', 'why', 'with',
]);

/** `Leader's`, `leaders` and `leader` are one word; so are `latencies` and `latency` (Porter stems, words come lower-cased). */
function wordKey(word: string): string {
  return stemmer(word.replace(/['’]s$/, ''));
}

/** The words of a text with their offsets in it (numbers included: `2PC`, `p99`). */
function words(text: string): Array<{ word: string; key: string; start: number; end: number }> {
  const found: Array<{ word: string; key: string; start: number; end: number }> = [];
  forEachToken(text, (kind, token, start, end) => {
    if (kind === 'word' || kind === 'number') found.push({ word: token, key: wordKey(token), start, end });
  });
  return found;
}

/** The words of the name that a probe must not all say: its content words, the parenthesis left out. */
function nameWords(name: string): string[] {
  const stripped = name.replace(/\([^)]*\)/g, ' ').trim() || name;
  return [...new Set(words(stripped).filter((w) => !FUNCTION_WORDS.has(w.word)).map((w) => w.key))];
}

/**
 * Where a probe gives its concept away: the first place it says each content word of the name,
 * from the earliest to the latest (file offsets); undefined when some word is missing.
 */
function naming(concept: Concept, probe: ConceptProbe, context: RuleContext): { start: number; end: number; said: string } | undefined {
  const wanted = nameWords(concept.name);
  if (wanted.length === 0) return undefined;
  const base = context.lines.offsetAt(probe.textSpan.start);
  const said = words(context.text.slice(base, context.lines.offsetAt(probe.textSpan.end)));
  const at = wanted.map((key) => said.findIndex((w) => w.key === key));
  if (at.includes(-1)) return undefined;
  const order = [...at].sort((a, b) => a - b);
  const hits = order.map((i) => said[i]!);
  const start = base + hits[0]!.start;
  const end = base + hits[hits.length - 1]!.end;
  // Side by side they are quoted as one phrase (`log compaction`), else word by word.
  const adjacent = order.every((i, n) => n === 0 || i === order[n - 1]! + 1);
  const text = (w: { start: number; end: number }) => context.text.slice(base + w.start, base + w.end);
  return { start, end, said: adjacent ? context.text.slice(start, end).replace(/\s+/g, ' ') : hits.map(text).join('", "') };
}

export const conceptProbe = createRule({
  id: 'concept-probe',
  severity: 'error',
  description: 'A concept\'s `Probe:` line is one question that does not name the concept, written under its bullet.',
  messages: {
    empty: 'The "Probe:" line of concept "{{name}}" is empty; write the question an interviewer asks to draw the concept out, or remove the line',
    notQuestion: 'The probe of concept "{{name}}" is not a question; end it with "?" and write it as the interviewer would ask it',
    namesConcept: 'The probe of concept "{{name}}" says "{{said}}", which names the concept; ask about the idea without the words of its name, so that the candidate has to bring it up',
    duplicate: 'Concept "{{name}}" already has a probe (line {{line}}); keep one "Probe:" line per concept, only the first is used',
    stray: 'This "Probe:" bullet is read as a concept of its own; indent it under the concept bullet it belongs to, so that it is that concept\'s probe',
  },
  check(question, context) {
    if (question.type !== 'subjective') return;
    for (const concept of [...question.core.concepts, ...question.bonus.concepts]) {
      if (concept.name.trim().toLowerCase() === 'probe') {
        context.report({ messageId: 'stray', span: concept.span });
        continue;
      }
      const { probe } = concept;
      if (!probe) continue;
      const name = concept.name;
      if (probe.text.trim() === '') {
        context.report({ messageId: 'empty', span: probe.span, data: { name } });
      } else {
        if (!probe.text.trimEnd().endsWith('?')) context.report({ messageId: 'notQuestion', span: probe.textSpan, data: { name } });
        const named = naming(concept, probe, context);
        if (named) context.report({ messageId: 'namesConcept', span: context.lines.spanAt(named.start, named.end), data: { name, said: named.said } });
      }
      for (const extra of concept.extraProbes ?? []) {
        context.report({ messageId: 'duplicate', span: extra.span, data: { name, line: probe.span.start.line } });
      }
    }
  },
});
