import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/core/parse/parse-question.js';
import type { SubjectiveQuestion } from '../../src/core/model/subjective.js';
import { SubjectiveQuestionSchema } from '../../src/core/model/subjective.js';
import { renderQuestion } from '../../src/cli/reporters/question-text.js';
import { Chalk } from 'chalk';
import { SEED_QUESTION_FILES, seedsPresent } from '../helpers/fixtures.js';
import { missingTokens, stringsOf } from '../helpers/tokens.js';
import { describeWithSeeds, requireSeeds } from '../helpers/seeds.js';
import { withMojibakeRepaired } from '../../src/core/lint/mojibake.js';

/** The source split at headings by plain line scanning (independent of the parser). */
function sourceSections(text: string): Array<{ key: string; heading: string; body: string }> {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  const out: Array<{ key: string; heading: string; body: string }> = [];
  for (const line of body.split('\n')) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading?.[1]) {
      const text = heading[1].trim();
      out.push({ key: text.split(/\s+-\s+|\s+/)[0]!.toLowerCase(), heading: text, body: '' });
    } else if (out.length > 0) {
      out[out.length - 1]!.body += `${line}\n`;
    }
  }
  return out;
}

/** The model part that must hold a source section's content. */
function modelPart(q: SubjectiveQuestion, key: string): unknown {
  switch (key) {
    case 'question_title': return q.title;
    case 'main_question': return q.mainQuestion;
    case 'core_concepts': return q.core.label;
    case 'mandatory_concepts': return q.core.concepts;
    case 'expected_keywords': return q.core.keywords;
    case 'peripheral_concepts': return q.bonus.label;
    case 'bonus_concepts': return q.bonus.concepts;
    case 'bonus_keywords': return q.bonus.keywords;
    case 'sample_excellent': return q.sampleExcellent;
    case 'sample_acceptable': return q.sampleAcceptable;
    case 'common_mistakes': return q.commonMistakes;
    case 'follow_up_excellent': return q.followUps.excellent;
    case 'follow_up_partial': return q.followUps.partial;
    case 'follow_up_weak': return q.followUps.weak;
    case 'bar_raiser_question': return { label: q.barRaiser?.label, question: q.barRaiser?.question };
    case 'bar_raiser_concepts': return q.barRaiser?.concepts;
    case 'metadata': return q.metadata;
    case 'assistant_answer': return q.assistantAnswer;
    case 'improvement_suggestions': return q.improvementSuggestions;
    case 'improvement_exercises': return '';
    default: {
      const exercise = /^exercise_(\d+)$/.exec(key);
      if (exercise) return q.improvementExercises.find((e) => e.number === Number(exercise[1]));
      throw new Error(`no model part for ${key}`);
    }
  }
}

describeWithSeeds('the seed question files', () => {
  it('are present', requireSeeds);
  for (const file of seedsPresent ? SEED_QUESTION_FILES : []) {
    const text = readFileSync(file, 'utf8');
    const parsed = parseQuestion(text, file);
    const question = parsed.question as SubjectiveQuestion;

    it(`${file.split('/').pop()} loads with no diagnostics and matches the zod model`, () => {
      expect(parsed.facts).toEqual([]);
      expect(parsed.usable).toBe(true);
      expect(SubjectiveQuestionSchema.safeParse(question).success).toBe(true);
    });

    for (const section of sourceSections(text)) {
      it(`${file.split('/').pop()}: section ${section.key} is in the model, nothing lost`, () => {
        const label = section.heading.includes(' - ') ? section.heading.slice(section.heading.indexOf(' - ') + 3) : '';
        const headingCarriesText = ['question_title', 'bar_raiser_question', 'core_concepts', 'peripheral_concepts'].includes(section.key) || section.key.startsWith('exercise_') || section.key.startsWith('follow_up_');
        const expected = `${headingCarriesText ? label : ''}\n${section.body.replace(/\*\*(Question|Sample answer)\*\*:/g, '')}`;
        const actual = stringsOf(modelPart(question, section.key));
        expect(missingTokens(expected, actual)).toEqual([]);
      });
    }

    it(`${file.split('/').pop()}: show --rubric prints every word of every section`, () => {
      const shown = renderQuestion(question, { rubric: true, style: new Chalk({ level: 0 }), width: 80 });
      // show prints mis-encoded text repaired (`L4â†’L5` as `L4→L5`), as lint --fix would write it.
      const body = withMojibakeRepaired(text.replace(/^---\n[\s\S]*?\n---\n/, ''));
      const withoutKeys = body.replace(/^#{1,6}\s+\S+/gm, '').replace(/\*\*(Question|Sample answer)\*\*:/g, '');
      expect(missingTokens(withoutKeys, shown)).toEqual([]);
      expect(shown.split('\n').every((line) => line.length <= 80)).toBe(true);
    });
  }
});
