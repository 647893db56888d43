-- Second factor (issue 3): an optional TOTP per account, one-time recovery codes, and an organisation
-- setting that makes the second factor mandatory for its members.

-- Secrets are keyring ciphertexts (enc1.<key id>.…), bound to the account id, never plain base32.
-- totp_last_step is the last time step accepted: a code of that step or an older one is a replay.
-- The pending secret waits for the first correct code (enrolment); its creation time lets it expire.
alter table accounts
  add column totp_secret text,
  add column totp_enabled_at timestamptz,
  add column totp_last_step bigint,
  add column totp_pending_secret text,
  add column totp_pending_created_at timestamptz,
  add constraint accounts_totp_enabled_check check ((totp_secret is null) = (totp_enabled_at is null)),
  add constraint accounts_totp_pending_check check ((totp_pending_secret is null) = (totp_pending_created_at is null));

-- Global, like sessions: read and written only by the authentication module (owner role); no grant to
-- sanad_app. Codes are random (60 bits), so a SHA-256 without salt is enough, as for session tokens.
create table recovery_codes (
  id uuid primary key,
  account_id uuid not null references accounts (id),
  code_hash bytea not null,
  created_at timestamptz not null,
  used_at timestamptz
);
create index recovery_codes_account_idx on recovery_codes (account_id) where used_at is null;

alter table organisations add column totp_required boolean not null default false;

-- Administrators see whether a user has a second factor; the secrets and the replay counter stay hidden.
grant select (totp_enabled_at) on accounts to sanad_app;
