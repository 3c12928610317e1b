import { createRule } from '../create-rule.js';
import type { Finding, RuleContext } from '../rule.js';
import type { Question } from '../../model/question.js';
import { CONTROL_CHARACTER_CLASS, controlCharacterPattern, describeControlCharacter, isBidiControl, visibleControlCharacter } from '../../text/control-characters.js';

/** Findings kept per file: a file saved in the wrong encoding can hold thousands. */
const MAX_FINDINGS = 20;

/** A run of one control character, reported as one finding. */
const RUNS = new RegExp(`(${CONTROL_CHARACTER_CLASS})\\1*`, 'g');

/** The frontmatter values as written under their YAML keys, for escapes such as `"\e[2J"`. */
function frontmatterValues(question: Question): Array<[string, unknown]> {
  const fm = question.frontmatter;
  const known: Array<[string, unknown]> = [['id', fm.id], ['topic', fm.topic], ['subtopic', fm.subtopic], ['tags', fm.tags], ['aliases', fm.aliases]];
  return [...known, ...Object.entries(fm.extra)].filter(([key, value]) => value !== undefined && fm.spans[key] !== undefined);
}

/** The first control character in any string inside `value`. */
function firstControl(value: unknown): string | undefined {
  if (typeof value === 'string') return controlCharacterPattern('').exec(value)?.[0];
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstControl(item);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = firstControl(key) ?? firstControl(item);
      if (found) return found;
    }
  }
  return undefined;
}

export const textControlCharacter = createRule({
  id: 'text-control-character',
  severity: 'error',
  description: 'No control characters (ESC, BEL, C1 controls) or bidirectional overrides anywhere in the file, raw or as YAML escapes.',
  messages: {
    control: 'The control character {{name}} is in the text; remove it (terminals act on it; qbank prints it as "{{shown}}")',
    bidi: 'The invisible {{name}} is in the text; remove it (it makes text display in another order than it is stored)',
    escaped: 'The value of "{{key}}" holds the control character {{name}}, written as a YAML escape; remove the escape',
    more: '{{count}} more control characters in this file; remove them all (qbank lint reports the first {{max}})',
  },
  check(question, context) {
    const findings: Array<Finding<'control' | 'bidi' | 'escaped'>> = [];
    let extra = 0;
    const add = (finding: Finding<'control' | 'bidi' | 'escaped'>) => {
      if (findings.length < MAX_FINDINGS) findings.push(finding);
      else extra += 1;
    };

    // Raw characters: each run of the same character is one finding, spanning the run.
    for (const match of context.text.matchAll(RUNS)) {
      const start = match.index;
      const char = match[1] ?? '';
      const code = char.codePointAt(0) ?? 0;
      const data = { name: describeControlCharacter(char), shown: visibleControlCharacter(char) };
      add({ messageId: isBidiControl(code) ? 'bidi' : 'control', span: context.lines.spanAt(start, start + match[0].length), data });
    }

    // YAML escapes in the frontmatter decode to the same characters; the key is where they are.
    for (const [key, value] of frontmatterValues(question)) {
      const char = firstControl(value);
      const span = question.frontmatter.spans[key];
      if (char === undefined || span === undefined || writtenRaw(context, key, question)) continue;
      add({ messageId: 'escaped', span, data: { key, name: describeControlCharacter(char) } });
    }

    for (const finding of findings) context.report(finding);
    if (extra > 0) {
      const last = findings[findings.length - 1];
      if (last) context.report({ messageId: 'more', span: last.span, data: { count: extra, max: MAX_FINDINGS } });
    }
  },
});

/**
 * Whether the lines of `key` in the frontmatter (up to the next key or the closing `---`) hold a
 * raw control character, which is reported where it is written.
 */
function writtenRaw(context: RuleContext, key: string, question: Question): boolean {
  const keyLines = new Set(Object.values(question.frontmatter.spans).map((span) => span.start.line));
  const first = question.frontmatter.spans[key]?.start.line ?? 1;
  const pattern = controlCharacterPattern('');
  for (let line = first; line <= context.lines.lineCount; line++) {
    const text = context.lines.lineText(line);
    if (line > first && (keyLines.has(line) || /^(---|\.\.\.)[ \t]*$/.test(text))) return false;
    if (pattern.test(text)) return true;
  }
  return false;
}
