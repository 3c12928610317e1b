import type { Bullet, Concept, FollowUp } from '../model/elements.js';
import type { SubjectiveQuestion } from '../model/subjective.js';
import { Analyzer } from './analyzer.js';
import type { ScoringConfig } from './config.js';
import type { Lexicon } from './lexicon.js';
import { isNegated, type WeightedTerm } from './match.js';
import { gradedLines } from '../model/follow-up-hint.js';

/** A rubric item (concept, keyword, follow-up item) ready for matching. */
export interface CompiledItem {
  name: string;
  description: string;
  /** Content ids of the name, in order. */
  nameIds: string[];
  /** The one-word spelling of a several-word name (`roundtrip`). */
  compoundId?: string;
  /** Distinct content ids of the name and description, and how many must co-occur (0: no description). */
  descriptionIds: string[];
  descriptionRequired: number;
  /** Distinct name ids, and distinct ids of name and description together. */
  distinctNameIds: string[];
  allIds: string[];
  /** Readable words for ids, for explanations. */
  words: Map<string, string>;
  /** Ids the rubric states as an absence ("node with no children"): matched only when negated. */
  absent: ReadonlySet<string>;
  /** Every distinct id with its weight for partial credit (name, common and question-word weights). */
  terms: WeightedTerm[];
  /** The sum of `terms`' weights. */
  totalWeight: number;
  /** The description's ids, each counting 1 towards `descriptionRequired`; words of the main question are marked. */
  descriptionTerms: WeightedTerm[];
  /** For matching, by index in `terms` (at most 30): weights, ones, and bit masks. */
  termWeights: Float64Array;
  unitWeights: Float64Array;
  /** Terms the main question uses (and the name's function words); terms of the name stated as absences. */
  questionMask: number;
  nameAbsenceMask: number;
}

/** What an item's weights depend on beyond its own text. */
export interface ItemContext {
  /** Ids of the question the item belongs to: a candidate repeating them shows little. */
  questionIds?: ReadonlySet<string>;
}

/** A common mistake or red flag ready for matching. */
export interface CompiledMistake {
  text: string;
  mode: 'commission' | 'omission';
  ids: string[];
  /** Commission: all `ids` in order; omission: how many must be present. 0: not checkable. */
  required: number;
}

/** Everything the scorer needs for one question, built once and reused for every answer. */
export interface CompiledRubric {
  id: string;
  analyzer: Analyzer;
  config: ScoringConfig;
  weights: { mandatory: number; bonus: number };
  mandatory: CompiledItem[];
  bonus: CompiledItem[];
  mandatoryKeywords: CompiledItem[];
  bonusKeywords: CompiledItem[];
  mistakes: CompiledMistake[];
}

/** A follow-up or bar-raiser checklist ready for matching. */
export interface CompiledChecklist {
  analyzer: Analyzer;
  config: ScoringConfig;
  items: CompiledItem[];
  redFlags: CompiledMistake[];
}

