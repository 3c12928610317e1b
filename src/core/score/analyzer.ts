import { closestMatch } from 'leven';
import type { ScoringConfig } from './config.js';
import type { Lexicon } from './lexicon.js';
import { SynonymTable } from './synonym-table.js';
import { Vocabulary } from './vocabulary.js';
import { forEachToken } from './tokenize.js';

/** One word or number of an analysed text, after stemming, typo repair and synonyms. */
export interface AnalyzedToken {
  /** What matching compares: a stem, a number, or `=name` for a synonym group. */
  id: string;
  /** The word as written (lower case), or the words of a synonym phrase. */
  word: string;
  /** Offsets in the original text. */
  start: number;
  end: number;
  sentence: number;
  clause: number;
  /** Not a function word: counts as evidence. */
  content: boolean;
  /** Negates what follows in its clause. */
  negator: boolean;
  /** A function word that still counts inside names and keywords (`out` of `scale out`): indexed. */
  nameWord?: boolean;
  /** For a synonym phrase, the ids of its content words too ("shard key" also counts as "shard"). */
  parts?: string[];
  /** A number standing for `id` (and one for `word`) within one analyzer: cheap to hash and compare. */
  code: number;
  wordCode: number;
}

/** A text ready for matching: tokens in order and where each id occurs. */
export interface AnalyzedText {
  text: string;
  tokens: AnalyzedToken[];
  /** Token indexes of each id, ascending (content tokens only). */
  positions: Map<string, number[]>;
  /** 1 where a token is negated: a cue precedes it in its clause within the negation window. */
  negated: Uint8Array;
  /** The window `negated` was computed for. */
  negationWindow: number;
  /** The sentence number of each token (as `tokens[i].sentence`, in a typed array for matching). */
  sentenceOf: Int32Array;
  sentences: number;
  /** Words (not numbers) and how many of them are function words. */
  words: number;
  functionWords: number;
  /** Whether the text was cut at the configured maximum length. */
  truncated: boolean;
}

const TYPO_CACHE_LIMIT = 50_000;
const CODE_LIMIT = 200_000;

/** A 31-bit hash of a string, offset past the codes a map hands out. */
function hashString(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return CODE_LIMIT + 1 + (hash >>> 1);
}
const WORD_CACHE_LIMIT = 50_000;

/** What the analyzer knows about one written word, memoised per analyzer. */
interface WordInfo {
  /** The word after apostrophes and (in answers) typo repair. */
  word: string;
  stem: string;
  functionWord: boolean;
  cue: boolean;
  breaksClause: boolean;
  nameWord: boolean;
  code: number;
  wordCode: number;
}

/**
 * What derived forms of a word share once Porter's suffixes are gone: `directli` and `direct`,
 * `reduct` and `reduc`, `agreement` and `agre` meet. Only used to map an answer word that the
 * question does not know onto one it does, never to join two words of the rubric.
 */
export function derivationKey(stem: string): string {
  let key = stem;
  for (const suffix of ['ment', 'li']) {
    if (key.endsWith(suffix) && key.length - suffix.length >= 4) {
      key = key.slice(0, -suffix.length);
      break;
    }
  }
  if (key.length >= 5 && key.endsWith('ct')) key = key.slice(0, -1);
  key = key.replace(/e+$/, '');
  if (key.length > 4 && key.charAt(key.length - 1) === key.charAt(key.length - 2)) key = key.slice(0, -1);
  return key;
}

/**
 * Turns text into tokens for one question: the bank lexicon plus the question's own aliases.
 * Rubric text teaches it the question's vocabulary; answer text is then repaired towards it.
 */
export class Analyzer {
  /** The question's own aliases, layered over the lexicon's groups. */
  private readonly aliases: SynonymTable;
  /** The question's own words (the lexicon's are in `lexicon.vocabulary`). */
  private readonly vocabulary = new Vocabulary();
  /** Derivation keys of the question's words, to the stem they stand for. */
  private readonly derivations = new Map<string, string>();
  private readonly typos = new Map<string, string>();
  private readonly answerWords = new Map<string, WordInfo>();
  /** Once frozen, rubric text no longer teaches the vocabulary: scoring is the same whatever is compiled later. */
  private frozen = false;
  /** Numbers for ids and words (`AnalyzedToken.code`); bounded like the caches. */
  private readonly codes = new Map<string, number>();

