import { describe, expect, it } from 'vitest';
import { comparisonSpecs } from '../../../core/linkage/engine/compare-records.ts';
import { trainLinkModel } from '../../../core/linkage/engine/link-model.ts';
import type { PairComparison } from '../../../core/linkage/engine/pair-comparison.ts';
import { formatCsvField } from '../csv/rfc4180.ts';
import { AgreeingFieldsText } from './agreeing-fields-text.ts';
import { agreeingFields } from './agreeing-fields.ts';

describe('AgreeingFieldsText', () => {
  it('gives agreeingFields joined with ";" as a CSV field, for every level vector and name frequency', () => {
    const specs = comparisonSpecs(['a,b', 'village']);
    let seed = 11;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const comparison = (): PairComparison => ({
      vector: Uint8Array.from(specs, (spec) => Math.floor(random() * spec.levels.length)),
      givenLog: random() < 0.3 ? Number.NaN : -12 * random(),
      familyLog: random() < 0.3 ? Number.NaN : -12 * random(),
    });
    const training = Array.from({ length: 2000 }, comparison);
    const model = trainLinkModel(specs, training, Array.from({ length: 2000 }, comparison));
    const text = new AgreeingFieldsText(model.params);
    for (let i = 0; i < 5000; i++) {
      const score = model.weigh(comparison());
      expect(text.of(score)).toBe(formatCsvField(agreeingFields(model.params, score).join(';')));
    }
  });
});
