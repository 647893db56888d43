import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone.ts';

describe('N-12 normalisePhone', () => {
  it.each([
    ['0612345678', '+212612345678'],
    ['06 12 34 56 78', '+212612345678'],
    ['06.12.34.56.78', '+212612345678'],
    ['06-12-34-56-78', '+212612345678'],
    ['+212 6 12 34 56 78', '+212612345678'],
    ['00212612345678', '+212612345678'],
    ['00 212 612-345-678', '+212612345678'],
    ['(0522) 12 34 56', '+212522123456'],
    ['٠٦١٢٣٤٥٦٧٨', '+212612345678'],
    ['+221 77 123 45 67', '+221771234567'],
    ['00221771234567', '+221771234567'],
    ['+249 91 234 5678', '+249912345678'],
    ['+225 07 01 02 03 04', '+2250701020304'],
    ['+223 70 12 34 56', '+22370123456'],
    ['+224 622 12 34 56', '+224622123456'],
    ['+237 6 77 12 34 56', '+237677123456'],
    ['+234 803 123 4567', '+2348031234567'],
    ['+963 944 123 456', '+963944123456'],
    ['+251 91 123 4567', '+251911234567'],
    ['+33 6 12 34 56 78', '+33612345678'],
  ])('%s → %s', (raw, e164) => {
    expect(normalisePhone(raw)).toEqual({ e164 });
  });

  it('another default region', () => {
    expect(normalisePhone('77 123 45 67', 'SN')).toEqual({ e164: '+221771234567' });
  });

  it.each(['0612', '06123456789012', '+2217712345', 'néant', 'pas de téléphone', '06 12 34 56 7x', '+', '0912345678'])('%s is malformed', (raw) => {
    expect(normalisePhone(raw)).toEqual({ e164: null, reason: 'malformed' });
  });

  it.each(['', '  ', ' - ', undefined, null])('%j is missing', (raw) => {
    expect(normalisePhone(raw)).toEqual({ e164: null, reason: 'missing' });
  });

  it('never throws; output is E.164 or a reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.stringMatching(/^[+0]?[0-9 .-]{0,18}$/)), (raw) => {
        const result = normalisePhone(raw);
        if (result.e164 === null) expect(['missing', 'malformed']).toContain(result.reason);
        else expect(result.e164).toMatch(/^\+[1-9]\d{6,14}$/);
      }),
      { numRuns: 2000 },
    );
  });
});
