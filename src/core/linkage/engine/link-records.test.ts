import { describe, expect, it } from 'vitest';
import { pairwiseQuality } from '../../../../bench/linkage/evaluate.ts';
import { generateMigrantRecords, migrantRowToRawRecord } from '../../../../bench/linkage/migrant/generate-migrant.ts';
import { generateWesternRecords, westernRowToRawRecord } from '../../../../bench/linkage/western/generate-western.ts';
import { explain } from '../model/fellegi-sunter.ts';
import type { RawPersonRecord } from '../record.ts';
import { findLikelyDuplicates } from './find-likely-duplicates.ts';
import { DEFAULT_THRESHOLD, linkRecords } from './link-records.ts';

const REFERENCE = new Date('2026-01-01');
const WESTERN_COLUMNS = ['street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'soc_sec_id'];

describe('linking records without labels', () => {
  it('puts transliteration variants of one person together and keeps a sibling apart, explaining the match', () => {
    const base: RawPersonRecord[] = [
      { id: 'a', given: 'Mamadou', family: 'Diallo', dob: '12/03/1990', sex: 'H', phone: '0612345678', nationality: 'Guinéen' },
      { id: 'b', given: 'Mohamed', family: 'Jallow', dob: '12/03/1990', sex: 'M', phone: '+212 6 12 34 56 78', nationality: 'GIN' },
      { id: 'c', given: 'Aissatou', family: 'Diallo', dob: '1996', sex: 'F', phone: '0612345678', nationality: 'Guinéenne' },
    ];
    // Filler records so that u and m can be learnt: distinct people with the generator's realistic names.
    const filler = generateMigrantRecords({ seed: 11, records: 600 }).rows.map(migrantRowToRawRecord).map((r) => ({ ...r, id: `f-${r.id}` }));
    const result = linkRecords([...base, ...filler], { threshold: 0.9, reference: REFERENCE });
    const [a, b, c] = [0, 1, 2].map((i) => result.clusterIds[i]);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    const pair = result.pairs.find((p) => p.a === 0 && p.b === 1)!;
    expect(pair.probability).toBeGreaterThan(0.9);
    const explanation = Object.fromEntries(explain(result.params, pair.vector).map((e) => [e.field, e.level]));
    expect(explanation).toMatchObject({ given: 'variant', family: 'variant', dob: 'exact', phone: 'shared', nationality: 'implied' });
  }, 30_000);

  it('is deterministic for a seed', () => {
    const rows = generateMigrantRecords({ seed: 5, records: 400 }).rows.map(migrantRowToRawRecord);
    const first = linkRecords(rows, { reference: REFERENCE, seed: 3 });
    const second = linkRecords(rows, { reference: REFERENCE, seed: 3 });
    expect(Array.from(first.clusterIds)).toEqual(Array.from(second.clusterIds));
  }, 30_000);

  it('counts values it could not parse as warnings and goes on', () => {
    const rows: RawPersonRecord[] = [
      { id: '1', given: 'Ali', family: 'Ben Salah', dob: '31/02/1990', phone: 'néant' },
      { id: '2', given: 'Ali', family: 'Bensalah', dob: '1990', phone: '0612' },
    ];
    const result = linkRecords(rows, { reference: REFERENCE });
    expect(result.stats.warnings).toMatchObject({ DOB_INVALID: 1 });
    expect(result.clusterIds).toHaveLength(2);
  }, 30_000);
});

describe('linkage quality on generated data (regression floors; the issue-4 targets are measured by the linkage benchmark)', () => {
  it('finds the duplicates in Western-style name-and-address data', () => {
    const { rows } = generateWesternRecords({ seed: 20240401, records: 2000 });
    const result = linkRecords(rows.map(westernRowToRawRecord), { threshold: 0.9, otherColumns: WESTERN_COLUMNS, reference: REFERENCE });
    const quality = pairwiseQuality(result, rows.map((r) => r.entity_id));
    expect(quality.f1).toBeGreaterThanOrEqual(0.99);
  }, 60_000);

  it('reaches pairwise F1 0.93 on 2,000 generated migrant records (the issue-4 quality floor)', () => {
    const { rows } = generateMigrantRecords({ seed: 20240401, records: 2000 });
    const result = linkRecords(rows.map(migrantRowToRawRecord), { threshold: DEFAULT_THRESHOLD, reference: REFERENCE });
    const quality = pairwiseQuality(result, rows.map((r) => r.entity_id));
    expect(quality.pairCompleteness).toBeGreaterThanOrEqual(0.97);
    expect(quality.f1).toBeGreaterThanOrEqual(0.93);
  }, 60_000);
});

describe('the duplicate warning of a registration form', () => {
  it('ranks the existing records of the same person first, explains why, and skips unrelated people', () => {
    const rows = generateMigrantRecords({ seed: 23, records: 1500 }).rows;
    const existing = rows.map(migrantRowToRawRecord);
    const result = linkRecords(existing, { reference: REFERENCE });
    const target = rows.find((row) => rows.filter((other) => other.entity_id === row.entity_id).length >= 3 && row.given && row.family && row.dob)!;
    const candidate = { ...migrantRowToRawRecord(target), id: 'new-registration' };
    const found = findLikelyDuplicates(result, candidate, { reference: REFERENCE, minProbability: 0.9 });
    expect(found.length).toBeGreaterThan(0);
    const sameEntity = new Set(rows.filter((row) => row.entity_id === target.entity_id).map((row) => row.id));
    expect(sameEntity.has(found[0]!.id)).toBe(true);
    expect(found[0]!.explanation.map((e) => e.field)).toContain('given');
    for (let i = 1; i < found.length; i++) expect(found[i]!.probability).toBeLessThanOrEqual(found[i - 1]!.probability);
    const stranger = findLikelyDuplicates(result, { id: 'x', given: 'Zéphyrin', family: 'Quatremère', dob: '01/05/1950', sex: 'M' }, { reference: REFERENCE, minProbability: 0.5 });
    expect(stranger).toEqual([]);
  }, 60_000);
});
