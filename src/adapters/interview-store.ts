import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { replay, RECORD_VERSION, SessionRecordSchema, type SessionMeta, type SessionRecord, type SessionState } from '../core/interview/records.js';
import { NotASession, SessionNotFound, UnreadableInput } from '../core/errors/catalogue.js';
import { QbankError } from '../core/errors/qbank-error.js';
import { JsonlLog } from './jsonl-log.js';

/** A saved session read back, with one warning per damaged record that was skipped. */
export interface LoadedSession {
  file: string;
  state: SessionState;
  warnings: string[];
}

/**
 * Interview sessions as JSON Lines logs in `<dataDir>/interviews/<session-id>.jsonl`. A step
 * that cannot be saved (a full disk) is kept in `keepDir` (the temp folder) when given.
 */
export class InterviewStore {
  readonly dir: string;

  constructor(
    dataDir: string,
    private readonly keepDir?: string,
  ) {
    this.dir = path.join(dataDir, 'interviews');
  }

  fileFor(id: string): string {
    return path.join(this.dir, `${id}.jsonl`);
  }

  log(file: string): JsonlLog<SessionRecord> {
    return new JsonlLog(file, SessionRecordSchema, this.keepDir === undefined ? {} : { keep: { dir: this.keepDir, what: 'this step of the interview' } });
  }

  /** Fails with a StorageError unless sessions can be saved (checked before a resumed session asks anything). */
  async checkWritable(file: string): Promise<void> {
    await this.log(file).checkWritable();
  }

  /** Starts a session under an unused id (`-2`, `-3`… added on a clash) and writes its first record. */
  async create(meta: SessionMeta): Promise<{ meta: SessionMeta; file: string }> {
    let id = meta.id;
    for (let n = 2; await exists(this.fileFor(id)); n += 1) id = `${meta.id}-${n}`;
    const session = { ...meta, id };
    const file = this.fileFor(id);
    try {
      await this.log(file).append({ v: RECORD_VERSION, type: 'start', at: meta.startedAt, session });
    } catch (error) {
      // The file is new and this session's alone: leave no empty session behind.
      await rm(file, { force: true }).catch(() => undefined);
      throw error;
    }
    return { meta: session, file };
  }

  /** Reads a session by id, or by the path of its `.jsonl` file (relative to `cwd`). */
  async load(idOrPath: string, cwd: string): Promise<LoadedSession> {
    const byPath = idOrPath.endsWith('.jsonl') || idOrPath.includes('/') || idOrPath.includes(path.sep);
    const file = byPath ? path.resolve(cwd, idOrPath) : this.fileFor(idOrPath);
    if (!(await exists(file))) {
      throw byPath ? new QbankError(UnreadableInput, { what: 'session file', file: idOrPath }) : new QbankError(SessionNotFound, { session: idOrPath, dir: this.dir });
    }
    const { records, warnings } = await this.log(file).read();
    const state = replay(records);
    if (!state) throw new QbankError(NotASession, { file: idOrPath });
    return { file, state, warnings };
  }

  /** Every readable session, most recently active first. */
  async list(): Promise<LoadedSession[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const sessions: LoadedSession[] = [];
    for (const name of names.filter((n) => n.endsWith('.jsonl'))) {
      const file = path.join(this.dir, name);
      const { records, warnings } = await this.log(file).read();
      const state = replay(records);
      if (state) sessions.push({ file, state, warnings });
    }
    return sessions.sort((a, b) => (a.state.updatedAt < b.state.updatedAt ? 1 : a.state.updatedAt > b.state.updatedAt ? -1 : 0));
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
