import { performance } from 'node:perf_hooks';
import { prepareRecord } from '../../src/core/linkage/engine/prepare-record.ts';
import { CLK_BYTES, ClkEncoder } from '../../src/server/linkage/pprl/clk-encoder.ts';
import { recordTokens } from '../../src/server/linkage/pprl/record-tokens.ts';
import { TOKEN_SCHEMA } from '../../src/server/linkage/pprl/token-schema.ts';
import { generateMigrantRecords, migrantRowToRawRecord } from '../linkage/migrant/generate-migrant.ts';
import type { Benchmark } from '../support.ts';

const RECORDS = 50_000;

/**
 * CLK encoding speed on one core with the network schema: the record tokens of generated migrant records
 * (salted name bigrams and keys, the parts of the birth date, sex; computed beforehand — normalisation is
 * the engine's cost, measured by linkage-speed), one keyed BLAKE2b per token, written into one batch
 * buffer as the network check does. Issue 4's target: ≥ 20,000 records/s per core.
 */
export const pprlEncodeBenchmark: Benchmark = {
  name: 'linkage-pprl-encode',
  description: 'records encoded per second into 1,024-bit CLKs (network schema: names, birth date, sex; one core)',
  unit: 'records/s',
  better: 'higher',
  runs: 5,
  async prepare(progress) {
    const secret = new Uint8Array(32).map((_, i) => i * 7 + 3);
    const encoder = await ClkEncoder.create(secret, TOKEN_SCHEMA.clk);
    const reference = new Date('2026-01-01');
    const records = generateMigrantRecords({ seed: 7, records: RECORDS }).rows.map(
      (row) => recordTokens(prepareRecord(migrantRowToRawRecord(row), { reference })) as unknown as Record<string, string[]>,
    );
    const tokens = records.reduce((sum, record) => sum + Object.values(record).reduce((n, list) => n + list.length, 0), 0);
    progress(`${(tokens / RECORDS).toFixed(1)} tokens per record`);
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
