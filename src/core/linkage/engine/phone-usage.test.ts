import { describe, expect, it } from 'vitest';
import { MAX_PHONE_USERS, PhoneUsage } from './phone-usage.ts';

describe('PhoneUsage', () => {
  it('calls a number shared when more than MAX_PHONE_USERS records give it, personal before', () => {
    const usage = new PhoneUsage();
    for (let i = 0; i < MAX_PHONE_USERS; i++) usage.add('+212612345678', 'muhammad');
    expect(usage.isShared('+212612345678')).toBe(false);
    usage.add('+212612345678', 'muhammad');
    expect(usage.isShared('+212612345678')).toBe(true);
  });

  it('calls a number shared when records with clearly different given names give it, not for spellings of one name', () => {
    const usage = new PhoneUsage();
    usage.add('+212600000001', 'fatima');
    usage.add('+212600000001', 'fatime');
    expect(usage.isShared('+212600000001')).toBe(false);
    usage.add('+212600000001', 'ousmane');
    expect(usage.isShared('+212600000001')).toBe(true);
    usage.add('+212600000002', null);
    usage.add('+212600000002', 'aminata');
    expect(usage.isShared('+212600000002')).toBe(false);
  });

  it('answers "personal" for a number never added, and keeps numbers that are not E.164 digits apart', () => {
    const usage = new PhoneUsage();
    expect(usage.isShared('+212699999999')).toBe(false);
    usage.add('office', 'a');
    usage.add('office', 'zzzz');
    expect(usage.isShared('office')).toBe(true);
    expect(usage.isShared('other')).toBe(false);
  });

  it('keeps every number exact while its table grows past its first size', () => {
    const usage = new PhoneUsage();
    const numbers = Array.from({ length: 200_000 }, (_, i) => `+2126${String(i * 37).padStart(8, '0')}`);
    numbers.forEach((phone, i) => {
      usage.add(phone, 'amina');
      if (i % 3 === 0) usage.add(phone, 'mamadou');
    });
    numbers.forEach((phone, i) => expect(usage.isShared(phone)).toBe(i % 3 === 0));
  });
});
