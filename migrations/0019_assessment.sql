-- 自评报告 (the year-end self-assessment): the paired side's opinions on it (征求意见) and the
-- samples a cross-check team draws from the records behind the figures (交叉核查).
--
-- Both are kept for a scope as the indicators resolve it (indicators.scope.ts): the city, a district
-- (an east unit), a pairing, or a place (a division code up to 9 digits); exactly the column of its
-- kind is set. A sample's items are the drawn records (kind, id, what they showed) with the
-- checker's verdict: drawn again with the same seed over the same records they are the same.

create table assessment_opinions (
  id               bigint generated always as identity primary key,
  scope_kind       text not null check (scope_kind in ('city', 'district', 'pairing', 'region')),
  scope_org_id     bigint references orgs (id),
  scope_pairing_id bigint references pairings (id),
  scope_region     varchar(12) references regions (code),
  year             integer not null check (year between 2000 and 2100),
  -- The paired side's unit giving the opinion (the service checks it is the other side of the scope's pairings).
  from_org_id      bigint not null references orgs (id),
  opinion          text not null check (length(btrim(opinion)) > 0),
  given_on         date not null,
  recorded_by      text not null,
  owning_org_id    bigint references orgs (id),
  created_at       timestamptz not null default now(),
  constraint assessment_opinions_scope check (
    (scope_kind = 'city' and num_nonnulls(scope_org_id, scope_pairing_id, scope_region) = 0)
    or (scope_kind = 'district' and scope_org_id is not null and num_nonnulls(scope_pairing_id, scope_region) = 0)
    or (scope_kind = 'pairing' and scope_pairing_id is not null and num_nonnulls(scope_org_id, scope_region) = 0)
    or (scope_kind = 'region' and scope_region is not null and num_nonnulls(scope_org_id, scope_pairing_id) = 0)
  )
);
create index assessment_opinions_scope on assessment_opinions (year, scope_kind, scope_org_id, scope_pairing_id, scope_region);

create table assessment_samples (
  id               bigint generated always as identity primary key,
  scope_kind       text not null check (scope_kind in ('city', 'district', 'pairing', 'region')),
  scope_org_id     bigint references orgs (id),
  scope_pairing_id bigint references pairings (id),
  scope_region     varchar(12) references regions (code),
  scope_name       text not null,
  year             integer not null check (year between 2000 and 2100),
  -- The PRNG seed (32 bits) and how many records were drawn per indicator.
  seed             bigint not null check (seed between 0 and 4294967295),
  per_indicator    integer not null check (per_indicator between 1 and 50),
  items            jsonb not null default '[]' check (jsonb_typeof(items) = 'array'),
  -- Per indicator: how many records there were to draw from, and how many were drawn.
  pools            jsonb not null default '[]' check (jsonb_typeof(pools) = 'array'),
  created_by       text not null,
  created_at       timestamptz not null default now(),
  constraint assessment_samples_scope check (
    (scope_kind = 'city' and num_nonnulls(scope_org_id, scope_pairing_id, scope_region) = 0)
    or (scope_kind = 'district' and scope_org_id is not null and num_nonnulls(scope_pairing_id, scope_region) = 0)
    or (scope_kind = 'pairing' and scope_pairing_id is not null and num_nonnulls(scope_org_id, scope_region) = 0)
    or (scope_kind = 'region' and scope_region is not null and num_nonnulls(scope_org_id, scope_pairing_id) = 0)
  )
);
create index assessment_samples_scope on assessment_samples (year, scope_kind, scope_org_id, scope_pairing_id, scope_region);
