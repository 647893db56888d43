import { beforeAll, describe, expect, it } from 'vitest';
import { prepareRecord } from '../../../core/linkage/engine/prepare-record.ts';
import type { RawPersonRecord } from '../../../core/linkage/record.ts';
import { CLK_BYTES, ClkEncoder } from './clk-encoder.ts';
import { NamePatternFrequency } from './name-pattern-frequency.ts';
import { recordTokens } from './record-tokens.ts';
import { FilterSet, pairLevels } from './token-score.ts';
import { TOKEN_SCHEMA } from './token-schema.ts';

const SECRET = new Uint8Array(32).map((_, i) => i * 3 + 7);
let encoder: ClkEncoder;
beforeAll(async () => {
  encoder = await ClkEncoder.create(SECRET, TOKEN_SCHEMA.clk);
});

function encodeAll(records: Array<Omit<RawPersonRecord, 'id'>>): FilterSet {
  const filters = new Uint8Array(records.length * CLK_BYTES);
  records.forEach((raw, i) => {
    const tokens = recordTokens(prepareRecord({ id: String(i), ...raw }, { reference: new Date('2026-01-01') }));
    encoder.encodeInto(filters, i * CLK_BYTES, tokens as unknown as Record<string, string[]>);
  });
  return new FilterSet(filters);
}

describe('name-pattern frequency (term frequency from the filters)', () => {
  it('weighs agreement on a rare name up, on a common one down, and a mere similarity not at all', () => {
    const common = Array.from({ length: 12 }, () => ({ given: 'Mohamed', family: 'Diallo', dob: '1990' }));
    const set = encodeAll([
      ...common,
      { given: 'Zoubeida', family: 'Ouattara', dob: '1990' },
      { given: 'Zoubeida', family: 'Ouattara', dob: '1990' },
      { given: 'Zoubeide', family: 'Ouattari', dob: '1990' },
      ...Array.from({ length: 6 }, (_, k) => ({ given: ['Awa', 'Fatou', 'Binta', 'Kadiatou', 'Mariama', 'Aissatou'][k]!, family: 'Bah', dob: '1990' })),
    ]);
    const frequency = new NamePatternFrequency(set);
    const adjust = (a: number, b: number) => frequency.adjustment(a, b, pairLevels(set, a, b));
    expect(adjust(0, 1)).toBeLessThan(0);
    expect(adjust(12, 13)).toBeGreaterThan(0);
    expect(adjust(12, 13)).toBeLessThanOrEqual(6);
    // Spelling variants are similar, not identical: no frequency is known for the pair, so no adjustment.
    expect(adjust(12, 14)).toBe(0);
  });

  it('reads swapped fields across (given against family)', () => {
    const set = encodeAll([
      { given: 'Ousmane', family: 'Camara', dob: '1985' },
      { given: 'Camara', family: 'Ousmane', dob: '1985' },
      { given: 'Awa', family: 'Bah', dob: '1985' },
    ]);
    const levels = pairLevels(set, 0, 1);
    expect(levels.swapped).toBe(true);
    expect(new NamePatternFrequency(set).adjustment(0, 1, levels)).not.toBe(0);
  });
});