export function compileItem(analyzer: Analyzer, config: ScoringConfig, name: string, description = '', context: ItemContext = {}): CompiledItem {
  const { lexicon } = analyzer;
  const words = new Map<string, string>();
  const absent = new Set<string>();
  const ids = (text: string, part: 'name' | 'description') => {
    const doc = analyzer.analyzeRubric(text);
    const result: string[] = [];
    doc.tokens.forEach((token, index) => {
      // Function words such as `out` count inside a name (`scale out`), never in a description.
      const counts = token.content || (part === 'name' && token.nameWord === true);
      if (!counts || lexicon.rubricFiller.has(token.id)) return;
      if (part === 'description' && lexicon.rubricMeta.has(token.id)) return;
      result.push(token.id);
      if (!words.has(token.id)) words.set(token.id, token.word);
      if (token.content && isNegated(doc, index, config.matching.negationWindow)) absent.add(token.id);
    });
    return result;
  };
  const nameIds = ids(stripParentheses(name), 'name');
  // The description bag also holds the name's words: a paraphrase may use either.
  const describedIds = ids(description, 'description');
  const descriptionIds = describedIds.length === 0 ? [] : [...new Set([...nameIds, ...describedIds])];
  const { descriptionRatio, descriptionMinWords, descriptionMaxWords } = config.matching;
  const descriptionRequired =
    descriptionIds.length === 0
      ? 0
      : Math.min(descriptionIds.length, Math.max(descriptionMinWords, Math.min(descriptionMaxWords, Math.ceil(descriptionRatio * descriptionIds.length))));
  const allIds = [...new Set([...nameIds, ...descriptionIds])];
  const { credit } = config;
  const inQuestion = (id: string) => context.questionIds?.has(id) === true;
  const nameSet = new Set(nameIds);
  const terms = allIds.map((id) => ({
    id,
    absent: absent.has(id),
    // `out` of `scale out` orders a phrase; alone it is no evidence of anything.
    weight:
      (lexicon.nameWords.has(id) ? 0 : nameSet.has(id) ? credit.nameTermWeight : credit.descriptionTermWeight) *
      (lexicon.commonTerms.has(id) ? credit.commonTermWeight : 1) *
      (inQuestion(id) ? credit.questionTermWeight : 1),
  }));
  const mask = (test: (t: WeightedTerm) => boolean) => terms.reduce((m, t, k) => (k < 30 && test(t) ? m | (1 << k) : m), 0);
  return {
    termWeights: Float64Array.from(terms, (t) => t.weight),
    // Towards the description rule a term counts 1, but a function word of the name (`out`) none.
    unitWeights: Float64Array.from(terms, (t) => (lexicon.nameWords.has(t.id) ? 0 : 1)),
    questionMask: mask((t) => inQuestion(t.id) || lexicon.nameWords.has(t.id)),
    nameAbsenceMask: mask((t) => t.absent && nameSet.has(t.id)),
    name,
    description,
    nameIds,
    compoundId: nameIds.length > 1 ? analyzer.compoundId(stripParentheses(name)) : undefined,
    descriptionIds,
    descriptionRequired,
    distinctNameIds: [...nameSet],
    allIds,
    words,
    absent,
    terms,
    totalWeight: terms.reduce((sum, t) => sum + t.weight, 0),
    descriptionTerms: descriptionIds.map((id) => ({ id, absent: absent.has(id), weight: 1, fromQuestion: inQuestion(id) })),
  };
}

/** `queueing (M/M/1, M/D/1)` is matched as `queueing`; the parenthesis only explains. */
function stripParentheses(text: string): string {
  const stripped = text.replace(/\([^)]*\)/g, ' ').trim();
  return stripped === '' ? text : stripped;
}

function startsWith(words: readonly string[], opener: readonly string[]): boolean {
  return opener.length > 0 && opener.every((word, i) => words[i] === word);
}

export function compileMistake(analyzer: Analyzer, config: ScoringConfig, text: string): CompiledMistake {
  const { lexicon } = analyzer;
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const omission = lexicon.omissionOpeners.find((opener) => startsWith(words, opener));
  const commission = omission ? undefined : lexicon.commissionOpeners.find((opener) => startsWith(words, opener));
  const opener = omission ?? commission ?? [];
  const rest = words.slice(opener.length).join(' ');
  const restDoc = analyzer.analyzeRubric(rest);
  const ids = restDoc.tokens.filter((t) => t.content && !lexicon.rubricFiller.has(t.id)).map((t) => t.id);
  const { minWords, omissionRatio } = config.mistakes;
  // A mistake whose meaning turns on a negation ("entries that are not yet committed") cannot be
  // told apart from its correction by word matching, so it is not checked.
  const hinges = !omission && restDoc.tokens.some((t) => t.negator);
  const checkable = new Set(ids).size >= minWords && !hinges;
  return {
    text,
    mode: omission ? 'omission' : 'commission',
    ids: omission ? [...new Set(ids)] : ids,
    required: !checkable ? 0 : omission ? Math.max(1, Math.ceil(omissionRatio * new Set(ids).size)) : ids.length,
  };
}

function concepts(analyzer: Analyzer, config: ScoringConfig, list: readonly Concept[], context: ItemContext): CompiledItem[] {
  return list.map((concept) => compileItem(analyzer, config, concept.name, concept.description, context));
}

function keywords(analyzer: Analyzer, config: ScoringConfig, groups: SubjectiveQuestion['core']['keywords']): CompiledItem[] {
  return groups.flatMap((group) => group.keywords.map((keyword) => compileItem(analyzer, config, keyword.text)));
}

/** Every text of a question the typo repair may learn words from. */
function questionTexts(question: SubjectiveQuestion): string[] {
  const texts = [question.mainQuestion?.text, question.sampleExcellent?.text, question.sampleAcceptable?.text, question.barRaiser?.question?.text];
  for (const concept of [...question.core.concepts, ...question.bonus.concepts]) texts.push(concept.name, concept.description);
  for (const group of [...question.core.keywords, ...question.bonus.keywords]) for (const keyword of group.keywords) texts.push(keyword.text);
  for (const mistake of question.commonMistakes) texts.push(mistake.text);
  for (const followUp of Object.values(question.followUps)) {
    if (!followUp) continue;
    texts.push(followUp.question?.text);
    for (const probe of followUp.probes) texts.push(probe.value, ...probe.items);
  }
  for (const concept of question.barRaiser?.concepts ?? []) texts.push(concept.text);
  return texts.filter((t): t is string => typeof t === 'string' && t !== '');
}

