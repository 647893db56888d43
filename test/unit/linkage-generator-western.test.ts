import { describe, expect, it } from 'vitest';
import { generateWesternRecords, westernRowToRawRecord, type WesternRow, WESTERN_COLUMNS } from '../../bench/linkage/western/generate-western.ts';
import { WESTERN_PERTURBATION_KINDS } from '../../bench/linkage/western/perturbation-kinds.ts';

/** The FEBRL-like Western generator: deterministic, clean originals, few modifications per duplicate. */
describe('Western generator', () => {
  const { rows, summary } = generateWesternRecords({ seed: 11, records: 10_000 });

  it('is deterministic', () => {
    const again = generateWesternRecords({ seed: 11, records: 10_000 });
    expect(again.rows).toEqual(rows);
    expect(generateWesternRecords({ seed: 12, records: 100 }).rows).not.toEqual(rows.slice(0, 100));
  });

  it('writes every modification kind and counts it', () => {
    for (const kind of WESTERN_PERTURBATION_KINDS) expect(summary.perturbations[kind], kind).toBeGreaterThan(10);
    const typos = summary.perturbations.typo_insert + summary.perturbations.typo_delete + summary.perturbations.typo_substitute + summary.perturbations.typo_transpose;
    expect(typos / rows.length).toBeGreaterThan(0.15);
    expect(typos / rows.length).toBeLessThan(0.4);
  });

  it('keeps one clean original per entity and changes at most three fields in each duplicate', () => {
    const byEntity = new Map<string, WesternRow[]>();
    for (const row of rows) byEntity.set(row.entity_id, [...(byEntity.get(row.entity_id) ?? []), row]);
    expect(byEntity.size).toBe(summary.entities);
    const fields = WESTERN_COLUMNS.filter((column) => column !== 'id' && column !== 'perturbations');
    let duplicates = 0;
    for (const records of byEntity.values()) {
      const original = records.find((row) => row.perturbations === '');
      expect(original).toBeDefined();
      for (const row of records) {
        const changed = fields.filter((field) => row[field] !== original![field]);
        // A swap changes two fields with one modification: at most 3 modifications, at most 4 fields.
        expect(changed.length).toBeLessThanOrEqual(4);
        if (row !== original) duplicates++;
      }
    }
    expect(duplicates).toBeGreaterThan(rows.length * 0.3);
  });

  it('looks like Australian name-and-address data', () => {
    const row = rows[0]!;
    expect(row.postcode).toMatch(/^\d{4}$|^$/);
    expect(['nsw', 'vic', 'qld', 'wa', 'sa', 'tas', 'act', 'nt', '']).toContain(row.state);
    expect(new Set(rows.map((r) => r.family)).size).toBeGreaterThan(100);
  });

  it('maps a row to a RawPersonRecord with the address in other columns', () => {
    const row = rows.find((r) => r.address_2 !== '' && r.given !== '')!;
    const record = westernRowToRawRecord(row);
    expect(record.given).toBe(row.given);
    expect(record.other).toMatchObject({ address_1: row.address_1, address_2: row.address_2, suburb: row.suburb });
    expect(record).not.toHaveProperty('entity_id');
  });
});
