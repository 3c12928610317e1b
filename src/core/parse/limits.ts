/**
 * How much of a question file qbank reads, so that the work for any file up to the 1 MiB limit
 * is bounded by construction. Every cap is far above what a real question needs (the bank's
 * largest figures are in brackets); a file past one gets a `file-too-complex` error at the place
 * where it goes past, and the excess is left unread or read as plain text.
 *
 * The markdown caps exist because remark (micromark) does more than linear work on some shapes:
 * deep nesting, long blocks of lists, quotes or setext headings, and many emphasis or link marks
 * in one paragraph. Markdown in the plain subset (headings, paragraphs, flat `- ` lists) is read
 * by the fast reader, in linear time, and counts against none of them.
 */

/** Lines of the markdown body [700]: the rest is read as one paragraph of plain text. */
export const MAX_BODY_LINES = 20_000;

/** Container markers (`>`, `-`, `*`, `+`, `1.`) at the start of one line [3]. */
export const MAX_LINE_CONTAINERS = 16;

/** Columns of indentation at the start of a line (lists two columns apart nest 32 deep) [8]. */
export const MAX_INDENT_COLUMNS = 64;

/**
 * Lines in one block of markdown outside the plain subset [40]. A block ends at a blank line
 * followed by an unindented line that does not continue a list, a fence or an HTML block.
 */
export const MAX_BLOCK_LINES = 300;

/** Emphasis, link and code marks (`*`, `_`, `[`, `]`, backticks, `<`) in one block [30]. */
export const MAX_BLOCK_MARKS = 1_000;

/** Lines, and characters, of markdown outside the plain subset in one file [400, 20 KB]. */
export const MAX_COMPLEX_LINES = 5_000;
export const MAX_COMPLEX_CHARS = 256 * 1024;

/**
 * Work on marks in one file: the sum over blocks of marks squared, plus, for each `](`, the
 * distance to the next `)` (what a link with no end costs remark to look for) [20,000].
 */
export const MAX_MARK_WORK = 4_000_000;

/** Characters of frontmatter [400]; keys in it, nested keys and list items included [12]; nesting of `[` and `{` [1]. */
export const MAX_FRONTMATTER_CHARS = 64 * 1024;
export const MAX_FRONTMATTER_KEYS = 1_000;
export const MAX_FRONTMATTER_DEPTH = 64;

/** Characters in a concept name [39; a concept written as a sentence: 250] and in any other rubric text [250]. */
export const MAX_CONCEPT_NAME_CHARS = 500;
export const MAX_RUBRIC_TEXT_CHARS = 2_000;

/** Characters in a block of prose the scorer or a session reads: the question, a sample answer, a follow-up [1,950]. */
export const MAX_TEXT_BLOCK_CHARS = 20_000;

/** Characters in the title [70], and in a frontmatter text (topic, subtopic, a tag, an alias) [30]. */
export const MAX_TITLE_CHARS = 300;
export const MAX_FIELD_CHARS = 200;

/** Characters in one keyword [28]. */
export const MAX_KEYWORD_CHARS = 200;

/** Keywords in one part of the rubric (expected or bonus) [10]. */
export const MAX_KEYWORDS_PER_PART = 200;

/** Concepts in one part of the rubric [6], and items in any other list (mistakes, probes, bar-raiser concepts) [6]. */
export const MAX_CONCEPTS_PER_PART = 100;
export const MAX_LIST_ITEMS = 200;
