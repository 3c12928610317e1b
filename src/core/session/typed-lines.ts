/**
 * Where lines typed so far differ from the lines already saved: the position from which the
 * saved copy must be replaced, or undefined when the two agree. Saving only `lines.slice(from)`
 * keeps each line written once, in order, however often the adapter reports the text.
 */
export function changedFrom(saved: readonly string[], lines: readonly string[]): number | undefined {
  let from = 0;
  while (from < saved.length && from < lines.length && saved[from] === lines[from]) from += 1;
  return from === lines.length && from === saved.length ? undefined : from;
}
