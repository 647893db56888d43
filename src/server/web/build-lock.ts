import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const WAIT_LIMIT_MS = 180_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `fn` while holding an exclusive lock file beside the build folder. A lock left by a process that
 * no longer runs is taken over; a live holder is waited for (up to three minutes).
 */
export async function withBuildLock<T>(distDir: string, fn: () => Promise<T>): Promise<T> {
  const lockPath = join(dirname(distDir.replace(/\/$/, '')), '.web-build.lock');
  await mkdir(dirname(lockPath), { recursive: true });
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      // A lock file without a pid yet was created a moment ago by a process about to write it.
      const ageMs = Date.now() - ((await stat(lockPath).catch(() => null))?.mtimeMs ?? 0);
      const stale = holder > 0 ? !alive(holder) : ageMs > 5_000;
      if (stale) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Another process (pid ${holder || '?'}) has been building the web app for too long (${lockPath}).`, { cause: error });
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockPath, { force: true });
  }
}
