import { describe, expect, it } from 'vitest';
import { classifyNameField } from './placeholders.ts';
import { cleanUnicode } from './unicode.ts';

const classify = (raw: string) => classifyNameField(cleanUnicode(raw), raw);

describe('N-5 placeholders', () => {
  it.each(['FNU', 'lnu', 'X', 'xx', 'NN', 'Inconnu', 'UNKNOWN', 'sans nom', 'N/A', 'n/a', '-', '?', 'M', 'é'])('%s is a placeholder', (raw) => {
    expect(classify(raw)).toBe('placeholder');
  });

  it('tells an empty field from a placeholder', () => {
    expect(classify('')).toBe('empty');
    expect(classify('   ')).toBe('empty');
  });

  it('keeps real names, including short ones', () => {
    for (const raw of ['Ba', 'Sy', 'Ly', 'Fatou', 'Xavier', 'Nana']) expect(classify(raw)).toBe('name');
  });
});
