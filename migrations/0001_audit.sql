-- Audit trail: one row per change, written in the same transaction as the change.
create table audit_log (
  id          bigint generated always as identity primary key,
  at          timestamptz not null default now(),
  actor_id    bigint,
  actor_name  text not null,
  ip          text,
  entity      text not null,
  entity_id   text,
  action      text not null,
  before      jsonb,
  after       jsonb
);
create index audit_log_entity on audit_log (entity, entity_id);
create index audit_log_at on audit_log (at desc);

-- Audit rows are facts: nobody, the application included, may rewrite or delete them.
create function audit_log_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log rows cannot be changed or deleted' using errcode = 'P0001';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_immutable();
