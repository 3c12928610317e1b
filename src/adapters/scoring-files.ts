import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { LexiconSchema, ScoringConfigSchema, type LexiconConfig, type ScoringConfig } from '../core/score/config.js';
import { Lexicon } from '../core/score/lexicon.js';
import { DEFAULT_RUBRICS_DIR } from './package-paths.js';

/** The rubric configuration could not be read; the message names the file and the problem. */
export class ScoringConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScoringConfigError';
  }
}

/** What every scoring command needs: the thresholds and the compiled lexicon. */
export interface ScoringSetup {
  config: ScoringConfig;
  lexicon: Lexicon;
  /** The folder they came from (GUIDELINES.md lives there too). */
  dir: string;
}

async function readYaml<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ScoringConfigError(`Cannot read ${file}; set QBANK_RUBRICS to a folder holding scoring.yaml and lexicon.yaml`);
  }
  const document = parseDocument(text, { prettyErrors: false });
  const [error] = document.errors;
  if (error) throw new ScoringConfigError(`${file}: YAML syntax error: ${error.message.split('\n')[0] ?? ''}`);
  const result = schema.safeParse(document.toJS({ maxAliasCount: 100 }));
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new ScoringConfigError(`${file}: ${where}${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** Reads `scoring.yaml` and `lexicon.yaml` from a rubrics folder (the shipped one by default). */
export async function loadScoringSetup(env: NodeJS.ProcessEnv, cwd: string, dir?: string): Promise<ScoringSetup> {
  const folder = dir ? path.resolve(cwd, dir) : env.QBANK_RUBRICS ? path.resolve(cwd, env.QBANK_RUBRICS) : DEFAULT_RUBRICS_DIR;
  const [config, lexicon] = await Promise.all([
    readYaml<ScoringConfig>(path.join(folder, 'scoring.yaml'), ScoringConfigSchema),
    readYaml<LexiconConfig>(path.join(folder, 'lexicon.yaml'), LexiconSchema),
  ]);
  return { config, lexicon: new Lexicon(lexicon), dir: folder };
}
