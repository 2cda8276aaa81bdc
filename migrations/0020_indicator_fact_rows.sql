-- Evidence at scale: the facts behind every figure kept as rows (indicator_fact_rows), refreshed by
-- the records' own statements, so an evidence page is an index scan instead of computing every fact
-- of the period; and the cells also count their facts (n), so a page's total needs no scan either.

create table indicator_fact_rows (
  kind        text not null,
  record_id   bigint not null,
  measure     text not null,
  place       text not null,
  east_org_id bigint not null,
  pairing_id  bigint not null,
  month       date not null,
  month_end   date,
  value       bigint not null,
  -- A bulk import's rows, staged while it loads: they count (in evidence) once that import is done.
  import_id   bigint
);
create index indicator_fact_rows_import on indicator_fact_rows (import_id) where import_id is not null;
create index indicator_fact_rows_record on indicator_fact_rows (kind, record_id);
create index indicator_fact_rows_page on indicator_fact_rows (measure, month desc, value desc, kind, record_id);
create index indicator_fact_rows_place on indicator_fact_rows (place text_pattern_ops, measure, month);
create index indicator_fact_rows_east on indicator_fact_rows (east_org_id, measure, month) where east_org_id <> 0;
create index indicator_fact_rows_pairing on indicator_fact_rows (pairing_id, measure, month) where pairing_id <> 0;

alter table indicator_cells add column n bigint not null default 0;

-- The same sums by east unit only (no place, no pairing): what the city's and a district's dashboards
-- read, bounded by units × measures × months however many records there are.
create table indicator_east_cells (
  measure     text not null,
  month       date not null,
  east_org_id bigint not null,
  value       bigint not null,
  n           bigint not null,
  primary key (measure, month, east_org_id)
);

-- The records of one kind, by id: their rows out, their facts now in (the view's branch for the kind,
-- which the planner keeps alone and reaches by primary key).
create function ind_store_refresh(k text, ids bigint[]) returns void language plpgsql as $$
begin
  if cardinality(ids) = 0 then return; end if;
  delete from indicator_fact_rows where kind = k and record_id = any(ids);
  execute format('insert into indicator_fact_rows select * from indicator_facts where kind = %L and record_id = any($1)', k) using ids;
end $$;

create function ind_store_trg() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform ind_store_refresh(tg_argv[0], array(select id from new_rows));
  elsif tg_op = 'DELETE' then
    perform ind_store_refresh(tg_argv[0], array(select id from old_rows));
  else
    perform ind_store_refresh(tg_argv[0], array(select id from old_rows union select id from new_rows));
  end if;
  return null;
end $$;

-- Facts that take something from another record: a project's fund transactions, a person's dispatches,
-- a pairing's agreements.
create function ind_store_trg_dependents() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'projects' then
    perform ind_store_refresh('fund_transaction', array(select t.id from fund_transactions t where t.project_id in (select id from new_rows)));
  elsif tg_table_name = 'persons' then
    perform ind_store_refresh('dispatch', array(select d.id from dispatches d where d.person_id in (select id from new_rows)));
  elsif tg_table_name = 'pairings' then
    perform ind_store_refresh('agreement', array(select a.id from agreements a where a.pairing_id in (select id from new_rows)));
  end if;
  return null;
end $$;

-- A bulk import's facts, staged slice by slice while it loads (the runner calls this for id ranges
-- before marking it done), so that marking it done is a small statement: the fact rows are already
-- there (visible once the import is done) and the cells take the staged sums.
create table sales_import_cells (
  import_id   bigint not null references sales_imports (id) on delete cascade,
  measure     text not null,
  month       date not null,
  place       text not null,
  east_org_id bigint not null,
  pairing_id  bigint not null,
  value       bigint not null,
  n           bigint not null,
  primary key (import_id, measure, month, place, east_org_id, pairing_id)
);

