const OPENING = new Set(['"', '“', '„']);
const CLOSING = new Set(['"', '”', '“']);

/** What is wrong with the quotes of a quoted block, and the offset of the quote at fault. */
export interface QuoteProblem {
  kind: 'unclosed' | 'unopened' | 'stray';
  at: number;
}

/**
 * Checks a block's source: a block that opens with a quote must close with one; inside it,
 * straight quotes come in pairs and curly ones match. A block that does not open with a quote
 * but ends with an unpaired one has lost its opening quote.
 */
export function findQuoteProblem(raw: string): QuoteProblem | undefined {
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text === '') return undefined;
  const opens = OPENING.has(text.charAt(0));
  const closes = text.length > 1 && CLOSING.has(text.charAt(text.length - 1));
  if (!opens) {
    if (closes && text.charAt(text.length - 1) === '"' && count(text, '"') % 2 === 1) return { kind: 'unopened', at: lead + text.length - 1 };
    return undefined;
  }
  if (!closes) return { kind: 'unclosed', at: lead };
  return innerProblem(text.slice(1, -1), lead + 1);
}

function count(text: string, quote: string): number {
  let n = 0;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) n++;
  return n;
}

function innerProblem(inner: string, offset: number): QuoteProblem | undefined {
  let straight: number | undefined;
  const curly: number[] = [];
  for (let i = 0; i < inner.length; i++) {
    const char = inner.charAt(i);
    if (char === '"') straight = straight === undefined ? i : undefined;
    else if (char === '“') curly.push(i);
    else if (char === '”' && curly.pop() === undefined) return { kind: 'stray', at: offset + i };
  }
  if (straight !== undefined) return { kind: 'stray', at: offset + straight };
  const open = curly[0];
  return open === undefined ? undefined : { kind: 'stray', at: offset + open };
}
