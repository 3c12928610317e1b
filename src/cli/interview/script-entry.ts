import { z } from 'zod';
import { describeValue, expected, fieldName } from '../../core/errors/zod-error-map.js';
import { RECOMMENDATIONS, type Recommendation } from '../../core/interview/recommendation.js';
import { BANDS, type Band } from '../../core/score/result.js';

/** How a script sets a checklist: keep the scorer's ticks, name the ticked items, or adjust. */
export type TicksSpec = 'accept' | { only: string[] } | { add: string[]; remove: string[] };

/** A follow-up or the bar raiser in a script. */
export interface ProbeSpec {
  notes?: string;
  pass: boolean;
  ticks: TicksSpec;
}

/** One question of a script (one YAML document). */
export interface QuestionEntry {
  kind: 'question';
  id?: string;
  notes?: string;
  pass: boolean;
  notAsked: boolean;
  concepts: TicksSpec;
  keywords: TicksSpec;
  redFlags: TicksSpec;
  /** `suggested` takes the tier the score calls for; `none` asks no follow-up. */
  followUp: { tier: 'suggested' | 'none' | 'excellent' | 'partial' | 'weak'; probe: ProbeSpec };
  barRaiser?: ProbeSpec;
  rating?: Band;
  reason?: string;
}

export type ScriptEntry =
  | QuestionEntry
  | { kind: 'decision'; decision: 'confirm' | Recommendation; reason?: string }
  | { kind: 'quit' };

/** Text or a number (YAML reads `notes: 42` as a number); null, like absent, is no text. */
const Text = z
  .union([z.string(), z.number()], { error: expected('text') })
  .nullish()
  .transform((value) => (value === null || value === undefined ? undefined : String(value)));

const Flag = z
  .boolean({ error: expected('true or false') })
  .nullish()
  .transform((value) => value ?? false);

const Names = z.array(z.string({ error: expected('a name') }), { error: expected('a list of names') });

/**
 * A mapping's own mistakes in words: an unknown key with the keys it takes
 * (`Unknown key "x" in "follow_up" (expected tier, notes, pass, ticks)`), or what else it could be.
 */
function mappingError(keys: readonly string[], forms: string): z.core.$ZodErrorMap {
  return (issue) => {
    if (issue.code === 'invalid_type') return expected(forms)(issue);
    if (issue.code !== 'unrecognized_keys') return undefined;
    const field = fieldName(issue.path ?? []);
    return `Unknown key "${issue.keys[0] ?? ''}"${field === '' ? '' : ` in "${field}"`} (expected ${keys.join(', ')})`;
  };
}

const TICKS_FORMS = '"accept", "none", a list of names, or {add: […], remove: […]}';

/** How a script sets a checklist; a list or mapping that holds something other than names is said so. */
const Ticks = z
  .union([z.null(), z.literal('accept'), z.literal('none'), Names, z.strictObject({ add: Names.optional(), remove: Names.optional() }, { error: mappingError(['add', 'remove'], TICKS_FORMS) })], {
    error: (issue) => {
      const { input } = issue;
      const subject = `"${fieldName(issue.path ?? [])}"`;
      if (Array.isArray(input)) return `${subject} expects a list of names, got a list holding ${describeValue(input.find((item) => typeof item !== 'string'))}`;
      if (input !== null && typeof input === 'object') return `${subject} expects {add: […], remove: […]} with lists of names`;
      return expected(TICKS_FORMS)(issue);
    },
  })
  .optional()
  .transform((value): TicksSpec => {
    if (value === null || value === undefined || value === 'accept') return 'accept';
    if (value === 'none') return { only: [] };
    if (Array.isArray(value)) return { only: value };
    return { add: value.add ?? [], remove: value.remove ?? [] };
  });

const PROBE_KEYS = ['tier', 'notes', 'pass', 'ticks'];
const TIERS = ['suggested', 'none', 'excellent', 'partial', 'weak'] as const;

/** What a follow-up and the bar raiser hold as a mapping; only a follow-up names a tier. */
const PROBE = { notes: Text, pass: Flag, ticks: Ticks };

/** `follow_up: weak` is short for `{tier: weak}`; a mapping without a tier takes the suggested one. */
const FollowUp = z
  .preprocess(
    (value) => (typeof value === 'string' ? { tier: value } : value),
    z.strictObject({ tier: z.enum(TIERS).optional(), ...PROBE }, { error: mappingError(PROBE_KEYS, 'a tier, or a mapping with tier, notes and ticks') }),
  )
  .optional()
  .transform((value): QuestionEntry['followUp'] => {
    if (value === undefined) return { tier: 'none', probe: { pass: false, ticks: 'accept' } };
    return { tier: value.tier ?? 'suggested', probe: { notes: value.notes, pass: value.pass, ticks: value.ticks } };
  });

/** `bar_raiser: true` accepts it without notes; absent or false declines it. */
const BarRaiser = z
  .preprocess(
    (value) => (value === false ? undefined : value === true || typeof value === 'string' ? {} : value),
    z.strictObject(PROBE, { error: mappingError(PROBE_KEYS.slice(1), 'true, or a mapping with notes and ticks') }).optional(),
  )
  .transform((value): ProbeSpec | undefined => (value === undefined ? undefined : { notes: value.notes, pass: value.pass, ticks: value.ticks }));

const QUESTION_KEYS = ['id', 'notes', 'pass', 'not_asked', 'concepts', 'keywords', 'red_flags', 'follow_up', 'bar_raiser', 'rating', 'reason'];

const QuestionSchema = z
  .strictObject(
    {
      id: Text,
      notes: Text,
      pass: Flag,
      not_asked: Flag,
      concepts: Ticks,
      keywords: Ticks,
      red_flags: Ticks,
      follow_up: FollowUp,
      bar_raiser: BarRaiser,
      rating: z.enum(BANDS).nullish(),
      reason: Text,
    },
    {
      error: (issue) =>
        issue.code === 'invalid_type' ? `Expected a mapping (notes, concepts, follow_up, … or decision), got ${describeValue(issue.input)}` : mappingError(QUESTION_KEYS, '')(issue),
    },
  )
  .transform(
    (doc): QuestionEntry => ({
      kind: 'question',
      id: doc.id,
      notes: doc.notes,
      pass: doc.pass,
      notAsked: doc.not_asked,
      concepts: doc.concepts,
      keywords: doc.keywords,
      redFlags: doc.red_flags,
      followUp: doc.follow_up,
      barRaiser: doc.bar_raiser,
      rating: doc.rating ?? undefined,
      reason: doc.reason,
    }),
  );

const DecisionSchema = z
  .strictObject({ decision: z.enum(['confirm', ...RECOMMENDATIONS]), reason: Text }, { error: mappingError(['decision', 'reason'], 'a mapping with decision and reason') })
  .transform((doc): ScriptEntry => ({ kind: 'decision', decision: doc.decision, reason: doc.reason }));

/**
 * The schema one parsed YAML document of a script is read with: `quit: true`, a `decision:`
 * document, or a question's. Issues keep the document's paths, so they can be located in it.
 */
export function scriptEntrySchema(value: unknown): z.ZodType<ScriptEntry> {
  const doc = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (doc?.quit === true && Object.keys(doc).length === 1) return z.any().transform((): ScriptEntry => ({ kind: 'quit' }));
  return doc && 'decision' in doc ? DecisionSchema : QuestionSchema;
}
