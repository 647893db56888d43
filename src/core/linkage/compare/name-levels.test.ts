import { describe, expect, it } from 'vitest';
import { toComparable, type ComparableNameField } from '../engine/comparable.ts';
import { prepareRecord } from '../engine/prepare-record.ts';
import { clearNameComparisonMemo, compareNameFields, NAME_ELSE, NAME_EXACT, NAME_FUZZY, NAME_VARIANT } from './name-levels.ts';

const given = (text: string): ComparableNameField => toComparable(prepareRecord({ id: text, given: text, family: 'Diallo' }, { reference: new Date('2026-01-01') })).given!;

describe('name levels', () => {
  it('give the same level to fields of the same content, remembered or not', () => {
    clearNameComparisonMemo();
    const cold = compareNameFields(given('Mamadou'), given('Mamadu'));
    expect([NAME_VARIANT, NAME_FUZZY]).toContain(cold);
    // Another typing of the same name builds another field object with the same comparison content.
    expect(compareNameFields(given('MAMADOU '), given('Mamadu'))).toBe(cold);
    expect(compareNameFields(given('Mamadou'), given('Mamadou'))).toBe(NAME_EXACT);
    expect(compareNameFields(given('Mamadou'), null)).toBe(0);
  });

  it('never lends a remembered level to a changed copy of a field', () => {
    const awa = given('Awa');
    const mamadou = given('Mamadou');
    expect(compareNameFields(awa, mamadou)).toBe(NAME_ELSE);
    // A spread copy does not carry the hidden profile: it is profiled from its own (changed) content.
    const changed: ComparableNameField = { ...awa, joined: mamadou.joined };
    expect(compareNameFields(changed, mamadou)).toBe(NAME_EXACT);
    expect(compareNameFields(Object.freeze({ ...mamadou }), mamadou)).toBe(NAME_EXACT);
  });
});
