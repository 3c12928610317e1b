import Table from 'cli-table3';

/**
 * A borderless table (two spaces between columns), so output stays narrow and pastes cleanly.
 * `colWidths` fixes the widths instead of measuring the rows (long-table.ts).
 */
export function plainTable(head: readonly string[], colWidths?: readonly number[]): Table.Table {
  return new Table({
    head: [...head],
    ...(colWidths ? { colWidths: [...colWidths] } : {}),
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
      bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
    },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
}

/** A table's text with trailing spaces dropped from every line. */
export function tableText(table: Table.Table): string {
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}
