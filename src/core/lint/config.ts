import { z } from 'zod';
import { closestMatch } from 'leven';
import { checkInput, type InputProblem } from '../errors/input-problems.js';
import { BANK_RULES } from './bank-rules/index.js';
import { RULES } from './index.js';
import type { Severity } from '../model/diagnostic.js';
import type { RuleSetting } from './settings.js';

/** `error`, `warning` (or ESLint's `warn`), `off`; ESLint's 2, 1, 0 too. */
const SeveritySchema = z
  .union([z.enum(['error', 'warning', 'warn', 'off']), z.literal(0), z.literal(1), z.literal(2)])
  .transform((value) => (value === 'warn' || value === 1 ? 'warning' : value === 2 ? 'error' : value === 0 ? 'off' : value));

const SettingSchema = z.union([SeveritySchema, z.tuple([SeveritySchema, z.record(z.string(), z.unknown())])]);

/** `qbank.config.json` / `.qbankrc.json`. */
export const LintConfigSchema = z.strictObject(
  {
    /** For editors: the schema this file follows. */
    $schema: z.string().optional(),
    /** Severity (and options) by rule id; rules not named keep their defaults. */
    rules: z.record(z.string(), SettingSchema).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}; a config file has "rules" only` : undefined) },
);

/** One problem in a config file, at a path of keys. */
export type ConfigProblem = InputProblem;

const ALL_RULES = [...RULES, ...BANK_RULES];
const RULE_IDS = ALL_RULES.map((rule) => rule.id);
const RULES_BY_ID = new Map(ALL_RULES.map((rule) => [rule.id, rule]));
/**
 * Unknown ids get a "did you mean" for the first few only: only the first problem is shown, and
 * a suggestion compares the id with every rule's (100,000 ids took seconds).
 */
const SUGGESTED_IDS = 10;

/** Validates a parsed config file: its shape, the rule ids, and each rule's options. */
export function validateLintConfig(data: unknown): { rules: Record<string, RuleSetting>; problems: ConfigProblem[] } {
  const result = checkInput(LintConfigSchema, data);
  if (!result.ok) return { rules: {}, problems: result.problems };
  const problems: ConfigProblem[] = [];
  const rules: Record<string, RuleSetting> = {};
  let unknown = 0;
  for (const [id, setting] of Object.entries(result.data.rules ?? {})) {
    const rule = RULES_BY_ID.get(id);
    if (!rule) {
      const suggestion = unknown++ < SUGGESTED_IDS ? closestMatch(id, RULE_IDS, { maxDistance: Math.max(2, Math.floor(id.length / 3)) }) : undefined;
      problems.push({ path: ['rules', id], message: `Unknown rule "${id}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (docs/rules.md lists every rule)` });
      continue;
    }
    if (Array.isArray(setting)) {
      const [severity, options] = setting;
      const defaults = rule.defaultOptions ?? {};
      for (const [key, value] of Object.entries(options)) {
        const expected = defaults[key];
        if (expected === undefined) {
          const known = Object.keys(defaults);
          problems.push({ path: ['rules', id, 1, key], message: `Rule "${id}" has no option "${key}"${known.length > 0 ? `; its options are ${known.join(', ')}` : '; it takes no options'}` });
        } else if (typeof value !== typeof expected) {
          problems.push({ path: ['rules', id, 1, key], message: `Option "${key}" of rule "${id}" expects ${typeof expected === 'number' ? 'a number' : typeof expected === 'boolean' ? 'true or false' : 'text'}, got ${JSON.stringify(value)}` });
        }
      }
      rules[id] = [severity as Severity | 'off', options];
    } else {
      rules[id] = setting as RuleSetting;
    }
  }
  return { rules, problems };
}
