-- 消费帮扶 (consumption assistance): suppliers in the recipient places, product certification
-- (申请 → 初审 → 审定 → 公示 → 认定 → 年度复核; 下架/撤销/到期) and sales through every channel.

-- Enterprises and cooperatives whose products are bought; how poor households gain from them (带贫机制).
create table suppliers (
  id                 bigint generated always as identity primary key,
  name               text not null,
  kind               text not null check (kind in ('enterprise', 'cooperative', 'household', 'other')),
  region_code        varchar(12) not null references regions (code),
  county_code        varchar(6) not null,
  registration_no    text,
  contact_name       text,
  contact_phone      text,
  mechanisms         text[] not null default '{}',
  mechanism_note     text,
  households_linked  integer not null default 0 check (households_linked >= 0),
  people_linked      integer not null default 0 check (people_linked >= 0),
  is_demo            boolean not null default false,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);
create unique index suppliers_registration on suppliers (registration_no) where registration_no is not null;
create index suppliers_county on suppliers (county_code);

-- The rules the certification applies; one row (id 1), changed by the certifying office.
create table certification_rules (
  id                    smallint primary key check (id = 1),
  required_departments  text[] not null,
  notice_days           integer not null check (notice_days between 1 and 90),
  max_valid_months      integer not null check (max_valid_months between 1 and 120),
  updated_at            timestamptz not null default now()
);
insert into certification_rules (id, required_departments, notice_days, max_valid_months)
values (1, '{agriculture,market,industry,rural}', 7, 36);

-- A product from its application on; status is where the workflow stands (product_steps has how it got there).
create table products (
  id                 bigint generated always as identity primary key,
  supplier_id        bigint not null references suppliers (id),
  name               text not null,
  category           text not null,
  origin_region      varchar(12) not null references regions (code),
  county_code        varchar(6) not null,
  specification      text not null,
  price_fen          bigint not null check (price_fen > 0),
  unit               text not null,
  quality_documents  text[] not null default '{}',
  benefit_note       text not null,
  status             text not null check (status in ('applied', 'reviewing', 'approved', 'rejected', 'notice', 'certified', 'delisted', 'revoked', 'expired')),
  applied_on         date not null,
  decision_reason    text,
  notice_start       date,
  notice_end         date,
  batch_no           text,
  certified_on       date,
  valid_until        date,
  last_reviewed_on   date,
  ended_on           date,
  end_reason         text,
  is_demo            boolean not null default false,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  constraint products_valid check (valid_until is null or certified_on is null or valid_until > certified_on),
  constraint products_notice check (notice_end is null or notice_end >= notice_start)
);
create index products_supplier on products (supplier_id);
create index products_status on products (status, county_code);

-- 初审: one opinion per department per product (a later opinion of the same department replaces it).
create table product_opinions (
  id           bigint generated always as identity primary key,
  product_id   bigint not null references products (id) on delete cascade,
  department   text not null,
  agree        boolean not null,
  comment      text,
  given_on     date not null,
  user_id      bigint references users (id),
  created_at   timestamptz not null default now(),
  unique (product_id, department)
);

-- 公示 objections: received during the notice, resolved before certification (upheld → rejected).
create table product_objections (
  id           bigint generated always as identity primary key,
  product_id   bigint not null references products (id) on delete cascade,
  received_on  date not null,
  objector     text,
  content      text not null,
  resolution   text,
  upheld       boolean,
  resolved_on  date,
  created_at   timestamptz not null default now(),
  constraint product_objections_resolved check ((resolved_on is null) = (upheld is null))
);
create index product_objections_product on product_objections (product_id);

-- Every workflow step: who, on what date, from which status to which, with its document and reason.
create table product_steps (
  id           bigint generated always as identity primary key,
  product_id   bigint not null references products (id) on delete cascade,
  action       text not null,
  from_status  text,
  to_status    text not null,
  acted_on     date not null,
  document_no  text,
  comment      text,
  user_id      bigint references users (id),
  actor_name   text not null,
  created_at   timestamptz not null default now()
);
create index product_steps_product on product_steps (product_id, id);

-- A bulk sales import: the file is checked whole before any row lands; rows land in batches and stay
-- invisible until the import is done (sales.import_id), so a failed import leaves nothing behind.
create table sales_imports (
  id             bigint generated always as identity primary key,
  file_name      text not null,
  format         text not null check (format in ('csv', 'xlsx')),
  skip_invalid   boolean not null default false,
  status         text not null check (status in ('queued', 'checking', 'loading', 'done', 'failed')),
  phase_note     text,
  total_bytes    bigint not null default 0,
  bytes_read     bigint not null default 0,
  rows_read      integer not null default 0,
  rows_valid     integer not null default 0,
  rows_loaded    integer not null default 0,
  error_count    integer not null default 0,
  errors         jsonb not null default '[]',
  duplicates     integer not null default 0,
  user_id        bigint references users (id),
  actor_name     text not null,
  started_at     timestamptz not null default now(),
  -- Written with every progress update: an unfinished import whose heartbeat stopped was cut off by a stopped server.
  heartbeat_at   timestamptz not null default now(),
  finished_at    timestamptz
);

-- One sale (or a period's sales) of a product or a category, through a channel, credited to an east-side unit.
-- dup_key: supplier, channel, date, amount, credited unit; a second sale with the same key is flagged, not counted.
create table sales (
  id                  bigint generated always as identity primary key,
  sold_on             date not null,
  period_end          date,
  product_id          bigint references products (id),
  category            text not null,
  supplier_id         bigint references suppliers (id),
  supplier_name       text,
  county_code         varchar(6) not null,
  channel             text not null,
  buyer_type          text not null,
  credited_org_id     bigint references orgs (id),
  credited_name       text,
  amount_fen          bigint not null check (amount_fen > 0),
  quantity            numeric(18, 3),
  unit                text,
  households          integer check (households >= 0),
  activity_id         bigint references activities (id) on delete set null,
  certified           boolean not null default false,
  dup_key             text not null,
  dup_status          text not null default 'unique' check (dup_status in ('unique', 'flagged', 'duplicate', 'distinct')),
  import_id           bigint references sales_imports (id),
  source_row          integer,
  note                text,
  is_demo             boolean not null default false,
  created_at          timestamptz not null default now(),
  constraint sales_supplier check (supplier_id is not null or supplier_name is not null),
  constraint sales_credited check (credited_org_id is not null or credited_name is not null),
  constraint sales_period check (period_end is null or period_end >= sold_on)
);
create index sales_county_date on sales (county_code, sold_on);
create index sales_dup_key on sales (dup_key);
create index sales_import on sales (import_id) where import_id is not null;
create index sales_product on sales (product_id) where product_id is not null;

insert into role_permissions (role_code, action)
select r, a from (values
  ('sys_admin', 'consumption:read'), ('sys_admin', 'consumption:write'), ('sys_admin', 'consumption:review'), ('sys_admin', 'consumption:certify'),
  ('city_admin', 'consumption:read'), ('city_admin', 'consumption:write'), ('city_admin', 'consumption:review'), ('city_admin', 'consumption:certify'),
  ('district_admin', 'consumption:read'), ('district_admin', 'consumption:write'),
  ('frontline', 'consumption:read'), ('frontline', 'consumption:write'),
  ('recipient_clerk', 'consumption:read'), ('recipient_clerk', 'consumption:write'), ('recipient_clerk', 'consumption:review'),
  ('recipient_leader', 'consumption:read'), ('recipient_leader', 'consumption:certify'),
  ('reader', 'consumption:read')
) as t(r, a);
