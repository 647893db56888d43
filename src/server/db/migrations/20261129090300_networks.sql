-- Networks of associations (DESIGN §3): global reference tables. A network has a secretariat organisation
-- and member organisations; each member keeps owning its data. The network issue adds what members share.
create table networks (
  id uuid primary key,
  name text not null check (length(name) between 1 and 300),
  secretariat_organisation_id uuid not null references organisations (id),
  demo boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index networks_name_key on networks (lower(name));

create table network_members (
  network_id uuid not null references networks (id),
  member_organisation_id uuid not null references organisations (id),
  joined_at timestamptz not null,
  primary key (network_id, member_organisation_id)
);

grant select on networks, network_members to sanad_app;
