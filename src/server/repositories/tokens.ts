import type { SqlRunner } from '../db/client.ts';

export interface TokenRecord {
  id: string;
  organisationId: string;
  accountId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const COLUMNS = `id, organisation_id as "organisationId", account_id as "accountId", name, token_prefix as prefix,
  created_at as "createdAt", last_used_at as "lastUsedAt", revoked_at as "revokedAt"`;

export async function insertToken(
  db: SqlRunner,
  t: Omit<TokenRecord, 'lastUsedAt' | 'revokedAt'> & { hash: Buffer },
): Promise<TokenRecord> {
  const [row] = await db.query<TokenRecord>(
    `insert into api_tokens (organisation_id, id, account_id, name, token_hash, token_prefix, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning ${COLUMNS}`,
    [t.organisationId, t.id, t.accountId, t.name, t.hash, t.prefix, t.createdAt],
  );
  return row!;
}

export async function findToken(db: SqlRunner, organisationId: string, id: string): Promise<TokenRecord | null> {
  const [row] = await db.query<TokenRecord>(
    `select ${COLUMNS} from api_tokens where organisation_id = $1 and id = $2`,
    [organisationId, id],
  );
  return row ?? null;
}

export async function listTokens(
  db: SqlRunner,
  organisationId: string,
  options: { accountId?: string; after: (string | number)[] | null; limit: number },
): Promise<TokenRecord[]> {
  const params: unknown[] = [organisationId, options.limit + 1, options.accountId ?? null];
  let where = 'organisation_id = $1 and ($3::uuid is null or account_id = $3)';
  if (options.after) {
    params.push(options.after[0]);
    where += ' and id < $4::uuid';
  }
  return db.query<TokenRecord>(`select ${COLUMNS} from api_tokens where ${where} order by id desc limit $2`, params);
}

export async function revokeToken(db: SqlRunner, organisationId: string, id: string, at: Date): Promise<void> {
  await db.query('update api_tokens set revoked_at = $3 where organisation_id = $1 and id = $2 and revoked_at is null', [
    organisationId,
    id,
    at,
  ]);
}
