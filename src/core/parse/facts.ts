import type { z } from 'zod';
import type { Span } from '../model/position.js';

/**
 * What reading a file saw that a lint rule may report: a fact with its position and the values
 * a message needs, never a message or a severity. Each kind belongs to one rule
 * (`Rule.facts`), which decides what to say about it; the parser only says what it saw.
 */
export type ParseFact<K extends FactKind = FactKind> = { [P in K]: { fact: P; span: Span; data: FactData[P] } }[K];

/** The kinds of fact, by what each holds besides its span. */
export interface FactData {
  /** The file could not be read at all (permissions, a FIFO, a broken link). */
  'file-unreadable': { reason: string };
  /** The file is over the size limit, unread. */
  'file-too-large': { bytes: number };
  /** The file's bytes are not UTF-8, at the first byte that is not. */
  'file-not-utf8': Record<never, never>;
  /** A folder the walk left out, with the questions in it. */
  'folder-left-out': { reason: string };
  /** The file does not open with a `---` line. */
  'frontmatter-absent': Record<never, never>;
  /** The frontmatter has no closing `---` line. */
  'frontmatter-unclosed': Record<never, never>;
  /** The opening `---` names a language other than YAML (`---js`). */
  'frontmatter-language': { language: string };
  /** The YAML library's error, as it words it. */
  'yaml-error': { message: string };
  /** A key written twice in one mapping. */
  'yaml-duplicate-key': Record<never, never>;
  /** A key written as a list or mapping. */
  'yaml-collection-key': { collection: 'mapping' | 'list' };
  /** The frontmatter's top level is not a mapping. */
  'yaml-not-mapping': Record<never, never>;
  /** The YAML could not be turned into values (the library's error, as it words it). */
  'yaml-unconvertible': { message: string };
  /** A required top-level key is absent; `misspelt` is an unknown key that looks like it. */
  'field-missing': SchemaIssue & { misspelt?: string };
  /** An unknown key that looks like a known key the frontmatter lacks. */
  'field-misspelt': { key: string; suggestion: string };
  /** A schema issue: a nested value that is absent. */
  'nested-field-missing': SchemaIssue;
  /** A schema issue with `estimated_time`. */
  'estimated-time-invalid': SchemaIssue;
  /** The `id` is not in the id format. */
  'id-invalid': SchemaIssue;
  /** A value outside its allowed set (`level: L9`). */
  'value-not-allowed': SchemaIssue;
  /** Any other schema issue: a value of the wrong type, an empty text. */
  'value-invalid': SchemaIssue;
  /** A cap of `limits.ts` the file went past: what was read stops or is read as plain text there. */
  'over-limit': { limit: ReadLimit; values: Readonly<Record<string, string | number>> };
  /** Content under a section that its reader skipped; `form` is what that section holds. */
  'content-unread': { key: string; form: ContentForm; heading?: string };
  /** A concept bullet without a bold name, read as best it can be. */
  'concept-loose': { name: string; form: 'named' | 'sentence' };
  /** Concept bullets straight under a part's heading, read as the concepts of its sub-heading. */
  'concepts-without-heading': { container: string; heading: string };
  /** An option bullet that is not `- A) text`. */
  'option-unreadable': Record<never, never>;
  /** An option letter used before. */
  'option-repeated': { letter: string };
  /** Fewer than two options. */
  'options-too-few': { count: number };
  /** An answer that does not start with a letter. */
  'answer-without-letter': Record<never, never>;
  /** An answer letter that is none of the options'. */
  'answer-not-an-option': { letter: string; options: readonly string[] };
}

export type FactKind = keyof FactData;

/** A zod issue of the frontmatter schema, with its path as written (`aliases.rtt[1]`). */
export interface SchemaIssue {
  field: string;
  issue: z.core.$ZodIssue;
}

/** The caps of `limits.ts`, each a message of `file-too-complex`. */
export type ReadLimit =
  | 'bodyLines'
  | 'containers'
  | 'indent'
  | 'blockLines'
  | 'blockMarks'
  | 'budget'
  | 'frontmatterSize'
  | 'frontmatterDepth'
  | 'frontmatterKeys'
  | 'conceptName'
  | 'rubricText'
  | 'textBlock'
  | 'field'
  | 'keyword'
  | 'keywords'
  | 'concepts'
  | 'listItems';

/** What a section's reader takes, for content it skipped (each a message of `section-content`). */
export type ContentForm = 'concepts' | 'conceptsUnderHeading' | 'keywords' | 'bullets' | 'followUp' | 'fields' | 'options';

// Every kind once: the compiler holds this list to `FactData`, so the meta-test can check that
// each kind has exactly one rule.
const KINDS: Record<FactKind, true> = {
  'file-unreadable': true,
  'file-too-large': true,
  'file-not-utf8': true,
  'folder-left-out': true,
  'frontmatter-absent': true,
  'frontmatter-unclosed': true,
  'frontmatter-language': true,
  'yaml-error': true,
  'yaml-duplicate-key': true,
  'yaml-collection-key': true,
  'yaml-not-mapping': true,
  'yaml-unconvertible': true,
  'field-missing': true,
  'field-misspelt': true,
  'nested-field-missing': true,
  'estimated-time-invalid': true,
  'id-invalid': true,
  'value-not-allowed': true,
  'value-invalid': true,
  'over-limit': true,
  'content-unread': true,
  'concept-loose': true,
  'concepts-without-heading': true,
  'option-unreadable': true,
  'option-repeated': true,
  'options-too-few': true,
  'answer-without-letter': true,
  'answer-not-an-option': true,
};

/** Every kind of fact. */
export const FACT_KINDS = Object.keys(KINDS) as FactKind[];
