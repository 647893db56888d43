import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * PGlite's data dir is opened by one process at a time (DESIGN §2). The lock file names the holder; a lock
 * left by a crashed process (its pid is gone) is recovered. The server also writes the port of its local
 * admin endpoint here, so CLI commands can go through it while it runs.
 */
export interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  command: string;
  adminPort?: number;
}

export class DataDirLockedError extends Error {
  constructor(readonly holder: LockInfo, dataDir: string) {
    super(
      `The data directory ${dataDir} is in use by "sanad ${holder.command}" (pid ${holder.pid} on ${holder.hostname}, ` +
        `since ${holder.startedAt}). Stop that process first, or use a command that works while the server runs.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export const lockPath = (dataDir: string) => join(dataDir, 'sanad.lock');

export function readLock(dataDir: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/** The live holder of the lock, if any (a stale lock counts as none). */
export function liveHolder(dataDir: string): LockInfo | null {
  const info = readLock(dataDir);
  return info && isAlive(info) ? info : null;
}

export interface DataDirLock {
  update(patch: Partial<LockInfo>): void;
  release(): void;
}

export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  const path = lockPath(dataDir);
  // The data dir may not exist yet (first run with SANAD_KEY_FILE elsewhere); it holds personal data.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const info: LockInfo = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), command };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      return {
        update(patch) {
          Object.assign(info, patch);
          writeFileSync(path, JSON.stringify(info), { mode: 0o600 });
        },
        release() {
          if (released) return;
          released = true;
          if (readLock(dataDir)?.pid === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(dataDir);
      if (holder && isAlive(holder)) throw new DataDirLockedError(holder, dataDir);
      // Stale (crashed holder) or unreadable: recover it.
      if (existsSync(path)) rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${path}.`);
}

function isAlive(info: LockInfo): boolean {
  if (info.hostname !== hostname()) return true;
  if (info.pid === process.pid) return true;
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
