import path from 'node:path';
import type { Diagnostic } from '../../core/model/diagnostic.js';
import { BANK_RULES } from '../../core/lint/bank-rules/index.js';
import { RULES } from '../../core/lint/index.js';

/** A file name as a SARIF URI: relative to the working folder (`%SRCROOT%`) with forward slashes. */
function artifactUri(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  const encode = (p: string) => p.split(/[\\/]/).map(encodeURIComponent).join('/');
  if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return { uri: encode(relative), uriBaseId: '%SRCROOT%' };
  return { uri: `file://${absolute.startsWith('/') ? '' : '/'}${encode(absolute)}` };
}

/** `qbank lint --format sarif`: SARIF 2.1.0, as GitHub code scanning and editors read it. */
export function formatLintSarif(diagnostics: readonly Diagnostic[], cwd: string, toolVersion: string): string {
  const rules = [...RULES, ...BANK_RULES].sort((a, b) => (a.id < b.id ? -1 : 1));
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'qbank',
            version: toolVersion,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description.replace(/`/g, '') },
              help: { text: `${rule.description.replace(/`/g, '')} See docs/rules.md#${rule.id}.` },
              defaultConfiguration: { level: rule.severity },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `file://${cwd.startsWith('/') ? '' : '/'}${cwd.split(/[\\/]/).map(encodeURIComponent).join('/')}/` } },
        results: diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
          level: d.severity,
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactUri(d.file, cwd),
                region: {
                  startLine: d.line,
                  startColumn: d.column,
                  endLine: d.endLine ?? d.line,
                  endColumn: Math.max(d.endColumn ?? d.column, (d.endLine ?? d.line) === d.line ? d.column : 1),
                },
              },
            },
          ],
        })),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
