import os from 'node:os';
import envPaths from 'env-paths';

/**
 * Where qbank keeps what it writes for a user (practice history, interview sessions):
 * `QBANK_HOME` when set, else the platform's data folder (for example ~/.local/share/qbank).
 */
export function dataDir(env: NodeJS.ProcessEnv): string {
  const home = env.QBANK_HOME?.trim();
  if (home) return home;
  return envPaths('qbank', { suffix: '' }).data;
}

/** Where qbank keeps caches it can rebuild (the lint cache): `QBANK_CACHE`, else the platform's cache folder. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  const cache = env.QBANK_CACHE?.trim();
  if (cache) return cache;
  return envPaths('qbank', { suffix: '' }).cache;
}

/** The temp folder of `env` (`TMPDIR`, else the system's): where qbank keeps a record it could not save. */
export function tempDir(env: NodeJS.ProcessEnv): string {
  return env.TMPDIR?.trim() || os.tmpdir();
}
