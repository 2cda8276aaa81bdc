-- Assistance projects (帮扶项目), their plan, lifecycle, money, monitoring and assets.
-- Every project-level fact table carries county_code (the recipient county) for the Citus growth path.
create table projects (
  id                 bigint generated always as identity primary key,
  code               text not null,
  name               text not null,
  start_year         smallint not null check (start_year between 2000 and 2100),
  end_year           smallint not null check (end_year between 2000 and 2100),
  level              text not null,
  category           text not null,
  status             text not null default 'reserve',
  pairing_id         bigint references pairings (id),
  region_code        varchar(12) not null references regions (code),
  county_code        varchar(6) not null references regions (code),
  owner_name         text,
  owner_org_id       bigint references orgs (id),
  east_org_id        bigint references orgs (id),
  fund_shanghai_fen  bigint not null default 0 check (fund_shanghai_fen >= 0),
  fund_integrated_fen bigint not null default 0 check (fund_integrated_fen >= 0),
  fund_social_fen    bigint not null default 0 check (fund_social_fen >= 0),
  fund_self_fen      bigint not null default 0 check (fund_self_fen >= 0),
  approved_fen       bigint check (approved_fen >= 0),
  approval_doc_no    text,
  content            text,
  benefit_mechanism  text,
  expected_benefits  text,
  households         integer check (households >= 0),
  people             integer check (people >= 0),
  poor_households    integer check (poor_households >= 0),
  poor_people        integer check (poor_people >= 0),
  suspended_from     text,
  is_demo            boolean not null default false,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  constraint projects_years check (end_year >= start_year),
  constraint projects_poor_households check (poor_households is null or households is null or poor_households <= households),
  constraint projects_poor_people check (poor_people is null or people is null or poor_people <= people)
);
create unique index projects_code on projects (code);
create index projects_county on projects (county_code, start_year);
create index projects_east_org on projects (east_org_id);
create index projects_status on projects (status);

-- 资金使用计划: itemised use of funds; must add up to the planned total before submission.
create table project_budget_items (
  id          bigint generated always as identity primary key,
  project_id  bigint not null references projects (id) on delete cascade,
  item        text not null,
  amount_fen  bigint not null check (amount_fen > 0),
  sort        integer not null default 0
);
create index project_budget_items_project on project_budget_items (project_id);

create table project_outputs (
  id          bigint generated always as identity primary key,
  project_id  bigint not null references projects (id) on delete cascade,
  description text not null,
  quantity    numeric(14, 2) not null check (quantity > 0),
  unit        text not null
);
create index project_outputs_project on project_outputs (project_id);

-- 倒排工期: milestones with due dates; overdue when past due and not done.
create table project_milestones (
  id          bigint generated always as identity primary key,
  project_id  bigint not null references projects (id) on delete cascade,
  name        text not null,
  due_on      date not null,
  done_on     date
);
create index project_milestones_due on project_milestones (due_on) where done_on is null;
create index project_milestones_project on project_milestones (project_id);

create table project_attachments (
  id          bigint generated always as identity primary key,
  project_id  bigint not null references projects (id) on delete cascade,
  file_name   text not null,
  note        text
);

-- Every lifecycle step: who, when, the business date, document number, approved amount, comment.
create table project_transitions (
  id           bigint generated always as identity primary key,
  project_id   bigint not null references projects (id) on delete cascade,
  from_status  text not null,
  to_status    text not null,
  actor_id     bigint,
  actor_name   text not null,
  at           timestamptz not null default now(),
  on_date      date not null,
  document_no  text,
  approved_fen bigint,
  comment      text
);
create index project_transitions_project on project_transitions (project_id, id);

