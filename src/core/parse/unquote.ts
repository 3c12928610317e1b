const OPEN_QUOTES = new Set(['"', '“', '”', '„']);
const CLOSE_QUOTES = new Set(['"', '”', '“']);

/** Drops one pair of outer quotes (straight or curly) from a trimmed string. */
export function unquote(text: string): { text: string; quoted: boolean } {
  const trimmed = text.trim();
  const first = trimmed.charAt(0);
  if (!OPEN_QUOTES.has(first)) return { text: trimmed, quoted: false };
  const last = trimmed.charAt(trimmed.length - 1);
  const inner = trimmed.length > 1 && CLOSE_QUOTES.has(last) ? trimmed.slice(1, -1) : trimmed.slice(1);
  return { text: inner.trim(), quoted: true };
}
