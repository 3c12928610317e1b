import type { Span } from './position.js';

export type Severity = 'error' | 'warning';

/** One finding about a file; the shape every command and reporter shares. */
export interface Diagnostic {
  /** Stable id of the rule or check that found it, e.g. `section-required`. */
  ruleId: string;
  severity: Severity;
  /** What is wrong and what to do, without a position or an `Error:` prefix. */
  message: string;
  /** The file as the user named it (or as found under a bank folder). */
  file: string;
  /** 1-based line of the start. */
  line: number;
  /** 1-based column of the start. */
  column: number;
  /** 1-based line of the end, when the finding covers a range. */
  endLine?: number;
  /** 1-based column just past the end. */
  endColumn?: number;
}

/** Builds a diagnostic located at a span of a file. */
export function diagnosticAt(
  file: string,
  span: Span,
  ruleId: string,
  severity: Severity,
  message: string,
): Diagnostic {
  return {
    ruleId,
    severity,
    message,
    file,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
  };
}

/** Orders diagnostics by file, then position, then rule id. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
