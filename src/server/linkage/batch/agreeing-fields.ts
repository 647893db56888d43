import type { PairScore } from '../../../core/linkage/engine/link-model.ts';
import { explain, type FellegiSunterParams } from '../../../core/linkage/model/fellegi-sunter.ts';

/** The fields whose comparison spoke for the match (positive weight), for the output's last column. */
export function agreeingFields(params: FellegiSunterParams, score: PairScore): string[] {
  return explain(params, score.vector, score.overrides)
    .filter((field) => field.weight > 0)
    .map((field) => field.field);
}
