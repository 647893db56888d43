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
