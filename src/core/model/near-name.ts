import { closestMatch } from 'leven';

/**
 * The one of `names` that `given` most likely misspells (`estimated_tme` → `estimated_time`),
 * or undefined when none is close: at most one edit for a short name, two for a longer one.
 */
export function nearName(given: string, names: readonly string[]): string | undefined {
  const maxDistance = given.length <= 4 ? 1 : given.length <= 12 ? 2 : 3;
  const found = closestMatch(given, [...names], { maxDistance });
  return found === undefined || found === given ? undefined : found;
}
