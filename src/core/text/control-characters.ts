/**
 * Characters that must never reach a terminal as written: C0 controls other than tab and line
 * feed (carriage return included), DEL, C1 controls (U+0080–U+009F; ESC and the 8-bit CSI, OSC
 * and DCS among them) and the bidirectional embeddings, overrides and isolates that make text
 * display in a different order from how it is stored (U+202A–U+202E, U+2066–U+2069).
 * The terminal writer shows them visibly; the `text-control-character` lint rule reports them.
 */
export const CONTROL_CHARACTER_CLASS = '[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]';

/** One such character (use with `g` for every one, `y` for one at a place). */
export function controlCharacterPattern(flags = 'g'): RegExp {
  return new RegExp(CONTROL_CHARACTER_CLASS, flags);
}

const C0_NAMES = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
];
const C1_NAMES = [
  'PAD', 'HOP', 'BPH', 'NBH', 'IND', 'NEL', 'SSA', 'ESA', 'HTS', 'HTJ', 'VTS', 'PLD', 'PLU', 'RI', 'SS2', 'SS3',
  'DCS', 'PU1', 'PU2', 'STS', 'CCH', 'MW', 'SPA', 'EPA', 'SOS', 'SGC', 'SCI', 'CSI', 'ST', 'OSC', 'PM', 'APC',
];
const BIDI_NAMES: Record<number, string> = {
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

/** Whether `code` is a bidirectional embedding, override or isolate (not a control character). */
export function isBidiControl(code: number): boolean {
  return BIDI_NAMES[code] !== undefined;
}

/** `U+001B`: the code point in the notation messages use. */
export function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The character's name and code point for messages, e.g. `ESC (U+001B)`. */
export function describeControlCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const name = code < 0x20 ? C0_NAMES[code] : code === 0x7f ? 'DEL' : code >= 0x80 && code <= 0x9f ? C1_NAMES[code - 0x80] : BIDI_NAMES[code];
  return name === undefined ? codePoint(code) : `${name} (${codePoint(code)})`;
}

/** How a terminal shows the character instead: `\x1b` for controls, `<U+202E>` for bidi controls. */
export function visibleControlCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return isBidiControl(code) ? `<${codePoint(code)}>` : `\\x${code.toString(16).padStart(2, '0')}`;
}
