import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialAsset {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * The JavaScript a browser must fetch before the first page renders: the entry script of index.html and
 * the modules it preloads. Lazy page chunks are not counted. Sizes gzip-compressed at level 9, as served.
 */
export async function initialJavaScript(distDir: string): Promise<{ assets: InitialAsset[]; gzipBytes: number }> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const assets: InitialAsset[] = [];
  for (const url of [...new Set([...scripts, ...preloads])]) {
    const content = await readFile(join(distDir, url.replace(/^\//, '')));
    assets.push({ file: url, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length });
  }
  return { assets, gzipBytes: assets.reduce((sum, asset) => sum + asset.gzipBytes, 0) };
}
