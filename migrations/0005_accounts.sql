-- Accounts, roles as data, data scopes, sessions and API tokens.
create table roles (
  code        text primary key,
  name        text not null,
  description text not null,
  -- a role whose scope is everything, whatever scopes its users list (city office, system admin)
  global_scope boolean not null default false
);

create table role_permissions (
  role_code text not null references roles (code) on delete cascade,
  action    text not null,
  primary key (role_code, action)
);

create table users (
  id                   bigint generated always as identity primary key,
  username             text not null,
  display_name         text not null,
  org_id               bigint references orgs (id),
  status               text not null default 'active' check (status in ('active', 'locked', 'disabled')),
  password_hash        text not null,
  must_change_password boolean not null default true,
  failed_attempts      integer not null default 0,
  locked_until         timestamptz,
  last_login_at        timestamptz,
  password_changed_at  timestamptz not null default now(),
  is_demo              boolean not null default false,
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now(),
  constraint users_username_format check (username ~ '^[a-z0-9_.-]{3,32}$')
);
create unique index users_username on users (username);

create table user_roles (
  user_id   bigint not null references users (id) on delete cascade,
  role_code text not null references roles (code),
  primary key (user_id, role_code)
);

-- Each row is a subtree the user may see: an organisation and everything below it, or a region and everything in it.
create table user_scopes (
  id          bigint generated always as identity primary key,
  user_id     bigint not null references users (id) on delete cascade,
  org_id      bigint references orgs (id),
  region_code varchar(12) references regions (code),
  constraint user_scopes_one_kind check ((org_id is null) <> (region_code is null))
);
create index user_scopes_user on user_scopes (user_id);

create table sessions (
  id           bigint generated always as identity primary key,
  token_hash   text not null unique,
  csrf_token   text not null,
  user_id      bigint not null references users (id) on delete cascade,
  created_at   timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at   timestamptz not null,
  ip           text,
  user_agent   text
);
create index sessions_user on sessions (user_id);

create table api_tokens (
  id           bigint generated always as identity primary key,
  user_id      bigint not null references users (id) on delete cascade,
  name         text not null,
  token_hash   text not null unique,
  token_prefix text not null,
  actions      text[] not null,
  created_at   timestamptz not null default now(),
  expires_at   timestamptz,
  last_used_at timestamptz,
  revoked_at   timestamptz
);
create index api_tokens_user on api_tokens (user_id);

insert into roles (code, name, description, global_scope) values
  ('sys_admin', '系统管理员', '管理用户、角色与系统设置；可查看全部数据与审计日志', true),
  ('city_admin', '市级管理员', '市合作交流办：全部数据的查看与维护', true),
  ('district_admin', '区级管理员', '区合作交流办：本区组织、结对及其下全部记录', false),
  ('frontline', '前方工作组', '前方工作组/援派干部联络组：所在受援县的记录', false),
  ('recipient_clerk', '受援地填报员', '受援县：填报本县记录，不能审批或拨付上海资金', false),
  ('reader', '只读/领导', '查看本范围数据，不能修改', false);

insert into role_permissions (role_code, action)
select r, a from (values
  ('sys_admin', 'org:read'), ('sys_admin', 'org:write'), ('sys_admin', 'pairing:read'), ('sys_admin', 'pairing:write'),
  ('sys_admin', 'audit:read'), ('sys_admin', 'user:read'), ('sys_admin', 'user:write'),
  ('city_admin', 'org:read'), ('city_admin', 'org:write'), ('city_admin', 'pairing:read'), ('city_admin', 'pairing:write'),
  ('city_admin', 'audit:read'), ('city_admin', 'user:read'),
  ('district_admin', 'org:read'), ('district_admin', 'org:write'), ('district_admin', 'pairing:read'), ('district_admin', 'pairing:write'),
  ('frontline', 'org:read'), ('frontline', 'org:write'), ('frontline', 'pairing:read'), ('frontline', 'pairing:write'),
  ('recipient_clerk', 'org:read'), ('recipient_clerk', 'org:write'), ('recipient_clerk', 'pairing:read'),
  ('reader', 'org:read'), ('reader', 'pairing:read')
) as t(r, a);
