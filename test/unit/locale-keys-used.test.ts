import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { flatten, type LocaleTree } from '../../src/web/i18n/check-locales.ts';

/**
 * Extraction check (STYLE §11): every literal key the web app passes to t() exists in the English locale
 * file of its namespace — a typo would otherwise show the raw key to field staff. A file's namespaces are
 * those of its useTranslation() calls (default `common`); `ns:key` names one explicitly.
 */
const WEB = fileURLToPath(new URL('../../src/web', import.meta.url));
const PLURAL = /_(zero|one|two|few|many|other)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function englishKeys(): Map<string, Set<string>> {
  const dir = join(WEB, 'i18n/locales/en');
  const byNamespace = new Map<string, Set<string>>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const keys = [...flatten(JSON.parse(readFileSync(join(dir, file), 'utf8')) as LocaleTree).keys()];
    byNamespace.set(file.replace(/\.json$/, ''), new Set(keys.flatMap((key) => [key, key.replace(PLURAL, '')])));
  }
  return byNamespace;
}

describe('translation keys used by the web app', () => {
  it('all exist in the locale files', () => {
    const keys = englishKeys();
    const missing: string[] = [];
    let checked = 0;
    for (const file of sourceFiles(WEB)) {
      const source = readFileSync(file, 'utf8');
      const namespaces = [...source.matchAll(/useTranslation\(\s*(?:'(\w+)'|\[\s*'(\w+)')?/g)].map((m) => m[1] ?? m[2] ?? 'common');
      if (namespaces.length === 0) namespaces.push('common');
      for (const match of source.matchAll(/\bt\(\s*'([^'$]+)'/g)) {
        const key = match[1]!;
        checked += 1;
        const [namespace, name] = key.includes(':') ? key.split(':', 2) : [null, key];
        const candidates = namespace ? [namespace] : namespaces;
        if (!candidates.some((ns) => keys.get(ns!)?.has(name!))) {
          missing.push(`${file.slice(WEB.length + 1)}: t('${key}') not in ${candidates.join(' or ')}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});
