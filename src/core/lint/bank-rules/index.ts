import type { BankRule } from '../rule.js';
import { idDuplicate } from './id-duplicate.js';
import { nearDuplicate } from './near-duplicate.js';

const ALL = [idDuplicate, nearDuplicate] as const;

/** Rules over the whole bank, alphabetical by id. */
export const BANK_RULES: readonly BankRule[] = ALL;

/** The id of a bank rule. */
export type BankRuleId = (typeof ALL)[number]['id'];
