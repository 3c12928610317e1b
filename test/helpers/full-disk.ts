import { open, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import { vi } from 'vitest';

/** The error a write gives on a full disk. */
export function enospc(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
}

/**
 * Makes appends to open files fail as on a full disk once `succeeding` of them have gone
 * through: half of the bytes reach the file, then ENOSPC. The logs append through
 * `FileHandle.appendFile`, so that is where the failure is injected. Undo with `mockRestore()`.
 */
export async function fullDiskAfter(succeeding: number) {
  const probe = await open(os.devNull, 'r');
  const proto = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();
  const original = proto.appendFile;
  let calls = 0;
  return vi.spyOn(proto, 'appendFile').mockImplementation(async function (this: FileHandle, data, options) {
    calls += 1;
    if (calls <= succeeding) return original.call(this, data, options);
    const text = String(data);
    await original.call(this, text.slice(0, Math.floor(text.length / 2)), options);
    throw enospc();
  });
}
