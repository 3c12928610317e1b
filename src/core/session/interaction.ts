/**
 * The vocabulary every interactive session shares. A session is a state machine with no terminal
 * code: it says what to show and what to ask (a Step), takes the user's Input, and lists the side
 * effects (records to save) that the driver must carry out. Adapters turn Asks into terminal
 * prompts or read them from a script.
 */

/** What a session asks for next. */
export type Ask =
  /**
   * Free text. `answer` (the default) ends at an empty line; `notes` keeps blank lines, as a
   * pasted transcript has them, and ends at a line holding only "."; `line` is one line. `skip`
   * says what skipping means here, when it means more than "skip".
   */
  | {
      kind: 'text';
      id: string;
      message: string;
      allowEditor: boolean;
      form?: 'answer' | 'notes' | 'line';
      skip?: string;
      /** Lines typed before (restored from a draft): shown, and the text continues after them. */
      typed?: string[];
      /**
       * Whether the session wants each line as it is entered (`SessionMachine.typing`), to save it
       * and to show what it makes of the text so far; `commands` are the extra line commands it
       * takes meanwhile (`:p`, `:c 2`…), with a word of help each; `panel`: what it shows is a
       * panel to keep in view (adapters set rows apart for it only then).
       */
      live?: { commands: Array<{ name: string; arg?: string; help: string }>; panel?: boolean };
    }
  /** One letter among the options of a multiple-choice question. */
  | { kind: 'letter'; id: string; message: string; letters: string[] }
  /** One value among a few. */
  | { kind: 'choice'; id: string; message: string; choices: Array<{ value: string; label: string }>; default: string }
  /** Any number of items, some ticked already. */
  | { kind: 'checklist'; id: string; message: string; items: Array<{ value: string; label: string; checked: boolean }> }
  /** Yes or no. */
  | { kind: 'confirm'; id: string; message: string; default: boolean };

/** What the user gave back. `skip` and `quit` can answer any Ask. */
export type Input =
  | { kind: 'text'; text: string }
  | { kind: 'letter'; letter: string }
  | { kind: 'choice'; value: string }
  | { kind: 'checklist'; values: string[] }
  | { kind: 'confirm'; value: boolean }
  | { kind: 'skip' }
  | { kind: 'quit' };

/** One turn of a session. */
export interface Step<Block, Effect> {
  /** What to show, in order, before asking. */
  blocks: Block[];
  /** What to ask next; absent when the session is over. */
  ask?: Ask;
  /** What the driver must do before going on (save a record, …), in order. */
  effects: Effect[];
}

/**
 * While a live text Ask is answered: every line entered so far (restored ones first), and the
 * line command just given, if any. Adapters may send several lines at once (a paste).
 */
export interface Typing {
  lines: readonly string[];
  command?: { name: string; arg: string };
}

/** What a session makes of the text so far: what to show now (the adapter redraws it in place) and what to save. */
export interface TypingStep<Block, Effect> {
  blocks: Block[];
  effects: Effect[];
}

/** A session: pure logic, driven by an adapter. `now` comes from an injected clock. */
export interface SessionMachine<Block, Effect> {
  start(now: Date): Step<Block, Effect>;
  handle(input: Input, now: Date): Step<Block, Effect>;
  /** The text of a live Ask as it is typed; the Ask stays open. */
  typing?(typing: Typing, now: Date): TypingStep<Block, Effect>;
}

/** Inquirer's validator shape: `true`, or a message saying what to do. */
export type Validation = true | string;
