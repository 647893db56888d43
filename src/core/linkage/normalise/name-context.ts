/**
 * The few nationality codes the name rules care about (Somali orthography, alias restrictions), accepted
 * as ISO 3166-1 alpha-2 or alpha-3. The full nationality normaliser (N-13) lives in its own file; this one
 * only needs to recognise the codes it already produced.
 */
const ALPHA3_TO_ALPHA2: Record<string, string> = {
  SOM: 'SO', DJI: 'DJ', ETH: 'ET', ERI: 'ER', TCD: 'TD', SEN: 'SN', GIN: 'GN', GMB: 'GM', GNB: 'GW', SLE: 'SL',
  MLI: 'ML', MRT: 'MR', NER: 'NE', NGA: 'NG', CIV: 'CI', BFA: 'BF', DZA: 'DZ', MAR: 'MA', TUN: 'TN', LBY: 'LY',
  EGY: 'EG', SDN: 'SD', SSD: 'SS', AFG: 'AF', PAK: 'PK', SYR: 'SY', IRQ: 'IQ', YEM: 'YE', CMR: 'CM', COD: 'CD',
};

/** Alpha-2 (upper case) for an alpha-2 or alpha-3 code, or null. */
export function nationalityAlpha2(code: string | null | undefined): string | null {
  if (!code) return null;
  const upper = code.trim().toUpperCase();
  if (upper.length === 2) return upper;
  return ALPHA3_TO_ALPHA2[upper] ?? null;
}

/** Context keys by Somali orthography, then nationality, then sex (contexts are few). */
const contextKeys = [new Map<string | null, Map<string | null, string>>(), new Map<string | null, Map<string | null, string>>()] as const;

/**
 * The alias context as one string, the same string object for the same context: a map lookup with it
 * reuses the string's hash instead of building and hashing a fresh key per field and record.
 */
export function contextKeyOf(somali: boolean, nationality: string | null, sex: string | null): string {
  const byNationality = contextKeys[somali ? 1 : 0];
  let bySex = byNationality.get(nationality);
  if (!bySex) byNationality.set(nationality, (bySex = new Map()));
  let key = bySex.get(sex);
  if (key === undefined) bySex.set(sex, (key = `${somali ? 1 : 0}\u0000${nationality ?? ''}\u0000${sex ?? ''}`));
  return key;
}
