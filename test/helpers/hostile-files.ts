/**
 * Hostile question files, as issue 13 lists them: small files (all under the 1 MiB limit) shaped
 * to make a markdown or YAML parser, or qbank's own code, do far more work than their size
 * suggests. Each is a valid question with one part replaced by the hostile shape, so the file
 * goes as far through qbank as such a file can. `scale` (default 1, the issue's figures) shrinks
 * a shape for fast tests; every shape stays hostile in kind at any scale.
 *
 * Used by `npm run bench:hostile` (times and peak memory per file) and the robustness tests.
 */
import { fixture } from './fixtures.js';

/** The valid question the shapes are put into (the subjective fixture). */
export const HOSTILE_BASE = fixture('valid-subjective.md');

/** The base with `from` replaced by `to` (which must match: a stale shape fails loudly). */
function replaced(from: string, to: string): string {
  if (!HOSTILE_BASE.includes(from)) throw new Error(`hostile shape: not in the base file: ${from}`);
  return HOSTILE_BASE.replace(from, () => to);
}

/** A question with `block` appended after the main question (as part of its section). */
function inMainQuestion(block: string): string {
  return replaced('size its worker pool?"\n', `size its worker pool?"\n\n${block}\n`);
}

function lines(count: number, line: (i: number) => string): string {
  const out: string[] = new Array<string>(count);
  for (let i = 0; i < count; i++) out[i] = line(i);
  return out.join('\n');
}

const n = (count: number, scale: number) => Math.max(2, Math.round(count * scale));

/** One hostile shape: a name for reports, and how to build the file's text. */
export interface HostileShape {
  name: string;
  /** What the shape is, in the issue's words. */
  description: string;
  build(scale?: number): string;
}

