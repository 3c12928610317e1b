import type { Position } from '../model/position.js';
import type { Question } from '../model/question.js';
import { parseQuestion } from '../parse/parse-question.js';
import { applyFixes } from './fixes.js';
import type { Fix, LintDiagnostic } from './rule.js';
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
    const result = parsed.usable ? keepingUsable(text, fixes, file) : applyFixes(text, fixes);
    if (result.applied === 0) return { diagnostics, question: parsed.question, output: fixed > 0 ? text : undefined, fixed };
    text = result.text;
    fixed += result.applied;
  }
}

/**
 * Applies fixes to a file the bank can serve so that it still can: all at once when the result
 * loads, else one at a time, each kept only when the file still loads after it. A fix must
 * never turn a usable question into one the bank leaves out.
 */
function keepingUsable(text: string, fixes: readonly Fix[], file: string): { text: string; applied: number } {
  const all = applyFixes(text, fixes);
  if (all.applied === 0 || parseQuestion(all.text, file).usable) return all;
  // From the end of the file back, so a kept fix never moves the positions of the ones before it.
  const order = [...fixes].sort((a, b) => comparePositions(b.span.start, a.span.start));
  let current = text;
  let applied = 0;
  let keptFrom: Position | undefined;
  for (const fix of order) {
    if (keptFrom && comparePositions(fix.span.end, keptFrom) > 0) continue;
    const one = applyFixes(current, [fix]);
    if (one.applied === 0 || !parseQuestion(one.text, file).usable) continue;
    current = one.text;
    applied += one.applied;
    keptFrom = fix.span.start;
  }
  return { text: current, applied };
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column;
}
