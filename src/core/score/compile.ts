import type { Bullet, Concept, FollowUp } from '../model/elements.js';
import type { SubjectiveQuestion } from '../model/subjective.js';
import { Analyzer } from './analyzer.js';
import type { ScoringConfig } from './config.js';
import type { Lexicon } from './lexicon.js';

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

export function compileItem(analyzer: Analyzer, config: ScoringConfig, name: string, description = ''): CompiledItem {
  const words = new Map<string, string>();
  const ids = (text: string) => {
    const doc = analyzer.analyzeRubric(text);
    const result: string[] = [];
    for (const token of doc.tokens) {
      if (!token.content || analyzer.lexicon.rubricFiller.has(token.id)) continue;
      result.push(token.id);
      if (!words.has(token.id)) words.set(token.id, token.word);
    }
    return result;
  };
  const nameIds = ids(stripParentheses(name));
  // The description bag also holds the name's words: a paraphrase may use either.
  const describedIds = ids(description);
  const descriptionIds = describedIds.length === 0 ? [] : [...new Set([...nameIds, ...describedIds])];
  const { descriptionRatio, descriptionMinWords, descriptionMaxWords } = config.matching;
  const descriptionRequired =
    descriptionIds.length === 0
      ? 0
      : Math.min(descriptionIds.length, Math.max(descriptionMinWords, Math.min(descriptionMaxWords, Math.ceil(descriptionRatio * descriptionIds.length))));
  return {
    name,
    description,
    nameIds,
    compoundId: nameIds.length > 1 ? analyzer.compoundId(stripParentheses(name)) : undefined,
    descriptionIds,
    descriptionRequired,
    distinctNameIds: [...new Set(nameIds)],
    allIds: [...new Set([...nameIds, ...descriptionIds])],
    words,
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

function concepts(analyzer: Analyzer, config: ScoringConfig, list: readonly Concept[]): CompiledItem[] {
  return list.map((concept) => compileItem(analyzer, config, concept.name, concept.description));
}

function keywords(analyzer: Analyzer, config: ScoringConfig, groups: SubjectiveQuestion['core']['keywords']): CompiledItem[] {
  return groups.flatMap((group) => group.keywords.map((keyword) => compileItem(analyzer, config, keyword.text)));
}

/** Compiles a question's rubric once; every answer to it then reuses the result. */
export function compileRubric(question: SubjectiveQuestion, lexicon: Lexicon, config: ScoringConfig): CompiledRubric {
  const analyzer = new Analyzer(lexicon, config.matching, question.frontmatter.aliases);
  const rubric: CompiledRubric = {
    id: question.frontmatter.id,
    analyzer,
    config,
    weights: {
      mandatory: question.core.weight ?? config.defaultWeights.mandatory,
      bonus: question.bonus.weight ?? config.defaultWeights.bonus,
    },
    mandatory: concepts(analyzer, config, question.core.concepts),
    bonus: concepts(analyzer, config, question.bonus.concepts),
    mandatoryKeywords: keywords(analyzer, config, question.core.keywords),
    bonusKeywords: keywords(analyzer, config, question.bonus.keywords),
    mistakes: question.commonMistakes.map((mistake) => compileMistake(analyzer, config, mistake.text)),
  };
  // Sample answers and follow-ups teach the typo repair the question's vocabulary too.
  for (const text of [question.mainQuestion?.text, question.sampleExcellent?.text, question.sampleAcceptable?.text]) {
    if (text) analyzer.analyzeRubric(text);
  }
  return rubric;
}

/** Items a follow-up answer is graded against: `Looking for`, else the other probe lines. */
export function followUpItems(followUp: FollowUp): string[] {
  const lookingFor = followUp.probes.filter((p) => p.kind === 'looking_for').flatMap((p) => p.items);
  if (lookingFor.length > 0) return lookingFor;
  return followUp.probes.filter((p) => p.kind !== 'red_flags').map((p) => p.value);
}

/** Compiles a follow-up's checklist, sharing the question's analyzer. */
export function compileFollowUp(rubric: CompiledRubric, followUp: FollowUp): CompiledChecklist {
  const { analyzer, config } = rubric;
  return {
    analyzer,
    config,
    items: followUpItems(followUp).map((item) => compileItem(analyzer, config, item, item)),
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
