import { createBankRule } from '../create-rule.js';
import type { BankEntry } from '../rule.js';
import { SIGNATURE_LENGTH, bandKey, similarity } from '../minhash.js';

/** Signature positions per LSH band: 16 bands of 4 catch pairs above 0.6 similarity with p > 0.87. */
const ROWS = 4;
/** A bucket compares a newcomer with at most this many earlier members: bounded work on big clusters. */
const MAX_COMPARED = 32;

export const nearDuplicate = createBankRule({
  id: 'near-duplicate',
  severity: 'warning',
  description: 'No two questions ask nearly the same thing (by title and question text).',
  messages: {
    similar: 'This question reads like {{other}} ({{percent}}% of their wording is shared); merge them, or make the difference between the two clear',
  },
  needsSignatures: true,
  defaultOptions: { threshold: 0.7 },
  check(entries, report, options) {
    const { threshold } = options;
    const bands = SIGNATURE_LENGTH / ROWS;
    // Most buckets hold one entry: keep it bare, and make a list only when a second arrives.
    const buckets = Array.from({ length: bands }, () => new Map<number, BankEntry | BankEntry[]>());
    const sorted = entries.filter((e) => e.signature).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    for (const entry of sorted) {
      const signature = entry.signature as ArrayLike<number>;
      let best: { other: BankEntry; score: number } | undefined;
      let compared: Set<BankEntry> | undefined;
      for (let band = 0; band < bands; band++) {
        const key = bandKey(signature, band * ROWS, ROWS);
        const map = buckets[band] as Map<number, BankEntry | BankEntry[]>;
        const held = map.get(key);
        if (held === undefined) {
          map.set(key, entry);
          continue;
        }
        const bucket = Array.isArray(held) ? held : [held];
        for (let i = Math.max(0, bucket.length - MAX_COMPARED); i < bucket.length; i++) {
          const other = bucket[i] as BankEntry;
          compared ??= new Set();
          if (compared.has(other)) continue;
          compared.add(other);
          const score = similarity(signature, other.signature as ArrayLike<number>);
          if (score >= threshold && (!best || score > best.score)) best = { other, score };
        }
        if (bucket.length < MAX_COMPARED * 4) bucket.push(entry);
        if (bucket !== held) map.set(key, bucket);
      }
      if (best) {
        report(entry.file, {
          messageId: 'similar',
          span: entry.questionSpan ?? entry.idSpan,
          data: { other: best.other.file, percent: Math.round(best.score * 100) },
        });
      }
    }
  },
});