  /** The number standing for a string in this analyzer (the same string, the same number). */
  codeOf(text: string): number {
    let code = this.codes.get(text);
    if (code === undefined) {
      // Past the cap new strings share one hash range; codes only feed hashes and equality
      // checks of repeated sentences and frames, where a rare collision costs nothing real.
      code = this.codes.size < CODE_LIMIT ? this.codes.size + 1 : hashString(text);
      if (this.codes.size < CODE_LIMIT) this.codes.set(text, code);
    }
    return code;
  }

  constructor(
    readonly lexicon: Lexicon,
    private readonly matching: ScoringConfig['matching'],
    aliases: Readonly<Record<string, readonly string[]>> = {},
    /** Bank synonym groups this question must not use (they would join two of its own items). */
    private readonly disabledGroups: ReadonlySet<string> = new Set(),
  ) {
    const groups = Object.entries(aliases).map(([term, others]) => [term, ...others]);
    this.aliases = new SynonymTable(groups, (phrase) => lexicon.forms(phrase), lexicon.synonyms);
    for (const word of this.aliases.words) this.learn(word);
  }

  /** Analyses rubric text (no typo repair) and, until frozen, adds its words to the vocabulary. */
  analyzeRubric(text: string): AnalyzedText {
    return this.analyze(text, false, !this.frozen);
  }

  /** Ends learning: every text of the question has been read. */
  freeze(): void {
    this.frozen = true;
  }

  /** Analyses an answer: bounded length, typos repaired towards the rubric's words, repeated sentences dropped. */
  analyzeAnswer(text: string): AnalyzedText {
    return this.analyze(text, true, false);
  }

  /** The content ids of a rubric phrase, in order, generic filler words left out. */
  contentIds(text: string): string[] {
    return this.analyzeRubric(text)
      .tokens.filter((t) => t.content && !this.lexicon.rubricFiller.has(t.id))
      .map((t) => t.id);
  }

  /** The single id `roundtrip`-style spellings of a phrase would have, if the phrase has several words. */
  compoundId(text: string): string | undefined {
    const { words } = this.lexicon.forms(text);
    if (words.length < 2) return undefined;
    return this.lexicon.stem(words.join(''));
  }

  private learn(word: string): void {
    if (this.frozen || this.lexicon.functionWords.has(word)) return;
    const stem = this.lexicon.stem(word);
    const key = derivationKey(stem);
    if (!this.derivations.has(key)) this.derivations.set(key, stem);
    if (this.lexicon.vocabulary.has(word) || !this.vocabulary.add(word, stem)) return;
    // New vocabulary can change how answer words are repaired: forget earlier repairs.
    this.typos.clear();
    this.answerWords.clear();
  }

  /** For an answer word the question does not know, the stem of a question word it derives from. */
  private derivedStem(word: string, stem: string): string | undefined {
    if (this.vocabulary.hasStem(stem) || this.lexicon.vocabulary.hasStem(stem) || word.length < 4) return undefined;
    const known = this.derivations.get(derivationKey(stem));
    return known !== stem ? known : undefined;
  }

