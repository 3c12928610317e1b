import type { Rule } from './rule.js';
import { conceptFormat } from './rules/concept-format.js';
import { fileEncoding } from './rules/file-encoding.js';
import { fileTooLarge } from './rules/file-too-large.js';
import { frontmatterEnum } from './rules/frontmatter-enum.js';
import { frontmatterEstimatedTime } from './rules/frontmatter-estimated-time.js';
import { frontmatterIdFormat } from './rules/frontmatter-id-format.js';
import { frontmatterLanguage } from './rules/frontmatter-language.js';
import { frontmatterMissing } from './rules/frontmatter-missing.js';
import { frontmatterRequired } from './rules/frontmatter-required.js';
import { frontmatterType } from './rules/frontmatter-type.js';
import { frontmatterUnclosed } from './rules/frontmatter-unclosed.js';
import { frontmatterUnknownKey } from './rules/frontmatter-unknown-key.js';
import { frontmatterYaml } from './rules/frontmatter-yaml.js';
import { mcqAnswer } from './rules/mcq-answer.js';
import { mcqOptionFormat } from './rules/mcq-option-format.js';
import { sectionContent } from './rules/section-content.js';
import { sectionDuplicate } from './rules/section-duplicate.js';
import { sectionEmpty } from './rules/section-empty.js';
import { sectionRequired } from './rules/section-required.js';
import { sectionUnknown } from './rules/section-unknown.js';
import { weightsSum } from './rules/weights-sum.js';

/** Every per-file rule, alphabetical by id. */
export const RULES: readonly Rule[] = [
  conceptFormat,
  fileEncoding,
  fileTooLarge,
  frontmatterEnum,
  frontmatterEstimatedTime,
  frontmatterIdFormat,
  frontmatterLanguage,
  frontmatterMissing,
  frontmatterRequired,
  frontmatterType,
  frontmatterUnclosed,
  frontmatterUnknownKey,
  frontmatterYaml,
  mcqAnswer,
  mcqOptionFormat,
  sectionContent,
  sectionDuplicate,
  sectionEmpty,
  sectionRequired,
  sectionUnknown,
  weightsSum,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
