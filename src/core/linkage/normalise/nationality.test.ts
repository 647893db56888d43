import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import nationalityData from '../data/nationalities.v1.json' with { type: 'json' };
import { alpha2ToAlpha3, alpha3ToAlpha2, NATIONALITY_DATA_VERSION, normaliseNationality } from './nationality.ts';

const code = (raw: string) => normaliseNationality(raw).code;

describe('N-13 normaliseNationality', () => {
  it.each([
    ['SDN', ['Soudanais', 'Soudanaise', 'soudanaises', 'Sudanese', 'سوداني', 'سودانية', 'سودانيون', 'Soudan', 'Sudan', 'السودان', 'سودان', 'SD', 'sdn']],
    ['SSD', ['Sud-Soudanais', 'sud soudanaise', 'South Sudanese', 'Soudan du Sud', 'جنوب السودان']],
    ['SEN', ['Sénégalais', 'senegalaise', 'Senegalese', 'سنغالي', 'Sénégal']],
    ['CIV', ['Ivoirien', 'Ivoirienne', 'Ivorian', "Côte d'Ivoire", 'cote d ivoire', 'Ivory Coast', 'ساحل العاج', 'CI']],
    ['MLI', ['Malien', 'Malienne', 'Malian', 'Mali', 'مالي']],
    ['GIN', ['Guinéen', 'Guinéenne', 'Guinean', 'Guinée', 'guinee conakry', 'غيني']],
    ['GNB', ['Guinée-Bissau', 'bissau-guinéenne']],
    ['CMR', ['Camerounais', 'Camerounaise', 'Cameroonian', 'Cameroun', 'كاميروني']],
    ['NGA', ['Nigérian', 'Nigériane', 'Nigerian', 'Nigeria', 'نيجيريا', 'نيجيري']],
    ['NER', ['Nigérien', 'Nigérienne', 'Nigerien', 'Niger', 'النيجر']],
    ['COD', ['congolais (RDC)', 'Congolaise RDC', 'rdc', 'RD Congo', 'Congo-Kinshasa', 'DRC', 'République démocratique du Congo', 'Democratic Republic of the Congo', 'zaïrois']],
    ['COG', ['Congo-Brazzaville', 'congolais (Brazzaville)', 'République du Congo', 'Republic of the Congo', 'CG', 'cog']],
    ['SYR', ['Syrien', 'Syrienne', 'Syrian', 'Syrie', 'سوري', 'سورية', 'سوريا']],
    ['YEM', ['Yéménite', 'yemenites', 'Yemeni', 'Yémen', 'يمني']],
    ['ERI', ['Érythréen', 'Érythréenne', 'Eritrean', 'Érythrée', 'إريتري', 'اريترية']],
    ['ETH', ['Éthiopien', 'Éthiopienne', 'Ethiopian', 'Éthiopie', 'إثيوبي']],
    ['SOM', ['Somalien', 'Somalienne', 'Somali', 'Somalie', 'صومالي']],
    ['TCD', ['Tchadien', 'Tchadienne', 'Chadian', 'Tchad', 'تشادي', 'تشاد']],
    ['BFA', ['Burkinabè', 'burkinabe', 'Burkina Faso', 'بوركيني']],
    ['GMB', ['Gambien', 'Gambienne', 'Gambian', 'Gambie', 'غامبي']],
    ['SLE', ['Sierra-Léonais', 'Sierra Léonaise', 'Sierra Leonean', 'Sierra Leone', 'سيراليوني']],
    ['LBR', ['Libérien', 'Libérienne', 'Liberian', 'Libéria', 'ليبيري']],
    ['GHA', ['Ghanéen', 'Ghanéenne', 'Ghanaian', 'Ghana', 'غاني']],
    ['DZA', ['Algérien', 'Algérienne', 'Algerian', 'Algérie', 'جزائري', 'جزائرية', 'الجزائر']],
    ['TUN', ['Tunisien', 'Tunisienne', 'Tunisian', 'تونسي']],
    ['LBY', ['Libyen', 'Libyenne', 'Libyan', 'Libye', 'ليبي']],
    ['EGY', ['Égyptien', 'Égyptienne', 'Egyptian', 'Égypte', 'مصري', 'مصر']],
    ['PSE', ['Palestinien', 'Palestinienne', 'Palestinian', 'Palestine', 'فلسطيني']],
    ['IRQ', ['Irakien', 'Irakienne', 'Iraqi', 'Irak', 'عراقي', 'العراق']],
    ['AFG', ['Afghan', 'Afghane', 'Afghani', 'Afghanistan', 'أفغاني', 'أفغانستان']],
    ['PAK', ['Pakistanais', 'Pakistanaise', 'Pakistani', 'باكستاني']],
    ['BGD', ['Bangladais', 'Bangladaise', 'Bangladeshi', 'Bangladesh', 'بنغلاديشي']],
    ['MAR', ['Marocain', 'Marocaine', 'Moroccan', 'Maroc', 'مغربي', 'مغربية', 'المغرب', 'MA', 'MAR']],
    ['MRT', ['Mauritanien', 'Mauritanienne', 'Mauritanian', 'Mauritanie', 'موريتاني']],
    ['CAF', ['Centrafricain', 'Centrafricaine', 'Central African', 'République centrafricaine', 'RCA']],
    ['GAB', ['Gabonais', 'Gabonaise', 'Gabonese', 'Gabon', 'غابوني']],
    ['BEN', ['Béninois', 'Béninoise', 'Beninese', 'Bénin', 'بنيني']],
    ['TGO', ['Togolais', 'Togolaise', 'Togolese', 'Togo', 'توغولي']],
    ['XXA', ['apatride', 'Stateless', 'عديم الجنسية', 'XXA']],
    ['XXB', ['réfugié', 'Réfugiée', 'refugee', 'لاجئ', 'لاجئة', 'xxb']],
    ['XXC', ['réfugié autre', 'XXC']],
  ])('%s', (expected, inputs) => {
    for (const raw of inputs) expect([raw, code(raw)]).toEqual([raw, expected]);
  });

  it('plain "congolais" is read as DR Congo but says it could be Congo-Brazzaville', () => {
    for (const raw of ['congolais', 'Congolaise', 'Congolese', 'Congo', 'كونغولي']) {
      expect(normaliseNationality(raw)).toEqual({ code: 'COD', alternatives: ['COG'], raw });
    }
    expect(normaliseNationality('rdc').alternatives).toEqual([]);
  });

  it('is insensitive to case, diacritics, spaces, hyphens and Arabic diacritics', () => {
    expect(code('  SÉNÉGALAISE ')).toBe('SEN');
    expect(code('sierraleonais')).toBe('SLE');
    expect(code('سُودَانِيّ')).toBe('SDN');
  });

  it('keeps the raw text and gives a reason when unknown or missing', () => {
    expect(normaliseNationality('Atlantide')).toEqual({ code: null, alternatives: [], raw: 'Atlantide', reason: 'unknown' });
    expect(normaliseNationality('  ')).toEqual({ code: null, alternatives: [], raw: '  ', reason: 'missing' });
    expect(normaliseNationality(undefined).reason).toBe('missing');
  });

  it('converts between alpha-3 and alpha-2 for callers (Somali folding wants SO/DJ/ET)', () => {
    expect(alpha3ToAlpha2('SOM')).toBe('SO');
    expect(alpha3ToAlpha2('dji')).toBe('DJ');
    expect(alpha3ToAlpha2('ETH')).toBe('ET');
    expect(alpha3ToAlpha2('XXA')).toBeNull();
    expect(alpha2ToAlpha3('so')).toBe('SOM');
  });

  it('the data file is versioned and every entry has a valid code', () => {
    expect(NATIONALITY_DATA_VERSION).toBe(1);
    for (const entry of nationalityData.entries) {
      expect(entry.code === 'XXA' || entry.code === 'XXB' || entry.code === 'XXC' || alpha3ToAlpha2(entry.code) !== null).toBe(true);
    }
  });

  it('never throws and returns a known shape on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
        const result = normaliseNationality(raw);
        expect(result.raw).toBe(raw);
        if (result.code === null) expect(['missing', 'unknown']).toContain(result.reason);
        else expect(result.code).toMatch(/^[A-Z]{3}$/);
      }),
      { numRuns: 2000 },
    );
  });
});
