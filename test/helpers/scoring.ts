import { parseQuestion } from '../../src/core/parse/parse-question.js';
import type { SubjectiveQuestion } from '../../src/core/model/subjective.js';
import { loadScoringSetup, type ScoringSetup } from '../../src/adapters/scoring-files.js';
import { compileRubric, type CompiledRubric } from '../../src/core/score/compile.js';
import { fixture } from './fixtures.js';

let setup: ScoringSetup | undefined;

/** The shipped rubric configuration (rubrics/scoring.yaml and lexicon.yaml). */
export async function scoringSetup(): Promise<ScoringSetup> {
  setup ??= await loadScoringSetup({}, process.cwd());
  return setup;
}

export function subjectiveFrom(text: string, file = 'q.md'): SubjectiveQuestion {
  const { question } = parseQuestion(text, file);
  if (question?.type !== 'subjective') throw new Error(`${file} is not a subjective question`);
  return question;
}

export async function rubricFor(text: string): Promise<CompiledRubric> {
  const { lexicon, config } = await scoringSetup();
  return compileRubric(subjectiveFrom(text), lexicon, config);
}

export async function fixtureRubric(name: string): Promise<CompiledRubric> {
  return rubricFor(fixture(name));
}

/** A minimal valid question whose rubric is the given concepts and keywords. */
export function questionWith(parts: { concepts?: string[]; keywords?: string[]; bonus?: string[]; mistakes?: string[]; aliases?: string; question?: string; followUp?: string }): string {
  const concepts = (parts.concepts ?? ['**Placeholder Concept**: unrelated filler words']).map((c) => `- ${c}`).join('\n');
  const keywords = (parts.keywords ?? ['zzz']).join(', ');
  const bonus = (parts.bonus ?? ['**Other Idea**: quite different words entirely']).map((c) => `- ${c}`).join('\n');
  const mistakes = (parts.mistakes ?? ['Something else entirely here']).map((m) => `- ${m}`).join('\n');
  return `---
id: scoring-probe-L3-001
type: subjective
level: L3
category: baseline
topic: testing
subtopic: scoring
estimated_time: 5 minutes
${parts.aliases ?? ''}
---

# question_title - Probe

## main_question - Core Question
"${parts.question ?? 'Probe question?'}"

## core_concepts - Must Mention (60%)
### mandatory_concepts
${concepts}

### expected_keywords
- Keywords: ${keywords}

## peripheral_concepts - Nice to Have (40%)
### bonus_concepts
${bonus}

### bonus_keywords
- Related: yyy

## sample_excellent - Example Excellence
"Excellent."

## sample_acceptable - Minimum Acceptable
"Acceptable."

## common_mistakes - Watch Out For
${mistakes}

## follow_up_excellent - Depth Probe
**Question**: "Deeper?"
- **Looking for**: ${parts.followUp ?? 'depth'}

## follow_up_partial - Guided Probe
**Question**: "Guided?"
- **Hint embedded**: hint

## follow_up_weak - Foundation Check
**Question**: "Basic?"
- **Simplification**: simple

## bar_raiser_question - L3→L4 Challenge
"Stretch?"

### bar_raiser_concepts
- Stretch idea

## metadata
- **Evaluation rubric**: See GUIDELINES.md
`;
}
