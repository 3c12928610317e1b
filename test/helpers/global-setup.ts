import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from './fixtures.js';

/** The source files whose compiled `dist/` counterpart is missing or older than they are. */
function staleSources(): string[] {
  const stale: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const built = path.join(REPO_ROOT, 'dist', path.relative(path.join(REPO_ROOT, 'src'), file)).replace(/\.ts$/, '.js');
        if (!existsSync(built) || statSync(built).mtimeMs < statSync(file).mtimeMs) stale.push(path.relative(REPO_ROOT, file));
      }
    }
  };
  walk(path.join(REPO_ROOT, 'src'));
  return stale;
}

/**
 * Several tests run the built binary (`dist/cli/bin.js`). An edit followed by `npx vitest` must
 * not test yesterday's build in silence: when any source is newer than its build, build again,
 * and say so.
 */
export default function setup(): void {
  const stale = staleSources();
  if (stale.length === 0) return;
  const shown = stale.slice(0, 3).join(', ') + (stale.length > 3 ? ` and ${stale.length - 3} more` : '');
  process.stderr.write(`\n*** dist/ is older than ${shown}: rebuilding it before the tests (npm run build) ***\n\n`);
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(REPO_ROOT, 'tsconfig.build.json')], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed: the tests that run dist/ would test stale code');
}
