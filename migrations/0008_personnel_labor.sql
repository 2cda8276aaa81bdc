-- 援派 (dispatched cadres and professionals) and 劳务协作 (labor cooperation).
-- county_code (growth path): the recipient place cut to county level — a county's 6 digits, or a
-- prefecture's 4 for a prefecture-level post (果洛州委副书记) or a workstation serving a whole prefecture.

-- People are personal data: visible only through an in-scope origin unit or an in-scope dispatch.
create table persons (
  id             bigint generated always as identity primary key,
  name           text not null,
  sex            text check (sex in ('male', 'female')),
  origin_org_id  bigint references orgs (id),
  origin_unit    text,
  phone          text,
  note           text,
  is_demo        boolean not null default false,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  constraint persons_origin check (origin_org_id is not null or origin_unit is not null)
);
create index persons_origin on persons (origin_org_id);

-- One term of one person at one host: category, 组团式 team, programme (援滇, 援青 …) and batch (第五批),
-- expected end (term_end) and, once known, the actual end; the dispatch it replaced (轮换).
create table dispatches (
  id           bigint generated always as identity primary key,
  person_id    bigint not null references persons (id),
  category     text not null,
  team         text check (team in ('education', 'medical')),
  programme    text not null,
  batch        text,
  host_org_id  bigint references orgs (id),
  host_region  varchar(12) references regions (code),
  county_code  varchar(6) not null,
  post         text,
  term_start   date not null,
  term_end     date not null,
  actual_end   date,
  status       text not null default 'on_post' check (status in ('on_post', 'rotated', 'returned_early')),
  replaces_id  bigint references dispatches (id) on delete set null,
  note         text,
  is_demo      boolean not null default false,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  constraint dispatches_host check (host_org_id is not null or host_region is not null),
  constraint dispatches_term check (term_end >= term_start),
  constraint dispatches_actual check (actual_end is null or actual_end >= term_start),
  constraint dispatches_returned check (status <> 'returned_early' or actual_end is not null)
);
create index dispatches_county on dispatches (county_code, term_start);
create index dispatches_person on dispatches (person_id, term_start);

-- Registered-poor (脱贫/建档立卡) and monitored (监测对象) workers placed in a month, by destination.
create table labor_placements (
  id              bigint generated always as identity primary key,
  county_code     varchar(6) not null,
  year            smallint not null check (year between 2000 and 2100),
  month           smallint not null check (month between 1 and 12),
  destination     text not null check (destination in ('shanghai', 'other_east', 'local')),
  poor_count      integer not null check (poor_count >= 0),
  monitored_count integer not null check (monitored_count >= 0),
  pairing_id      bigint references pairings (id),
  note            text,
  is_demo         boolean not null default false,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
create unique index labor_placements_period on labor_placements (county_code, year, month, destination);

create table labor_job_fairs (
  id               bigint generated always as identity primary key,
  held_on          date not null,
  title            text,
  region_code      varchar(12) not null references regions (code),
  county_code      varchar(6) not null,
  organiser_org_id bigint references orgs (id),
  organiser_name   text,
  pairing_id       bigint references pairings (id),
  employers        integer not null check (employers >= 0),
  jobs_offered     integer not null check (jobs_offered >= 0),
  attendees        integer check (attendees >= 0),
  placed           integer not null check (placed >= 0),
  note             text,
  is_demo          boolean not null default false,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  constraint labor_job_fairs_organiser check (organiser_org_id is not null or organiser_name is not null),
  constraint labor_job_fairs_placed check (attendees is null or placed <= attendees)
);
create index labor_job_fairs_county on labor_job_fairs (county_code, held_on);

-- 劳务工作站 in Shanghai, serving a recipient county (or prefecture).
create table labor_workstations (
  id               bigint generated always as identity primary key,
  name             text not null,
  region_code      varchar(12) not null references regions (code) check (region_code like '31%'),
  county_code      varchar(6) not null,
  operating_org_id bigint references orgs (id),
  operator_name    text,
  pairing_id       bigint references pairings (id),
  opened_on        date not null,
  closed_on        date,
  note             text,
  is_demo          boolean not null default false,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  constraint labor_workstations_operator check (operating_org_id is not null or operator_name is not null),
  constraint labor_workstations_dates check (closed_on is null or closed_on >= opened_on)
);
create index labor_workstations_county on labor_workstations (county_code, opened_on);

-- 稳岗 follow-up of a placement cohort: how many of those placed were still employed after 6 months.
create table labor_retention (
  id                bigint generated always as identity primary key,
  county_code       varchar(6) not null,
  cohort_year       smallint not null check (cohort_year between 2000 and 2100),
  cohort_month      smallint not null check (cohort_month between 1 and 12),
  placed            integer not null check (placed >= 0),
  employed_after_6m integer not null check (employed_after_6m >= 0),
  followed_up_on    date,
  pairing_id        bigint references pairings (id),
  note              text,
  is_demo           boolean not null default false,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  constraint labor_retention_employed check (employed_after_6m <= placed)
);
create unique index labor_retention_cohort on labor_retention (county_code, cohort_year, cohort_month);

insert into role_permissions (role_code, action)
select r, a from (values
  ('sys_admin', 'personnel:read'), ('sys_admin', 'personnel:write'), ('sys_admin', 'labor:read'), ('sys_admin', 'labor:write'),
  ('city_admin', 'personnel:read'), ('city_admin', 'personnel:write'), ('city_admin', 'labor:read'), ('city_admin', 'labor:write'),
  ('district_admin', 'personnel:read'), ('district_admin', 'personnel:write'), ('district_admin', 'labor:read'), ('district_admin', 'labor:write'),
  ('frontline', 'personnel:read'), ('frontline', 'personnel:write'), ('frontline', 'labor:read'), ('frontline', 'labor:write'),
  ('recipient_clerk', 'personnel:read'), ('recipient_clerk', 'labor:read'), ('recipient_clerk', 'labor:write'),
  ('recipient_leader', 'personnel:read'), ('recipient_leader', 'labor:read'),
  ('reader', 'personnel:read'), ('reader', 'labor:read')
) as t(r, a);
