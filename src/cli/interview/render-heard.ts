import type { Heard, HeardSoFar } from '../../core/interview/heard-so-far.js';
import { TIER_NAMES } from '../../core/interview/probe.js';
import type { Style } from '../style.js';
import { visibleWidth, wrapText } from '../wrap-text.js';

/** The most rows the panel takes, so a 24-line terminal keeps half its rows for the notes. */
export const HEARD_PANEL_MAX_ROWS = 11;

const LABEL = 11;
const MARKS: Record<Heard, string> = { heard: '✓', partly: '◐', not_heard: '·' };

function cut(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** Items laid out in rows of `room` columns, at most `rows` rows (the last ends with "…" when some do not fit). */
function flow(items: readonly string[], widths: readonly number[], room: number, rows: number): string[] {
  const out: string[] = [];
  let line = '';
  let used = 0;
  for (const [i, item] of items.entries()) {
    const width = widths[i] ?? 0;
    if (used > 0 && used + 2 + width > room) {
      out.push(line);
      if (out.length === rows) {
        out[rows - 1] = `${out[rows - 1]}  …`;
        return out;
      }
      line = '';
      used = 0;
    }
    line = used === 0 ? item : `${line}  ${item}`;
    used += (used === 0 ? 0 : 2) + width;
  }
  if (line !== '') out.push(line);
  return out;
}

/** `── title ───…` across the width. */
function header(style: Style, text: string, width: number): string {
  const title = ` ${text} `;
  return style.bold(`──${title}${'─'.repeat(Math.max(2, width - 3 - visibleWidth(title)))}`);
}

function labelled(style: Style, label: string, rows: readonly string[]): string[] {
  return rows.map((row, i) => `${i === 0 ? style.bold(label.padEnd(LABEL)) : ' '.repeat(LABEL)}${row}`);
}

/**
 * The live panel: the mandatory concepts numbered and marked heard (✓), partly heard (◐) or not
 * heard yet (·), the keywords and red flags heard, the probe to ask next and the commands; at
 * most HEARD_PANEL_MAX_ROWS rows of `width` columns.
 */
export function renderHeard(block: { timer: string; heard: HeardSoFar; asked: number; note?: string }, style: Style, width: number): string[] {
  const { heard } = block;
  const room = Math.max(20, width - LABEL - 1);
  const asked = block.asked > 0 ? ` · ${block.asked} probe${block.asked === 1 ? '' : 's'} asked` : '';
  const lines = [header(style, `Heard so far · ${block.timer}${asked}`, width)];

  const colour = (h: Heard) => (h === 'heard' ? style.green : h === 'partly' ? style.yellow : style.dim);
  const plain = heard.mandatory.map((c, i) => `${MARKS[c.heard]}${i + 1} ${cut(c.name, 24)}`);
  const rows = flow(plain.map((text, i) => colour(heard.mandatory[i]!.heard)(text)), plain.map(visibleWidth), room, 3);
  lines.push(...labelled(style, 'Mandatory', rows.length > 0 ? rows : ['none']));

  const keywords = heard.keywordsHeard.length > 0 ? `: ${heard.keywordsHeard.join(', ')}` : '';
  lines.push(...labelled(style, 'Keywords', [cut(`${heard.keywordsHeard.length} of ${heard.keywordTotal}${keywords}`, room)]));
  const flags = heard.redFlags.length > 0 ? style.yellow(cut(heard.redFlags.join('; '), room)) : 'none';
  lines.push(...labelled(style, 'Red flags', [flags]));

  const proposal = heard.proposal;
  if (proposal && heard.proposalIndex !== undefined) {
    const from = proposal.source === 'follow-up' && proposal.tier ? `the ${TIER_NAMES[proposal.tier]}` : proposal.source === 'author' ? "the author's probe" : 'a neutral prompt';
    const head = cut(`for ${heard.proposalIndex + 1} ${proposal.concept} (${from}):`, room);
    const question = wrapText(`"${proposal.question.replace(/\s+/g, ' ').trim()}"`, room).split('\n');
    const shown = question.length > 3 ? [...question.slice(0, 2), cut(question.slice(2).join(' '), room - 1) + '…'] : question;
    lines.push(...labelled(style, 'Ask next', [head, ...shown]));
  } else {
    lines.push(...labelled(style, 'Ask next', [style.green('every mandatory concept heard')]));
  }
  if (block.note) lines.push(` ${cut(block.note, width - 2)}`);
  lines.push(style.dim(cut(' :t asked it · :n another concept · :c N concept N · :p or Ctrl-R redraw', width - 1)));
  return lines.slice(0, HEARD_PANEL_MAX_ROWS);
}

/**
 * The panel while a follow-up's (or the bar raiser's) notes are typed: its items numbered and
 * marked heard (✓) or not yet (·), and the red flags heard; at most HEARD_PANEL_MAX_ROWS rows.
 */
export function renderProbeHeard(
  block: { timer: string; probe: 'follow_up' | 'bar_raiser'; items: ReadonlyArray<{ text: string; heard: boolean }>; redFlags: readonly string[] },
  style: Style,
  width: number,
): string[] {
  const room = Math.max(20, width - LABEL - 1);
  const what = block.probe === 'bar_raiser' ? 'Bar raiser' : 'Follow-up';
  const heard = block.items.filter((i) => i.heard).length;
  const lines = [header(style, `${what} heard so far · ${heard} of ${block.items.length} · ${block.timer}`, width)];
  const rows = block.items.slice(0, 7).map((item, i) => (item.heard ? style.green : style.dim)(`${item.heard ? '✓' : '·'}${i + 1} ${cut(item.text, room - 4)}`));
  if (block.items.length > 7) rows.push(style.dim(`… and ${block.items.length - 7} more`));
  lines.push(...labelled(style, 'Items', rows.length > 0 ? rows : ['nothing listed']));
  lines.push(...labelled(style, 'Red flags', [block.redFlags.length > 0 ? style.yellow(cut(block.redFlags.join('; '), room)) : 'none']));
  lines.push(style.dim(cut(' :p or Ctrl-R redraw', width - 1)));
  return lines.slice(0, HEARD_PANEL_MAX_ROWS);
}
