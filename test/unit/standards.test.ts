import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `standards/` is an offline copy of public reference data (IATI, HXL, Morocco's administrative divisions,
 * WG-SS). Where the project's shared data folder sits beside the repository (developers' machines and CI),
 * every copied file must equal its original byte for byte, so nobody edits a standard by accident. Without
 * that folder, the copy must at least say where each part comes from.
 */
const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const STANDARDS = join(REPO_ROOT, 'standards');
const SHARED_DATA = join(REPO_ROOT, '..', 'shared', 'data');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

const files = filesUnder(STANDARDS).map((path) => relative(STANDARDS, path)).sort();
const folders = readdirSync(STANDARDS).filter((name) => statSync(join(STANDARDS, name)).isDirectory());

describe('standards/', () => {
  it('holds reference data in folders, each with a README', () => {
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) expect(files, folder).toContain(join(folder, 'README.md'));
  });

  if (existsSync(SHARED_DATA)) {
    it('equals the shared originals byte for byte, file by file', () => {
      const missing = files.filter((file) => !existsSync(join(SHARED_DATA, file)));
      const differing = files.filter(
        (file) => !missing.includes(file) && !readFileSync(join(STANDARDS, file)).equals(readFileSync(join(SHARED_DATA, file))),
      );
      expect(files.length).toBeGreaterThan(folders.length);
      expect({ missing, differing }).toEqual({ missing: [], differing: [] });
    });
  } else {
    it('names the source and licence of every folder (the shared originals are not beside this checkout)', () => {
      const readme = readFileSync(join(STANDARDS, 'README.md'), 'utf8');
      for (const folder of folders) expect(readme, folder).toContain(`\`${folder}/`);
      expect(readme).toMatch(/licen[cs]e/i);
      for (const folder of folders) {
        expect(readFileSync(join(STANDARDS, folder, 'README.md'), 'utf8'), `${folder}/README.md`).toMatch(/source|commit|repository|github/i);
      }
    });
  }
});
