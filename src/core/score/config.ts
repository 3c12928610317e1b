import { z } from 'zod';

const Fraction = z.number().min(0).max(1);
const Points = z.number().min(0).max(100);

/** `rubrics/scoring.yaml`: every threshold and weight the scorer uses. No scoring number lives in code. */
export const ScoringConfigSchema = z
  .object({
    version: z.literal(1),
    /** Weights of the two parts when a question's headings do not give them. */
    defaultWeights: z.object({ mandatory: Points, bonus: Points }),
    /** Inside each part, the shares of concepts and keywords (they sum to 1). */
    partShares: z.object({ concepts: Fraction, keywords: Fraction }),
    /** The fraction of each list that earns full credit for it. */
    saturation: z.object({
      mandatoryConcepts: Fraction,
      mandatoryKeywords: Fraction,
      bonusConcepts: Fraction,
      bonusKeywords: Fraction,
      followUpItems: Fraction,
    }),
    /** Lowest score of each band; below `needs_improvement` is `insufficient`. */
    bands: z.object({ excellent: Points, good: Points, needs_improvement: Points }),
    /** Lowest passing score. */
    pass: Points,
    mistakes: z.object({
      /** Points taken for each flagged mistake of the "says something wrong" kind. */
      penalty: Points,
      /** At most this many points are taken for mistakes in total. */
      maxPenalty: Points,
      /** Words allowed between the words of a "says it" mistake, which must appear in order. */
      phraseGap: z.number().int().min(0).max(6),
      /** A mistake needs at least this many content words to be checked at all. */
      minWords: z.number().int().min(1),
      /** An omission is flagged when less than this share of its content words appear. */
      omissionRatio: Fraction,
    }),
    matching: z.object({
      /** Words allowed between the words of a phrase (`output` … `commit`). */
      phraseGap: z.number().int().min(0).max(5),
      /** Tokens in the window a concept's words must share when not in one sentence. */
      window: z.number().int().min(4).max(60),
      /** Share of a description's content words that must co-occur. */
      descriptionRatio: Fraction,
      /** …but never fewer than this many (unless the description is shorter)… */
      descriptionMinWords: z.number().int().min(1),
      /** …and never more than this many. */
      descriptionMaxWords: z.number().int().min(1),
      /** Words looked back over for a negation cue in the same clause. */
      negationWindow: z.number().int().min(0).max(10),
      /** Typo tolerance: shortest word corrected at all, and at distance 2. */
      typoMinLength: z.number().int().min(3),
      typoTwoEditsLength: z.number().int().min(4),
      /** Answers are scored on at most this many characters (bounded work per answer). */
      maxAnswerChars: z.number().int().min(1000),
    }),
    /**
     * Partial concept credit: the weighted share of a concept's terms found in the answer's best
     * sentence or window, mapped linearly from `floor` (nothing) to `saturation` (full credit).
     */
    credit: z
      .object({
        floor: Fraction,
        saturation: Fraction,
        /** Share is taken of the concept's term weight, but of at most this much (long descriptions). */
        maxWeight: z.number().min(1).max(100),
        /** Tokens in the window the terms must share when not in one sentence. */
        window: z.number().int().min(4).max(100),
        /** Weight of a term of the concept's name, and of a term only in its description. */
        nameTermWeight: z.number().min(0).max(10),
        descriptionTermWeight: z.number().min(0).max(10),
        /** Multiplier for a term listed in the lexicon's `commonTerms` (found across much of the bank). */
        commonTermWeight: Fraction,
        /** Multiplier for a term that the main question itself uses: repeating the question shows nothing. */
        questionTermWeight: Fraction,
      })
      
      .default({ floor: 0.2, saturation: 0.6, maxWeight: 10, window: 25, nameTermWeight: 2, descriptionTermWeight: 1, commonTermWeight: 0.5, questionTermWeight: 0.5 }),
    stuffing: z.object({
      /** A segment with fewer function words than this share reads as a bare list… */
      functionWordRatio: Fraction,
      /** …as does one cut by commas into at least `listMinPieces` pieces averaging at most
       * `listPieceWords` words, with fewer function words than `listFunctionWordRatio`. */
      listMinPieces: z.number().int().min(2),
      listPieceWords: z.number().min(1),
      listFunctionWordRatio: Fraction,
      /** When list-like segments hold more than this share of the answer, the score is capped. */
      listShare: Fraction,
      /** Segments shorter than this many words are not judged. */
      minSegmentWords: z.number().int().min(1),
    }),
  })
  .refine((c) => Math.abs(c.partShares.concepts + c.partShares.keywords - 1) < 1e-9, {
    message: 'partShares.concepts and partShares.keywords must add up to 1',
    path: ['partShares'],
  })
  .refine((c) => c.credit.floor < c.credit.saturation, { message: 'credit.floor must be below credit.saturation', path: ['credit', 'floor'] })
  .refine((c) => c.bands.excellent > c.bands.good && c.bands.good > c.bands.needs_improvement, {
    message: 'bands must satisfy excellent > good > needs_improvement',
    path: ['bands'],
  });
export type ScoringConfig = z.infer<typeof ScoringConfigSchema>;

/** `rubrics/lexicon.yaml`: the bank-wide vocabulary of the scorer. */
export const LexiconSchema = z.object({
  version: z.literal(1),
  /** Groups of words or phrases that mean the same; the first is the group's name. */
  synonyms: z.array(z.array(z.string().min(1)).min(2)),
  /** Words that carry grammar, not meaning; added to the stopword package's English list. */
  functionWords: z.array(z.string().min(1)),
  /** Words that negate what follows in the same clause. */
  negationCues: z.array(z.string().min(1)),
  /** Phrases after a cue that do not negate (`not only`). */
  negationExceptions: z.array(z.string().min(1)),
  /** Words that end a clause (`but`, `however`), so negation does not reach past them. */
  clauseBreakers: z.array(z.string().min(1)),
  /** Rubric words too generic to count as evidence (`significant`, `effects`). */
  rubricFiller: z.array(z.string().min(1)),
  /** Opening words of a common mistake that make it an omission (`missing`, `ignoring`). */
  omissionOpeners: z.array(z.string().min(1)),
  /** Opening words of a common mistake that only introduce it (`suggesting`, `claiming that`). */
  commissionOpeners: z.array(z.string().min(1)),
  /** Words that carry meaning although the stopword list has them (`key`, `main`). */
  contentWords: z.array(z.string().min(1)).default(['key', 'main']),
  /** Function words that count inside a concept name or keyword (`scale out`, `all or nothing`). */
  nameWords: z.array(z.string().min(1)).default(['in', 'out', 'before', 'after', 'all']),
  /** Words of rubric prose about the answer itself ("the answer must mention"): never evidence. */
  rubricMeta: z.array(z.string().min(1)).default([]),
  /** Words found in the rubrics of many of the bank's questions: weak evidence, weighted down. */
  commonTerms: z.array(z.string().min(1)).default([]),
});
export type LexiconConfig = z.infer<typeof LexiconSchema>;
