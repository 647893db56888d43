import { withOwnerTransaction } from '../db/transaction.ts';
import { AppError } from '../errors/app-error.ts';
import { findAccountById } from './account-queries.ts';

/** The signed-in account's profile, without its secrets. */
export async function findAccountProfile(accountId: string) {
  const account = await withOwnerTransaction('me', (tx) => findAccountById(tx, accountId));
  if (!account) throw new AppError('NOT_AUTHENTICATED');
  const { passwordHash: _secret, ...profile } = account;
  return profile;
}
