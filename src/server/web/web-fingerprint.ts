import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * A hash over the web app's inputs (paths and contents): the built app is stale exactly when this differs
 * from the one recorded at build time. Contents, not modification times, so a fresh clone whose files all
 * have new times does not rebuild an app built from the same sources.
 */
export async function webFingerprint(root: string, dirs: string[], files: string[]): Promise<string | null> {
  const paths = [...(await Promise.all(dirs.map((dir) => listFiles(join(root, dir))))).flat(), ...files.map((file) => join(root, file))]
    .filter((path) => !/\.test\.tsx?$/.test(path))
    .sort();
  if (paths.length === files.length) return null;
  const hash = createHash('sha256');
  for (const path of paths) {
    const content = await readFile(path).catch(() => null);
    if (!content) continue;
    hash.update(relative(root, path)).update('\0').update(content).update('\0');
  }
  return hash.digest('hex');
}
