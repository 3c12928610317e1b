import { randomUUID } from 'node:crypto';
import { open, readFile, rmdir, stat, unlink } from 'node:fs/promises';
import os from 'node:os';

/**
 * A lock beside a log (`<file>.lock`), held while one record is appended, so two qbank
 * processes never interleave their lines.
 *
 * The lock is a file created exclusively, holding its owner's pid, host and a random token. A
 * process that finds it taken checks the owner: one on this host whose pid no longer runs was
 * killed mid-append, and its lock is taken over at once. An owner elsewhere (or a pid reused
 * by another program) cannot be checked, so such a lock is taken over when it is older than
 * `STALE_MS`; appends hold it for milliseconds. Taking over goes through a second, short-lived
 * lock, so two processes that find the same dead owner cannot both remove the lock (one of
 * them the other's fresh one).
 *
 * A folder at `<file>.lock` is a lock from qbank versions that used proper-lockfile; it is
 * respected, and taken over when stale.
 */

/** A lock whose owner cannot be checked is taken over after this long. */
export const STALE_MS = 10_000;
/** How long to wait for a live owner before giving up (QBANK_LOCK_WAIT_MS shortens it, for tests). */
const waitMs = (): number => {
  const given = Number(process.env.QBANK_LOCK_WAIT_MS);
  return Number.isFinite(given) && given > 0 ? given : 10_000;
};

/** What a lock file holds. */
interface LockOwner {
  pid: number;
  host: string;
  token: string;
  at: string;
}

/** The lock is held by a live process and did not come free in time. */
export class LockedError extends Error {
  readonly code = 'ELOCKED';
  constructor(
    readonly lockFile: string,
    readonly owner: string,
  ) {
    super(`another qbank process (${owner}) has held ${lockFile} for over ${waitMs() / 1000} s`);
    this.name = 'LockedError';
  }
}

/** Takes the lock of `file`, waiting for a live owner; resolves with the function that releases it. */
export async function lockLog(file: string): Promise<() => Promise<void>> {
  const lockFile = `${file}.lock`;
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), token: randomUUID(), at: new Date().toISOString() };
  const deadline = Date.now() + waitMs();
  for (let attempt = 0; ; attempt += 1) {
    if (await create(lockFile, owner)) return () => release(lockFile, owner.token);
    if (await takeOverIfAbandoned(lockFile)) continue;
    if (Date.now() > deadline) throw new LockedError(lockFile, describe(await readOwner(lockFile)));
    await sleep(Math.min(10 * 2 ** attempt, 200));
  }
}

/** Creates the lock file with the owner in it; false when it exists. */
async function create(lockFile: string, owner: LockOwner): Promise<boolean> {
  let handle;
  try {
    handle = await open(lockFile, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(owner));
  } catch (error) {
    // A full disk can refuse even these few bytes: leave no empty lock behind.
    await handle.close().catch(() => undefined);
    await unlink(lockFile).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return true;
}

async function release(lockFile: string, token: string): Promise<void> {
  const current = await readOwner(lockFile);
  // Taken over meanwhile (this process was thought dead): the lock is someone else's now.
  if (current.kind === 'owner' && current.owner.token !== token) return;
  await unlink(lockFile).catch(() => undefined);
}

type Found =
  | { kind: 'owner'; owner: LockOwner; raw: string; mtimeMs: number }
  | { kind: 'unknown'; raw: string; mtimeMs: number }
  | { kind: 'folder'; mtimeMs: number }
  | { kind: 'gone' };

async function readOwner(lockFile: string): Promise<Found> {
  let info;
  try {
    info = await stat(lockFile);
  } catch {
    return { kind: 'gone' };
  }
  if (info.isDirectory()) return { kind: 'folder', mtimeMs: info.mtimeMs };
  let raw: string;
  try {
    raw = await readFile(lockFile, 'utf8');
  } catch {
    return { kind: 'gone' };
  }
  try {
    const owner = JSON.parse(raw) as LockOwner;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.token === 'string') return { kind: 'owner', owner, raw, mtimeMs: info.mtimeMs };
  } catch {
    // Being written, or damaged: judged by its age.
  }
  return { kind: 'unknown', raw, mtimeMs: info.mtimeMs };
}

function abandoned(found: Found): boolean {
  if (found.kind === 'gone') return false;
  if (found.kind === 'owner' && found.owner.host === os.hostname() && !running(found.owner.pid)) return true;
  return found.mtimeMs < Date.now() - STALE_MS;
}

/** Removes the lock when its owner is gone; true when it did (or the lock went meanwhile). */
async function takeOverIfAbandoned(lockFile: string): Promise<boolean> {
  const found = await readOwner(lockFile);
  if (found.kind === 'gone') return true;
  if (!abandoned(found)) return false;
  const guard = `${lockFile}.takeover`;
  const guardOwner: LockOwner = { pid: process.pid, host: os.hostname(), token: randomUUID(), at: new Date().toISOString() };
  let guarded = false;
  try {
    guarded = await create(guard, guardOwner);
  } catch {
    return false;
  }
  if (!guarded) {
    // The guard is held for a few file operations; one left by a killed process goes too.
    if (abandoned(await readOwner(guard))) await unlink(guard).catch(() => undefined);
    return false;
  }
  try {
    // Still the same abandoned lock? (Another process may have taken it over and locked anew.)
    const again = await readOwner(lockFile);
    if (again.kind === 'gone') return true;
    const same = again.kind === found.kind && (again.kind === 'folder' ? again.mtimeMs === found.mtimeMs : 'raw' in found && again.raw === found.raw);
    if (!same || !abandoned(again)) return false;
    if (again.kind === 'folder') await rmdir(lockFile).catch(() => undefined);
    else await unlink(lockFile).catch(() => undefined);
    return true;
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

/** Whether a process with this pid runs on this host (one of another user counts). */
function running(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function describe(found: Found): string {
  return found.kind === 'owner' ? `pid ${found.owner.pid} on ${found.owner.host}` : 'owner unknown';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
