import type { Position } from '../model/position.js';
import type { Fix } from './rule.js';

/**
 * Line starts of a file exactly as saved. A byte-order mark is not a column, and CRLF or a lone
 * CR ends a line as LF does: the parser normalises both away, so its lines and columns hold here.
 */
class RawLines {
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) this.starts.push(i + 1);
      else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** The offset of a position, or undefined when the position is not in the file. */
  offsetAt(position: Position): number | undefined {
    const start = this.starts[position.line - 1];
    if (start === undefined) return undefined;
    const next = this.starts[position.line];
    const lineEnd = next === undefined ? this.text.length : lineBreakStart(this.text, next);
    const offset = start + position.column - 1;
    return offset > lineEnd ? undefined : offset;
  }

  /** The file's line break, for replacement text that spans lines. */
  get lineBreak(): string {
    const lf = this.text.indexOf('\n');
    if (lf > 0 && this.text[lf - 1] === '\r') return '\r\n';
    if (lf === -1 && this.text.includes('\r')) return '\r';
    return '\n';
  }
}

/** Where the line break ending the line before `nextStart` begins. */
function lineBreakStart(text: string, nextStart: number): number {
  if (text[nextStart - 1] === '\n' && text[nextStart - 2] === '\r') return nextStart - 2;
  return nextStart - 1;
}

/**
 * Applies fixes to a file's text as saved (BOM and CRLF kept). Everything outside the fixed
 * ranges stays byte-identical. Fixes that overlap an earlier one, or point outside the file,
 * are skipped; run lint again to see what is left.
 */
export function applyFixes(original: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const lines = new RawLines(original);
  const located = fixes
    .map((fix) => ({ fix, start: lines.offsetAt(fix.span.start), end: lines.offsetAt(fix.span.end) }))
    .filter((f): f is { fix: Fix; start: number; end: number } => f.start !== undefined && f.end !== undefined && f.end >= f.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const lineBreak = lines.lineBreak;
  let out = '';
  let cursor = 0;
  let applied = 0;
  for (const { fix, start, end } of located) {
    if (start < cursor) continue;
    if (original.slice(start, end) === fix.text) continue;
    out += original.slice(cursor, start) + (lineBreak === '\n' ? fix.text : fix.text.replace(/\n/g, lineBreak));
    cursor = end;
    applied++;
  }
  out += original.slice(cursor);
  return { text: out, applied };
}
