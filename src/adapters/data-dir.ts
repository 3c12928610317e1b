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
