-- Global (reference) tables: organisations and accounts. Login happens before any organisation is known.
create table organisations (
  id uuid primary key,
  kind text not null check (kind in ('member', 'external')),
  name text not null check (length(name) between 1 and 200),
  acronym text check (acronym ~ '^[A-Z0-9][A-Z0-9_-]{1,15}$'),
  iati_type text,
  iati_identifier text,
  country text not null default 'MA' check (country ~ '^[A-Z]{2}$'),
  time_zone text not null default 'Africa/Casablanca',
  disclosure_threshold integer not null default 5 check (disclosure_threshold between 1 and 100),
  demo boolean not null default false,
  created_by_organisation_id uuid references organisations (id),
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index organisations_acronym_key on organisations (acronym) where acronym is not null;

create table accounts (
  id uuid primary key,
  email text not null,
  display_name text not null,
  locale text not null default 'fr' check (locale in ('fr', 'ar', 'en')),
  password_hash text not null,
  password_must_change boolean not null default true,
  password_changed_at timestamptz not null,
  instance_admin boolean not null default false,
  deactivated_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index accounts_email_key on accounts (lower(email));

-- Tenant table: a user's roles in an organisation.
create table memberships (
  organisation_id uuid not null references organisations (id),
  account_id uuid not null references accounts (id),
  roles text[] not null check (cardinality(roles) >= 1),
  deactivated_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (organisation_id, account_id)
);
create index memberships_account_idx on memberships (account_id);

-- Sessions are global: the authentication module reads them before an organisation is known.
create table sessions (
  id uuid primary key,
  token_hash bytea not null unique,
  csrf_token_hash bytea not null,
  account_id uuid not null references accounts (id),
  active_organisation_id uuid not null references organisations (id),
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text
);
create index sessions_account_idx on sessions (account_id) where revoked_at is null;

create table login_failures (
  id uuid primary key,
  email text not null,
  account_id uuid references accounts (id),
  ip text not null,
  failed_at timestamptz not null
);
create index login_failures_lookup_idx on login_failures (account_id, ip, failed_at);

-- API tokens belong to an organisation (RLS for listing); the authentication module looks them up by hash
-- as the owner role.
create table api_tokens (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  account_id uuid not null references accounts (id),
  name text not null check (length(name) between 1 and 100),
  token_hash bytea not null,
  token_prefix text not null,
  created_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (organisation_id, id)
);
create index api_tokens_hash_idx on api_tokens (token_hash);

alter table memberships enable row level security;
alter table memberships force row level security;
create policy tenant_isolation on memberships
  using (organisation_id = sanad_current_organisation())
  with check (organisation_id = sanad_current_organisation());

alter table api_tokens enable row level security;
alter table api_tokens force row level security;
create policy tenant_isolation on api_tokens
  using (organisation_id = sanad_current_organisation())
  with check (organisation_id = sanad_current_organisation());

grant select, insert, update on organisations to sanad_app;
-- sanad_app never reads password hashes: column grants leave password_hash out of SELECT.
grant select (id, email, display_name, locale, password_must_change, password_changed_at, instance_admin,
              deactivated_at, version, created_at, updated_at) on accounts to sanad_app;
-- Accounts made by organisation administrators; never instance administrators (only the CLI makes those).
grant insert (id, email, display_name, locale, password_hash, password_must_change, password_changed_at, version,
              created_at, updated_at) on accounts to sanad_app;
grant update (display_name, locale, version, updated_at) on accounts to sanad_app;
grant select, insert, update on memberships to sanad_app;
-- Token hashes are looked up by the authentication module only; sanad_app lists tokens without them.
grant select (organisation_id, id, account_id, name, token_prefix, created_at, last_used_at, revoked_at)
  on api_tokens to sanad_app;
grant insert on api_tokens to sanad_app;
grant update (revoked_at, name) on api_tokens to sanad_app;
