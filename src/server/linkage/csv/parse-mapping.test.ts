import { describe, expect, it } from 'vitest';
import { DedupInputError } from './dedup-input-error.ts';
import { parseMapping } from './parse-mapping.ts';

function mappingError(text: string): DedupInputError {
  try {
    parseMapping(text);
  } catch (error) {
    expect(error).toBeInstanceOf(DedupInputError);
    expect((error as DedupInputError).problem).toBe('mapping');
    expect((error as DedupInputError).exitCode).toBe(2);
    return error as DedupInputError;
  }
  throw new Error(`parseMapping accepted ${text}`);
}

describe('parseMapping (--map)', () => {
  it('reads every key and trims the column names', () => {
    expect(parseMapping('given=prenom, family = nom ,dob=naissance,sex=sexe,phone=tel,nationality=pays')).toEqual({
      given: 'prenom',
      family: 'nom',
      dob: 'naissance',
      sex: 'sexe',
      phone: 'tel',
      nationality: 'pays',
      other: [],
    });
  });

  it('needs only one name column', () => {
    expect(parseMapping('family=nom')).toEqual({ family: 'nom', other: [] });
    expect(parseMapping('given=الاسم')).toEqual({ given: 'الاسم', other: [] });
  });

  it('gives every bare column after other= to other, and accepts other= repeated', () => {
    expect(parseMapping('given=g,other=street,town,postcode')).toEqual({ given: 'g', other: ['street', 'town', 'postcode'] });
    expect(parseMapping('other=street,other=town,family=f')).toEqual({ family: 'f', other: ['street', 'town'] });
    expect(parseMapping('other=street,town,given=g,other=postcode')).toEqual({ given: 'g', other: ['street', 'town', 'postcode'] });
  });

  it('refuses a bare column that does not follow other=', () => {
    expect(mappingError('given=g,nom').message).toBe('--map: "nom" has no key; write key=COLUMN (keys: given, family, dob, sex, phone, nationality, other); only columns after other= may be listed bare');
    // A key after other= ends the run of other columns.
    expect(mappingError('other=a,given=g,b').message).toContain('"b" has no key');
  });

  it('refuses unknown keys, naming the known ones', () => {
    expect(mappingError('given=g,birth=dob').message).toBe('--map: unknown key "birth" (keys: given, family, dob, sex, phone, nationality, other)');
    expect(mappingError('Given=g').message).toContain('unknown key "Given"');
  });

  it('refuses empty column names and empty items', () => {
    expect(mappingError('given=,family=f').message).toBe('--map: "given" has no column name (write given=COLUMN)');
    expect(mappingError('given=g,,family=f').message).toBe('--map: an empty item (two commas in a row, or a trailing comma)');
    expect(mappingError('given=g,').message).toContain('an empty item');
    expect(mappingError('given=a=b').message).toBe('--map: "given=a=b" has more than one "="');
    expect(mappingError('  ').message).toContain('--map: it is empty');
  });

  it('refuses a key given twice and a column mapped twice', () => {
    expect(mappingError('given=g,dob=d1,dob=d2').message).toBe('--map: "dob" is given twice');
    expect(mappingError('given=name,family=name').message).toBe('--map: column "name" is mapped twice (given and family)');
    expect(mappingError('given=g,other=town,town').message).toBe('--map: column "town" is listed twice in other');
    expect(mappingError('given=g,other=g').message).toBe('--map: column "g" is mapped twice (given and other)');
  });

  it('needs given or family', () => {
    expect(mappingError('dob=d,phone=p').message).toBe('--map: map at least one name column (given=COLUMN or family=COLUMN)');
    expect(mappingError('other=a,b').message).toContain('at least one name column');
  });
});
