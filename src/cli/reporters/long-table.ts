import { createRequire } from 'node:module';
import { plainTable, tableText } from './plain-table.js';

/** A cell of a long table: text, or text spanning several columns. */
export type LongTableCell = string | { colSpan: number; content: string };

/** cli-table3's own measure of a cell (SGR codes left out, the widest line) and its line colouring, so the text matches exactly. */
const { strlen, colorizeLines } = createRequire(import.meta.url)('cli-table3/src/utils') as {
  strlen(text: string): number;
  colorizeLines(lines: readonly string[]): string[];
};

/** Printable ASCII: a column a character and nothing to colour; the common case, measured without string-width. */
const PLAIN = /^[\x20-\x7e]*$/;

const textOf = (cell: LongTableCell) => (typeof cell === 'string' ? cell : cell.content);
const spanOf = (cell: LongTableCell) => (typeof cell === 'string' ? 1 : cell.colSpan);
const widthOf = (text: string) => (PLAIN.test(text) ? text.length : strlen(text));

/**
 * `tableText(plainTable(head) + rows)` for any number of rows, in linear time. cli-table3 lays
 * out a table in time quadratic in its rows (`qbank list` of 10,000 questions: 20 s), so the
 * column widths are computed here as cli-table3 computes them (spanning cells widen the columns
 * they cover, last row first) and each row is drawn as cli-table3 draws it with those widths: a
 * row of one-line cells here, a row with a line break by a one-row cli-table3 table. The same
 * text; test/cli/long-table.test.ts checks it against cli-table3.
 */
export function longTableText(head: readonly string[], rows: ReadonlyArray<readonly LongTableCell[]>): string {
  const widths = columnWidths([head, ...rows]);
  const lines: string[] = [];
  const draw = (row: readonly LongTableCell[], isHead: boolean) => {
    const line = row.some((cell) => textOf(cell).includes('\n')) ? undefined : drawLine(row, widths);
    if (line !== undefined) {
      lines.push(line.trimEnd());
      return;
    }
    const table = plainTable(isHead ? row.map(textOf) : [], widths);
    if (!isHead) table.push([...row]);
    for (const drawn of tableText(table).split('\n')) lines.push(drawn);
  };
  draw(head, true);
  for (const row of rows) draw(row, false);
  return lines.join('\n');
}

/** A row of one-line cells as cli-table3 draws it (left-aligned, no padding, two spaces between); undefined if a cell would not fit. */
function drawLine(row: readonly LongTableCell[], widths: readonly number[]): string | undefined {
  let line = '';
  let x = 0;
  for (const cell of row) {
    const span = spanOf(cell);
    let width = -1;
    for (let i = x; i < x + span; i++) width += (widths[i] ?? 0) + 1;
    const text = textOf(cell);
    const content = PLAIN.test(text) ? text : (colorizeLines([text])[0] ?? '');
    const used = widthOf(content);
    if (used > width) return undefined;
    line += `${x === 0 ? '' : '  '}${content}${' '.repeat(width - used)}`;
    x += span;
  }
  return line;
}

/** cli-table3's `computeWidths` (layout-manager.js) for rows without row spans and no fixed widths. */
function columnWidths(rows: ReadonlyArray<readonly LongTableCell[]>): number[] {
  const result: number[] = [];
  const spanners: Array<{ x: number; span: number; width: number }> = [];
  for (const row of rows) {
    let x = 0;
    for (const cell of row) {
      const span = spanOf(cell);
      const width = widthOf(textOf(cell));
      if (span > 1) spanners.push({ x, span, width });
      else result[x] = Math.max(result[x] ?? 0, width, 1);
      x += span;
    }
  }
  const auto: number[] = [];
  for (let k = spanners.length - 1; k >= 0; k--) {
    const { x, span, width } = spanners[k] as { x: number; span: number; width: number };
    let existing = result[x];
    let editable = 1;
    if (existing !== undefined) {
      for (let i = 1; i < span; i++) {
        existing += 1 + (result[x + i] as number);
        editable++;
      }
    } else {
      existing = width - 1;
      if (!auto[x] || auto[x] < existing) auto[x] = existing;
    }
    for (let i = 0; editable > 0 && width > existing; i++, editable--) {
      const dif = Math.round((width - existing) / editable);
      existing += dif;
      result[x + i] = (result[x + i] as number) + dif;
    }
  }
  const widths = Object.assign([] as number[], result, auto);
  for (let j = 0; j < widths.length; j++) widths[j] = Math.max(1, widths[j] || 0);
  return widths;
}
