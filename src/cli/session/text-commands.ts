/** A line alone that is a command at any free-text prompt, wherever it comes in the text; never text. */
export const TEXT_COMMANDS: ReadonlySet<string> = new Set([':skip', ':quit', ':e']);
