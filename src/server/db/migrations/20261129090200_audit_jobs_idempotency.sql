-- Audit (DESIGN §2): a per-organisation chain. Entries are inserted during the unit; the chain head is locked
-- only by the last statement before commit, which numbers and hashes that unit's entries.
-- Organisation 00000000-0000-0000-0000-000000000000 is the system chain (failed logins for unknown emails).
create table audit_heads (
  organisation_id uuid primary key,
  last_seq bigint not null,
  last_hash bytea not null
);

create table audit_events (
  organisation_id uuid not null,
  seq bigint not null,
  id uuid not null,
  occurred_at timestamptz not null,
  actor_account_id uuid,
  actor_kind text not null check (actor_kind in ('user', 'token', 'system', 'anonymous')),
  action text not null,
  target_type text,
  target_id text,
  ip text,
  payload_digest bytea not null,
  digest bytea not null,
  hash bytea not null,
  primary key (organisation_id, seq)
);
create index audit_events_target_idx on audit_events (organisation_id, target_type, target_id);
create index audit_events_actor_idx on audit_events (organisation_id, actor_account_id);

-- Payloads may hold personal data: they live apart from the chain so erasure keeps the chain verifiable.
create table audit_payloads (
  organisation_id uuid not null,
  seq bigint not null,
  payload jsonb not null,
  primary key (organisation_id, seq),
  foreign key (organisation_id, seq) references audit_events (organisation_id, seq)
);

create table jobs (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  kind text not null,
  status text not null check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted')),
  progress_done bigint not null default 0,
  progress_total bigint,
  message text,
  input jsonb not null default '{}'::jsonb,
  result jsonb,
  error jsonb,
  cancel_requested boolean not null default false,
  created_by uuid references accounts (id),
  created_at timestamptz not null,
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null,
  primary key (organisation_id, id)
);
create index jobs_status_idx on jobs (status) where status in ('queued', 'running');

-- No foreign key to organisations: instance-level creates (CLI) claim ids in the system scope.
create table idempotency_records (
  organisation_id uuid not null,
  resource_type text not null,
  resource_id uuid not null,
  request_digest bytea not null,
  created_at timestamptz not null,
  primary key (organisation_id, resource_type, resource_id)
);

do $$
declare t text;
begin
  foreach t in array array['audit_heads', 'audit_events', 'audit_payloads', 'jobs', 'idempotency_records'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant_isolation on %I using (organisation_id = sanad_current_organisation())'
                   ' with check (organisation_id = sanad_current_organisation())', t);
  end loop;
end
$$;

-- Append-only: sanad_app may add audit entries and read its own, never change or delete them.
grant select, insert, update on audit_heads to sanad_app;
grant select, insert on audit_events, audit_payloads to sanad_app;
grant select, insert, update on jobs to sanad_app;
grant select, insert on idempotency_records to sanad_app;
