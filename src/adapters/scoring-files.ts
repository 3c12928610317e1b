import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { UnreadableRubrics } from '../core/errors/catalogue.js';
import { parseSource } from '../core/errors/input-problems.js';
import { QbankError } from '../core/errors/qbank-error.js';
import { readYamlSource } from '../core/parse/source-document.js';
import { LexiconSchema, ScoringConfigSchema, type LexiconConfig, type ScoringConfig } from '../core/score/config.js';
import { Lexicon } from '../core/score/lexicon.js';
import { displayPath, resolveRubricsDir } from './package-paths.js';

/** What every scoring command needs: the thresholds and the compiled lexicon. */
export interface ScoringSetup {
  config: ScoringConfig;
  lexicon: Lexicon;
  /** The folder they came from (GUIDELINES.md lives there too). */
  dir: string;
}

/** A rubric file, checked against its schema: a mistake is one line with the file, line and column. */
async function readYaml<T>(file: string, schema: z.ZodType<T>, cwd: string): Promise<T> {
  const shown = displayPath(file, cwd);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new QbankError(UnreadableRubrics, { file: shown });
  }
  return parseSource(schema, readYamlSource(text), shown);
}

/** Reads `scoring.yaml` and `lexicon.yaml` from a rubrics folder (the shipped one by default). */
export async function loadScoringSetup(env: NodeJS.ProcessEnv, cwd: string, dir?: string): Promise<ScoringSetup> {
  const folder = resolveRubricsDir(dir, env, cwd);
  const [config, lexicon] = await Promise.all([
    readYaml<ScoringConfig>(path.join(folder, 'scoring.yaml'), ScoringConfigSchema, cwd),
    readYaml<LexiconConfig>(path.join(folder, 'lexicon.yaml'), LexiconSchema, cwd),
  ]);
  return { config, lexicon: new Lexicon(lexicon), dir: folder };
}
