-- The application role every request runs as (DESIGN §2). Roles are cluster-wide on PostgreSQL: create it
-- idempotently and tolerate a concurrent creation by another database's migrator.
do $$
begin
  create role sanad_app nologin noinherit;
exception
  when duplicate_object or unique_violation then null;
end
$$;

-- The migrating owner must be able to SET ROLE sanad_app even when it is not a superuser.
do $$
begin
  execute format('grant sanad_app to %I', current_user);
exception
  when others then null;
end
$$;

grant usage on schema public to sanad_app;

-- The organisation of the current unit, or NULL when none was set: policies compare with it and so fail
-- closed.
create or replace function sanad_current_organisation() returns uuid
  language sql stable
  as $$ select nullif(current_setting('sanad.organisation_id', true), '')::uuid $$;
