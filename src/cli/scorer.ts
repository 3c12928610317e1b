import type { SubjectiveQuestion } from '../core/model/subjective.js';
import { compileRubric, type CompiledRubric } from '../core/score/compile.js';
import { loadScoringSetup, type ScoringSetup } from '../adapters/scoring-files.js';
import type { CliIO } from './io.js';

/** Loads the rubric configuration once and compiles each question's rubric once. */
export class Scorer {
  private readonly compiled = new Map<SubjectiveQuestion, CompiledRubric>();

  private constructor(readonly setup: ScoringSetup) {}

  static async open(io: CliIO, rubricsDir: string | undefined): Promise<Scorer> {
    return new Scorer(await loadScoringSetup(io.env, io.cwd, rubricsDir));
  }

  rubric(question: SubjectiveQuestion): CompiledRubric {
    let rubric = this.compiled.get(question);
    if (!rubric) {
      rubric = compileRubric(question, this.setup.lexicon, this.setup.config);
      this.compiled.set(question, rubric);
    }
    return rubric;
  }
}
