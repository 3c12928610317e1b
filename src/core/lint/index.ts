import type { FactKind } from '../parse/facts.js';
import type { Rule } from './rule.js';
import { barRaiserLevel } from './rules/bar-raiser-level.js';
import { conceptCount } from './rules/concept-count.js';
import { conceptDescription } from './rules/concept-description.js';
import { conceptFormat } from './rules/concept-format.js';
import { conceptOverlap } from './rules/concept-overlap.js';
import { conceptProbe } from './rules/concept-probe.js';
import { conceptSection } from './rules/concept-section.js';
import { disableUnknownRule } from './rules/disable-unknown-rule.js';
import { fileEncoding } from './rules/file-encoding.js';
import { fileTooComplex } from './rules/file-too-complex.js';
import { fileTooLarge } from './rules/file-too-large.js';
import { fileUnreadable } from './rules/file-unreadable.js';
import { folderSkipped } from './rules/folder-skipped.js';
import { followUpHintGraded } from './rules/follow-up-hint-graded.js';
import { followUpQuestion } from './rules/follow-up-question.js';
import { followUpTier } from './rules/follow-up-tier.js';
import { frontmatterEnum } from './rules/frontmatter-enum.js';
import { frontmatterEstimatedTime } from './rules/frontmatter-estimated-time.js';
import { frontmatterEstimatedTimeStyle } from './rules/frontmatter-estimated-time-style.js';
import { frontmatterIdFormat } from './rules/frontmatter-id-format.js';
import { frontmatterLanguage } from './rules/frontmatter-language.js';
import { frontmatterMissing } from './rules/frontmatter-missing.js';
import { frontmatterRequired } from './rules/frontmatter-required.js';
import { frontmatterType } from './rules/frontmatter-type.js';
import { frontmatterUnclosed } from './rules/frontmatter-unclosed.js';
import { frontmatterUnknownKey } from './rules/frontmatter-unknown-key.js';
import { frontmatterYaml } from './rules/frontmatter-yaml.js';
import { keywordInSamples } from './rules/keyword-in-samples.js';
import { mcqAnswer } from './rules/mcq-answer.js';
import { mcqOptionFormat } from './rules/mcq-option-format.js';
import { metadataRubricFile } from './rules/metadata-rubric-file.js';
import { sampleAcceptableScore } from './rules/sample-acceptable-score.js';
import { sampleExcellentBand } from './rules/sample-excellent-band.js';
import { sectionContent } from './rules/section-content.js';
import { sectionDuplicate } from './rules/section-duplicate.js';
import { sectionEmpty } from './rules/section-empty.js';
import { sectionKeyStyle } from './rules/section-key-style.js';
import { sectionOrder } from './rules/section-order.js';
import { sectionRecommended } from './rules/section-recommended.js';
import { sectionRequired } from './rules/section-required.js';
import { sectionUnknown } from './rules/section-unknown.js';
import { textControlCharacter } from './rules/text-control-character.js';
import { textMojibake } from './rules/text-mojibake.js';
import { textQuotes } from './rules/text-quotes.js';
import { todo } from './rules/todo.js';
import { weightsSum } from './rules/weights-sum.js';

const ALL = [
  barRaiserLevel,
  conceptCount,
  conceptDescription,
  conceptFormat,
  conceptOverlap,
  conceptProbe,
  conceptSection,
  disableUnknownRule,
  fileEncoding,
  fileTooComplex,
  fileTooLarge,
  fileUnreadable,
  folderSkipped,
  followUpHintGraded,
  followUpQuestion,
  followUpTier,
  frontmatterEnum,
  frontmatterEstimatedTime,
  frontmatterEstimatedTimeStyle,
  frontmatterIdFormat,
  frontmatterLanguage,
  frontmatterMissing,
  frontmatterRequired,
  frontmatterType,
  frontmatterUnclosed,
  frontmatterUnknownKey,
  frontmatterYaml,
  keywordInSamples,
  mcqAnswer,
  mcqOptionFormat,
  metadataRubricFile,
  sampleAcceptableScore,
  sampleExcellentBand,
  sectionContent,
  sectionDuplicate,
  sectionEmpty,
  sectionKeyStyle,
  sectionOrder,
  sectionRecommended,
  sectionRequired,
  sectionUnknown,
  textControlCharacter,
  textMojibake,
  textQuotes,
  todo,
  weightsSum,
] as const;

/** Every per-file rule, alphabetical by id. */
export const RULES: readonly Rule[] = ALL;

/** The id of a per-file rule. */
export type RuleId = (typeof ALL)[number]['id'];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

/** The rule that reports each kind of parser fact (the meta-test holds each kind to one rule). */
export const RULES_BY_FACT: ReadonlyMap<FactKind, Rule> = new Map(RULES.flatMap((rule) => rule.facts.map((kind) => [kind, rule] as const)));
