import type { UserUpdate } from '../../../core/schemas/user.ts';
import { revokeMembershipSessions } from '../../auth/revoke-membership-sessions.ts';
import { withTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors/app-error.ts';
import { countActiveAdmins, findUser, type UserRecord } from '../../repositories/users.ts';
import { now } from '../../services.ts';
import type { Actor } from '../actor.ts';
import { authorize } from '../authorize.ts';
import { presentUser } from './present-user.ts';

/**
 * Changes a user's roles, name or language, or (de)activates their membership. Deactivation ends their
 * sessions in this organisation and revokes their API tokens here. The last active administrator cannot
 * be removed.
 */
export async function updateUser({ actor, id, input }: { actor: Actor; id: string; input: UserUpdate }): Promise<UserRecord> {
  return withTransaction(actor, async (tx) => {
    const current = await findUser(tx, actor.organisationId, id);
    if (!current) throw new AppError('NOT_FOUND');
    authorize(actor, 'user.manage');
    if (current.version !== input.version) {
      throw new AppError('USER_VERSION_CONFLICT', { details: { current: presentUser(current) } });
    }
    const at = now();
    const wasAdmin = current.roles.includes('org_admin') && !current.deactivatedAt;
    const activeAfter = input.active ?? !current.deactivatedAt;
    const staysAdmin = (input.roles ?? current.roles).includes('org_admin') && activeAfter;
    if (wasAdmin && !staysAdmin && (await countActiveAdmins(tx, actor.organisationId)) <= 1) {
      throw new AppError('LAST_ADMINISTRATOR');
    }
    const deactivating = input.active === false && !current.deactivatedAt;
    const reactivating = input.active === true && current.deactivatedAt;
    await tx.query(
      `update memberships set roles = coalesce($3, roles), version = version + 1, updated_at = $4,
         deactivated_at = case when $5 then $4 when $6 then null else deactivated_at end
       where organisation_id = $1 and account_id = $2`,
      [actor.organisationId, id, input.roles ?? null, at, deactivating, Boolean(reactivating)],
    );
    if (input.displayName !== undefined || input.locale !== undefined) {
      await tx.query(
        `update accounts set display_name = coalesce($2, display_name), locale = coalesce($3, locale),
           version = version + 1, updated_at = $4 where id = $1`,
        [id, input.displayName ?? null, input.locale ?? null, at],
      );
    }
    if (deactivating) {
      await tx.query(
        'update api_tokens set revoked_at = $3 where organisation_id = $1 and account_id = $2 and revoked_at is null',
        [actor.organisationId, id, at],
      );
      tx.afterCommit(async () => {
        await revokeMembershipSessions(id, actor.organisationId, 'deactivated');
      });
    }
    // Role changes need no session revocation: every request re-reads the membership's roles.
    const { version: _v, ...changed } = input;
    tx.audit({ action: deactivating ? 'user.deactivated' : 'user.updated', targetType: 'account', targetId: id, payload: changed });
    return (await findUser(tx, actor.organisationId, id))!;
  });
}
