import { stemmer } from 'stemmer';
import { eng as ENGLISH_STOPWORDS } from 'stopword';
import type { LexiconConfig } from './config.js';
import { SynonymTable, type PhraseForms } from './synonym-table.js';
import { tokenize } from './tokenize.js';
import { Vocabulary } from './vocabulary.js';

const STEM_CACHE_LIMIT = 100_000;

/** The bank-wide vocabulary compiled once: stemming, function words, negation and synonym lists. */
export class Lexicon {
  readonly functionWords: ReadonlySet<string>;
  readonly negationCues: ReadonlySet<string>;
  readonly clauseBreakers: ReadonlySet<string>;
  /** Stems of rubric words too generic to count as evidence. */
  readonly rubricFiller: ReadonlySet<string>;
  /** Stems of words about the answer itself in rubric prose (`mention`, `meaning`): never evidence. */
  readonly rubricMeta: ReadonlySet<string>;
  /** Function words that still count inside a concept name or keyword (`out` in `scale out`). */
  readonly nameWords: ReadonlySet<string>;
  /** Stems (or synonym ids) found across much of the bank: weighted down as evidence. */
  readonly commonTerms: ReadonlySet<string>;
  /** Word sequences around a cue that do not negate, e.g. ['not', 'only']. */
  readonly negationExceptions: readonly (readonly string[])[];
  readonly omissionOpeners: readonly (readonly string[])[];
  readonly commissionOpeners: readonly (readonly string[])[];
  readonly synonymGroups: readonly (readonly string[])[];
  private readonly stems = new Map<string, string>();
  private table: SynonymTable | undefined;
  private words: Vocabulary | undefined;

  constructor(readonly config: LexiconConfig) {
    const words = (list: readonly string[]) => list.map((w) => w.normalize('NFKC').toLowerCase());
    const phrases = (list: readonly string[]) => list.map((p) => words(p.split(/\s+/).filter(Boolean)));
    this.negationCues = new Set(words(config.negationCues));
    const content = new Set(words(config.contentWords));
    this.functionWords = new Set([...words(ENGLISH_STOPWORDS), ...words(config.functionWords), ...this.negationCues].filter((w) => !content.has(w)));
    this.clauseBreakers = new Set(words(config.clauseBreakers));
    this.rubricFiller = new Set(words(config.rubricFiller).filter((w) => !content.has(w)).map((w) => this.stem(w)));
    this.rubricMeta = new Set(words(config.rubricMeta).map((w) => this.stem(w)));
    this.nameWords = new Set(words(config.nameWords).filter((w) => this.functionWords.has(w)));
    this.negationExceptions = phrases(config.negationExceptions);
    const longestFirst = (list: string[][]) => list.sort((a, b) => b.length - a.length);
    this.omissionOpeners = longestFirst(phrases(config.omissionOpeners));
    this.commissionOpeners = longestFirst(phrases(config.commissionOpeners));
    this.synonymGroups = config.synonyms;
    this.commonTerms = new Set(config.commonTerms.map((term) => this.termId(term)));
  }

  /** The id a single rubric term is matched by: its synonym group's id, or its stem. */
  termId(term: string): string {
    const { stems } = this.forms(term);
    const key = stems.join(' ');
    return this.synonyms.idOf(key) ?? key;
  }

  /** The bank-wide synonym groups, compiled on first use and shared by every question. */
  get synonyms(): SynonymTable {
    this.table ??= new SynonymTable(this.synonymGroups, (phrase) => this.forms(phrase));
    return this.table;
  }

  /** The words of the synonym groups, shared by every question's typo repair. */
  get vocabulary(): Vocabulary {
    if (!this.words) {
      const vocabulary = new Vocabulary();
      for (const word of this.synonyms.words) if (!this.functionWords.has(word)) vocabulary.add(word, this.stem(word));
      this.words = vocabulary;
    }
    return this.words;
  }

  /** A phrase's words (apostrophes resolved) and their stems. */
  forms(phrase: string): PhraseForms {
    const words = tokenize(phrase)
      .filter((t) => t.kind === 'word' || t.kind === 'number')
      .map((t) => (t.kind === 'word' ? this.normaliseWord(t.text) : t.text));
    return { words, stems: words.map((w) => this.stem(w)) };
  }

  /** Porter stem of a lower-case word, memoised. */
  stem(word: string): string {
    let stem = this.stems.get(word);
    if (stem === undefined) {
      if (this.stems.size >= STEM_CACHE_LIMIT) this.stems.clear();
      stem = /^\p{N}/u.test(word) ? word : stemmer(word);
      this.stems.set(word, stem);
    }
    return stem;
  }

  /**
   * A word as the scorer compares it: apostrophes resolved (`don't` → `not`, `leader's` →
   * `leader`, `o'reilly` → `oreilly`).
   */
  normaliseWord(word: string): string {
    if (!word.includes("'") && !word.includes('’')) return word;
    const plain = word.replace(/’/g, "'");
    if (plain.endsWith("n't")) return 'not';
    if (plain.endsWith("'s")) return plain.slice(0, -2).replace(/'/g, '');
    return plain.replace(/'/g, '');
  }
}
