import type { Diagnostic } from '../../core/model/diagnostic.js';
import { countBySeverity } from '../../core/model/diagnostic.js';

/** `qbank lint --format json`: one object other tools rely on. */
export function formatLintJson(files: number, diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const shaped = diagnostics.map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine ?? d.line,
    endColumn: d.endColumn ?? d.column,
    severity: d.severity,
    ruleId: d.ruleId,
    message: d.message,
  }));
  return `${JSON.stringify({ files, errors, warnings, diagnostics: shaped }, null, 2)}\n`;
}
