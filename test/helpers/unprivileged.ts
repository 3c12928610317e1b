import { spawnSync } from 'node:child_process';
import { chownSync, lchownSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { BIN, type CliResult } from './cli.js';
import { REPO_ROOT } from './fixtures.js';

/** The user permission tests run qbank as: root reads any file whatever its mode, so tests running as root drop to `nobody`. */
const AS = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

/** Hands a temporary tree to the user qbank runs as (when that is not the test's own user), so its modes decide what it can read. */
export function handOver(dir: string): void {
  if (!AS) return;
  chownSync(dir, AS.uid, AS.gid);
  if (!statSync(dir).isDirectory()) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) handOver(full);
    else lchownSync(full, AS.uid, AS.gid);
  }
}

/** Runs the built binary as a user that file permissions apply to. */
export function runBinUnprivileged(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    ...(AS ?? {}),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
