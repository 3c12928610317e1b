import type { Question } from '../model/question.js';
import { START_OF_FILE } from '../model/position.js';
import { minhash } from './minhash.js';
import { isPlaceholder } from './placeholder.js';
import type { BankEntry } from './rule.js';

/** What bank rules need of one question; the model itself can then be dropped. */
export function bankEntry(question: Question, options: { signatures?: boolean; disabled?: Iterable<string> } = {}): BankEntry {
  const asked = question.type === 'mcq' ? question.question : question.mainQuestion;
  const entry: BankEntry = {
    file: question.file,
    id: question.frontmatter.id,
    idSpan: question.frontmatter.spans.id ?? START_OF_FILE,
  };
  if (asked) entry.questionSpan = asked.span;
  const disabled = options.disabled ? [...options.disabled] : [];
  if (disabled.length > 0) entry.disabled = disabled;
  if (options.signatures && asked && !isPlaceholder(asked.text)) {
    const signature = minhash(`${question.title?.text ?? ''} ${asked.text}`);
    if (signature) entry.signature = signature;
  }
  return entry;
}