/**
 * Bank synonym groups that would merge two items of this question: the author lists `latency`
 * and `response time` as two keywords, so the bank's group joining them would let an answer
 * that says one cover both. Such a group is switched off for the question, and each of its
 * phrases is matched as written. Only whole names and keywords are compared: a description's
 * words are evidence, not items.
 */
export function conflictingGroups(question: SubjectiveQuestion, lexicon: Lexicon): Set<string> {
  const labels = [...question.core.concepts, ...question.bonus.concepts].map((c) => stripParentheses(c.name));
  for (const group of [...question.core.keywords, ...question.bonus.keywords]) labels.push(...group.keywords.map((k) => k.text));
  const phrasesOf = new Map<string, Set<string>>();
  for (const label of labels) {
    const key = lexicon.forms(label).stems.join(' ');
    const id = lexicon.synonyms.idOf(key);
    if (id === undefined) continue;
    const set = phrasesOf.get(id) ?? new Set<string>();
    set.add(key);
    phrasesOf.set(id, set);
  }
  return new Set([...phrasesOf].filter(([, phrases]) => phrases.size >= 2).map(([id]) => id));
}

/** The content ids of a text, as a set (for down-weighting a question's own words). */
function idSet(analyzer: Analyzer, text: string | undefined): Set<string> {
  return new Set(text ? analyzer.analyzeRubric(text).tokens.filter((t) => t.content).map((t) => t.id) : []);
}

/** Compiles a question's rubric once; every answer to it then reuses the result. */
export function compileRubric(question: SubjectiveQuestion, lexicon: Lexicon, config: ScoringConfig): CompiledRubric {
  const analyzer = new Analyzer(lexicon, config.matching, question.frontmatter.aliases, conflictingGroups(question, lexicon));
  // The whole question teaches the typo repair its vocabulary, once; then the analyzer is frozen,
  // so compiling a follow-up later cannot change how an answer is read (scoring stays pure).
  for (const text of questionTexts(question)) analyzer.analyzeRubric(text);
  analyzer.freeze();
  const context: ItemContext = { questionIds: idSet(analyzer, question.mainQuestion?.text) };
  const rubric: CompiledRubric = {
    id: question.frontmatter.id,
    analyzer,
    config,
    weights: {
      mandatory: question.core.weight ?? config.defaultWeights.mandatory,
      bonus: question.bonus.weight ?? config.defaultWeights.bonus,
    },
    mandatory: concepts(analyzer, config, question.core.concepts, context),
    bonus: concepts(analyzer, config, question.bonus.concepts, context),
    mandatoryKeywords: keywords(analyzer, config, question.core.keywords),
    bonusKeywords: keywords(analyzer, config, question.bonus.keywords),
    mistakes: question.commonMistakes.map((mistake) => compileMistake(analyzer, config, mistake.text)),
  };
  return rubric;
}

/** Items a follow-up answer is graded against: `Looking for`, else the other probe lines but the hint (`gradedLines`). */
export function followUpItems(followUp: FollowUp): string[] {
  return gradedLines(followUp);
}

/** Compiles a follow-up's checklist, sharing the question's analyzer. */
export function compileFollowUp(rubric: CompiledRubric, followUp: FollowUp): CompiledChecklist {
  const { analyzer, config } = rubric;
  const context: ItemContext = { questionIds: idSet(analyzer, followUp.question?.text) };
  return {
    analyzer,
    config,
    items: followUpItems(followUp).map((item) => compileItem(analyzer, config, item, item, context)),
    redFlags: followUp.probes
      .filter((p) => p.kind === 'red_flags')
      .flatMap((p) => p.items)
      .map((flag) => compileMistake(analyzer, config, flag)),
  };
}

/** Compiles the bar-raiser checklist from its concept bullets. */
export function compileBarRaiser(rubric: CompiledRubric, concepts: readonly Bullet[]): CompiledChecklist {
  const { analyzer, config } = rubric;
  return {
    analyzer,
    config,
    items: concepts.map((concept) => compileItem(analyzer, config, concept.text, concept.text)),
    redFlags: [],
  };
}
