import type { Random } from '../random.ts';

/**
 * Keyboard typos (Damerau's four edits). Substitutions and insertions take a neighbouring key on an AZERTY
 * or QWERTY keyboard, as a clerk's slip would, and keep the case of the letter they replace.
 */
export const TYPO_KINDS = ['typo_insert', 'typo_delete', 'typo_substitute', 'typo_transpose'] as const;
export type TypoKind = (typeof TYPO_KINDS)[number];

const NEIGHBOURS: Record<string, string> = {
  a: 'zqsw', b: 'vghn', c: 'xdfv', d: 'sefxc', e: 'zrdsf', f: 'drgcv', g: 'fthvb', h: 'gyjbn', i: 'uojk', j: 'huknb',
  k: 'jilm', l: 'kopm', m: 'nklj', n: 'bhjm', o: 'iplk', p: 'olm', q: 'aswz', r: 'etdf', s: 'azdqxw', t: 'ryfg',
  u: 'yijh', v: 'cfgb', w: 'qasx', x: 'wsdc', y: 'tugh', z: 'aesx',
};
const DIGIT_NEIGHBOURS: Record<string, string> = {
  '0': '98', '1': '27', '2': '13', '3': '24', '4': '35', '5': '46', '6': '57', '7': '68', '8': '79', '9': '80',
};

function neighbourOf(character: string, random: Random): string {
  const lower = character.toLowerCase();
  const options = NEIGHBOURS[lower] ?? DIGIT_NEIGHBOURS[lower];
  if (!options) return character;
  const chosen = options[random.int(0, options.length - 1)]!;
  return character === lower ? chosen : chosen.toUpperCase();
}

/** Positions of letters or digits: typos never touch spaces or punctuation (which would also be a split). */
function editablePositions(value: string): number[] {
  const positions: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) positions.push(i);
  }
  return positions;
}

/** Applies one typo of the given kind; returns the value unchanged when it is too short for it. */
export function applyTypo(value: string, kind: TypoKind, random: Random): string {
  const positions = editablePositions(value);
  if (positions.length < 3) return value;
  const at = random.pick(positions);
  const character = value[at]!;
  switch (kind) {
    case 'typo_insert':
      return value.slice(0, at + 1) + neighbourOf(character, random).toLowerCase() + value.slice(at + 1);
    case 'typo_delete':
      return value.slice(0, at) + value.slice(at + 1);
    case 'typo_substitute': {
      const replaced = neighbourOf(character, random);
      return value.slice(0, at) + replaced + value.slice(at + 1);
    }
    case 'typo_transpose': {
      const next = positions.find((position) => position === at + 1) ?? (at > 0 && positions.includes(at - 1) ? at - 1 : -1);
      if (next < 0) return value;
      const [first, second] = next > at ? [at, next] : [next, at];
      if (value[first]!.toLowerCase() === value[second]!.toLowerCase()) return value;
      const a = value[first]!;
      const b = value[second]!;
      // Keep an initial capital in front: "Mamadou" → "Amamdou" would not be typed, "Mmaadou" would.
      const swapped = first === 0 && a === a.toUpperCase() ? b.toUpperCase() + a.toLowerCase() : b + a;
      return value.slice(0, first) + swapped + value.slice(second + 1);
    }
  }
}
