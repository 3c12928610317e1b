import { Cancelled, UsageMistake } from '../core/errors/catalogue.js';
import { QbankError } from '../core/errors/qbank-error.js';

export { ExitCode } from '../core/errors/catalogue.js';

/** A mistake in how qbank was called, or input it cannot use: one line (the catalogue's `UsageMistake`). */
export class UsageError extends QbankError<typeof UsageMistake> {
  constructor(message: string) {
    super(UsageMistake, { text: message });
  }
}

/** The user cancelled (Ctrl-C at a prompt): end quietly (the catalogue's `Cancelled`). */
export class CancelledError extends QbankError<typeof Cancelled> {
  constructor() {
    super(Cancelled, {});
  }
}
