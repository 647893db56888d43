import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

/**
 * IATI codelists, read from the official XML files copied verbatim into `standards/iati/codelists`
 * (never retyped). Parsed once per list on first use.
 */
export const STANDARDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'standards');

export interface CodelistItem {
  code: string;
  names: { en: string; fr?: string };
  withdrawn: boolean;
}

const cache = new Map<string, CodelistItem[]>();

export function iatiCodelist(name: string): CodelistItem[] {
  const cached = cache.get(name);
  if (cached) return cached;
  const xml = readFileSync(join(STANDARDS_DIR, 'iati', 'codelists', `${name}.xml`), 'utf8');
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (tag) => tag === 'codelist-item' || tag === 'narrative',
  });
  const doc = parser.parse(xml);
  const items: CodelistItem[] = (doc.codelist['codelist-items']['codelist-item'] as Array<Record<string, unknown>>).map(
    (item) => {
      const narratives = ((item.name as { narrative?: unknown[] })?.narrative ?? []).map((n) =>
        typeof n === 'object' && n !== null
          ? { lang: (n as Record<string, string>)['@xml:lang'], text: String((n as Record<string, string>)['#text']) }
          : { lang: undefined, text: String(n) },
      );
      const en = narratives.find((n) => !n.lang || n.lang === 'en')?.text ?? String(item.code);
      const fr = narratives.find((n) => n.lang === 'fr')?.text;
      return {
        code: String(item.code),
        names: fr ? { en, fr } : { en },
        withdrawn: (item as Record<string, string>)['@status'] === 'withdrawn',
      };
    },
  );
  cache.set(name, items);
  return items;
}

export function isIatiCode(list: string, code: string): boolean {
  return iatiCodelist(list).some((i) => i.code === code && !i.withdrawn);
}
