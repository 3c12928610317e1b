import { Bank, type BankFile } from '../core/bank/bank.js';
import { displayPath } from './package-paths.js';
import pMap from 'p-map';
import { findQuestionFiles, readQuestionFile } from './question-files.js';

/** Reads every question file under the bank folders and builds the bank. */
export async function loadBank(dirs: readonly string[], cwd: string): Promise<Bank> {
  const files = await findQuestionFiles(dirs);
  const parsed: BankFile[] = await pMap(
    files,
    async (file) => {
      const label = displayPath(file, cwd);
      return { file: label, parsed: await readQuestionFile(file, label) };
    },
    { concurrency: 16 },
  );
  return Bank.build(parsed);
}
