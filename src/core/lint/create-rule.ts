import type { Question } from '../model/question.js';
import type { FactKind, ParseFact } from '../parse/facts.js';
import type { BankEntry, BankRule, Finding, Rule, RuleContext, RuleMeta, RuleOptions } from './rule.js';

/** Options as the rule reads them: `{ strict: false }` is a boolean option, `{ min: 2 }` a number. */
export type Widened<O> = { [K in keyof O]: O[K] extends boolean ? boolean : O[K] extends number ? number : O[K] extends string ? string : O[K] };

/** For each kind of parser fact a rule reports, what turns one such fact into findings. */
export type FactReporters<M extends string, O extends RuleOptions> = {
  readonly [K in FactKind]?: (fact: ParseFact<K>, context: RuleContext<M, O>) => void;
};

/**
 * A rule as its file writes it. The message ids are the keys of `messages` and the options
 * the keys of `defaultOptions`: `context.report` takes only those ids, and `context.options`
 * has those keys with their types (typescript-eslint's `RuleCreator` types rules the same way).
 */
export interface RuleSpec<I extends string, M extends string, O extends RuleOptions> extends RuleMeta {
  /** Stable kebab-case id, also the rule's file name. */
  id: I;
  /** Message templates by id, with `{{name}}` slots. */
  messages: Record<M, string>;
  /** Whether the rule offers fixes that `qbank lint --fix` applies. */
  fixable?: boolean;
  /** Whether the rule needs the scorer (`services.scoring`). */
  needsScoring?: boolean;
  /** Options a config file may set, with their defaults; none when absent. */
  defaultOptions?: O;
  /** Checks the model of a file the parser could build one for. */
  check?(question: Question, context: RuleContext<NoInfer<M>, Widened<NoInfer<O>>>): void;
  /** Turns the parser's facts of these kinds into findings (for what the parser sees as it reads). */
  facts?: FactReporters<NoInfer<M>, Widened<NoInfer<O>>>;
}

/** Makes a per-file rule: its options merged with a config's in one place, its facts dispatched. */
export function createRule<const I extends string, M extends string, O extends RuleOptions = Record<never, never>>(
  spec: RuleSpec<I, M, O>,
): Rule<M, Widened<O>> & { readonly id: I } {
  const { facts: reporters = {}, defaultOptions, ...rule } = spec;
  const defaults = Object.freeze({ ...defaultOptions }) as Readonly<Widened<O>>;
  const byKind = reporters as Readonly<Record<string, ((fact: ParseFact, context: RuleContext<M, Widened<O>>) => void) | undefined>>;
  return {
    ...rule,
    defaultOptions: defaults,
    facts: Object.keys(reporters) as FactKind[],
    options: (configured) => withDefaults(defaults, configured),
    reportFact(fact, context) {
      byKind[fact.fact]?.(fact, context);
    },
  };
}

/** A bank rule as its file writes it, typed as `RuleSpec` is. */
export interface BankRuleSpec<I extends string, M extends string, O extends RuleOptions> extends RuleMeta {
  id: I;
  messages: Record<M, string>;
  /** Whether the rule needs MinHash signatures in the entries. */
  needsSignatures?: boolean;
  defaultOptions?: O;
  check(entries: readonly BankEntry[], report: (file: string, finding: Finding<NoInfer<M>>) => void, options: Readonly<Widened<NoInfer<O>>>): void;
}

/** Makes a bank rule, with its options merged as `createRule` merges them. */
export function createBankRule<const I extends string, M extends string, O extends RuleOptions = Record<never, never>>(
  spec: BankRuleSpec<I, M, O>,
): BankRule<M, Widened<O>> & { readonly id: I } {
  const { defaultOptions, ...rule } = spec;
  const defaults = Object.freeze({ ...defaultOptions }) as Readonly<Widened<O>>;
  return { ...rule, defaultOptions: defaults, options: (configured) => withDefaults(defaults, configured) };
}

/**
 * A rule's defaults with configured values over them: only keys the rule has, with a value of
 * the default's type (the config file is validated already; a caller that passes settings
 * directly gets the same guarantee), so a rule reads its options as typed, with no fallback.
 */
function withDefaults<O extends RuleOptions>(defaults: Readonly<O>, configured: Readonly<Record<string, unknown>> | undefined): Readonly<O> {
  if (!configured) return defaults;
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(configured)) {
    const fallback: unknown = defaults[key];
    if (fallback !== undefined && typeof value === typeof fallback) merged[key] = value;
  }
  return merged as unknown as Readonly<O>;
}
