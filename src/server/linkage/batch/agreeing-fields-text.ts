import type { PairScore } from '../../../core/linkage/engine/link-model.ts';
import { isNeutral, type FellegiSunterParams } from '../../../core/linkage/model/fellegi-sunter.ts';
import { formatCsvField } from '../csv/rfc4180.ts';
import { agreeingFields } from './agreeing-fields.ts';

/** Fields a bit mask can hold (beyond them, the plain agreeingFields path). */
const MASK_FIELDS = 30;

/**
 * The output's last column (`agreeingFields` joined with ";", as a CSV field) for millions of closure pairs:
 * the same weights `explain` computes — 0 for a neutral level, else the term-frequency override or
 * log2(m/u) — with log2(m/u) worked out once per field and level, the fields with a positive weight gathered
 * in a bit mask, and each mask's text built once.
 */
export class AgreeingFieldsText {
  readonly #params: FellegiSunterParams;
  /** Per field, per level: the weight without override (NaN: neutral, weighs 0 whatever the override). */
  readonly #weights: Float64Array[];
  readonly #texts = new Map<number, string>();

  constructor(params: FellegiSunterParams) {
    this.#params = params;
    this.#weights = params.specs.map((spec, f) =>
      Float64Array.from(spec.levels, (_, level) => (isNeutral(spec, level) ? Number.NaN : Math.log2(params.m[f]![level]! / params.u[f]![level]!))),
    );
  }

  of(score: PairScore): string {
    const weights = this.#weights;
    if (weights.length > MASK_FIELDS) return formatCsvField(agreeingFields(this.#params, score).join(';'));
    const { vector, overrides } = score;
    let mask = 0;
    for (let f = 0; f < weights.length; f++) {
      const base = weights[f]![vector[f]!]!;
      if (base !== base) continue;
      if ((overrides[f] ?? base) > 0) mask |= 1 << f;
    }
    let text = this.#texts.get(mask);
    if (text === undefined) {
      const names = this.#params.specs.filter((_, f) => (mask & (1 << f)) !== 0).map((spec) => spec.field);
      text = formatCsvField(names.join(';'));
      this.#texts.set(mask, text);
    }
    return text;
  }
}
