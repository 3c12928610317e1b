import type { BankRule } from '../rule.js';
import { idDuplicate } from './id-duplicate.js';
import { nearDuplicate } from './near-duplicate.js';

/** Rules over the whole bank, alphabetical by id. */
export const BANK_RULES: readonly BankRule[] = [idDuplicate, nearDuplicate];
