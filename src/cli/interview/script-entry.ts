import { BANDS, type Band } from '../../core/score/result.js';
import { RECOMMENDATIONS, type Recommendation } from '../../core/interview/recommendation.js';

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

/** A script document that cannot be used; the message names the key and what it expects. */
export class ScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScriptError';
  }
}

type Doc = Record<string, unknown>;

function text(doc: Doc, key: string, where: string): string | undefined {
  const value = doc[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new ScriptError(`${where}: "${key}" expects text`);
}

function flag(doc: Doc, key: string, where: string): boolean {
  const value = doc[key];
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  throw new ScriptError(`${where}: "${key}" expects true or false`);
}

function names(value: unknown, key: string, where: string): string[] {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new ScriptError(`${where}: "${key}" expects a list of names`);
}

function ticks(value: unknown, key: string, where: string): TicksSpec {
  if (value === undefined || value === null || value === 'accept') return 'accept';
  if (value === 'none') return { only: [] };
  if (Array.isArray(value)) return { only: names(value, key, where) };
  if (typeof value === 'object') {
    const doc = value as Doc;
    const extra = Object.keys(doc).filter((k) => k !== 'add' && k !== 'remove');
    if (extra.length === 0) return { add: doc.add === undefined ? [] : names(doc.add, `${key}.add`, where), remove: doc.remove === undefined ? [] : names(doc.remove, `${key}.remove`, where) };
  }
  throw new ScriptError(`${where}: "${key}" expects "accept", "none", a list of names, or {add: […], remove: […]}`);
}

function known(doc: Doc, keys: readonly string[], where: string): void {
  const unknown = Object.keys(doc).find((key) => !keys.includes(key));
  if (unknown !== undefined) throw new ScriptError(`${where}: unknown key "${unknown}" (expected ${keys.join(', ')})`);
}

const PROBE_KEYS = ['tier', 'notes', 'pass', 'ticks'];
const TIERS = ['suggested', 'none', 'excellent', 'partial', 'weak'] as const;

function probe(value: unknown, key: string, where: string): { tier?: string; spec: ProbeSpec } {
  if (typeof value === 'string') return { tier: value, spec: { pass: false, ticks: 'accept' } };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ScriptError(`${where}: "${key}" expects a mapping with notes and ticks`);
  const doc = value as Doc;
  known(doc, key === 'follow_up' ? PROBE_KEYS : PROBE_KEYS.slice(1), `${where}, ${key}`);
  return { tier: text(doc, 'tier', where), spec: { notes: text(doc, 'notes', where), pass: flag(doc, 'pass', where), ticks: ticks(doc.ticks, `${key}.ticks`, where) } };
}

const QUESTION_KEYS = ['id', 'notes', 'pass', 'not_asked', 'concepts', 'keywords', 'red_flags', 'follow_up', 'bar_raiser', 'rating', 'reason'];

/** Reads one parsed YAML document of a script; `where` names it in messages. */
export function parseScriptEntry(value: unknown, where: string): ScriptEntry {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ScriptError(`${where}: expected a mapping (notes, concepts, follow_up, … or decision)`);
  const doc = value as Doc;
  if (doc.quit === true && Object.keys(doc).length === 1) return { kind: 'quit' };
  if ('decision' in doc) {
    known(doc, ['decision', 'reason'], where);
    const decision = text(doc, 'decision', where);
    if (decision !== 'confirm' && !(RECOMMENDATIONS as readonly string[]).includes(decision ?? '')) {
      throw new ScriptError(`${where}: "decision" expects confirm or one of ${RECOMMENDATIONS.join(', ')}, got "${decision ?? ''}"`);
    }
    return { kind: 'decision', decision: decision as 'confirm' | Recommendation, reason: text(doc, 'reason', where) };
  }
  known(doc, QUESTION_KEYS, where);
  const rating = text(doc, 'rating', where);
  if (rating !== undefined && !(BANDS as readonly string[]).includes(rating)) throw new ScriptError(`${where}: "rating" expects one of ${BANDS.join(', ')}, got "${rating}"`);
  const followUp = doc.follow_up === undefined ? { tier: 'none', spec: { pass: false, ticks: 'accept' as const } } : probe(doc.follow_up, 'follow_up', where);
  const tier = followUp.tier ?? 'suggested';
  if (!(TIERS as readonly string[]).includes(tier)) throw new ScriptError(`${where}: "follow_up" tier expects one of ${TIERS.join(', ')}, got "${tier}"`);
  const bar = doc.bar_raiser;
  return {
    kind: 'question',
    id: text(doc, 'id', where),
    notes: text(doc, 'notes', where),
    pass: flag(doc, 'pass', where),
    notAsked: flag(doc, 'not_asked', where),
    concepts: ticks(doc.concepts, 'concepts', where),
    keywords: ticks(doc.keywords, 'keywords', where),
    redFlags: ticks(doc.red_flags, 'red_flags', where),
    followUp: { tier: tier as QuestionEntry['followUp']['tier'], probe: followUp.spec },
    barRaiser: bar === undefined || bar === false ? undefined : bar === true ? { pass: false, ticks: 'accept' } : probe(bar, 'bar_raiser', where).spec,
    rating: rating as Band | undefined,
    reason: text(doc, 'reason', where),
  };
}
