import { describe, expect, it } from 'vitest';
import { checkInput } from '../../src/core/errors/input-problems.js';
import { scriptEntrySchema } from '../../src/cli/interview/script-entry.js';

const read = (document: unknown) => checkInput(scriptEntrySchema(document), document);
const question = { kind: 'question', pass: false, notAsked: false, concepts: 'accept', keywords: 'accept', redFlags: 'accept', followUp: { tier: 'none', probe: { pass: false, ticks: 'accept' } } };

describe('reading a script document', () => {
  it.each([
    [{ quit: true }, { kind: 'quit' }],
    [{ decision: 'hire', reason: 'Strong on failure cases' }, { kind: 'decision', decision: 'hire', reason: 'Strong on failure cases' }],
    [{ notes: 42, rating: 'good', reason: 'x' }, { ...question, notes: '42', rating: 'good', reason: 'x' }],
    [{ pass: true, concepts: 'none', keywords: ['a'], red_flags: { add: ['b'] } }, { ...question, pass: true, concepts: { only: [] }, keywords: { only: ['a'] }, redFlags: { add: ['b'], remove: [] } }],
    [{ follow_up: 'weak' }, { ...question, followUp: { tier: 'weak', probe: { pass: false, ticks: 'accept' } } }],
    [{ follow_up: { notes: 'n', ticks: ['x'] } }, { ...question, followUp: { tier: 'suggested', probe: { notes: 'n', pass: false, ticks: { only: ['x'] } } } }],
    [{ bar_raiser: true }, { ...question, barRaiser: { pass: false, ticks: 'accept' } }],
    [{ bar_raiser: false }, question],
    [{ bar_raiser: { pass: true } }, { ...question, barRaiser: { pass: true, ticks: 'accept' } }],
  ])('%j', (document, entry) => {
    expect(read(document)).toMatchObject({ ok: true, data: entry });
  });

  it.each([
    [{ notes: 'x', quit: true }, ['quit'], 'Unknown key "quit" (expected id, notes, pass, not_asked, concepts, keywords, red_flags, follow_up, bar_raiser, rating, reason)'],
    [{ decision: 'maybe' }, ['decision'], 'Expected one of confirm, strong_hire, hire, no_hire, strong_no_hire, no_decision for "decision", got "maybe"'],
    [{ rating: 'great' }, ['rating'], 'Expected one of excellent, good, needs_improvement, insufficient for "rating", got "great"'],
    [{ concepts: 'all' }, ['concepts'], '"concepts" expects "accept", "none", a list of names, or {add: […], remove: […]}, got the text "all"'],
    [{ follow_up: { tier: 'weak', asked: true } }, ['follow_up', 'asked'], 'Unknown key "asked" in "follow_up" (expected tier, notes, pass, ticks)'],
    [{ bar_raiser: { tier: 'weak' } }, ['bar_raiser', 'tier'], 'Unknown key "tier" in "bar_raiser" (expected notes, pass, ticks)'],
    [{ bar_raiser: 3 }, ['bar_raiser'], '"bar_raiser" expects true, or a mapping with notes and ticks, got the number 3'],
  ])('%j: at %j', (document, path, message) => {
    expect(read(document)).toEqual({ ok: false, problems: [{ path, message }] });
  });
});
