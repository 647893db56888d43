import pino, { type Logger } from 'pino';
import { systemClock, type Clock } from '../core/clock.ts';
import type { Keyring } from './security/keyring.ts';

/**
 * Process-wide services that domain code may use: the clock, the keyring, the logger and tunables.
 * The database is deliberately not here (see db/database-handle.ts): domain code reaches it only through
 * the handle a transaction unit gives it.
 */
export interface Services {
  clock: Clock;
  keyring: Keyring | null;
  logger: Logger;
  /** scrypt cost parameter N for new password hashes; tests lower it. */
  passwordCost: number;
  /** The watchdog aborts a transaction unit that runs longer than this. */
  transactionTimeoutMs: number;
}

const services: Services = {
  clock: systemClock,
  keyring: null,
  logger: pino({ level: 'silent' }),
  passwordCost: 2 ** 15,
  transactionTimeoutMs: 5_000,
};

export function configureServices(patch: Partial<Services>): void {
  Object.assign(services, patch);
}

export const clock = (): Clock => services.clock;
export const now = (): Date => services.clock.now();
export const logger = (): Logger => services.logger;
export const settings = (): Readonly<Services> => services;

export function keyring(): Keyring {
  if (!services.keyring) throw new Error('The keyring is not loaded (SANAD_KEY_FILE).');
  return services.keyring;
}
