-- Figures entered by offices beside the computed ones: targets (目标: per indicator, scope and year,
-- with the document that set them) and reported figures (填报: a figure an office reports for a scope
-- and a period — year, quarter or month — without the records behind it, with its source).
-- Values are in the indicator's shown unit (万元, 人, %, 亩 …), exact to the fen for 万元.
create table indicator_entries (
  id                bigint generated always as identity primary key,
  kind              text not null check (kind in ('target', 'reported')),
  indicator_code    text not null,
  scope_kind        text not null check (scope_kind in ('city', 'district', 'pairing', 'region')),
  scope_org_id      bigint references orgs (id),
  scope_pairing_id  bigint references pairings (id),
  scope_region_code varchar(12) references regions (code),
  year              smallint not null check (year between 2000 and 2100),
  quarter           smallint check (quarter between 1 and 4),
  month             smallint check (month between 1 and 12),
  value             numeric(20, 6) not null check (value >= 0),
  document          text not null check (length(btrim(document)) > 0),
  reported_on       date,
  note              text,
  owning_org_id     bigint references orgs (id),
  created_by        text not null,
  is_demo           boolean not null default false,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  constraint indicator_entries_scope check (
    (scope_kind = 'city' and scope_org_id is null and scope_pairing_id is null and scope_region_code is null)
    or (scope_kind = 'district' and scope_org_id is not null and scope_pairing_id is null and scope_region_code is null)
    or (scope_kind = 'pairing' and scope_pairing_id is not null and scope_org_id is null and scope_region_code is null)
    or (scope_kind = 'region' and scope_region_code is not null and scope_org_id is null and scope_pairing_id is null)),
  constraint indicator_entries_period check (quarter is null or month is null),
  constraint indicator_entries_target_year check (kind = 'reported' or (quarter is null and month is null))
);
-- One target per indicator, scope and year.
create unique index indicator_entries_target on indicator_entries (indicator_code, scope_kind, coalesce(scope_org_id, 0), coalesce(scope_pairing_id, 0), coalesce(scope_region_code, ''), year) where kind = 'target';
create index indicator_entries_scope on indicator_entries (kind, year, scope_kind);
