import { levelNumber, type Level } from '../model/level.js';

/** What `qbank new` fills in; everything else is a `TODO` for the author. */
export interface TemplateOptions {
  type: 'subjective' | 'mcq';
  id: string;
  level: Level;
  topic: string;
  category?: 'baseline' | 'bar-raiser';
}

/**
 * A new question file that lints with no errors: every section is present with `TODO`
 * placeholders (reported by the `todo` rule) that the content rules leave alone until written.
 */
export function questionTemplate(options: TemplateOptions): string {
  return options.type === 'mcq' ? mcqTemplate(options) : subjectiveTemplate(options);
}

function subjectiveTemplate({ id, level, topic, category }: TemplateOptions): string {
  const next = `L${Math.min(8, levelNumber(level) + 1)}`;
  return `---
id: ${id}
type: subjective
level: ${level}
category: ${category ?? 'baseline'}
topic: ${topic}
subtopic: TODO
estimated_time: 5-7 minutes
tags: []
---

# question_title - TODO Title

## main_question - Core Question
"TODO: the question, as you would ask it in an interview."

## core_concepts - Must Mention (60%)
### mandatory_concepts
- **TODO First Concept**: TODO what a good answer must explain, in other words than the name
  Probe: TODO (optional) the question you would ask to draw this out, without naming it?
- **TODO Second Concept**: TODO another idea every passing answer needs

### expected_keywords
- Primary keywords: TODO keyword, TODO another keyword

## peripheral_concepts - Nice to Have (40%)
### bonus_concepts
- **TODO Bonus Concept**: TODO an idea that lifts a good answer to an excellent one

### bonus_keywords
- Related: TODO bonus keyword

## sample_excellent - Example Excellence
"TODO: a model answer that covers every mandatory concept and scores excellent."

## sample_acceptable - Minimum Acceptable
"TODO: the weakest answer that should still pass."

## common_mistakes - Watch Out For
- TODO a mistake weak answers make

## follow_up_excellent - Depth Probe
**Question**: "TODO: a harder question for a candidate who answered well."
- **Looking for**: TODO what a good follow-up answer says
- **Red flags**: TODO what a wrong one says

## follow_up_partial - Guided Probe
**Question**: "TODO: a question that leads a partial answer towards what it missed."
- **Hint embedded**: TODO the hint the question carries
- **Concept testing**: TODO the concept it checks

## follow_up_weak - Foundation Check
**Question**: "TODO: a simpler question that checks the foundation."
- **Simplification**: TODO the everyday analogy
- **Building block**: TODO the building block it checks

## bar_raiser_question - ${level}→${next} Challenge
"TODO: a stretch question one level up."

### bar_raiser_concepts
- TODO what a strong bar-raiser answer covers

## metadata
- **Evaluation rubric**: See GUIDELINES.md
- **Time expectation**: TODO min answer + TODO min discussion
- **Common next topics**: TODO
`;
}

function mcqTemplate({ id, level, topic, category }: TemplateOptions): string {
  return `---
id: ${id}
type: mcq
level: ${level}
category: ${category ?? 'baseline'}
topic: ${topic}
tags: []
---

# question_title - TODO Title

## question
TODO: the question.

## options
- A) TODO the right option
- B) TODO a tempting wrong option
- C) TODO another wrong option
- D) TODO another wrong option

## answer
A

## explanation
TODO: why A is right and the others are not.
`;
}
