import { START_OF_FILE } from '../core/model/position.js';
import type { LintDiagnostic } from '../core/lint/rule.js';
import { lintParsed, type RuleSetting } from '../core/lint/run.js';
import type { ParsedQuestion } from '../core/parse/parse-question.js';
import type { SkippedPath } from './find-question-files.js';
import { displayPath } from './package-paths.js';
import { unreadableFile } from './question-files.js';

/**
 * What the folder walk left out, as lint findings with the config applied: a question file
 * that cannot be read is a `file-unreadable` error, a folder a `folder-skipped` warning.
 */
export function skippedDiagnostics(skipped: readonly SkippedPath[], cwd: string, rules: Readonly<Record<string, RuleSetting>>): LintDiagnostic[] {
  const out: LintDiagnostic[] = [];
  for (const { kind, path: where, reason } of skipped) {
    const label = displayPath(where, cwd);
    if (kind === 'file') out.push(...lintParsed(unreadableFile(reason), label, { rules }));
    else out.push(...lintParsed(leftOutFolder(reason), label, { rules }));
  }
  return out;
}

/** A folder the walk left out: no question, only the fact and why, for `folder-skipped`. */
function leftOutFolder(reason: string): ParsedQuestion {
  return { question: undefined, facts: [{ fact: 'folder-left-out', span: START_OF_FILE, data: { reason } }], text: '', usable: false };
}
