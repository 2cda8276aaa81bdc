create table orgs (
  id          bigint generated always as identity primary key,
  name        text not null,
  type        text not null,
  side        text not null check (side in ('east', 'west')),
  region_code varchar(12) references regions (code),
  parent_id   bigint references orgs (id),
  aliases     text[] not null default '{}',
  note        text,
  is_demo     boolean not null default false,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  constraint orgs_not_own_parent check (parent_id is null or parent_id <> id)
);
create unique index orgs_name_unique on orgs (name);
create index orgs_parent on orgs (parent_id);
create index orgs_region on orgs (region_code text_pattern_ops);
create index orgs_aliases on orgs using gin (aliases);

create table pairings (
  id           bigint generated always as identity primary key,
  type         text not null,
  east_org_id  bigint not null references orgs (id),
  west_org_id  bigint not null references orgs (id),
  start_date   date not null,
  end_date     date,
  status       text not null default 'active' check (status in ('active', 'suspended', 'ended')),
  note         text,
  is_demo      boolean not null default false,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  constraint pairings_dates check (end_date is null or end_date >= start_date),
  constraint pairings_distinct_orgs check (east_org_id <> west_org_id)
);
create index pairings_east on pairings (east_org_id);
create index pairings_west on pairings (west_org_id);

create table agreements (
  id           bigint generated always as identity primary key,
  pairing_id   bigint not null references pairings (id) on delete cascade,
  year         smallint not null check (year between 1990 and 2100),
  title        text,
  signed_on    date,
  pledged_fen  bigint not null default 0 check (pledged_fen >= 0),
  document_no  text,
  note         text,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);
create index agreements_pairing on agreements (pairing_id, year);