  /** The vocabulary word an unknown answer word is most likely a typo of, or the word itself. */
  private repair(word: string): string {
    const { typoMinLength, typoTwoEditsLength } = this.matching;
    const shared = this.lexicon.vocabulary;
    if (word.length < typoMinLength || this.vocabulary.has(word) || shared.has(word) || /\p{N}/u.test(word)) return word;
    const cached = this.typos.get(word);
    if (cached !== undefined) return cached;
    let repaired = word;
    const stem = this.lexicon.stem(word);
    if (!this.vocabulary.hasStem(stem) && !shared.hasStem(stem)) {
      const maxDistance = word.length >= typoTwoEditsLength ? 2 : 1;
      const first = word.charAt(0);
      const candidates = [
        ...this.vocabulary.candidates(first, word.length, typoMinLength, maxDistance),
        ...shared.candidates(first, word.length, typoMinLength, maxDistance),
      ];
      repaired = closestMatch(word, candidates, { maxDistance }) ?? candidates.find((c) => isTransposition(word, c)) ?? word;
    }
    if (this.typos.size >= TYPO_CACHE_LIMIT) this.typos.clear();
    this.typos.set(word, repaired);
    return repaired;
  }

  private wordInfo(raw: string, answer: boolean, learn: boolean): WordInfo {
    const cached = answer ? this.answerWords.get(raw) : undefined;
    if (cached) return cached;
    const { lexicon } = this;
    let word = lexicon.normaliseWord(raw);
    const functionWord = lexicon.functionWords.has(word);
    if (learn && !functionWord) this.learn(word);
    let stem = functionWord ? word : lexicon.stem(word);
    if (answer && !functionWord) {
      const derived = this.derivedStem(word, stem);
      if (derived !== undefined) stem = derived;
      else {
        word = this.repair(word);
        stem = lexicon.stem(word);
      }
    }
    const info: WordInfo = {
      word,
      stem,
      functionWord,
      cue: lexicon.negationCues.has(word),
      breaksClause: lexicon.clauseBreakers.has(word),
      nameWord: lexicon.nameWords.has(word),
      code: this.codeOf(stem),
      wordCode: this.codeOf(word),
    };
    if (answer) {
      if (this.answerWords.size >= WORD_CACHE_LIMIT) this.answerWords.clear();
      this.answerWords.set(raw, info);
    }
    return info;
  }

  private analyze(input: string, answer: boolean, learn: boolean): AnalyzedText {
    const truncated = answer && input.length > this.matching.maxAnswerChars;
    const text = truncated ? input.slice(0, this.matching.maxAnswerChars) : input;
    const { lexicon } = this;

    // 1. words with their stems, boundaries counted into sentence and clause numbers. Each item
    //    becomes a token as it is (content: not a function word; negator: a live cue).
    const items: AnalyzedToken[] = [];
    let sentence = 0;
    let clause = 0;
    let words = 0;
    let functionWords = 0;
    forEachToken(text, (kind, raw, start, end) => {
      if (kind === 'sentence') {
        sentence++;
        clause++;
      } else if (kind === 'clause') {
        clause++;
      } else if (kind === 'number') {
        const code = this.codeOf(raw);
        items.push({ id: raw, word: raw, start, end, sentence, clause, content: true, negator: false, code, wordCode: code });
      } else {
        const info = this.wordInfo(raw, answer, learn);
        if (info.breaksClause) clause++;
        words++;
        if (info.functionWord) functionWords++;
        const item: AnalyzedToken = { id: info.stem, word: info.word, start, end, sentence, clause, content: !info.functionWord, negator: info.cue, code: info.code, wordCode: info.wordCode };
        if (info.nameWord) item.nameWord = true;
        items.push(item);
      }
    });

    // 2. negation cues that an exception phrase (`not only`, `or not`) disarms.
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as AnalyzedToken;
      if (!item.negator) continue;
      for (const exception of lexicon.negationExceptions) {
        const cueAt = exception.indexOf(item.word);
        const from = i - cueAt;
        if (cueAt !== -1 && from >= 0 && exception.every((w, k) => items[from + k]?.word === w)) item.negator = false;
      }
    }

