import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { MAX_FRONTMATTER_DEPTH, MAX_FRONTMATTER_KEYS } from './limits.js';

/** What one pass over a frontmatter document finds about its keys. */
export interface FrontmatterKeys {
  /** Offsets of keys written twice in one mapping (each repeat), as the YAML library reports them. */
  duplicates: number[];
  /** Offset of the first key (or list item) past `MAX_FRONTMATTER_KEYS`, when there are more. */
  pastCap?: number;
}

/**
 * Finds repeated keys and counts keys, in one pass over the document with a set per mapping:
 * linear, where the YAML library's own check (`uniqueKeys`) compares each key with every key
 * before it (50,000 keys took minutes). An explicit stack: a document may nest deeply.
 */
export function checkFrontmatterKeys(document: Document.Parsed): FrontmatterKeys {
  const duplicates: number[] = [];
  let count = 0;
  let pastCap: number | undefined;
  const stack: unknown[] = [document.contents];
  while (stack.length > 0 && pastCap === undefined) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const item of node.items) {
        if (!isPair(item)) continue;
        count++;
        const key = item.key as Node | null;
        if (count === MAX_FRONTMATTER_KEYS + 1) pastCap = key?.range?.[0] ?? (item.value as Node | null)?.range?.[0];
        if (isScalar(key)) {
          if (seen.has(key.value)) duplicates.push(key.range?.[0] ?? 0);
          else seen.add(key.value);
        }
        stack.push(item.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        count++;
        if (count === MAX_FRONTMATTER_KEYS + 1) pastCap = (item as Node | null)?.range?.[0];
        stack.push(item);
      }
    }
  }
  return pastCap === undefined ? { duplicates } : { duplicates, pastCap };
}

/**
 * The deepest nesting of flow brackets (`[`, `{`) in YAML source, counted in one pass without
 * reading quotes (a quoted bracket counts too: only absurd nesting is refused). The YAML library
 * recurses once per level, and spends seconds on a few thousand.
 */
export function flowDepthPastCap(source: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source.charCodeAt(i);
    if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > MAX_FRONTMATTER_DEPTH) return i;
    } else if ((ch === 0x5d || ch === 0x7d) && depth > 0) depth--;
  }
  return undefined;
}
