/** Windows-1252 characters for bytes 0x80–0x9F, the ones that differ from Latin-1. */
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a,
  '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
  '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

const CONTINUATION = `\\u0080-\\u00BF${Object.keys(CP1252_HIGH).join('')}`;
// A UTF-8 lead byte shown as Latin-1 (Â…ô), then the continuation bytes it needs, shown as
// Windows-1252 (or Latin-1, which some decoders use for the bytes 1252 leaves undefined).
const CANDIDATE = new RegExp(`[\\u00C2-\\u00DF][${CONTINUATION}]|[\\u00E0-\\u00EF][${CONTINUATION}]{2}|[\\u00F0-\\u00F4][${CONTINUATION}]{3}`, 'g');
const QUICK = /[\u00C2-\u00F4]/;

/** The byte a character of the candidate pattern stands for (every one of them has one). */
function byteOf(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 0xff ? code : (CP1252_HIGH[char] ?? 0);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A stretch of text that is UTF-8 bytes decoded as Windows-1252, with what it should read. */
export interface Mojibake {
  start: number;
  end: number;
  repaired: string;
}

/** Finds mis-encoded characters (`â†’` for `→`, `â€™` for `’`, `Ã©` for `é`) and their repair. */
export function repairMojibake(text: string): Mojibake[] {
  if (!QUICK.test(text)) return [];
  const found: Mojibake[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const bytes = Uint8Array.from([...match[0]].map(byteOf));
    let repaired: string;
    try {
      repaired = decoder.decode(bytes);
    } catch {
      continue;
    }
    const start = match.index ?? 0;
    found.push({ start, end: start + match[0].length, repaired });
  }
  return found;
}

/** The text with every mis-encoded stretch repaired, as `qbank lint --fix` writes it. */
export function withMojibakeRepaired(text: string): string {
  const found = repairMojibake(text);
  if (found.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const { start, end, repaired } of found) {
    out += text.slice(cursor, start) + repaired;
    cursor = end;
  }
  return out + text.slice(cursor);
}
