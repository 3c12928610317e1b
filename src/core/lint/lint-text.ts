import type { Question } from '../model/question.js';
import { parseQuestion } from '../parse/parse-question.js';
import { applyFixes } from './fixes.js';
import type { LintDiagnostic } from './rule.js';
import { lintParsed, type LintOptions } from './run.js';

/** The outcome of linting one file's text. */
export interface TextLintResult {
  /** Findings left in the file (after fixing, when fixing). */
  diagnostics: LintDiagnostic[];
  /** The model, when the file could be read as a question (for bank rules). */
  question: Question | undefined;
  /** With `fix`: the repaired text as saved (undefined when nothing changed). */
  output?: string;
  /** With `fix`: how many fixes were applied. */
  fixed?: number;
}

/** Repeats fixing this many times at most: a fix can reveal another (overlapping ones wait a pass). */
const MAX_FIX_PASSES = 5;

/** Lints a file's text (as read, BOM and CRLF included); with `fix`, applies safe fixes first. */
export function lintText(rawText: string, file: string, options: LintOptions & { fix?: boolean } = {}): TextLintResult {
  let text = rawText;
  let fixed = 0;
  for (let pass = 0; ; pass++) {
    const parsed = parseQuestion(text, file);
    const diagnostics = lintParsed(parsed, file, options);
    const fixes = diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
    if (!options.fix || fixes.length === 0 || pass === MAX_FIX_PASSES) {
      if (!options.fix) return { diagnostics, question: parsed.question };
      return { diagnostics, question: parsed.question, output: fixed > 0 ? text : undefined, fixed };
    }
    const result = applyFixes(text, fixes);
    if (result.applied === 0) return { diagnostics, question: parsed.question, output: fixed > 0 ? text : undefined, fixed };
    text = result.text;
    fixed += result.applied;
  }
}
