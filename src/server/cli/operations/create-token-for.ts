import { permissionsOf } from '../../../core/permissions.ts';
import { activeMemberships, findAccountByEmail } from '../../auth/account-queries.ts';
import { withOwnerTransaction } from '../../db/transaction.ts';
import { createToken } from '../../domain/tokens/create-token.ts';
import { CliError } from '../cli-error.ts';

/**
 * `sanad token create`: an API token for a user in one of their organisations (the only one, or the one
 * named). Shared with the local admin endpoint.
 */
export async function createTokenFor(request: { email: string; organisation?: string | undefined; name?: string | undefined }) {
  const { account, memberships } = await withOwnerTransaction('cli.token', async (tx) => {
    const account = await findAccountByEmail(tx, request.email);
    return { account, memberships: account ? await activeMemberships(tx, account.id) : [] };
  });
  if (!account || account.deactivatedAt) throw new CliError(`No active account has the email ${request.email}.`);
  const wanted = request.organisation?.toUpperCase();
  const membership = wanted ? memberships.find((m) => m.acronym === wanted) : memberships[0];
  if (!membership) {
    throw new CliError(
      wanted
        ? `${request.email} is not an active member of ${wanted}.`
        : `${request.email} has no active membership in any organisation.`,
    );
  }
  if (!wanted && memberships.length > 1) {
    throw new CliError(
      `${request.email} belongs to several organisations (${memberships.map((m) => m.acronym).join(', ')}): name one with --organisation.`,
    );
  }
  const { token, secret } = await createToken({
    actor: {
      kind: 'system',
      accountId: account.id,
      organisationId: membership.organisationId,
      roles: membership.roles,
      permissions: permissionsOf(membership.roles),
      instanceAdmin: false,
    },
    input: { name: request.name ?? `CLI token ${new Date().toISOString().slice(0, 10)}` },
  });
  return { tokenId: token.id, organisation: membership.acronym, secret: secret! };
}
