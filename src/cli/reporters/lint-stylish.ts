import type { Diagnostic } from '../../core/model/diagnostic.js';
import { countBySeverity } from '../../core/model/diagnostic.js';
import type { Style } from '../style.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** ESLint's stylish layout: findings grouped by file, then one summary line (and what --fix can do). */
export function formatLintStylish(
  files: number,
  diagnostics: ReadonlyArray<Diagnostic & { fix?: unknown }>,
  style: Style,
  options: { fixedFiles?: number; hiddenWarnings?: number } = {},
): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(style.underline(file));
    // A loop, not Math.max(...list): a spread of 125,000 arguments overflows the stack.
    let positionWidth = 0;
    for (const d of list) positionWidth = Math.max(positionWidth, `${d.line}:${d.column}`.length);
    for (const d of list) {
      const position = `${d.line}:${d.column}`.padEnd(positionWidth);
      const severity = d.severity === 'error' ? style.red('error  ') : style.yellow('warning');
      out.push(`  ${style.dim(position)}  ${severity}  ${d.message}  ${style.dim(d.ruleId)}`);
    }
    out.push('');
  }
  const { errors, warnings } = countBySeverity(diagnostics);
  const checked = plural(files, 'file');
  if (options.fixedFiles !== undefined && options.fixedFiles > 0) out.push(style.green(`Fixed ${plural(options.fixedFiles, 'file')}.`));
  const hidden = options.hiddenWarnings ?? 0;
  if (errors + warnings === 0 && hidden > 0) {
    // --quiet left warnings out: "no problems" would contradict a --max-warnings failure.
    out.push(style.yellow(`${checked} checked, no errors; ${plural(hidden, 'warning')} not shown (--quiet)`));
  } else if (errors + warnings === 0) {
    out.push(style.green(`✔ ${checked} checked, no problems`));
  } else {
    const summary = `✖ ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${checked}`;
    out.push(errors > 0 ? style.red.bold(summary) : style.yellow.bold(summary));
    const fixable = diagnostics.filter((d) => d.fix !== undefined).length;
    if (fixable > 0) out.push(style.dim(`  ${plural(fixable, 'problem')} can be fixed with "qbank lint --fix"`));
  }
  return `${out.join('\n')}\n`;
}
