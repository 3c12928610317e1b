import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BANK_RULES, type BankRuleId } from '../../src/core/lint/bank-rules/index.js';
import { bankEntry } from '../../src/core/lint/bank-entry.js';
import { RULES, type RuleId } from '../../src/core/lint/index.js';
import { lintParsed } from '../../src/core/lint/run.js';
import { lintBankEntries } from '../../src/core/lint/run-bank.js';
import { FACT_KINDS } from '../../src/core/parse/facts.js';
import { parseQuestion } from '../../src/core/parse/parse-question.js';
import { readQuestionFile } from '../../src/adapters/question-files.js';
import { REPO_ROOT, fixture } from '../helpers/fixtures.js';
import { runCli } from '../helpers/cli.js';
import { edit, lintAll, positionOf } from './lint-helpers.js';

interface Case {
  name: string;
  text: string;
  /** Expected findings of the rule under test: [line, column]. Empty for a passing case. */
  expected: Array<[number, number]>;
}

const valid = fixture('valid-subjective.md');
const validMcq = fixture('valid-mcq.md');
const at = (text: string, needle: string, offset = 0) => positionOf(text, needle, offset);
const lastLine = (text: string): [number, number] => [text.split('\n').length, 1];
/** The line after the first line that starts with `heading`. */
const lineAfter = (text: string, heading: string) => text.split('\n').findIndex((line) => line.startsWith(heading)) + 2;

/** Table of cases per rule id: every rule has at least one passing and one failing case. */
const CASES: Partial<Record<RuleId, Case[]>> = {};
function cases(ruleId: RuleId, list: Case[]) {
  CASES[ruleId] = list;
}

// Files
// (file-encoding and file-too-large are found before parsing: see "rules found while reading" below.)
{
  // Every cap has its own cases in too-complex.test.ts.
  const deep = edit(valid, [['size its worker pool?"\n', `size its worker pool?"\n\n${'> '.repeat(17)}deep\n`]]);
  cases('file-too-complex', [
    { name: 'a file within every cap', text: valid, expected: [] },
    { name: 'a line opening 17 quotes: at the 17th', text: deep, expected: [at(deep, '> '.repeat(17), 32)] },
  ]);
}

// Frontmatter
{
  const none = valid.replace(/^---[\s\S]*?\n---\n/, '');
  cases('frontmatter-missing', [
    { name: 'opens with ---', text: valid, expected: [] },
    { name: 'no frontmatter at all', text: none, expected: [[1, 1]] },
  ]);
  const unclosed = '---\nid: x-1\ntype: mcq\n\n## question\nWhat?\n';
  cases('frontmatter-unclosed', [
    { name: 'closed', text: validMcq, expected: [] },
    { name: 'no closing ---', text: unclosed, expected: [[1, 1]] },
  ]);
  cases('frontmatter-language', [
    { name: 'yaml', text: valid, expected: [] },
    { name: '---js', text: valid.replace(/^---\n/, '---js\n'), expected: [[1, 4]] },
  ]);
  const badYaml = edit(valid, [['tags: [queueing, capacity]', 'tags: [queueing, capacity']]);
  cases('frontmatter-yaml', [
    { name: 'well-formed', text: valid, expected: [] },
    { name: 'unclosed flow list: reported where the list was expected to end', text: badYaml, expected: [at(badYaml, 'day: 3')] },
  ]);
  cases('frontmatter-required', [
    { name: 'all fields', text: valid, expected: [] },
    { name: 'topic missing: at the closing ---', text: edit(valid, [['topic: performance\n', '']]), expected: [[10, 1]] },
    { name: 'estimated_time misspelt: at the closing ---', text: edit(valid, [['estimated_time:', 'estimated_tme:']]), expected: [[11, 1]] },
  ]);
  cases('frontmatter-enum', [
    { name: 'L3', text: valid, expected: [] },
    { name: 'L9', text: edit(valid, [['level: L3', 'level: L9']]), expected: [[4, 1]] },
  ]);
  cases('frontmatter-type', [
    { name: 'tags as a list', text: valid, expected: [] },
    { name: 'tags as a number', text: edit(valid, [['tags: [queueing, capacity]', 'tags: 5']]), expected: [[9, 1]] },
  ]);
  cases('frontmatter-id-format', [
    { name: 'file-name safe', text: valid, expected: [] },
    { name: 'spaces and !', text: edit(valid, [['id: fixture-littles-law-L3-001', 'id: bad id!']]), expected: [[2, 1]] },
  ]);
  cases('frontmatter-estimated-time', [
    { name: '5-7 minutes', text: valid, expected: [] },
    { name: 'not a budget', text: edit(valid, [['estimated_time: 5-7 minutes', 'estimated_time: soon']]), expected: [[8, 1]] },
  ]);
  const enDash = edit(valid, [['estimated_time: 5-7 minutes', 'estimated_time: 5–7 min']]);
  const quoted = edit(valid, [['estimated_time: 5-7 minutes', 'estimated_time: "7"']]);
  cases('frontmatter-estimated-time-style', [
    { name: 'canonical', text: valid, expected: [] },
    { name: 'en dash and "min"', text: enDash, expected: [[8, 17]] },
    { name: 'a bare number in quotes', text: quoted, expected: [[8, 17]] },
  ]);
  const typo = edit(valid, [['day: 3', 'leve: L3']]);
  cases('frontmatter-unknown-key', [
    { name: 'known keys', text: valid.replace('day: 3\n', ''), expected: [] },
    { name: 'a misspelt key', text: typo, expected: [at(typo, 'leve: L3')] },
    { name: 'a misspelt required key, in a file that does not load', text: edit(valid, [['estimated_time:', 'estimated_tme:']]), expected: [[8, 1]] },
  ]);
}

