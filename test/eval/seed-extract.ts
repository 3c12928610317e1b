import { createHash } from 'node:crypto';

/** One interview question of the performance seed, with the answers it calls strong and weak. */
export interface SeedQuestion {
  /** Stable key: the first 10 hex digits of the SHA-1 of the question text. */
  key: string;
  /** The question as the seed words it (read at run time, never stored in the repo). */
  question: string;
  strong: string[];
  weak: string[];
}

const key = (text: string) => createHash('sha1').update(text.trim()).digest('hex').slice(0, 10);
const QUOTED = /[“"]([^”"]{3,}?)[”"]/g;
const FOLLOW_UP = /^- (Failure mode|Rollout|Rollback|Measurement|Cost|Security\/governance):/;
const BLOCK_END = /^(Interview Question:|Work-Sample Prompt|Diagnose from Signals|Real-World Story|Scenario:|\d+\.\d+[a-z]? )/;
const REFERENCE = /^- [^“]*— “/;

/**
 * Reads the seed's two shapes of interview material:
 * - `Interview Question: …` followed by answer bullets, weak quotes with a critique in
 *   parentheses (`- “…” (Too vague …)`) and strong quotes without one;
 * - scenario sections whose line holds `What weak candidates say: “…” … What strong candidates
 *   say: …`, titled by the line before.
 */
export function extractSeedQuestions(text: string): SeedQuestion[] {
  const lines = text.split('\n');
  const found = new Map<string, SeedQuestion>();
  const add = (question: string, strong: string[], weak: string[]) => {
    const k = key(question);
    const entry = found.get(k) ?? { key: k, question, strong: [], weak: [] };
    entry.strong.push(...strong.filter((s) => s.trim().length > 0));
    entry.weak.push(...weak);
    found.set(k, entry);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('Interview Question:')) {
      const question = line.slice('Interview Question:'.length).trim();
      if (lines[i - 1] === line) continue;
      const strongSteps: string[] = [];
      const strongQuotes: string[] = [];
      const weak: string[] = [];
      for (let j = i + 1; j < lines.length; j++) {
        const next = lines[j] ?? '';
        if (next === line) continue;
        if (BLOCK_END.test(next) || FOLLOW_UP.test(next) || REFERENCE.test(next)) break;
        const quoted = /^- [“"](.+)[”"]\s*(\((.+)\))?\s*$/.exec(next);
        if (quoted?.[1]) (quoted[2] ? weak : strongQuotes).push(quoted[1]);
        else if (next.trim() !== '') strongSteps.push(next.replace(/^- /, ''));
      }
      add(question, [strongSteps.join('\n'), ...strongQuotes], weak);
      continue;
    }
    const weakAt = line.indexOf('What weak candidates say:');
    if (weakAt !== -1) {
      const strongAt = line.indexOf('What strong candidates say:', weakAt);
      const weakPart = line.slice(weakAt, strongAt === -1 ? undefined : strongAt);
      const weak = [...weakPart.matchAll(QUOTED)].map((m) => m[1] as string);
      const strongParts: string[] = [];
      if (strongAt !== -1) {
        const rest = line.slice(strongAt + 'What strong candidates say:'.length);
        strongParts.push(rest.split(/Words that impress:|Follow-up:|Going Deeper:/)[0] ?? '');
        for (let j = i + 1; j < lines.length && (lines[j] ?? '').startsWith('- '); j++) strongParts.push((lines[j] ?? '').slice(2));
      }
      const title = (lines[i - 1] ?? '').trim();
      add(title, [strongParts.join('\n')], weak);
    }
  }
  return [...found.values()].filter((q) => q.strong.length > 0);
}