export const HOSTILE_SHAPES: readonly HostileShape[] = [
  {
    name: 'setext-50k',
    description: '50,000 setext headings',
    build: (scale = 1) => inMainQuestion(lines(n(50_000, scale), (i) => `h${i % 10}\n${i % 2 ? '=' : '-'}`)),
  },
  {
    name: 'nested-list-700',
    description: '700-deep nested list',
    build: (scale = 1) => inMainQuestion(lines(n(700, scale), (d) => `${'  '.repeat(d)}- item ${d}`)),
  },
  {
    name: 'nested-list-700-one-line',
    description: '700 list markers on one line (`- + - + …`)',
    build: (scale = 1) => inMainQuestion(`${'- + '.repeat(n(350, scale))}x`),
  },
  {
    name: 'gt-100k-one-line',
    description: '100,000 `>` on one line',
    build: (scale = 1) => inMainQuestion(`${'>'.repeat(n(100_000, scale))} x`),
  },
  {
    name: 'star-100k-one-line',
    description: '100,000 `*` on one line',
    build: (scale = 1) => inMainQuestion(`x ${'*'.repeat(n(100_000, scale))} x`),
  },
  {
    name: 'star-list-50k-one-line',
    description: '`* ` repeated 50,000 times on one line (list markers)',
    build: (scale = 1) => inMainQuestion(`${'* '.repeat(n(50_000, scale))}x`),
  },
  {
    name: 'emphasis-50k-one-line',
    description: '`*a` repeated 50,000 times on one line (nested emphasis openers)',
    build: (scale = 1) => inMainQuestion(`${'*a '.repeat(n(50_000, scale))}x`),
  },
  {
    name: 'quote-depth-1000',
    description: '1,000 lines of growing blockquote depth (500 KB)',
    build: (scale = 1) => inMainQuestion(lines(n(1_000, scale), (d) => `${'>'.repeat(d + 1)} line ${d}`)),
  },
  {
    name: 'link-definitions-50k',
    description: '50,000 link definitions',
    build: (scale = 1) => inMainQuestion(lines(n(50_000, scale), (i) => `[d${i}]: /u${i}`)),
  },
  {
    name: 'html-lines-50k',
    description: '50,000 HTML block lines',
    build: (scale = 1) => inMainQuestion(lines(n(50_000, scale), (i) => `<div>${i}</div>`)),
  },
  {
    name: 'table-rows-20k',
    description: 'a table of 20,000 rows',
    build: (scale = 1) => inMainQuestion(`| a | b |\n|---|---|\n${lines(n(20_000, scale), (i) => `| ${i} | x |`)}`),
  },
  {
    name: 'yaml-keys-50k',
    description: '50,000 YAML keys',
    build: (scale = 1) => replaced('day: 3\n', `day: 3\n${lines(n(50_000, scale), (i) => `k${i}: v`)}\n`),
  },
  {
    name: 'yaml-nested-keys-50k',
    description: '50,000 YAML keys under one nested key',
    build: (scale = 1) => replaced('day: 3\n', `day: 3\nextra:\n${lines(n(50_000, scale), (i) => `  k${i}: v`)}\n`),
  },
  {
    name: 'concept-dots-200k',
    description: 'a 200,000-character run of dots inside a concept name',
    build: (scale = 1) => replaced('- **Headroom**:', `- **Head${'.'.repeat(n(200_000, scale))}room**:`),
  },
  {
    name: 'keywords-20k',
    description: '20,000 keywords in one list',
    build: (scale = 1) => replaced('- Primary keywords: arrival rate, concurrency, latency', `- Primary keywords: ${lines(n(20_000, scale), (i) => `kw${i}`).replaceAll('\n', ', ')}`),
  },
  {
    name: 'keyword-line-900k',
    description: 'a 900 KB keyword line',
    build: (scale = 1) => replaced('- Related: queueing, p99, burst', `- Related: ${'alpha beta, '.repeat(n(75_000, scale))}burst`),
  },
  {
    name: 'concept-combining-marks',
    description: 'a concept name made of combining marks (400 KB)',
    build: (scale = 1) => replaced('- **Headroom**:', `- **a${'\u0301\u0308'.repeat(n(100_000, scale))}**:`),
  },
  {
    name: 'long-word-non-ascii-200k',
    description: 'a 200 KB word with non-ASCII letters in the main question (wrap-ansi hard wrap)',
    build: (scale = 1) => replaced('"A service receives', `"${'é'.repeat(n(100_000, scale))}x A service receives`),
  },
  {
    name: 'rubric-path-long',
    description: 'an `Evaluation rubric` value of 500,000 path-like characters',
    build: (scale = 1) => replaced('See GUIDELINES.md', `${'a.'.repeat(n(250_000, scale))}`),
  },
  {
    name: 'rubric-path-slashes',
    description: 'an `Evaluation rubric` value of `a/` repeated (path pattern backtracking)',
    build: (scale = 1) => replaced('See GUIDELINES.md', `${'a/'.repeat(n(250_000, scale))}`),
  },
  {
    name: 'findings-125k',
    description: 'a file with about 125,000 findings (one per stray quote)',
    build: (scale = 1) => replaced('- Confusing throughput with latency\n', `- Confusing throughput with latency\n${lines(n(125_000, scale), () => '- “x')}\n`),
  },
  {
    name: 'unknown-section-long-word',
    description: 'a 200 KB word of accented letters in a section qbank does not know (a usable file: show prints it)',
    build: (scale = 1) => replaced('## metadata\n', `## notes - Reviewer notes\n${'é'.repeat(n(100_000, scale))}\n\n## metadata\n`),
  },
  {
    name: 'plain-prose-900k',
    description: 'a usable file of 900 KB: plain paragraphs of accented prose in a section qbank does not know',
    build: (scale = 1) => replaced('## metadata\n', `## notes - Reviewer notes\n${lines(n(9_000, scale), (i) => `Paragraphe ${i}: la réplique primaire attend l’accusé de réception du secondaire avant de répondre.\n`)}\n## metadata\n`),
  },
  {
    name: 'bullets-260k',
    description: '260,000 one-letter bullets (1 MiB): the plain subset, read by the fast reader',
    build: (scale = 1) => replaced('- Confusing throughput with latency\n', `- Confusing throughput with latency\n${lines(n(260_000, scale), () => '- a')}\n`),
  },
  {
    name: 'setext-8k-55kb',
    description: 'a 55 KB file of 8,000 setext headings',
    build: (scale = 1) => inMainQuestion(lines(n(8_000, scale), (i) => `h${i % 100}\n--`)),
  },
];

/** A lint config naming `count` rule ids (all unknown but the first few). */
export function hostileLintConfig(count = 100_000): string {
  const rules: Record<string, string> = {};
  for (let i = 0; i < count; i++) rules[`rule-${i}`] = 'off';
  return JSON.stringify({ rules });
}
