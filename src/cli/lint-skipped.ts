import path from 'node:path';
import type { SkippedPath } from '../adapters/find-question-files.js';
import { displayPath } from '../adapters/package-paths.js';
import { unreadableFile } from '../adapters/question-files.js';
import { diagnosticAt } from '../core/model/diagnostic.js';
import { START_OF_FILE } from '../core/model/position.js';
import type { LintDiagnostic } from '../core/lint/rule.js';
import { applySettings, lintParsed, type RuleSetting } from '../core/lint/run.js';

/** The message of a folder left out of a walk (the `folder-skipped` rule). */
export function skippedFolderMessage(reason: string): string {
  return `The folder is left out, with every question in it: ${reason}; fix its permissions or the link to check them`;
}

/**
 * What the folder walk left out, as lint findings with the config applied: a question file
 * that cannot be read is a `file-unreadable` error, a folder a `folder-skipped` warning.
 */
export function skippedDiagnostics(skipped: readonly SkippedPath[], cwd: string, rules: Readonly<Record<string, RuleSetting>>): LintDiagnostic[] {
  const out: LintDiagnostic[] = [];
  for (const { kind, path: where, reason } of skipped) {
    const label = displayPath(where, cwd);
    if (kind === 'file') out.push(...lintParsed(unreadableFile(label, reason), label, { rules }));
    else out.push(...applySettings([diagnosticAt(label, START_OF_FILE, 'folder-skipped', 'warning', skippedFolderMessage(reason))], '', rules));
  }
  return out;
}

/** Why `qbank lint` stops when the paths it was given hold no question file. */
export function noFilesMessage(paths: readonly string[], roots: readonly string[], cwd: string): string {
  const named = (paths.length > 0 ? paths : roots.map((root) => path.relative(cwd, root) || root)).map((p) => `"${p}"`).join(', ');
  return `No question files in ${named}: qbank checks the .md files in a folder and its sub-folders (not README.md or GUIDELINES.md, nor dot-folders or node_modules); name a question file, or a folder that holds some`;
}