create function ind_stage_import(imp bigint, lo bigint, hi bigint) returns void language sql as $$
  delete from indicator_fact_rows where kind = 'sale' and import_id = imp and record_id between lo and hi;
  insert into indicator_fact_rows (kind, record_id, measure, place, east_org_id, pairing_id, month, month_end, value, import_id)
  select 'sale', s.id, f.measure, f.place, f.east_org_id, f.pairing_id, f.month, f.month_end, f.value, imp
  from sales s, lateral ind_facts_sale(s, true) f where s.id between lo and hi and s.import_id = imp;
  insert into sales_import_cells as c (import_id, measure, month, place, east_org_id, pairing_id, value, n)
  select imp, f.measure, f.month, f.place, f.east_org_id, f.pairing_id, sum(f.value)::bigint, count(*)
  from indicator_fact_rows f where f.kind = 'sale' and f.import_id = imp and f.record_id between lo and hi
  group by 2, 3, 4, 5, 6 order by 2, 3, 4, 5, 6
  on conflict (import_id, measure, month, place, east_org_id, pairing_id) do update set value = c.value + excluded.value, n = c.n + excluded.n;
$$;

do $$
declare
  t record;
begin
  for t in select * from (values
    ('fund_transactions', 'fund_transaction'), ('projects', 'project'), ('dispatches', 'dispatch'), ('trainings', 'training'),
    ('labor_placements', 'labor_placement'), ('labor_retention', 'labor_retention'), ('donations', 'donation'), ('sales', 'sale'),
    ('industry_enterprises', 'industry_enterprise'), ('industry_parks', 'industry_park'), ('industry_workshops', 'industry_workshop'),
    ('industry_farming', 'industry_farming'), ('activities', 'activity'), ('agreements', 'agreement')
  ) v(tbl, kind) loop
    execute format('create trigger ind_store_ins after insert on %I referencing new table as new_rows for each statement execute function ind_store_trg(%L)', t.tbl, t.kind);
    execute format('create trigger ind_store_upd after update on %I referencing old table as old_rows new table as new_rows for each statement execute function ind_store_trg(%L)', t.tbl, t.kind);
    execute format('create trigger ind_store_del after delete on %I referencing old table as old_rows for each statement execute function ind_store_trg(%L)', t.tbl, t.kind);
  end loop;
end $$;
create trigger ind_store_dependents after update on projects referencing new table as new_rows for each statement execute function ind_store_trg_dependents();
create trigger ind_store_dependents after update on persons referencing new table as new_rows for each statement execute function ind_store_trg_dependents();
create trigger ind_store_dependents after update on pairings referencing new table as new_rows for each statement execute function ind_store_trg_dependents();

-- The cells count their facts: +1 where a fact starts, −1 after a stock's last month; the east cells follow.
create or replace function ind_apply(fs ind_fact[], sgn integer) returns void language sql as $$
  insert into indicator_cells as c (measure, month, place, east_org_id, pairing_id, value, n)
  select x.measure, x.month, x.place, x.east_org_id, x.pairing_id, sum(x.v)::bigint, sum(x.c)::bigint from (
    select f.measure, f.month, f.place, f.east_org_id, f.pairing_id, sgn * f.value as v, sgn as c from unnest(fs) f
    union all
    select f.measure, (f.month_end + interval '1 month')::date, f.place, f.east_org_id, f.pairing_id, -sgn * f.value, -sgn from unnest(fs) f where f.month_end is not null
  ) x
  group by 1, 2, 3, 4, 5 having sum(x.v) <> 0 or sum(x.c) <> 0 order by 1, 2, 3, 4, 5
  on conflict (measure, month, place, east_org_id, pairing_id) do update set value = c.value + excluded.value, n = c.n + excluded.n;
  insert into indicator_east_cells as c (measure, month, east_org_id, value, n)
  select x.measure, x.month, x.east_org_id, sum(x.v)::bigint, sum(x.c)::bigint from (
    select f.measure, f.month, f.east_org_id, sgn * f.value as v, sgn as c from unnest(fs) f
    union all
    select f.measure, (f.month_end + interval '1 month')::date, f.east_org_id, -sgn * f.value, -sgn from unnest(fs) f where f.month_end is not null
  ) x
  group by 1, 2, 3 having sum(x.v) <> 0 or sum(x.c) <> 0 order by 1, 2, 3
  on conflict (measure, month, east_org_id) do update set value = c.value + excluded.value, n = c.n + excluded.n;
