/**
 * A synthetic question bank for `npm run bench:lint`: N subjective question files of about 5 KB,
 * shaped like the seed files (every section, 4 mandatory and 5 bonus concepts, quoted samples,
 * follow-ups, bar raiser, metadata, optional assistant answer and exercises). Deterministic for a
 * given seed. Words are drawn from a shared 2,000-word vocabulary in random combinations, so
 * questions are not near-duplicates of each other, and each sample mentions its rubric so the
 * sample rules find little.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: small, fast and deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'cr', 'dr', 'gl', 'pl', 'st', 'tr', 'sh', 'ch'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
const CODAS = ['', 'n', 'r', 'l', 's', 'x', 'nd', 'rt', 'st', 'm', 'ck'];
const TECH = [
  'replica', 'leader', 'follower', 'quorum', 'snapshot', 'shard', 'cache', 'queue', 'buffer', 'lease', 'checkpoint',
  'heartbeat', 'partition', 'index', 'journal', 'stream', 'tenant', 'pool', 'token', 'bucket', 'window', 'cursor',
  'gateway', 'proxy', 'ledger', 'epoch', 'fence', 'vector', 'clock', 'digest', 'segment', 'compactor', 'scheduler',
];
const LINKS = ['because', 'so that', 'which means', 'while', 'although', 'since', 'and therefore', 'whereas'];

/** A made-up but pronounceable technical word. */
function inventWord(rng: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)] as T;
  const syllables = 2 + Math.floor(rng() * 2);
  let out = '';
  for (let i = 0; i < syllables; i++) out += pick(ONSETS) + pick(VOWELS);
  return out + pick(CODAS);
}

/**
 * The bank's vocabulary: 2,000 words shared by every file, as a real bank shares its field's
 * terms (so per-word caches behave as they would); files differ in how they combine them.
 */
const VOCABULARY: readonly string[] = (() => {
  const rng = prng(7);
  const words = new Set<string>();
  while (words.size < 2000) words.add(inventWord(rng));
  return [...words];
})();

function word(rng: () => number): string {
  return VOCABULARY[Math.floor(rng() * VOCABULARY.length)] as string;
}

function title(text: string): string {
  return text.replace(/\b\w/g, (c) => c.toUpperCase());
}

