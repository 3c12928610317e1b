/** A `TODO` marker, as `qbank new` writes in every place an author still has to fill in. */
export const TODO_MARKER = /\bTODO\b/g;

/** Whether a piece of text is (or still holds) a placeholder. */
export function isPlaceholder(text: string): boolean {
  return text.includes('TODO') && /\bTODO\b/.test(text);
}