-- 下达 / 拨付 / 支出 / 退回. A disbursement counts only once two distinct signers have co-signed.
create table fund_transactions (
  id           bigint generated always as identity primary key,
  project_id   bigint not null references projects (id),
  county_code  varchar(6) not null,
  kind         text not null check (kind in ('allocate', 'disburse', 'spend', 'return')),
  amount_fen   bigint not null check (amount_fen > 0),
  on_date      date not null,
  document_no  text,
  note         text,
  status       text not null default 'effective' check (status in ('pending', 'effective')),
  created_by   bigint,
  created_at   timestamptz not null default now()
);
create index fund_transactions_project on fund_transactions (project_id, kind);
create index fund_transactions_county on fund_transactions (county_code, on_date);

create table fund_signatures (
  transaction_id bigint not null references fund_transactions (id) on delete cascade,
  user_id        bigint not null references users (id),
  side           text not null check (side in ('east', 'west')),
  signed_at      timestamptz not null default now(),
  primary key (transaction_id, user_id),
  unique (transaction_id, side)
);

create table project_progress (
  id          bigint generated always as identity primary key,
  project_id  bigint not null references projects (id) on delete cascade,
  on_date     date not null,
  percent     smallint not null check (percent between 0 and 100),
  narrative   text not null,
  reported_by text not null
);

create table project_inspections (
  id          bigint generated always as identity primary key,
  project_id  bigint not null references projects (id) on delete cascade,
  kind        text not null check (kind in ('spot_check', 'inspection')),
  on_date     date not null,
  inspector   text not null,
  findings    text not null
);

create table rectifications (
  id             bigint generated always as identity primary key,
  project_id     bigint not null references projects (id) on delete cascade,
  county_code    varchar(6) not null,
  inspection_id  bigint references project_inspections (id) on delete set null,
  finding        text not null,
  deadline       date not null,
  owner          text not null,
  status         text not null default 'open' check (status in ('open', 'closed')),
  closed_on      date,
  evidence       text,
  constraint rectifications_closed check (status = 'open' or (closed_on is not null and evidence is not null))
);
create index rectifications_open on rectifications (county_code, deadline) where status = 'open';

create table project_assets (
  id             bigint generated always as identity primary key,
  project_id     bigint not null references projects (id) on delete cascade,
  name           text not null,
  kind           text not null check (kind in ('operating', 'public_welfare', 'household')),
  value_fen      bigint not null check (value_fen >= 0),
  receiver_org_id bigint references orgs (id),
  receiver_name  text not null,
  handed_over_on date not null
);

insert into role_permissions (role_code, action)
select r, a from (values
  ('sys_admin', 'project:read'), ('sys_admin', 'project:write'), ('sys_admin', 'project:review'), ('sys_admin', 'project:approve'),
  ('sys_admin', 'project:manage'), ('sys_admin', 'fund:allocate'), ('sys_admin', 'fund:record'), ('sys_admin', 'fund:cosign'),
  ('city_admin', 'project:read'), ('city_admin', 'project:write'), ('city_admin', 'project:review'), ('city_admin', 'project:approve'),
  ('city_admin', 'project:manage'), ('city_admin', 'fund:allocate'), ('city_admin', 'fund:record'),
  ('district_admin', 'project:read'), ('district_admin', 'project:write'), ('district_admin', 'project:review'), ('district_admin', 'project:approve'),
  ('district_admin', 'project:manage'), ('district_admin', 'fund:allocate'), ('district_admin', 'fund:record'),
  ('frontline', 'project:read'), ('frontline', 'project:write'), ('frontline', 'project:manage'), ('frontline', 'fund:record'), ('frontline', 'fund:cosign'),
  ('recipient_clerk', 'project:read'), ('recipient_clerk', 'project:write'), ('recipient_clerk', 'fund:record'),
  ('reader', 'project:read')
) as t(r, a);

-- 受援县领导: signs disbursements on the county side (会签拨付) and manages the county's projects.
insert into roles (code, name, description, global_scope) values
  ('recipient_leader', '受援县领导', '受援县分管领导：会签拨付、推进本县项目实施', false);
insert into role_permissions (role_code, action)
select 'recipient_leader', a from (values ('org:read'), ('pairing:read'), ('project:read'), ('project:manage'), ('fund:cosign'), ('fund:record')) as t(a);
