-- 工作简报 written from records: an edition is one 期 of a publisher's bulletin, numbered 第N期 within
-- its year and 总第M期 overall (增刊 numbered apart), composed 草稿 → 审核 → 印发. An issued edition is
-- frozen (triggers refuse changes to it and its items, for the application and direct SQL alike);
-- a correction is a new edition that names the one it corrects.
create table bulletin_editions (
  id               bigint generated always as identity primary key,
  publisher_org_id bigint not null references orgs (id),
  title            text not null,
  supplement       boolean not null default false,
  year             smallint not null check (year between 1990 and 2100),
  issue_no         integer not null check (issue_no > 0),
  total_no         integer not null check (total_no > 0),
  issued_on        date not null,
  editor           text not null,
  period_from      date,
  period_to        date,
  pairing_id       bigint references pairings (id),
  county_code      varchar(6),
  with_toc         boolean not null default false,
  distribution     jsonb not null default '{}',
  copies           integer check (copies > 0),
  corrects_id      bigint references bulletin_editions (id),
  status           text not null default 'draft' check (status in ('draft', 'review', 'issued')),
  created_by       text not null,
  submitted_by     text,
  return_reason    text,
  issued_by        text,
  issued_at        timestamptz,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  constraint bulletin_editions_period check (period_to is null or period_from is null or period_to >= period_from),
  constraint bulletin_editions_issue_no unique (publisher_org_id, title, supplement, year, issue_no),
  constraint bulletin_editions_total_no unique (publisher_org_id, title, supplement, total_no)
);

create table bulletin_edition_items (
  id          bigint generated always as identity primary key,
  edition_id  bigint not null references bulletin_editions (id) on delete cascade,
  position    integer not null,
  section     text,
  title       text not null,
  body        text not null,
  activity_id bigint references activities (id) on delete set null,
  unique (edition_id, position)
);
create index bulletin_edition_items_activity on bulletin_edition_items (activity_id) where activity_id is not null;

create function bulletin_edition_frozen() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.status = 'issued' then
    raise exception 'bulletin edition % is issued and cannot be changed', old.id using errcode = 'check_violation';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger bulletin_editions_frozen before update or delete on bulletin_editions
  for each row execute function bulletin_edition_frozen();

create function bulletin_edition_item_frozen() returns trigger language plpgsql as $$
declare
  edition bigint := case when tg_op = 'DELETE' then old.edition_id else new.edition_id end;
begin
  if exists (select 1 from bulletin_editions e where e.id = edition and e.status = 'issued') then
    raise exception 'bulletin edition % is issued and its items cannot be changed', edition using errcode = 'check_violation';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger bulletin_edition_items_frozen before insert or update or delete on bulletin_edition_items
  for each row execute function bulletin_edition_item_frozen();

insert into role_permissions (role_code, action)
select r, a from (values
  ('sys_admin', 'bulletin:write'), ('sys_admin', 'bulletin:issue'),
  ('city_admin', 'bulletin:write'), ('city_admin', 'bulletin:issue'),
  ('district_admin', 'bulletin:write'), ('district_admin', 'bulletin:issue'),
  ('frontline', 'bulletin:write'),
  ('recipient_clerk', 'bulletin:write'),
  ('recipient_leader', 'bulletin:issue')
) as t(r, a);
