/**
 * Prepares a decoded file for parsing: drops a byte-order mark and turns CRLF and lone CR
 * line breaks into LF. Lines and columns are unchanged by this, so positions computed on the
 * result hold for the file as saved.
 */
export function normaliseSourceText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}