    // 3. synonym phrases become one token each (never across a clause boundary). A phrase may
    //    start with a negation cue ("no-op"); a cue inside it is then just a word.
    const tokens: AnalyzedToken[] = [];
    const ownTrie = this.aliases.trie.empty ? undefined : this.aliases.trie;
    const sharedTrie = lexicon.synonyms.trie;
    let clauseOfPhrase = 0;
    const wordAt = (k: number) => {
      const item = items[k];
      return item && item.clause === clauseOfPhrase ? item.id : undefined;
    };
    for (let i = 0; i < items.length; ) {
      const first = items[i] as AnalyzedToken;
      clauseOfPhrase = first.clause;
      const own = ownTrie?.longestAt(items.length, i, wordAt);
      const sharedMatch = sharedTrie.longestAt(items.length, i, wordAt);
      const shared = sharedMatch && !this.disabledGroups.has(sharedMatch.value) ? sharedMatch : undefined;
      const longest = own && (!shared || own.length >= shared.length) ? own : shared;
      const found = longest && (longest.length > 1 || !first.negator) ? longest : undefined;
      if (!found) {
        tokens.push(first);
        i++;
        continue;
      }
      const last = items[i + found.length - 1] as AnalyzedToken;
      const phrase = items.slice(i, i + found.length);
      const word = found.length === 1 ? first.word : phrase.map((it) => it.word).join(' ');
      const code = this.codeOf(found.value);
      const token: AnalyzedToken = { id: found.value, word, start: first.start, end: last.end, sentence: first.sentence, clause: first.clause, content: true, negator: false, code, wordCode: code };
      if (found.length > 1) token.parts = phrase.filter((it) => it.content).map((it) => this.aliases.idOf(it.id) ?? lexicon.synonyms.idOf(it.id) ?? it.id);
      tokens.push(token);
      i += found.length;
    }

    // 4. in answers, a sentence said again adds nothing: drop repeats before indexing.
    const kept = answer ? dropRepeatedSentences(tokens) : tokens;
    const positions = new Map<string, number[]>();
    const index = (id: string, at: number) => {
      const list = positions.get(id);
      if (!list) positions.set(id, [at]);
      else if (list[list.length - 1] !== at) list.push(at);
    };
    kept.forEach((token, at) => {
      if (!token.content && !token.nameWord) return;
      index(token.id, at);
      for (const part of token.parts ?? []) index(part, at);
    });
    // Negation, once per text: the nearest cue before each token in its clause, at most the window back.
    const window = this.matching.negationWindow;
    const negated = new Uint8Array(kept.length);
    const sentenceOf = new Int32Array(kept.length);
    let lastCue = -Infinity;
    let cueClause = -1;
    for (let at = 0; at < kept.length; at++) {
      const token = kept[at] as AnalyzedToken;
      sentenceOf[at] = token.sentence;
      if (token.clause !== cueClause) lastCue = -Infinity;
      if (at - lastCue <= window) negated[at] = 1;
      if (token.negator) {
        lastCue = at;
        cueClause = token.clause;
      }
    }
    return { text, tokens: kept, positions, negated, negationWindow: window, sentenceOf, sentences: sentence + 1, words, functionWords, truncated };
  }
}

/** Whether two words differ by one swap of adjacent letters (`outptu` / `output`). */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

function dropRepeatedSentences(tokens: AnalyzedToken[]): AnalyzedToken[] {
  // A sentence is known by two hashes of its ids' codes and its length: no string per token.
  const seen = new Set<string>();
  let kept: AnalyzedToken[] | undefined;
  let start = 0;
  while (start < tokens.length) {
    const sentence = (tokens[start] as AnalyzedToken).sentence;
    let end = start;
    let h1 = 0;
    let h2 = 0x9e3779b9;
    while (end < tokens.length && (tokens[end] as AnalyzedToken).sentence === sentence) {
      const code = (tokens[end++] as AnalyzedToken).code;
      h1 = (Math.imul(h1, 31) + code) | 0;
      h2 = Math.imul(h2 ^ code, 0x01000193);
    }
    const key = `${h1},${h2},${end - start}`;
    if (!seen.has(key)) {
      seen.add(key);
      if (kept) for (let i = start; i < end; i++) kept.push(tokens[i] as AnalyzedToken);
    } else if (!kept) {
      kept = tokens.slice(0, start);
    }
    start = end;
  }
  return kept ?? tokens;
}