$$;

-- An import done: the staged sums into the cells (one row per cell, however many sales), staging it
-- all now if the runner did not; an import undone is taken out summed from its rows.
create or replace function ind_trg_sales_import() returns trigger language plpgsql as $$
declare
  sgn integer := case when new.status = 'done' then 1 else -1 end;
begin
  if sgn = 1 then
    if not exists (select 1 from sales_import_cells where import_id = new.id) then
      perform ind_stage_import(new.id, 0, 9223372036854775807);
    end if;
    perform ind_apply_import(new.id);
    return null;
  end if;
  insert into indicator_cells as c (measure, month, place, east_org_id, pairing_id, value, n)
  select x.measure, x.month, x.place, x.east_org_id, x.pairing_id, sum(x.value) * sgn, count(*) * sgn
  from sales s, lateral ind_facts_sale(s, true) x
  where s.import_id = new.id
  group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
  on conflict (measure, month, place, east_org_id, pairing_id) do update set value = c.value + excluded.value, n = c.n + excluded.n;
  insert into indicator_east_cells as c (measure, month, east_org_id, value, n)
  select x.measure, x.month, x.east_org_id, sum(x.value) * sgn, count(*) * sgn
  from sales s, lateral ind_facts_sale(s, true) x
  where s.import_id = new.id
  group by 1, 2, 3 order by 1, 2, 3
  on conflict (measure, month, east_org_id) do update set value = c.value + excluded.value, n = c.n + excluded.n;
  return null;
end $$;

create function ind_apply_import(imp bigint) returns void language sql as $$
  insert into indicator_cells as c (measure, month, place, east_org_id, pairing_id, value, n)
  select measure, month, place, east_org_id, pairing_id, value, n from sales_import_cells where import_id = imp order by 1, 2, 3, 4, 5
  on conflict (measure, month, place, east_org_id, pairing_id) do update set value = c.value + excluded.value, n = c.n + excluded.n;
  insert into indicator_east_cells as c (measure, month, east_org_id, value, n)
  select measure, month, east_org_id, sum(value)::bigint, sum(n)::bigint from sales_import_cells where import_id = imp group by 1, 2, 3 order by 1, 2, 3
  on conflict (measure, month, east_org_id) do update set value = c.value + excluded.value, n = c.n + excluded.n;
$$;

-- Fact rows and cells, both from the records (after a change of an organisation's side or region, and
-- after a bulk load): the facts computed once, the cells summed from the rows.
create or replace function ind_rebuild() returns void language sql as $$
  truncate indicator_fact_rows;
  insert into indicator_fact_rows select * from indicator_facts;
  insert into indicator_fact_rows (kind, record_id, measure, place, east_org_id, pairing_id, month, month_end, value, import_id)
  select 'sale', s.id, f.measure, f.place, f.east_org_id, f.pairing_id, f.month, f.month_end, f.value, si.id
  from sales s join sales_imports si on si.id = s.import_id and si.status not in ('done', 'failed'), lateral ind_facts_sale(s, true) f;
  delete from indicator_cells;
  insert into indicator_cells (measure, month, place, east_org_id, pairing_id, value, n)
  select x.measure, x.month, x.place, x.east_org_id, x.pairing_id, sum(x.v)::bigint, sum(x.c)::bigint from (
    select f.measure, f.month, f.place, f.east_org_id, f.pairing_id, f.value as v, 1 as c from indicator_fact_rows f where f.import_id is null
    union all
    select f.measure, (f.month_end + interval '1 month')::date, f.place, f.east_org_id, f.pairing_id, -f.value, -1 from indicator_fact_rows f where f.month_end is not null and f.import_id is null
  ) x
  group by 1, 2, 3, 4, 5 having sum(x.v) <> 0 or sum(x.c) <> 0;
  delete from indicator_east_cells;
  insert into indicator_east_cells (measure, month, east_org_id, value, n)
  select measure, month, east_org_id, sum(value)::bigint, sum(n)::bigint from indicator_cells group by 1, 2, 3;
$$;

select ind_rebuild();
