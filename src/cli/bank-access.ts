import type { Bank } from '../core/bank/bank.js';
import type { CliIO } from './io.js';

/** Loads the bank for a command and says on stderr which files were left out and why. */
export async function openBank(io: CliIO, bankFlags: readonly string[] | undefined): Promise<Bank> {
  const { resolveBankDirs } = await import('../adapters/package-paths.js');
  const { loadBank, bankIndexFile } = await import('../adapters/load-bank.js');
  const dirs = resolveBankDirs(bankFlags, io.env, io.cwd);
  const { displayPath } = await import('../adapters/package-paths.js');
  const bank = await loadBank(dirs, io.cwd, {
    index: bankIndexFile(io.env, dirs),
    onSkippedFolder: ({ path, reason }) => io.stderr.write(`qbank: warning: the folder ${displayPath(path, io.cwd)} is left out, with every question in it: ${reason}\n`),
  });
  if (bank.skippedFiles.length > 0) {
    const count = bank.skippedFiles.length;
    io.stderr.write(
      `qbank: ${count} file${count === 1 ? '' : 's'} in the bank ${count === 1 ? 'has' : 'have'} errors and ${count === 1 ? 'was' : 'were'} left out: ${bank.skippedFiles.slice(0, 3).join(', ')}${count > 3 ? ', …' : ''} (run "qbank lint" on ${count === 1 ? 'it' : 'them'} for details)\n`,
    );
  }
  return bank;
}
