import { describe, expect, it } from 'vitest';
import { splitByScript } from './script.ts';

describe('N-2 script per token', () => {
  it.each([
    ['mohamed', 'latin'],
    ['traoré', 'latin'],
    ['محمد', 'arabic'],
    ['پژمان', 'arabic'],
    ['ٹیپو', 'arabic'],
    ['ሰላም', 'ethiopic'],
    ['ⵜⴰⵎⴰⵣⵉⵖⵜ', 'tifinagh'],
    ['Иван', 'other'],
    ['123', 'latin'],
  ])('%s is %s', (token, script) => {
    expect(splitByScript(token)).toEqual([{ text: token, script }]);
  });

  it('splits a token that mixes scripts', () => {
    expect(splitByScript('محمدali')).toEqual([
      { text: 'محمد', script: 'arabic' },
      { text: 'ali', script: 'latin' },
    ]);
  });

  it('keeps harakat and digits with the run they follow', () => {
    expect(splitByScript('مُحَمَّد')).toEqual([{ text: 'مُحَمَّد', script: 'arabic' }]);
    expect(splitByScript('ali2')).toEqual([{ text: 'ali2', script: 'latin' }]);
  });
});
