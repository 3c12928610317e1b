/** Word tokens of a text, lower-cased: letters and digits only, so markup and quotes do not count. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Tokens of `expected` that `actual` has fewer of (a multiset difference); empty when nothing is lost. */
export function missingTokens(expected: string, actual: string): string[] {
  const have = new Map<string, number>();
  for (const token of wordTokens(actual)) have.set(token, (have.get(token) ?? 0) + 1);
  const missing: string[] = [];
  for (const token of wordTokens(expected)) {
    const left = have.get(token) ?? 0;
    if (left === 0) missing.push(token);
    else have.set(token, left - 1);
  }
  return missing;
}

/** Every string value inside a value, joined (object keys and span numbers excluded). */
export function stringsOf(value: unknown, skipKeys: ReadonlySet<string> = new Set(['kind', 'span', 'nameSpan', 'valueSpan', 'textSpan', 'contentSpan', 'weightSpan'])): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((item) => stringsOf(item, skipKeys)).join(' ');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([key]) => !skipKeys.has(key))
      .map(([, item]) => stringsOf(item, skipKeys))
      .join(' ');
  }
  return '';
}