/** One question file's text. */
export function questionText(index: number, rng: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)] as T;
  const words = (n: number) => Array.from({ length: n }, () => word(rng));
  const level = 2 + Math.floor(rng() * 5);
  const topic = word(rng);
  const id = `${topic}-${word(rng)}-L${level}-${String(index).padStart(5, '0')}`;
  const concept = () => ({ name: title(`${word(rng)} ${pick(TECH)}`), description: `${title(pick(TECH))} ${words(3).join(' ')} under ${word(rng)} load` });
  const mandatory = Array.from({ length: 4 }, concept);
  const bonus = Array.from({ length: 5 }, concept);
  const terms = new Set<string>();
  while (terms.size < 15) terms.add(word(rng));
  const keywords = [...terms].slice(0, 8);
  const bonusKeywords = [...terms].slice(8);
  const sentence = (subject: string) =>
    `The ${subject} ${pick(['keeps', 'limits', 'shapes', 'drives', 'protects'])} the ${word(rng)} ${pick(TECH)} ${pick(LINKS)} the ${word(rng)} ${pick(TECH)} ${pick(['grows', 'stalls', 'recovers', 'fails', 'slows'])} under load.`;
  const explain = (c: { name: string; description: string }) => `${c.name} matters here: ${c.description.toLowerCase()}, ${pick(LINKS)} the ${word(rng)} ${pick(TECH)} must stay consistent.`;
  const excellent = [
    ...mandatory.map(explain),
    `I would watch ${keywords.slice(0, 4).join(', ')} closely, and tune ${keywords.slice(4).join(', ')} as the load changes.`,
    ...bonus.slice(0, 3).map(explain),
    `Beyond that, ${bonusKeywords.slice(0, 4).join(', ')} and ${bonusKeywords.slice(4).join(', ')} help when the system is busy.`,
    sentence(word(rng)),
  ].join(' ');
  const acceptable = [
    ...mandatory.slice(0, 3).map(explain),
    `I would look at ${keywords.slice(0, 6).join(', ')} first.`,
    explain(bonus[0]!),
  ].join(' ');
  const bullets = (list: ReadonlyArray<{ name: string; description: string }>) => list.map((c) => `- **${c.name}**: ${c.description}`).join('\n');
  const exercises = rng() < 0.5
    ? `
## assistant_answer
${sentence(word(rng))} ${sentence(word(rng))}

## improvement_suggestions
- ${sentence(word(rng))}
- ${sentence(word(rng))}

## improvement_exercises
### exercise_1 - ${title(word(rng))} Budget
**Question**: "${sentence(word(rng))} How would you size it?"

**Sample answer**: "${sentence(word(rng))} ${sentence(word(rng))}"
`
    : '';
  return `---
id: ${id}
type: subjective
level: L${level}
category: ${rng() < 0.7 ? 'baseline' : 'bar-raiser'}
topic: ${topic}
subtopic: ${word(rng)}-${word(rng)}
estimated_time: ${5 + Math.floor(rng() * 4)}-${9 + Math.floor(rng() * 4)} minutes
tags: [${words(3).join(', ')}]
---

# question_title - ${title(words(3).join(' '))} in ${title(pick(TECH))} Systems

## main_question - Core Question
"${sentence(word(rng))} ${sentence(word(rng))} Explain how you would diagnose the ${word(rng)} ${pick(TECH)} and what you would change, with the trade-offs."

## core_concepts - Must Mention (60%)
### mandatory_concepts
${bullets(mandatory)}

### expected_keywords
- Primary keywords: ${keywords.slice(0, 4).join(', ')}
- Technical terms: ${keywords.slice(4).join(', ')}

## peripheral_concepts - Nice to Have (40%)
### bonus_concepts
${bullets(bonus)}

### bonus_keywords
- Optimizations: ${bonusKeywords.slice(0, 4).join(', ')}
- Monitoring: ${bonusKeywords.slice(4).join(', ')}

## sample_excellent - Example Excellence
"${excellent}"

## sample_acceptable - Minimum Acceptable
"${acceptable}"

## common_mistakes - Watch Out For
- Missing the ${word(rng)} ${pick(TECH)} as the main cause
- Suggesting to remove the ${word(rng)} ${pick(TECH)} entirely
- Ignoring ${word(rng)} limits

## follow_up_excellent - Depth Probe
**Question**: "${sentence(word(rng))} What changes when the ${word(rng)} ${pick(TECH)} doubles?"
- **Looking for**: ${words(3).join(', ')}
- **Red flags**: Not understanding ${word(rng)} ${pick(TECH)}

## follow_up_partial - Guided Probe
**Question**: "If the ${word(rng)} ${pick(TECH)} takes twice as long, what is the minimum ${word(rng)}?"
- **Hint embedded**: ${title(word(rng))} adds a full ${pick(TECH)}
- **Concept testing**: Understanding ${word(rng)} overhead

## follow_up_weak - Foundation Check
**Question**: "If you had to wait for a ${word(rng)} before every ${pick(TECH)}, how would that affect speed?"
- **Simplification**: ${title(word(rng))} analogy
- **Building block**: Understanding ${word(rng)} operations

## bar_raiser_question - L${level}→L${level + 1} Challenge
"${sentence(word(rng))} Design a ${word(rng)} ${pick(TECH)} that keeps ${word(rng)} guarantees. Detail the challenges."

### bar_raiser_concepts
- ${title(word(rng))} classification
- Mixed ${word(rng)} models
- ${title(word(rng))} divergence handling
- Failover complexity

## metadata
- **Evaluation rubric**: See GUIDELINES.md
- **Time expectation**: 4-5 min answer + 4-5 min discussion
- **Common next topics**: ${words(3).map(title).join(', ')}
${exercises}`;
}

/** Writes `count` question files into `dir` (in sub-folders of 500), returns their paths. */
export function writeCorpus(dir: string, count: number, seed = 42): string[] {
  const rng = prng(seed);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `part-${String(Math.floor(i / 500)).padStart(3, '0')}`);
    if (i % 500 === 0) mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `q-${String(i).padStart(5, '0')}.md`);
    writeFileSync(file, questionText(i, rng));
    files.push(file);
  }
  return files;
}
