-- 工作动态 (activities) with their places, participants and links to what they produced;
-- 社会帮扶 (donations) in cash or goods; 培训交流 (training, job-shadowing) counted in 批次 and 人次.
create table activities (
  id              bigint generated always as identity primary key,
  type            text not null,
  title           text not null,
  start_date      date not null,
  end_date        date not null,
  county_code     varchar(6),
  lead_org_id     bigint references orgs (id),
  pairing_id      bigint references pairings (id),
  leader          text,
  delegation_size integer check (delegation_size >= 0),
  narrative       text,
  is_demo         boolean not null default false,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  constraint activities_dates check (end_date >= start_date)
);
create index activities_county on activities (county_code, start_date);
create index activities_pairing on activities (pairing_id, start_date);

create table activity_places (
  activity_id bigint not null references activities (id) on delete cascade,
  region_code varchar(12) not null references regions (code),
  primary key (activity_id, region_code)
);

create table activity_orgs (
  activity_id bigint not null references activities (id) on delete cascade,
  org_id      bigint not null references orgs (id),
  primary key (activity_id, org_id)
);
create index activity_orgs_org on activity_orgs (org_id);

create table activity_photos (
  id          bigint generated always as identity primary key,
  activity_id bigint not null references activities (id) on delete cascade,
  file_name   text not null
);

-- What an activity produced or touched: agreements signed, donations made, projects inspected, trainings held.
create table activity_links (
  activity_id bigint not null references activities (id) on delete cascade,
  kind        text not null check (kind in ('agreement', 'donation', 'project', 'training')),
  target_id   bigint not null,
  primary key (activity_id, kind, target_id)
);
create index activity_links_target on activity_links (kind, target_id);

create table donations (
  id                  bigint generated always as identity primary key,
  donor_org_id        bigint references orgs (id),
  donor_name          text,
  recipient_org_id    bigint references orgs (id),
  recipient_region    varchar(12) references regions (code),
  county_code         varchar(6),
  kind                text not null check (kind in ('cash', 'goods')),
  value_fen           bigint not null check (value_fen > 0),
  purpose             text,
  donated_on          date not null,
  pairing_id          bigint references pairings (id),
  activity_id         bigint references activities (id) on delete set null,
  is_demo             boolean not null default false,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  constraint donations_donor check (donor_org_id is not null or donor_name is not null),
  constraint donations_recipient check (recipient_org_id is not null or recipient_region is not null)
);
create index donations_county on donations (county_code, donated_on);
create index donations_pairing on donations (pairing_id);

create table donation_items (
  id          bigint generated always as identity primary key,
  donation_id bigint not null references donations (id) on delete cascade,
  item        text not null,
  quantity    numeric(14, 2) not null check (quantity > 0),
  unit        text not null,
  value_fen   bigint check (value_fen >= 0)
);

create table trainings (
  id              bigint generated always as identity primary key,
  title           text not null,
  kind            text not null check (kind in ('training', 'shadowing')),
  organiser_org_id bigint references orgs (id),
  organiser_name  text,
  place_region    varchar(12) references regions (code),
  in_shanghai     boolean not null,
  start_date      date not null,
  end_date        date not null,
  target_group    text not null,
  batches         integer not null check (batches >= 1),
  participants    integer not null check (participants >= 0),
  person_times    integer not null check (person_times >= 0),
  county_code     varchar(6),
  pairing_id      bigint references pairings (id),
  activity_id     bigint references activities (id) on delete set null,
  is_demo         boolean not null default false,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  constraint trainings_dates check (end_date >= start_date),
  constraint trainings_person_times check (person_times >= participants)
);
create index trainings_county on trainings (county_code, start_date);

insert into role_permissions (role_code, action)
select r, a from (values
  ('sys_admin', 'activity:read'), ('sys_admin', 'activity:write'),
  ('city_admin', 'activity:read'), ('city_admin', 'activity:write'),
  ('district_admin', 'activity:read'), ('district_admin', 'activity:write'),
  ('frontline', 'activity:read'), ('frontline', 'activity:write'),
  ('recipient_clerk', 'activity:read'), ('recipient_clerk', 'activity:write'),
  ('recipient_leader', 'activity:read'),
  ('reader', 'activity:read')
) as t(r, a);
