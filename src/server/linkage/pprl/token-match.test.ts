import { beforeAll, describe, expect, it } from 'vitest';
import { prepareRecord } from '../../../core/linkage/engine/prepare-record.ts';
import type { RawPersonRecord } from '../../../core/linkage/record.ts';
import { CLK_BYTES, ClkEncoder } from './clk-encoder.ts';
import { recordTokens } from './record-tokens.ts';
import { tokenCandidates, type CandidatePairs } from './token-blocking.ts';
import { matchFilters } from './token-match.ts';
import { FilterSet, pairLevels, pairWeight, weightToProbability } from './token-score.ts';
import { TOKEN_SCHEMA } from './token-schema.ts';

const SECRET = new Uint8Array(32).map((_, i) => i * 5 + 1);
const REFERENCE = new Date('2026-01-01');
let encoder: ClkEncoder;

beforeAll(async () => {
  encoder = await ClkEncoder.create(SECRET, TOKEN_SCHEMA.clk);
});

function encodeAll(records: Array<Omit<RawPersonRecord, 'id'>>): FilterSet {
  const filters = new Uint8Array(records.length * CLK_BYTES);
  records.forEach((raw, i) => {
    const tokens = recordTokens(prepareRecord({ id: String(i), ...raw }, { reference: REFERENCE }));
    encoder.encodeInto(filters, i * CLK_BYTES, tokens as unknown as Record<string, string[]>);
  });
  return new FilterSet(filters);
}

const probability = (set: FilterSet, a: number, b: number) => weightToProbability(pairWeight(pairLevels(set, a, b)));

const pairList = (pairs: CandidatePairs) => Array.from(pairs.first, (a, k) => `${a}-${pairs.second[k]}`);

describe('matching on tokens', () => {
  it('links spelling variants, swapped fields and a year-only date of one person', () => {
    const set = encodeAll([
      { given: 'Mamadou', family: 'Diallo', dob: '12/03/1990', sex: 'M' },
      { given: 'Mohamadou', family: 'Diallo', dob: '1990', sex: 'H' },
      { given: 'Diallo', family: 'Mamadou', dob: '12/03/1990', sex: 'M' },
      { given: 'Mamadou', family: 'Dialo', dob: '12/03/1990', sex: 'M' },
    ]);
    expect(probability(set, 0, 1)).toBeGreaterThan(0.9);
    expect(probability(set, 0, 3)).toBeGreaterThan(0.99);
    const swapped = pairLevels(set, 0, 2);
    expect(swapped.swapped).toBe(true);
    expect(probability(set, 0, 2)).toBeGreaterThan(0.99);
  });

  it('keeps apart twins (same family, same birth date, other given name) and namesakes born years apart', () => {
    const set = encodeAll([
      { given: 'Fatoumata', family: 'Traore', dob: '07/11/2006', sex: 'F' },
      { given: 'Mariam', family: 'Traore', dob: '07/11/2006', sex: 'F' },
      { given: 'Fatoumata', family: 'Traore', dob: '25/08/1974', sex: 'F' },
    ]);
    expect(probability(set, 0, 1)).toBeLessThan(0.5);
    expect(probability(set, 0, 2)).toBeLessThan(0.5);
  });

  it('blocks on the filters alone: variants of one person meet, people born far apart do not', () => {
    const set = encodeAll([
      { given: 'Youssef', family: 'Alaoui', dob: '16/11/1972' },
      { given: 'Yousef', family: 'Alaoui', dob: '1972' },
      { given: 'Youssef', family: 'Alaoui', dob: '16/11/1998' },
      { given: 'Awa', family: 'Bah' },
      { given: 'Awa', family: 'Ba' },
    ]);
    const pairs = pairList(tokenCandidates(set));
    expect(pairs).toContain('0-1');
    expect(pairs).toContain('3-4');
    expect(pairs).not.toContain('0-2');
    // The same pairs on every run (members and the matcher compute them independently).
    expect(pairList(tokenCandidates(set))).toEqual(pairs);
    expect(pairList(tokenCandidates(set, { keep: (a, b) => a < 3 && b >= 3 }))).toEqual([]);
  });

  it('meets swapped names, and bounds the pairs of a crowd of namesakes by the neighbourhood', () => {
    const swapped = encodeAll([
      { given: 'Ousmane', family: 'Camara', dob: '1985' },
      { given: 'Camara', family: 'Ousmane', dob: '1985' },
    ]);
    expect(pairList(tokenCandidates(swapped))).toEqual(['0-1']);
    // 40 namesakes born the same year: all pairs would be 780; each record pairs with at most 2 per band.
    const crowd = encodeAll(Array.from({ length: 40 }, () => ({ given: 'Mohamed', family: 'Diallo', dob: '1990' })));
    const bounded = tokenCandidates(crowd, { bands: 4, rows: 4, neighbours: 2 });
    expect(bounded.count).toBeGreaterThan(0);
    expect(bounded.count).toBeLessThanOrEqual(40 * 2 * 4);
    for (let k = 0; k < bounded.count; k++) expect(bounded.first[k]!).toBeLessThan(bounded.second[k]!);
  });

  it('clusters a small network: the records of each person end together', () => {
    const set = encodeAll([
      { given: 'Ibrahima', family: 'Ba', dob: '23/04/1998', sex: 'M' },
      { given: 'Ibrahim', family: 'Bah', dob: '23/04/1998', sex: 'M' },
      { given: 'IBRAHIMA', family: 'BA', dob: '1998', sex: 'M' },
      { given: 'Khadija', family: 'Benali', dob: '02/10/1985', sex: 'F' },
      { given: 'خديجة', family: 'بن علي', dob: '02/10/1985', sex: 'F' },
      { given: 'Moussa', family: 'Kone', dob: '19/04/2006', sex: 'M' },
    ]);
    const { clusterIds, candidatePairs } = matchFilters(set);
    expect(candidatePairs).toBeGreaterThan(0);
    expect(clusterIds[1]).toBe(clusterIds[0]);
    expect(clusterIds[2]).toBe(clusterIds[0]);
    expect(clusterIds[3]).not.toBe(clusterIds[0]);
    expect(clusterIds[5]).not.toBe(clusterIds[0]);
    expect(clusterIds[5]).not.toBe(clusterIds[3]);
  });
});
