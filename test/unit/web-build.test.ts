import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withBuildLock } from '../../src/server/web/build-lock.ts';
import { initialJavaScript } from '../../src/server/web/initial-size.ts';
import { webFingerprint } from '../../src/server/web/web-fingerprint.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sanad-build-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the web build fingerprint', () => {
  it('changes with a source file\'s content, not with its modification time, and ignores tests', async () => {
    await mkdir(join(root, 'src/web'), { recursive: true });
    await writeFile(join(root, 'src/web/a.tsx'), 'export const a = 1;');
    await writeFile(join(root, 'vite.config.ts'), 'export default {};');
    const first = await webFingerprint(root, ['src/web'], ['vite.config.ts']);
    await writeFile(join(root, 'src/web/a.tsx'), 'export const a = 1;');
    expect(await webFingerprint(root, ['src/web'], ['vite.config.ts'])).toBe(first);
    await writeFile(join(root, 'src/web/a.test.ts'), 'test');
    expect(await webFingerprint(root, ['src/web'], ['vite.config.ts'])).toBe(first);
    await writeFile(join(root, 'src/web/a.tsx'), 'export const a = 2;');
    expect(await webFingerprint(root, ['src/web'], ['vite.config.ts'])).not.toBe(first);
  });

  it('is null when the sources are absent (an installation with only the built app)', async () => {
    expect(await webFingerprint(root, ['src/web'], ['vite.config.ts'])).toBeNull();
  });
});

describe('the web build lock', () => {
  it('lets one builder work at a time', async () => {
    const dist = join(root, 'dist/web');
    const events: string[] = [];
    const job = (name: string) =>
      withBuildLock(dist, async () => {
        events.push(`${name} start`);
        await sleep(50);
        events.push(`${name} end`);
      });
    await Promise.all([job('a'), job('b')]);
    expect(events[1]).toBe(`${events[0]!.split(' ')[0]} end`);
    expect(events).toHaveLength(4);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dist = join(root, 'dist/web');
    await mkdir(join(root, 'dist'), { recursive: true });
    await writeFile(join(root, 'dist/.web-build.lock'), '999999999');
    expect(await withBuildLock(dist, async () => 'built')).toBe('built');
    await expect(readFile(join(root, 'dist/.web-build.lock'))).rejects.toThrow();
  });
});

describe('the initial JavaScript size', () => {
  it('counts the entry script and its preloaded modules, not lazy chunks', async () => {
    await mkdir(join(root, 'assets'));
    await writeFile(
      join(root, 'index.html'),
      '<script type="module" crossorigin src="/assets/index-1.js"></script><link rel="modulepreload" crossorigin href="/assets/vendor-2.js">',
    );
    await writeFile(join(root, 'assets/index-1.js'), 'a'.repeat(10_000));
    await writeFile(join(root, 'assets/vendor-2.js'), 'b'.repeat(5_000));
    await writeFile(join(root, 'assets/LazyPage-3.js'), 'c'.repeat(50_000));
    const { assets, gzipBytes } = await initialJavaScript(root);
    expect(assets.map((asset) => asset.file)).toEqual(['/assets/index-1.js', '/assets/vendor-2.js']);
    expect(assets[0]!.bytes).toBe(10_000);
    expect(gzipBytes).toBe(assets[0]!.gzipBytes + assets[1]!.gzipBytes);
    expect(gzipBytes).toBeLessThan(1_000);
  });
});
