import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * `mkdir -p` that always ends. Node's `mkdir(dir, { recursive: true })` never returns when the
 * parent exists but refuses children with ENOENT (a path under /proc, a link to a folder that
 * is gone): it makes the parent, retries the child, and loops. Here a child that still cannot
 * be made once its parent exists is an error, in words.
 */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir);
    return;
  } catch (error) {
    if (await isFolder(dir, error)) return;
    const code = (error as NodeJS.ErrnoException).code;
    const parent = path.dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw error;
    await makeFolder(parent);
  }
  try {
    await mkdir(dir);
  } catch (error) {
    if (await isFolder(dir, error)) return;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw Object.assign(new Error(`the folder ${dir} cannot be created there (its parent exists but takes no new folders)`), { code: 'ENOENT' });
  }
}

async function isFolder(dir: string, error: unknown): Promise<boolean> {
  if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
  return (await stat(dir).catch(() => undefined))?.isDirectory() === true;
}
