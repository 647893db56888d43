import { withOwnerTransaction } from '../db/transaction.ts';
import { AppError } from '../errors/app-error.ts';
import { verifyPassword } from '../security/passwords.ts';

/**
 * Confirms a signed-in user's current password before a sensitive change to their own account (as the
 * password change does): PASSWORD_INCORRECT otherwise. scrypt runs outside any unit.
 */
export async function assertCurrentPassword(accountId: string, password: string): Promise<void> {
  const hash = await withOwnerTransaction('password.lookup', async (tx) => {
    const [row] = await tx.query<{ passwordHash: string }>('select password_hash as "passwordHash" from accounts where id = $1', [accountId]);
    return row?.passwordHash ?? null;
  });
  if (!hash) throw new AppError('NOT_AUTHENTICATED');
  if (!(await verifyPassword(password, hash))) throw new AppError('PASSWORD_INCORRECT');
}
