/**
 * Result parsing shared by both engines, in one place (DESIGN §2): int8 becomes a number (and refuses to
 * lose precision silently), `date` stays an ISO string, timestamptz becomes a Date.
 */
export const PG_TYPES = { INT8: 20, DATE: 1082, TIMESTAMPTZ: 1184, TIMESTAMP: 1114 } as const;

export function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} exceeds the safe integer range`);
  return n;
}

export const parseDate = (value: string): string => value;

export const parseTimestamptz = (value: string): Date => new Date(value);

/** Parser overrides by type OID, given to PGlite's `parsers` option and pg's `types.getTypeParser`. */
export const typeParsers: Record<number, (value: string) => unknown> = {
  [PG_TYPES.INT8]: parseInt8,
  [PG_TYPES.DATE]: parseDate,
  [PG_TYPES.TIMESTAMPTZ]: parseTimestamptz,
};
