import { customType } from 'drizzle-orm/pg-core';

/**
 * `bytea` (hashes, digests): drizzle-orm 0.45 has no built-in column for it. Both engines return a
 * Uint8Array (pg a Buffer, which is one).
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});
