-- 产业合作 / 招商引资: enterprises introduced to recipient counties, industrial parks and bases,
-- assistance workshops (帮扶车间) and contract farming (订单农业). Every record lies in a recipient
-- county (county_code, with an optional township or village place_code), may name its pairing, and
-- has an owning unit (only the owner's scope may change it). Money is fen; areas are 亩.
-- Read and written with the existing actions activity:read / activity:write (no new grants).

create table industry_enterprises (
  id                 bigint generated always as identity primary key,
  name               text not null,
  origin_org_id      bigint references orgs (id),
  origin_name        text,
  origin_region      varchar(12) references regions (code),
  county_code        varchar(6) not null,
  place_code         varchar(12) references regions (code),
  industry           text not null check (industry in ('agri_processing', 'planting_breeding', 'culture_tourism', 'manufacturing', 'new_energy', 'trade_logistics', 'ecommerce', 'biomedicine', 'other')),
  signed_fen         bigint not null check (signed_fen >= 0),
  actual_fen         bigint not null default 0 check (actual_fen >= 0),
  signed_on          date not null,
  jobs               integer not null check (jobs >= 0),
  poor_employed      integer not null check (poor_employed >= 0),
  monitored_employed integer not null check (monitored_employed >= 0),
  pairing_id         bigint references pairings (id),
  activity_id        bigint references activities (id) on delete set null,
  note               text,
  owning_org_id      bigint references orgs (id),
  is_demo            boolean not null default false,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  constraint industry_enterprises_origin check (origin_org_id is not null or origin_name is not null),
  constraint industry_enterprises_poor check (poor_employed <= jobs),
  constraint industry_enterprises_monitored check (monitored_employed <= jobs)
);
create index industry_enterprises_county on industry_enterprises (county_code, signed_on);
create index industry_enterprises_pairing on industry_enterprises (pairing_id);

create table industry_parks (
  id             bigint generated always as identity primary key,
  name           text not null,
  kind           text not null check (kind in ('park', 'planting_base', 'breeding_base', 'other')),
  county_code    varchar(6) not null,
  place_code     varchar(12) references regions (code),
  area_mu        numeric(12, 2) not null check (area_mu >= 0),
  established_on date not null,
  enterprises    integer not null check (enterprises >= 0),
  jobs           integer not null check (jobs >= 0),
  pairing_id     bigint references pairings (id),
  note           text,
  owning_org_id  bigint references orgs (id),
  is_demo        boolean not null default false,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create index industry_parks_county on industry_parks (county_code, established_on);
create index industry_parks_pairing on industry_parks (pairing_id);

create table industry_workshops (
  id                 bigint generated always as identity primary key,
  name               text not null,
  county_code        varchar(6) not null,
  place_code         varchar(12) references regions (code),
  operator_org_id    bigint references orgs (id),
  operator_name      text,
  opened_on          date not null,
  closed_on          date,
  employees          integer not null check (employees >= 0),
  poor_employed      integer not null check (poor_employed >= 0),
  monitored_employed integer not null check (monitored_employed >= 0),
  pairing_id         bigint references pairings (id),
  note               text,
  owning_org_id      bigint references orgs (id),
  is_demo            boolean not null default false,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  constraint industry_workshops_operator check (operator_org_id is not null or operator_name is not null),
  constraint industry_workshops_dates check (closed_on is null or closed_on >= opened_on),
  constraint industry_workshops_poor check (poor_employed <= employees),
  constraint industry_workshops_monitored check (monitored_employed <= employees)
);
create index industry_workshops_county on industry_workshops (county_code, opened_on);
create index industry_workshops_pairing on industry_workshops (pairing_id);

create table industry_farming (
  id            bigint generated always as identity primary key,
  product       text not null,
  buyer_org_id  bigint references orgs (id),
  buyer_name    text,
  county_code   varchar(6) not null,
  place_code    varchar(12) references regions (code),
  acreage_mu    numeric(12, 2) not null check (acreage_mu >= 0),
  households    integer not null check (households >= 0),
  contract_fen  bigint not null check (contract_fen >= 0),
  signed_on     date not null,
  pairing_id    bigint references pairings (id),
  activity_id   bigint references activities (id) on delete set null,
  note          text,
  owning_org_id bigint references orgs (id),
  is_demo       boolean not null default false,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  constraint industry_farming_buyer check (buyer_org_id is not null or buyer_name is not null)
);
create index industry_farming_county on industry_farming (county_code, signed_on);
create index industry_farming_pairing on industry_farming (pairing_id);
