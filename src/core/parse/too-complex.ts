import type { Diagnostic } from '../model/diagnostic.js';
import { diagnosticAt } from '../model/diagnostic.js';
import type { Span } from '../model/position.js';
import { formatMessage } from '../lint/rule.js';
import { fileTooComplex } from '../lint/rules/file-too-complex.js';

/** A `file-too-complex` error: the message of `messageId` with its slots (numbers written with thousands separators). */
export function tooComplex(file: string, span: Span, messageId: string, data: Readonly<Record<string, string | number>> = {}): Diagnostic {
  const slots: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) slots[key] = typeof value === 'number' ? value.toLocaleString('en') : value;
  return diagnosticAt(file, span, fileTooComplex.id, 'error', formatMessage(fileTooComplex.messages[messageId] ?? messageId, slots));
}