// Sections
{
  const noTitle = edit(valid, [["# question_title - Sizing a Worker Pool with Little's Law\n", '']]);
  const noMetadata = edit(valid, [[/## metadata[\s\S]*$/, '']]);
  const noBarRaiser = edit(valid, [[/## bar_raiser_question[\s\S]*?(?=## metadata)/, '']]);
  const noBarRaiserConcepts = edit(valid, [[/### bar_raiser_concepts[\s\S]*?(?=## metadata)/, '']]);
  const noWeak = edit(valid, [[/## follow_up_weak[\s\S]*?(?=## bar_raiser_question)/, '']]);
  const noKeywords = edit(valid, [[/### expected_keywords[\s\S]*?(?=## peripheral_concepts)/, '']]);
  const mcqNoOptions = validMcq.replace(/## options[\s\S]*?(?=## answer)/, '');
  const underContainer = edit(valid, [['### mandatory_concepts\n', '']]);
  const nothingUnderContainer = edit(valid, [[/### mandatory_concepts[\s\S]*?(?=### expected_keywords)/, '']]);
  cases('section-required', [
    { name: 'all sections present', text: valid, expected: [] },
    { name: 'title missing: points at the next section', text: noTitle, expected: [at(noTitle, '## main_question')] },
    { name: 'expected_keywords missing: points at the next section', text: noKeywords, expected: [at(noKeywords, '## peripheral_concepts')] },
    { name: 'mcq without options', text: mcqNoOptions, expected: [at(mcqNoOptions, '## answer')] },
    { name: 'a missing follow-up tier is follow-up-tier\'s finding', text: noWeak, expected: [] },
    { name: 'missing metadata is section-recommended\'s finding', text: noMetadata, expected: [] },
    { name: 'a missing bar raiser is section-recommended\'s finding', text: noBarRaiser, expected: [] },
    { name: 'concepts straight under core_concepts stand in for mandatory_concepts', text: underContainer, expected: [] },
    { name: 'no mandatory_concepts and no concepts under core_concepts', text: nothingUnderContainer, expected: [at(nothingUnderContainer, '### expected_keywords')] },
  ]);
  cases('section-recommended', [
    { name: 'bar raiser, its concepts and metadata present', text: valid, expected: [] },
    { name: 'metadata missing: points at the end of the file', text: noMetadata, expected: [lastLine(noMetadata)] },
    { name: 'bar raiser missing: one finding, before metadata', text: noBarRaiser, expected: [at(noBarRaiser, '## metadata')] },
    { name: 'bar-raiser concepts missing: points at the next section', text: noBarRaiserConcepts, expected: [at(noBarRaiserConcepts, '## metadata')] },
    { name: 'multiple choice has no expected sections', text: validMcq, expected: [] },
  ]);
  const twice = edit(valid, [['## common_mistakes - Watch Out For', '## common_mistakes - Watch Out For\n- One\n\n## Common_Mistakes - Again']]);
  cases('section-duplicate', [
    { name: 'each key once', text: valid, expected: [] },
    { name: 'a key twice, case differs', text: twice, expected: [at(twice, '## Common_Mistakes - Again')] },
  ]);
  const empty = edit(valid, [[/(## sample_acceptable - Minimum Acceptable\n)"[^\n]*\n/, '$1']]);
  const untitled = edit(valid, [["# question_title - Sizing a Worker Pool with Little's Law", '# question_title']]);
  cases('section-empty', [
    { name: 'content everywhere', text: valid, expected: [] },
    { name: 'empty sample', text: empty, expected: [at(empty, '## sample_acceptable')] },
    { name: 'title without label', text: untitled, expected: [at(untitled, '# question_title')] },
  ]);
  const unknown = `${valid}\n## interviewer_notes - Private\nWatch the clock.\n`;
  cases('section-unknown', [
    { name: 'known keys only', text: valid, expected: [] },
    { name: 'an unknown key', text: unknown, expected: [at(unknown, '## interviewer_notes', 3)] },
  ]);
  const mistakes = /## common_mistakes[\s\S]*?(?=## follow_up_excellent)/;
  const block = mistakes.exec(valid)?.[0] ?? '';
  const moved = edit(valid.replace(mistakes, ''), [['## sample_excellent', `${block}## sample_excellent`]]);
  cases('section-order', [
    { name: 'documented order', text: valid, expected: [] },
    { name: 'common_mistakes moved before the samples', text: moved, expected: [at(moved, '## common_mistakes')] },
  ]);
  const spaced = edit(valid, [['## main_question - Core Question', '## Main_Question  -Core Question']]);
  const bare = edit(valid, [['## metadata', '## Metadata']]);
  cases('section-key-style', [
    { name: 'key - Label', text: valid, expected: [] },
    { name: 'case and spacing', text: spaced, expected: [at(spaced, 'Main_Question')] },
    { name: 'a key without label', text: bare, expected: [at(bare, 'Metadata')] },
  ]);
  const paragraph = edit(valid, [['- Confusing throughput with latency\n', '- Confusing throughput with latency\n\nA stray paragraph.\n']]);
  const stray = edit(valid, [['### mandatory_concepts\n', '- **Stray**: under the container\n\n### mandatory_concepts\n']]);
  cases('section-content', [
    { name: 'bullets only', text: valid, expected: [] },
    { name: 'a paragraph among bullets', text: paragraph, expected: [at(paragraph, 'A stray paragraph.')] },
    { name: 'a bullet under core_concepts when mandatory_concepts is there', text: stray, expected: [at(stray, '- **Stray**')] },
  ]);
}

// Rubric
{
  const bad = edit(valid, [['Nice to Have (40%)', 'Nice to Have (30%)']]);
  cases('weights-sum', [
    { name: '60 + 40', text: valid, expected: [] },
    { name: 'no weights written', text: edit(valid, [[' (60%)', ''], [' (40%)', '']]), expected: [] },
    { name: '60 + 30', text: bad, expected: [at(bad, '(30%)')] },
  ]);
  const one = edit(valid, [['- **Headroom**: Size the pool above the average to absorb bursts\n', '']]);
  cases('concept-count', [
    { name: 'two mandatory concepts', text: valid, expected: [] },
    { name: 'one', text: one, expected: [at(one, '### mandatory_concepts')] },
  ]);
  const bareName = edit(valid, [['- **Headroom**: Size the pool above the average to absorb bursts', '- **Headroom**']]);
  const unnamed = edit(valid, [['- **Headroom**: Size the pool above the average to absorb bursts', '- Headroom for bursts']]);
  cases('concept-description', [
    { name: 'every concept described', text: valid, expected: [] },
    { name: 'a bold name alone', text: bareName, expected: [at(bareName, '**Headroom**')] },
    { name: 'a bullet without bold name is concept-format\'s', text: unnamed, expected: [] },
  ]);
  const plainNamed = edit(valid, [['- **Utilisation Limit**: Queueing', '- Utilisation Limit: Queueing']]);
  const sentence = edit(valid, [['- **Tail Latency**: Percentiles matter more than the mean', '- Percentiles matter more than the mean']]);
  cases('concept-format', [
    { name: 'bold names', text: valid, expected: [] },
    { name: 'no bold name', text: unnamed, expected: [at(unnamed, '- Headroom for bursts')] },
    { name: '"Name: description" without bold, among bonus concepts', text: plainNamed, expected: [at(plainNamed, '- Utilisation Limit')] },
    { name: 'a plain sentence', text: sentence, expected: [at(sentence, '- Percentiles matter')] },
  ]);
  const underContainer = edit(valid, [['### mandatory_concepts\n', '']]);
  const bonusUnderContainer = edit(valid, [['### bonus_concepts\n', '']]);
  const bothHeadings = edit(valid, [['### mandatory_concepts\n', '- **Stray**: under the container\n\n### mandatory_concepts\n']]);
  cases('concept-section', [
    { name: 'concepts under their headings', text: valid, expected: [] },
    { name: 'mandatory concepts straight under core_concepts: at the first', text: underContainer, expected: [at(underContainer, "- **Little's Law**")] },
    { name: 'bonus concepts straight under peripheral_concepts', text: bonusUnderContainer, expected: [at(bonusUnderContainer, '- **Utilisation Limit**')] },
    { name: 'with the sub-heading present, the stray bullet is section-content\'s', text: bothHeadings, expected: [] },
  ]);
  const sameConcept = edit(valid, [['- **Tail Latency**:', '- **headroom**: again\n- **Tail Latency**:']]);
  const sameKeyword = edit(valid, [['- Related: queueing, p99, burst', '- Related: queueing, p99, burst, Latency']]);
  cases('concept-overlap', [
    { name: 'distinct lists', text: valid, expected: [] },
    { name: 'a concept in both', text: sameConcept, expected: [at(sameConcept, '**headroom**')] },
    { name: 'a keyword in both', text: sameKeyword, expected: [at(sameKeyword, 'Latency\n')] },
  ]);
  {
    const HEADROOM = '- **Headroom**: Size the pool above the average to absorb bursts';
    const TAIL = '- **Tail Latency**: Percentiles matter more than the mean';
    const probe = (line: string) => edit(valid, [[HEADROOM, `${HEADROOM}\n  ${line}`]]);
    const good = probe('Probe: Why not run exactly twenty workers?');
    const forms = edit(valid, [
      [HEADROOM, `${HEADROOM}\n  - **Probe**: "Why not run exactly\n    twenty workers?"`],
      [TAIL, `${TAIL}\n\n  probe: Which figure would you put on a dashboard for the slowest users?`],
    ]);
    const statement = probe('Probe: Ask why twenty workers would not do');
    const named = probe('Probe: How much headroom would you leave?');
    const plural = edit(valid, [[TAIL, `${TAIL}\n  Probe: Which of the latencies would you watch: is the tail the one?`]]);
    const bothWords = edit(valid, [["- **Little's Law**: Concurrency equals arrival rate multiplied by time in system", "- **Little's Law**: Concurrency equals arrival rate multiplied by time in system\n  Probe: Which law relates the figures, and who was Little?"]]);
    const oneWord = edit(valid, [[TAIL, `${TAIL}\n  Probe: Where in the latency distribution would you look?`]]);
    const empty = probe('Probe:');
    const twice = probe('Probe: Why not run exactly twenty workers?\n  Probe: What happens in a burst?');
    const stray = edit(valid, [[HEADROOM, `${HEADROOM}\n- Probe: Why not run exactly twenty workers?`]]);
    cases('concept-probe', [
      { name: 'no probes', text: valid, expected: [] },
      { name: 'a question that does not name the concept', text: good, expected: [] },
      { name: 'a bold key on a nested bullet, quoted and wrapped; a lower-case key after a blank line, on a bonus concept', text: forms, expected: [] },
      { name: 'one word of a two-word name is not the name', text: oneWord, expected: [] },
      { name: 'not a question: at the question', text: statement, expected: [at(statement, 'Ask why')] },
      { name: 'the name said: where it is said', text: named, expected: [at(named, 'headroom would')] },
      { name: 'every word of the name, apart and in another order: from the first said', text: bothWords, expected: [at(bothWords, 'law relates')] },
      { name: 'the name in the plural and split across the probe', text: plural, expected: [at(plural, 'latencies')] },
      { name: 'an empty probe: at the key', text: empty, expected: [at(empty, 'Probe:')] },
      { name: 'a second probe: at the second', text: twice, expected: [at(twice, 'Probe: What')] },
      { name: 'a probe bullet not under a concept: at the bullet', text: stray, expected: [at(stray, '- Probe:')] },
    ]);
  }
  const unused = edit(valid, [['- Figures: 20 requests, 400 per second', '- Figures: 20 requests, 400 per second, zookeeper']]);
  cases('keyword-in-samples', [
    { name: 'every keyword in a sample', text: valid, expected: [] },
    { name: 'a keyword no sample uses', text: unused, expected: [at(unused, 'zookeeper')] },
  ]);
  const weakExcellent = edit(valid, [[/(## sample_excellent - Example Excellence\n)"[^\n]*"/, '$1"By Little\'s Law it is about 20."']]);
  cases('sample-excellent-band', [
    { name: 'the model answer is excellent', text: valid, expected: [] },
    { name: 'a thin model answer', text: weakExcellent, expected: [at(weakExcellent, '"By Little')] },
  ]);
  const excellentText = /## sample_excellent - Example Excellence\n("[^\n]*")/.exec(valid)?.[1] ?? '';
  const acceptableText = /## sample_acceptable - Minimum Acceptable\n("[^\n]*")/.exec(valid)?.[1] ?? '';
  const failing = edit(valid, [[acceptableText, '"It depends on the load, so I would measure it first."']]);
  const swapped = edit(valid, [[excellentText, '@@A@@'], [acceptableText, excellentText], ['@@A@@', acceptableText]]);
  cases('sample-acceptable-score', [
    { name: 'passes, below the excellent one', text: valid, expected: [] },
    { name: 'does not pass', text: failing, expected: [at(failing, '"It depends')] },
    { name: 'the samples swapped', text: swapped, expected: [[lineAfter(swapped, '## sample_acceptable'), 1]] },
  ]);
}

// Follow-ups, bar raiser, metadata
{
  const noWeak = edit(valid, [[/## follow_up_weak[\s\S]*?(?=## bar_raiser_question)/, '']]);
  cases('follow-up-tier', [
    { name: 'three tiers', text: valid, expected: [] },
    { name: 'no foundation check', text: noWeak, expected: [at(noWeak, '## bar_raiser_question')] },
  ]);
  const noQuestion = edit(valid, [['**Question**: "The latency doubles during a slow database period. What happens to the pool?"\n', '']]);
  cases('follow-up-question', [
    { name: 'each has a question', text: valid, expected: [] },
    { name: 'probes without a question', text: noQuestion, expected: [at(noQuestion, '## follow_up_excellent')] },
  ]);
  const higher = edit(valid, [['L3→L4 Challenge', 'L4→L5 Challenge']]);
  const down = edit(valid, [['L3→L4 Challenge', 'L3→L2 Challenge']]);
  const mojibake = edit(valid, [['L3→L4 Challenge', 'L3â†’L4 Challenge']]);
  cases('bar-raiser-level', [
    { name: 'L3→L4 on an L3 question', text: valid, expected: [] },
    { name: 'the mis-encoded arrow still reads', text: mojibake, expected: [] },
    { name: 'L4→L5 on an L3 question', text: higher, expected: [at(higher, 'L4→L5')] },
    { name: 'a step down', text: down, expected: [at(down, 'L3→L2')] },
  ]);
  const missingFile = edit(valid, [['See GUIDELINES.md', 'See [the rubric](docs/RUBRIC.md)']]);
  cases('metadata-rubric-file', [
    { name: 'GUIDELINES.md exists', text: valid, expected: [] },
    { name: 'a link to a missing file', text: missingFile, expected: [at(missingFile, 'docs/RUBRIC.md')] },
  ]);
}

// The hint a candidate is shown with a follow-up
{
  const hintOnly = edit(valid, [['- **Concept testing**: Applying the formula\n', '']]);
  const lookingForHint = edit(valid, [['- **Hint embedded**: Multiply the rate by the new time', '- **Looking for**: Multiply the rate by the new time, concurrency doubles\n- **Hint embedded**: Multiply the rate by the new time']]);
  const simplificationOnly = edit(valid, [['- **Building block**: Rate times time\n', '']]);
  cases('follow-up-hint-graded', [
    { name: 'a hint beside the line that is graded', text: valid, expected: [] },
    { name: 'the guided probe has only its hint: it is what is graded', text: hintOnly, expected: [at(hintOnly, '- **Hint embedded**')] },
    { name: 'a Looking for item that is the hint word for word', text: lookingForHint, expected: [at(lookingForHint, '- **Hint embedded**')] },
    { name: 'the foundation check has only its simplification', text: simplificationOnly, expected: [at(simplificationOnly, '- **Simplification**')] },
  ]);
}

// Text
{
  const tabbed = edit(valid, [['- Related: queueing, p99, burst', '- Related:\tqueueing, p99, burst']]);
  const title = edit(valid, [['Sizing a Worker Pool', 'Sizing a \u001b]0;pwned\u0007Worker Pool']]);
  const bells = edit(valid, [['- Confusing throughput', '- Confusing\u0007\u0007\u0007 throughput']]);
  const bidi = edit(valid, [['**Headroom**', '**Head\u202eroom**']]);
  const c1 = edit(valid, [['arrival rate, concurrency', 'arrival rate, \u009b2Jconcurrency']]);
  const escaped = edit(valid, [['subtopic: queueing', 'subtopic: "que\\e[8mueing"']]);
  const rawInYaml = edit(valid, [['subtopic: queueing', 'subtopic: "que\u001b[8mueing"']]);
  cases('text-control-character', [
    { name: 'tabs and line breaks only', text: tabbed, expected: [] },
    { name: 'an OSC title sequence in the title: ESC and BEL', text: title, expected: [at(title, '\u001b'), at(title, '\u0007')] },
    { name: 'a run of BELs: one finding', text: bells, expected: [at(bells, '\u0007')] },
    { name: 'a right-to-left override in a concept', text: bidi, expected: [at(bidi, '\u202e')] },
    { name: 'an 8-bit CSI in the keywords', text: c1, expected: [at(c1, '\u009b')] },
    { name: 'a YAML escape in the frontmatter: at its key', text: escaped, expected: [at(escaped, 'subtopic:')] },
    { name: 'a raw ESC in a YAML value: where it is, once', text: rawInYaml, expected: [at(rawInYaml, '\u001b')] },
  ]);
  const arrow = edit(valid, [['L3→L4 Challenge', 'L3â†’L4 Challenge']]);
  const apostrophe = edit(valid, [["Little's Law says concurrency", 'Littleâ€™s Law says concurrency']]);
  cases('text-mojibake', [
    { name: 'clean UTF-8, arrows and accents included', text: edit(valid, [['Watch Out For', 'Watch Out For — café']]), expected: [] },
    { name: 'â†’ in the bar-raiser heading', text: arrow, expected: [at(arrow, 'â†’')] },
    { name: 'â€™ in a sample', text: apostrophe, expected: [at(apostrophe, 'â€™')] },
  ]);
  const unclosed = edit(valid, [['how would you size its worker pool?"', 'how would you size its worker pool?']]);
  const stray = edit(valid, [['The pool should be somewhat larger', 'The "pool should be somewhat larger']]);
  const unopened = edit(valid, [['"A service receives 400', 'A service receives 400']]);
  cases('text-quotes', [
    { name: 'balanced', text: valid, expected: [] },
    { name: 'opening quote never closed', text: unclosed, expected: [at(unclosed, '"A service receives')] },
    { name: 'a stray quote inside', text: stray, expected: [at(stray, '"pool should')] },
    { name: 'closing quote without an opening one', text: unopened, expected: [at(unopened, 'worker pool?"', 12)] },
  ]);
  const misspeltDisable = `${valid}\n<!-- qbank-disable todo, frontmatter-unknown-kye -->\n`;
  const unknownDisable = `${valid.replace(/\n---\n/, '\n---\n<!-- qbank-disable no-such-thing -->\n')}`;
  cases('disable-unknown-rule', [
    { name: 'known ids, bank rules included', text: `${valid}\n<!-- qbank-disable todo, near-duplicate -->\n`, expected: [] },
    { name: 'a misspelt id at the end of the file', text: misspeltDisable, expected: [at(misspeltDisable, 'frontmatter-unknown-kye')] },
    { name: 'an id like no rule', text: unknownDisable, expected: [at(unknownDisable, 'no-such-thing')] },
  ]);
  const todo = edit(valid, [['- Sizing the pool at exactly the average concurrency', '- TODO another mistake']]);
  cases('todo', [
    { name: 'no placeholder', text: valid, expected: [] },
    { name: 'a TODO left', text: todo, expected: [at(todo, 'TODO')] },
  ]);
}

// Multiple choice
{
  const noLetter = edit(validMcq, [['- C) 20%', '- 20%']]);
  cases('mcq-option-format', [
    { name: 'lettered options', text: validMcq, expected: [] },
    { name: 'an option without a letter', text: noLetter, expected: [at(noLetter, '- 20%')] },
  ]);
  const wrong = edit(validMcq, [['## answer\nB', '## answer\nZ']]);
  cases('mcq-answer', [
    { name: 'B is an option', text: validMcq, expected: [] },
    { name: 'Z is not', text: wrong, expected: [at(wrong, 'Z\n')] },
  ]);
}

async function findings(text: string, ruleId: string): Promise<Array<[number, number]>> {
  return (await lintAll(text)).filter((d) => d.ruleId === ruleId).map((d) => [d.line, d.column]);
}

describe('lint rules', () => {
  for (const [ruleId, list] of Object.entries(CASES)) {
    describe(ruleId, () => {
      it.each(list.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
        expect(await findings(c.text, ruleId)).toEqual(c.expected);
      });
    });
  }
});

/** Rules found while reading a file, before it is parsed. */
const READ_CASES: Partial<Record<RuleId, Array<{ name: string; bytes: Buffer | ((file: string) => void); expected: Array<[number, number]> }>>> = {
  // (A file locked by its permissions is tested as a user they apply to: test/adapters/unreadable-bank.test.ts.)
  'file-unreadable': [
    { name: 'a regular file', bytes: Buffer.from(valid), expected: [] },
    { name: 'a FIFO, refused unopened', bytes: (file) => execFileSync('mkfifo', [file]), expected: [[1, 1]] },
  ],
  'file-encoding': [
    { name: 'UTF-8 with a BOM', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid)]), expected: [] },
    { name: 'a Latin-1 byte on line 16', bytes: Buffer.from(valid.replace('A service', 'A caf\u00e9 service'), 'latin1'), expected: [[16, 7]] },
  ],
  'file-too-large': [
    { name: 'small', bytes: Buffer.from(valid), expected: [] },
    { name: 'over 1 MiB', bytes: Buffer.from(`${valid}\n${'x'.repeat(1024 * 1024)}\n`), expected: [[1, 1]] },
  ],
};

describe('rules found while reading', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const [ruleId, list] of Object.entries(READ_CASES)) {
    it.each(list.map((c) => [`${ruleId}: ${c.name}`, c] as const))('%s', async (_name, c) => {
      const file = path.join(dir, 'q.md');
      rmSync(file, { force: true });
      if (typeof c.bytes === 'function') c.bytes(file);
      else writeFileSync(file, c.bytes);
      const parsed = await readQuestionFile(file, 'q.md');
      expect(lintParsed(parsed, 'q.md').filter((d) => d.ruleId === ruleId).map((d) => [d.line, d.column])).toEqual(c.expected);
    });
  }
});

/** Rules of the folder walk: each case builds a tree; findings are [path under it, line, column]. */
const WALK_CASES: Partial<Record<RuleId, Array<{ name: string; make: (dir: string) => void; expected: Array<[string, number, number]> }>>> = {
  // (A folder locked by its permissions is tested as a user they apply to: test/adapters/unreadable-bank.test.ts.)
  'folder-skipped': [
    { name: 'a linked folder', make: (dir) => (mkdirSync(path.join(dir, 'real')), writeFileSync(path.join(dir, 'real', 'q.md'), valid), symlinkSync(path.join(dir, 'real'), path.join(dir, 'link'))), expected: [] },
    { name: 'a link back to its parent', make: (dir) => (mkdirSync(path.join(dir, 'sub')), writeFileSync(path.join(dir, 'sub', 'q.md'), valid), symlinkSync('..', path.join(dir, 'sub', 'up'))), expected: [[path.join('sub', 'up'), 1, 1]] },
  ],
};

describe('rules of the folder walk', () => {
  for (const [ruleId, list] of Object.entries(WALK_CASES)) {
    it.each(list.map((c) => [`${ruleId}: ${c.name}`, c] as const))('%s', async (_name, c) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-walk-'));
      try {
        c.make(dir);
        const { stdout } = await runCli(['lint', '--no-cache', '--format', 'json', '.'], { cwd: dir });
        const report = JSON.parse(stdout) as { diagnostics: Array<{ ruleId: string; file: string; line: number; column: number }> };
        expect(report.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => [d.file, d.line, d.column])).toEqual(c.expected);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

/** Bank rules: each case is a set of files. */
const BANK_CASES: Partial<Record<BankRuleId, Array<{ name: string; files: Record<string, string>; expected: Array<[string, number, number]> }>>> = {};
{
  const other = edit(valid, [
    ['id: fixture-littles-law-L3-001', 'id: fixture-other-L3-001'],
    ["# question_title - Sizing a Worker Pool with Little's Law", '# question_title - Cache Hit Ratios'],
    [/## main_question - Core Question\n"[^\n]*"/, '## main_question - Core Question\n"Your cache serves 90% of reads from memory. What happens to the database when the hit ratio drops to 80%, and why is the effect so large?"'],
  ]);
  const reworded = edit(valid, [
    ['id: fixture-littles-law-L3-001', 'id: fixture-littles-law-L3-002'],
    ['How many requests are in flight on average', 'How many requests are in flight, on average'],
  ]);
  BANK_CASES['id-duplicate'] = [
    { name: 'distinct ids', files: { 'a.md': valid, 'b.md': other }, expected: [] },
    { name: 'the same id twice: both files named', files: { 'a.md': valid, 'b.md': edit(other, [['id: fixture-other-L3-001', 'id: fixture-littles-law-L3-001']]) }, expected: [['a.md', 2, 1], ['b.md', 2, 1]] },
  ];
  BANK_CASES['near-duplicate'] = [
    { name: 'different questions', files: { 'a.md': valid, 'b.md': other }, expected: [] },
    { name: 'a lightly reworded copy', files: { 'a.md': valid, 'b.md': reworded }, expected: [['b.md', 16, 1]] },
  ];
}

describe('bank rules', () => {
  for (const [ruleId, list] of Object.entries(BANK_CASES)) {
    it.each(list.map((c) => [`${ruleId}: ${c.name}`, c] as const))('%s', (_name, c) => {
      const entries = Object.entries(c.files).map(([file, text]) => {
        const { question } = parseQuestion(text, file);
        if (!question) throw new Error(`${file} did not parse`);
        return bankEntry(question, { signatures: true });
      });
      expect(lintBankEntries(entries).filter((d) => d.ruleId === ruleId).map((d) => [d.file, d.line, d.column])).toEqual(c.expected);
    });
  }
  it('names the other file in a duplicate id message', () => {
    const entries = ['a.md', 'b.md'].map((file) => bankEntry(parseQuestion(valid, file).question!));
    expect(lintBankEntries(entries).map((d) => d.message)).toEqual([
      'Question id "fixture-littles-law-L3-001" is also used by b.md; give one of the two questions a new id',
      'Question id "fixture-littles-law-L3-001" is also used by a.md; give one of the two questions a new id',
    ]);
  });
});

describe('rule meta', () => {
  const docs = readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8');
  const documented = [...docs.matchAll(/^### `([a-z0-9-]+)`/gm)].map((m) => m[1]);
  const allIds = [...RULES, ...BANK_RULES].map((r) => r.id);

  it('lists rules alphabetically with unique ids', () => {
    for (const list of [RULES, BANK_RULES]) {
      const ids = list.map((r) => r.id);
      expect(ids).toEqual([...ids].sort());
    }
    expect(new Set(allIds).size).toBe(allIds.length);
  });

  it('has a passing and a failing case for every rule, each failing case asserting positions', () => {
    const all: Record<string, Array<{ expected: unknown[] }> | undefined> = { ...CASES, ...READ_CASES, ...WALK_CASES, ...BANK_CASES };
    for (const id of allIds) {
      const list = all[id] ?? [];
      expect(list.some((c) => c.expected.length === 0), `${id} passing case`).toBe(true);
      expect(list.some((c) => c.expected.length > 0), `${id} failing case`).toBe(true);
    }
    expect(Object.keys(all).sort()).toEqual([...allIds].sort());
  });

  it('documents every rule, and nothing else', () => {
    expect([...documented].sort()).toEqual([...allIds].sort());
  });

  it('has a file per rule named after its id', async () => {
    for (const rule of RULES) {
      const module = (await import(`../../src/core/lint/rules/${rule.id}.ts`)) as Record<string, unknown>;
      expect(Object.values(module)).toContain(rule);
    }
    for (const rule of BANK_RULES) {
      const module = (await import(`../../src/core/lint/bank-rules/${rule.id}.ts`)) as Record<string, unknown>;
      expect(Object.values(module)).toContain(rule);
    }
  });

  it('gives every rule a one-line description and messages that say what to do', () => {
    // Messages that say what is wrong and what to do in one clause (as the parser always wrote them).
    const oneClause = new Set(['mcq-answer/noLetter', 'mcq-option-format/unreadable']);
    for (const rule of [...RULES, ...BANK_RULES]) {
      expect(rule.description, rule.id).toMatch(/^\S.*\.$|\)\.?$/);
      expect(rule.description.includes('\n'), rule.id).toBe(false);
      for (const [id, message] of Object.entries(rule.messages)) {
        // A template that is one slot holds the schema's own sentence (core/errors/zod-error-map.ts).
        if (message === '{{problem}}' || oneClause.has(`${rule.id}/${id}`)) continue;
        expect(message, `${rule.id} message ${id}`).toMatch(/;|: /);
        expect(message, `${rule.id} message ${id}`).not.toMatch(/^Error/);
      }
    }
  });

  it('makes every rule with the rule factory', () => {
    for (const rule of [...RULES, ...BANK_RULES]) {
      expect(typeof rule.options, rule.id).toBe('function');
      expect(rule.options(), rule.id).toEqual(rule.defaultOptions);
    }
    for (const rule of RULES) expect(rule.check !== undefined || rule.facts.length > 0, `${rule.id} finds something`).toBe(true);
  });

  it('reports every kind of parser fact with exactly one rule', () => {
    const owners = new Map<string, string[]>();
    for (const rule of RULES) for (const kind of rule.facts) owners.set(kind, [...(owners.get(kind) ?? []), rule.id]);
    for (const kind of FACT_KINDS) expect(owners.get(kind), kind).toHaveLength(1);
    expect([...owners.keys()].sort()).toEqual([...FACT_KINDS].sort());
  });

  it('uses every message id it defines', () => {
    // Where an id is named: quoted in the rule's file or a file it imports (a kind such as
    // `problem.kind`, a fact's limit), or as `messages.<id>` anywhere in src/.
    const src = path.join(REPO_ROOT, 'src');
    const everywhere = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .map((name) => readFileSync(path.join(src, name), 'utf8'))
      .join('\n');
    for (const rule of [...RULES, ...BANK_RULES]) {
      const file = path.join(src, 'core', 'lint', RULES.includes(rule as (typeof RULES)[number]) ? 'rules' : 'bank-rules', `${rule.id}.ts`);
      const own = readFileSync(file, 'utf8');
      const imported = [...own.matchAll(/from '(\.\.?\/[^']+)\.js'/g)].map((m) => readFileSync(path.resolve(path.dirname(file), `${m[1]}.ts`), 'utf8'));
      const named = [own, ...imported].join('\n');
      for (const id of Object.keys(rule.messages)) {
        const used = new RegExp(`['"]${id}['"]`).test(named) || new RegExp(`\\.messages\\.${id}\\b`).test(everywhere);
        expect(used, `${rule.id} message ${id}`).toBe(true);
      }
    }
  });

  it('keeps content-quality rules out of the bank\'s decision', () => {
    const structural = RULES.filter((r) => r.structural).map((r) => r.id);
    for (const id of ['sample-excellent-band', 'sample-acceptable-score', 'keyword-in-samples', 'text-mojibake', 'todo', 'section-order', 'concept-overlap']) {
      expect(structural).not.toContain(id);
    }
    expect(BANK_RULES.filter((r) => r.structural).map((r) => r.id)).toEqual(['id-duplicate']);
  });
});

describe('qbank-disable comments anywhere', () => {
  it.each([
    ['after the frontmatter', (ids: string) => valid.replace(/\n---\n/, `\n---\n\n<!-- qbank-disable ${ids} -->\n`)],
    ['at the end of the file, inside the last section', (ids: string) => `${valid}\n<!-- qbank-disable ${ids} -->\n`],
    ['between two sections', (ids: string) => valid.replace('\n## metadata', `\n<!-- qbank-disable ${ids} -->\n\n## metadata`)],
  ])('%s: turns the rule off and is not content', async (_where, place) => {
    const diagnostics = await lintAll(place('frontmatter-unknown-key'));
    expect(diagnostics.map((d) => d.ruleId)).not.toContain('frontmatter-unknown-key');
    expect(diagnostics.filter((d) => d.ruleId === 'section-content')).toEqual([]);
    const metadata = (text: string) => {
      const question = parseQuestion(text, 'q.md').question;
      return question?.type === 'subjective' ? question.metadata.map((m) => `${m.key}: ${m.value}`) : undefined;
    };
    expect(metadata(place('frontmatter-unknown-key'))).toEqual(metadata(valid));
  });

  it('names the near rule id of a misspelt one', async () => {
    const [finding] = (await lintAll(`${valid}\n<!-- qbank-disable frontmatter-unknown-kye -->\n`)).filter((d) => d.ruleId === 'disable-unknown-rule');
    expect(finding?.message).toBe('qbank-disable names "frontmatter-unknown-kye", which is not a rule; did you mean "frontmatter-unknown-key"? (docs/rules.md lists every rule)');
  });
});
