import { Option, type Command } from 'commander';
import type { QuestionFilter } from '../core/bank/filter.js';
import { isLevel, LEVELS, type Level } from '../core/model/levels.js';
import { UsageError } from './errors.js';

/** The flags every command that picks questions from the bank shares, in one shape. */
export interface FilterFlags {
  topic?: string;
  level?: string;
  category?: string;
  tag?: string;
  type?: string;
}

/**
 * Adds `--topic`, `--level`, `--category`, `--tag` (and `--type` unless `type: false`) with the
 * same names and help everywhere; `level` overrides the help of `--level` where it means more.
 */
export function addFilterOptions(command: Command, help: { level?: string; type?: boolean } = {}): Command {
  command
    .option('--topic <topic>', 'only this topic')
    .option('--level <level>', help.level ?? 'only this level (L1-L8)')
    .option('--category <category>', 'only this category (baseline, bar-raiser)')
    .option('--tag <tag>', 'only questions with this tag');
  if (help.type !== false) command.addOption(new Option('--type <type>', 'only this question type').choices(['subjective', 'mcq']));
  return command;
}

/** A `--level` value checked and upper-cased (`l4` is L4); undefined when the flag is absent. */
export function levelFromFlag(value: string | undefined, flag = '--level'): Level | undefined {
  if (value === undefined) return undefined;
  const level = value.toUpperCase();
  if (!isLevel(level)) throw new UsageError(`${flag} expects one of ${LEVELS.join(', ')}, got "${value}"`);
  return level;
}

/** A `--count` value as a whole number from 1 (to `max`, when there is one). */
export function countFromFlag(value: string | undefined, fallback: number | undefined, max?: number): number | undefined {
  if (value === undefined) return fallback;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || (max !== undefined && count > max)) {
    throw new UsageError(`--count expects a whole number ${max === undefined ? 'of 1 or more' : `from 1 to ${max}`}, got "${value}"`);
  }
  return count;
}

/** Checks filter flags and turns them into a bank filter. */
export function filterFromFlags(flags: FilterFlags): QuestionFilter {
  return {
    topic: flags.topic,
    level: levelFromFlag(flags.level),
    category: flags.category,
    tag: flags.tag,
    type: flags.type,
  };
}
