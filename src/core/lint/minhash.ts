/**
 * MinHash signatures of word shingles: two texts' signatures agree in about the same share of
 * positions as the Jaccard similarity of their shingle sets, so near-duplicates can be found by
 * comparing short signatures (and bucketing bands of them) instead of every pair of full texts.
 */

/** Positions in a signature; 64 gives a standard error of about 0.06 on the similarity. */
export const SIGNATURE_LENGTH = 64;
/** Words per shingle. */
const SHINGLE = 3;

// Fixed odd multipliers and offsets, one pair per position (from a fixed xorshift sequence).
const SALTS: ReadonlyArray<readonly [number, number]> = (() => {
  let state = 0x9e3779b9;
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  return Array.from({ length: SIGNATURE_LENGTH }, () => [next() | 1, next()] as const);
})();

/** FNV-1a over a string, 32 bits. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Lower case words of letters and digits. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The MinHash signature of a text's word shingles; undefined for texts shorter than one shingle. */
export function minhash(text: string): number[] | undefined {
  const list = words(text);
  if (list.length < SHINGLE) return undefined;
  const shingles = new Set<number>();
  for (let i = 0; i + SHINGLE <= list.length; i++) shingles.add(fnv1a(list.slice(i, i + SHINGLE).join(' ')));
  const signature = new Array<number>(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let k = 0; k < SIGNATURE_LENGTH; k++) {
      const [a, b] = SALTS[k] as readonly [number, number];
      const value = (Math.imul(shingle ^ b, a) ^ (shingle >>> 15)) >>> 0;
      if (value < (signature[k] as number)) signature[k] = value;
    }
  }
  return signature;
}

/** The estimated Jaccard similarity of two signatures' texts, 0…1. */
export function similarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_LENGTH; k++) if (a[k] === b[k]) same++;
  return same / SIGNATURE_LENGTH;
}

/** A number standing for positions `from`…`from + count` of a signature (for LSH buckets). */
export function bandKey(signature: ArrayLike<number>, from: number, count: number): number {
  let hash = 0x811c9dc5;
  for (let k = from; k < from + count; k++) hash = Math.imul(hash ^ (signature[k] as number), 0x01000193);
  // Two 32-bit mixes side by side: collisions only cost a comparison, but keep them rare.
  let second = 0x9e3779b9;
  for (let k = from; k < from + count; k++) second = Math.imul(second ^ (signature[k] as number), 0x85ebca6b) ^ (second >>> 13);
  return (hash >>> 0) * 0x200000 + ((second >>> 0) & 0x1fffff);
}
