/**
 * N-1 + N-4 for text already known to be Latin (alias dictionary entries, search terms): the tokens the
 * rules after N-4 expect.
 */
import { foldLatinDiacritics } from './latin.ts';
import { cleanUnicode } from './unicode.ts';

export function latinTokens(text: string): string[] {
  const cleaned = cleanUnicode(text);
  if (cleaned === '') return [];
  return cleaned.split(' ').map(foldLatinDiacritics).filter((token) => token !== '');
}
