import { performance } from 'node:perf_hooks';
import { bigrams, CLK_BYTES, ClkEncoder } from '../../src/server/linkage/pprl/clk-encoder.ts';
import type { Benchmark } from '../support.ts';

const RECORDS = 50_000;
const GIVEN = ['mamadou', 'fatoumata', 'aissatou', 'ibrahima', 'mohamed', 'khadija', 'abdelkader', 'ousmane', 'mariama', 'youssef'];
const FAMILY = ['diallo', 'traore', 'camara', 'benali', 'kone', 'ndiaye', 'el idrissi', 'coulibaly', 'bah', 'sow'];

/**
 * CLK encoding speed on one core: records with a given name, a family name and a birth year (padded
 * bigrams, one keyed BLAKE2b per token), written into one batch buffer as the network check does.
 * Issue 4's target: ≥ 20,000 records/s per core.
 */
export const pprlEncodeBenchmark: Benchmark = {
  name: 'pprl-encode',
  description: 'records encoded per second into 1,024-bit CLKs (given + family bigrams + birth year, one core)',
  unit: 'records/s',
  better: 'higher',
  runs: 5,
  async prepare() {
    const secret = new Uint8Array(32).map((_, i) => i * 7 + 3);
    const encoder = await ClkEncoder.create(secret, { version: 'v1', fields: [{ name: 'given', bitsPerToken: 12 }, { name: 'family', bitsPerToken: 12 }, { name: 'birthYear', bitsPerToken: 8 }] });
    const records = Array.from({ length: RECORDS }, (_, i) => ({
      given: bigrams(GIVEN[i % GIVEN.length]!),
      family: bigrams(FAMILY[(i * 7) % FAMILY.length]!),
      birthYear: [String(1960 + (i % 50))],
    }));
    const out = new Uint8Array(RECORDS * CLK_BYTES);
    for (let i = 0; i < 2_000; i++) encoder.encodeInto(out, i * CLK_BYTES, records[i]!);
    return {
      async measure() {
        const started = performance.now();
        for (let i = 0; i < RECORDS; i++) encoder.encodeInto(out, i * CLK_BYTES, records[i]!);
        return RECORDS / ((performance.now() - started) / 1000);
      },
      async close() {},
    };
  },
};
