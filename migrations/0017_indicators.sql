-- 考核指标: what each record contributes to the assessment's figures, and summary cells of those
-- contributions kept current in the same transaction as every change (statement triggers with
-- transition tables), so a dashboard reads a few thousand cells instead of scanning the records.
--
-- One definition per record kind: ind_facts_<kind>(row, …) returns the record's facts — measure,
-- recipient place (cut to 9 digits: township), east-side unit credited (0 = none), explicit pairing
-- (0 = none), month, and for a stock (援派干部 on post, 帮扶车间 running) the last month it is in
-- place. The view indicator_facts applies them to the tables (evidence reads it); the triggers apply
-- them to the changed rows, old ones subtracted, new ones added. ind_rebuild() recomputes every cell.

insert into role_permissions (role_code, action)
select r, a from (values
  ('sys_admin', 'indicator:read'), ('sys_admin', 'indicator:write'),
  ('city_admin', 'indicator:read'), ('city_admin', 'indicator:write'),
  ('district_admin', 'indicator:read'), ('district_admin', 'indicator:write'),
  ('frontline', 'indicator:read'), ('frontline', 'indicator:write'),
  ('recipient_clerk', 'indicator:read'), ('recipient_clerk', 'indicator:write'),
  ('recipient_leader', 'indicator:read'),
  ('reader', 'indicator:read')
) as t(r, a);

create type ind_fact as (measure text, place text, east_org_id bigint, pairing_id bigint, month date, month_end date, value bigint);

-- A flow's cell holds the month's sum; a stock's holds events: +value in its first month, −value
-- in the month after its last, so the stock at month M is the sum of its cells up to M.
create table indicator_cells (
  measure     text not null,
  month       date not null,
  place       text not null,
  east_org_id bigint not null,
  pairing_id  bigint not null,
  value       bigint not null,
  primary key (measure, month, place, east_org_id, pairing_id)
);
create index indicator_cells_east on indicator_cells (east_org_id, measure, month) where east_org_id <> 0;
create index indicator_cells_pairing on indicator_cells (pairing_id, measure, month) where pairing_id <> 0;
create index indicator_cells_place on indicator_cells (place text_pattern_ops, measure, month);

-- The east-side unit credited: the first of the two that is an east-side organisation.
create function ind_east(a bigint, b bigint) returns bigint language sql stable as $$
  select coalesce((select o.id from orgs o where o.id = a and o.side = 'east'), (select o.id from orgs o where o.id = b and o.side = 'east'), 0)
$$;

create function ind_month(d date) returns date language sql immutable as $$ select date_trunc('month', d)::date $$;

-- The last month whose end a stock spans (a term ending 15 June is not in place at the end of June).
create function ind_last_month(d date) returns date language sql immutable as $$
  select case when d is null then null
              when d = (date_trunc('month', d) + interval '1 month - 1 day')::date then date_trunc('month', d)::date
              else (date_trunc('month', d) - interval '1 month')::date end
$$;

create function ind_facts_fund(t fund_transactions, p projects) returns setof ind_fact language sql stable as $$
  select case t.kind when 'allocate' then 'fund.allocate' when 'disburse' then 'fund.disburse' else 'fund.spend' end,
         left(p.region_code, 9), ind_east(p.east_org_id, p.owning_org_id), coalesce(p.pairing_id, 0), ind_month(t.on_date), null::date, t.amount_fen
  where t.status = 'effective' and t.kind in ('allocate', 'disburse', 'spend')
$$;

create function ind_facts_project(p projects) returns setof ind_fact language sql stable as $$
  select m.measure, left(p.region_code, 9), ind_east(p.east_org_id, p.owning_org_id), coalesce(p.pairing_id, 0), make_date(p.start_year, 1, 1), null::date, m.value
  from (values
    ('project.count', 1::bigint),
    ('project.started', case when p.status in ('in_progress', 'completed', 'accepted', 'handed_over') then 1 else 0 end::bigint),
    ('project.completed', case when p.status in ('completed', 'accepted', 'handed_over') then 1 else 0 end::bigint),
    ('project.people', coalesce(p.people, 0)::bigint),
    ('project.poor_people', coalesce(p.poor_people, 0)::bigint)
  ) m(measure, value)
  where p.status in ('approved', 'in_progress', 'completed', 'accepted', 'handed_over', 'suspended') and m.value <> 0
$$;

create function ind_facts_dispatch(d dispatches, origin bigint) returns setof ind_fact language sql stable as $$
  select case when d.category = 'cadre' then 'dispatch.cadre' else 'dispatch.professional' end,
         case when d.host_region like d.county_code || '%' then left(d.host_region, 9) else d.county_code end,
         ind_east(origin, null), 0::bigint, ind_month(d.term_start), ind_last_month(coalesce(d.actual_end, d.term_end)), 1::bigint
  where d.category in ('cadre', 'teacher', 'doctor', 'agri') and ind_last_month(coalesce(d.actual_end, d.term_end)) >= ind_month(d.term_start)
$$;

-- A training counts in the recipient county once that county confirmed it (认领).
create function ind_facts_training(t trainings) returns setof ind_fact language sql stable as $$
  select m.measure, case when t.claim_status = 'confirmed' then coalesce(t.county_code, '') else '' end,
         ind_east(t.owning_org_id, t.organiser_org_id), coalesce(t.pairing_id, 0), ind_month(t.start_date), null::date, m.value
  from (values
    (case when t.in_shanghai then 'training.east.batches' else 'training.west.batches' end, t.batches::bigint),
    (case when t.in_shanghai then 'training.east.person_times' else 'training.west.person_times' end, t.person_times::bigint)
  ) m(measure, value)
  where m.value <> 0
$$;

create function ind_facts_labor_placement(l labor_placements) returns setof ind_fact language sql stable as $$
  select 'labor.placed.' || l.destination, l.county_code, ind_east(l.owning_org_id, null), coalesce(l.pairing_id, 0), make_date(l.year, l.month, 1), null::date, (l.poor_count + l.monitored_count)::bigint
  where l.poor_count + l.monitored_count > 0
$$;

create function ind_facts_labor_retention(l labor_retention) returns setof ind_fact language sql stable as $$
  select m.measure, l.county_code, ind_east(l.owning_org_id, null), coalesce(l.pairing_id, 0), make_date(l.cohort_year, l.cohort_month, 1), null::date, m.value
  from (values ('labor.retention.placed', l.placed::bigint), ('labor.retention.employed', l.employed_after_6m::bigint)) m(measure, value)
  where m.value <> 0
$$;

-- A donation counts in the recipient place once the recipient confirmed it; for the donor's side at once.
create function ind_facts_donation(d donations) returns setof ind_fact language sql stable as $$
  select 'donation.' || d.kind, case when d.claim_status = 'confirmed' then left(coalesce(d.recipient_region, d.county_code, ''), 9) else '' end,
         ind_east(d.owning_org_id, d.donor_org_id), coalesce(d.pairing_id, 0), ind_month(d.donated_on), null::date, d.value_fen
$$;

-- A sale counts once its import is done and unless it is a duplicate; for the credited unit once it confirmed.
create function ind_facts_sale(s sales, done boolean) returns setof ind_fact language sql stable as $$
  select m.measure, s.county_code,
         case when s.claim_status = 'confirmed' then ind_east(s.credited_org_id, s.owning_org_id) else ind_east(s.owning_org_id, null) end,
         0::bigint, ind_month(s.sold_on), null::date, s.amount_fen
  from (values ('sales.total', true), ('sales.certified', s.certified)) m(measure, applies)
  where done and m.applies and s.dup_status in ('unique', 'distinct')
$$;

create function ind_facts_enterprise(e industry_enterprises) returns setof ind_fact language sql stable as $$
  select m.measure, left(coalesce(e.place_code, e.county_code), 9), ind_east(e.owning_org_id, e.origin_org_id), coalesce(e.pairing_id, 0), ind_month(e.signed_on), null::date, m.value
  from (values
    ('industry.enterprises', 1::bigint), ('industry.signed_fen', e.signed_fen), ('industry.actual_fen', e.actual_fen),
    ('industry.jobs', e.jobs::bigint), ('industry.poor_employed', (e.poor_employed + e.monitored_employed)::bigint)
  ) m(measure, value)
  where m.value <> 0
$$;

create function ind_facts_park(p industry_parks) returns setof ind_fact language sql stable as $$
  select m.measure, left(coalesce(p.place_code, p.county_code), 9), ind_east(p.owning_org_id, null), coalesce(p.pairing_id, 0), ind_month(p.established_on), null::date, m.value
  from (values ('industry.parks', 1::bigint), ('industry.park_area', round(p.area_mu * 100)::bigint)) m(measure, value)
  where m.value <> 0
$$;

create function ind_facts_workshop(w industry_workshops) returns setof ind_fact language sql stable as $$
  select m.measure, left(coalesce(w.place_code, w.county_code), 9), ind_east(w.owning_org_id, w.operator_org_id), coalesce(w.pairing_id, 0), ind_month(w.opened_on), ind_last_month(w.closed_on), m.value
  from (values ('industry.workshops', 1::bigint), ('industry.workshop_employees', w.employees::bigint)) m(measure, value)
  where m.value <> 0 and (w.closed_on is null or ind_last_month(w.closed_on) >= ind_month(w.opened_on))
$$;

create function ind_facts_farming(f industry_farming) returns setof ind_fact language sql stable as $$
  select 'industry.farming_area', left(coalesce(f.place_code, f.county_code), 9), ind_east(f.owning_org_id, f.buyer_org_id), coalesce(f.pairing_id, 0), ind_month(f.signed_on), null::date, round(f.acreage_mu * 100)::bigint
  where f.acreage_mu > 0
$$;

-- 互访: visits, meetings and signings; led by a principal leader when the leader's title is a
-- party secretary or the head of a government (书记 of a 区委/县委…, 区长, 县长 …), not a deputy.
create function ind_facts_activity(a activities) returns setof ind_fact language sql stable as $$
  select m.measure, coalesce(a.county_code, ''), ind_east(a.owning_org_id, a.lead_org_id), coalesce(a.pairing_id, 0), ind_month(a.start_date), null::date, 1::bigint
  from (values
    ('activity.visits', a.type in ('visit', 'meeting', 'signing')),
    ('activity.meetings', a.type = 'meeting'),
    ('activity.leader_visits', a.type in ('visit', 'meeting', 'signing') and coalesce(a.leader, '') ~ '(区委|县委|州委|市委|省委|旗委)书记|(^|[^副])(区长|县长|州长|市长|省长|旗长)')
  ) m(measure, applies)
  where m.applies
$$;

create function ind_facts_agreement(a agreements, east bigint, west_region text) returns setof ind_fact language sql stable as $$
  select 'agreement.count', left(coalesce(west_region, ''), 9), ind_east(east, null), a.pairing_id, make_date(a.year, 1, 1), null::date, 1::bigint
$$;

-- Every record's facts, with its kind and id: the evidence behind every cell.
create view indicator_facts as
  select 'fund_transaction'::text as kind, t.id as record_id, f.* from fund_transactions t join projects p on p.id = t.project_id, lateral ind_facts_fund(t, p) f
  union all select 'project', p.id, f.* from projects p, lateral ind_facts_project(p) f
  union all select 'dispatch', d.id, f.* from dispatches d join persons pe on pe.id = d.person_id, lateral ind_facts_dispatch(d, pe.origin_org_id) f
  union all select 'training', t.id, f.* from trainings t, lateral ind_facts_training(t) f
  union all select 'labor_placement', l.id, f.* from labor_placements l, lateral ind_facts_labor_placement(l) f
  union all select 'labor_retention', l.id, f.* from labor_retention l, lateral ind_facts_labor_retention(l) f
  union all select 'donation', d.id, f.* from donations d, lateral ind_facts_donation(d) f
  union all select 'sale', s.id, f.* from sales s left join sales_imports si on si.id = s.import_id, lateral ind_facts_sale(s, s.import_id is null or si.status = 'done') f
  union all select 'industry_enterprise', e.id, f.* from industry_enterprises e, lateral ind_facts_enterprise(e) f
  union all select 'industry_park', p.id, f.* from industry_parks p, lateral ind_facts_park(p) f
  union all select 'industry_workshop', w.id, f.* from industry_workshops w, lateral ind_facts_workshop(w) f
  union all select 'industry_farming', x.id, f.* from industry_farming x, lateral ind_facts_farming(x) f
  union all select 'activity', a.id, f.* from activities a, lateral ind_facts_activity(a) f
  union all select 'agreement', a.id, f.* from agreements a join pairings p on p.id = a.pairing_id left join orgs w on w.id = p.west_org_id, lateral ind_facts_agreement(a, p.east_org_id, w.region_code) f;

-- Adds (sgn 1) or subtracts (sgn −1) facts to the cells, in key order (two writers never deadlock).
create function ind_apply(fs ind_fact[], sgn integer) returns void language sql as $$
  insert into indicator_cells as c (measure, month, place, east_org_id, pairing_id, value)
  select x.measure, x.month, x.place, x.east_org_id, x.pairing_id, sum(x.v)::bigint from (
    select f.measure, f.month, f.place, f.east_org_id, f.pairing_id, sgn * f.value as v from unnest(fs) f
    union all
    select f.measure, (f.month_end + interval '1 month')::date, f.place, f.east_org_id, f.pairing_id, -sgn * f.value from unnest(fs) f where f.month_end is not null
  ) x
  group by 1, 2, 3, 4, 5 having sum(x.v) <> 0 order by 1, 2, 3, 4, 5
  on conflict (measure, month, place, east_org_id, pairing_id) do update set value = c.value + excluded.value
$$;

-- Every cell recomputed from the records (after a change the triggers do not follow: an
-- organisation's side or region edited; and to check the cells in tests).
create function ind_rebuild() returns void language sql as $$
  delete from indicator_cells;
  insert into indicator_cells (measure, month, place, east_org_id, pairing_id, value)
  select x.measure, x.month, x.place, x.east_org_id, x.pairing_id, sum(x.v)::bigint from (
    select f.measure, f.month, f.place, f.east_org_id, f.pairing_id, f.value as v from indicator_facts f
    union all
    select f.measure, (f.month_end + interval '1 month')::date, f.place, f.east_org_id, f.pairing_id, -f.value from indicator_facts f where f.month_end is not null
  ) x
  group by 1, 2, 3, 4, 5 having sum(x.v) <> 0;
$$;

-- The triggers: one function per table, old facts out and new facts in, per statement.
create function ind_trg_simple() returns trigger language plpgsql as $$
declare
  facts text := tg_argv[0];
begin
  if tg_op in ('UPDATE', 'DELETE') then
    execute format('select ind_apply(array(select f from old_rows o, lateral %I(o) f), -1)', facts);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    execute format('select ind_apply(array(select f from new_rows n, lateral %I(n) f), 1)', facts);
  end if;
  return null;
end $$;

create function ind_trg_fund() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform ind_apply(array(select f from old_rows o join projects p on p.id = o.project_id, lateral ind_facts_fund(o, p) f), -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform ind_apply(array(select f from new_rows n join projects p on p.id = n.project_id, lateral ind_facts_fund(n, p) f), 1);
  end if;
  return null;
end $$;

-- A project's own facts, and its fund transactions' (they take the project's place, district and pairing).
create function ind_trg_project() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform ind_apply(array(select f from old_rows o, lateral ind_facts_project(o) f), -1);
    perform ind_apply(array(select f from old_rows o join fund_transactions t on t.project_id = o.id, lateral ind_facts_fund(t, o) f), -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform ind_apply(array(select f from new_rows n, lateral ind_facts_project(n) f), 1);
    perform ind_apply(array(select f from new_rows n join fund_transactions t on t.project_id = n.id, lateral ind_facts_fund(t, n) f), 1);
  end if;
  return null;
end $$;

create function ind_trg_dispatch() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform ind_apply(array(select f from old_rows o join persons pe on pe.id = o.person_id, lateral ind_facts_dispatch(o, pe.origin_org_id) f), -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform ind_apply(array(select f from new_rows n join persons pe on pe.id = n.person_id, lateral ind_facts_dispatch(n, pe.origin_org_id) f), 1);
  end if;
  return null;
end $$;

-- A person's origin unit is their dispatches' district.
create function ind_trg_person() returns trigger language plpgsql as $$
begin
  perform ind_apply(array(select f from old_rows o join dispatches d on d.person_id = o.id, lateral ind_facts_dispatch(d, o.origin_org_id) f), -1);
  perform ind_apply(array(select f from new_rows n join dispatches d on d.person_id = n.id, lateral ind_facts_dispatch(d, n.origin_org_id) f), 1);
  return null;
end $$;

-- Rows of an unfinished import count nothing (ind_facts_sale's `done`); they count once it is done.
create function ind_trg_sale() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform ind_apply(array(select f from old_rows o left join sales_imports si on si.id = o.import_id, lateral ind_facts_sale(o, o.import_id is null or si.status = 'done') f), -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform ind_apply(array(select f from new_rows n left join sales_imports si on si.id = n.import_id, lateral ind_facts_sale(n, n.import_id is null or si.status = 'done') f), 1);
  end if;
  return null;
end $$;

-- An import becoming done adds all its rows at once, set-based (a million rows is one statement).
create function ind_trg_sales_import() returns trigger language plpgsql as $$
declare
  sgn integer := case when new.status = 'done' then 1 else -1 end;
begin
  insert into indicator_cells as c (measure, month, place, east_org_id, pairing_id, value)
  select x.measure, x.month, x.place, x.east_org_id, x.pairing_id, sum(x.value) * sgn
  from sales s, lateral ind_facts_sale(s, true) x
  where s.import_id = new.id
  group by 1, 2, 3, 4, 5 having sum(x.value) <> 0 order by 1, 2, 3, 4, 5
  on conflict (measure, month, place, east_org_id, pairing_id) do update set value = c.value + excluded.value;
  return null;
end $$;

create function ind_trg_agreement() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform ind_apply(array(select f from old_rows o join pairings p on p.id = o.pairing_id left join orgs w on w.id = p.west_org_id, lateral ind_facts_agreement(o, p.east_org_id, w.region_code) f), -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform ind_apply(array(select f from new_rows n join pairings p on p.id = n.pairing_id left join orgs w on w.id = p.west_org_id, lateral ind_facts_agreement(n, p.east_org_id, w.region_code) f), 1);
  end if;
  return null;
end $$;

-- A pairing's units are its agreements' district and place.
create function ind_trg_pairing() returns trigger language plpgsql as $$
begin
  perform ind_apply(array(select f from old_rows o join agreements a on a.pairing_id = o.id left join orgs w on w.id = o.west_org_id, lateral ind_facts_agreement(a, o.east_org_id, w.region_code) f), -1);
  perform ind_apply(array(select f from new_rows n join agreements a on a.pairing_id = n.id left join orgs w on w.id = n.west_org_id, lateral ind_facts_agreement(a, n.east_org_id, w.region_code) f), 1);
  return null;
end $$;

create trigger ind_fund_ins after insert on fund_transactions referencing new table as new_rows for each statement execute function ind_trg_fund();
create trigger ind_fund_upd after update on fund_transactions referencing old table as old_rows new table as new_rows for each statement execute function ind_trg_fund();
create trigger ind_fund_del after delete on fund_transactions referencing old table as old_rows for each statement execute function ind_trg_fund();
create trigger ind_project_ins after insert on projects referencing new table as new_rows for each statement execute function ind_trg_project();
create trigger ind_project_upd after update on projects referencing old table as old_rows new table as new_rows for each statement execute function ind_trg_project();
create trigger ind_project_del after delete on projects referencing old table as old_rows for each statement execute function ind_trg_project();
create trigger ind_dispatch_ins after insert on dispatches referencing new table as new_rows for each statement execute function ind_trg_dispatch();
create trigger ind_dispatch_upd after update on dispatches referencing old table as old_rows new table as new_rows for each statement execute function ind_trg_dispatch();
create trigger ind_dispatch_del after delete on dispatches referencing old table as old_rows for each statement execute function ind_trg_dispatch();
create trigger ind_person_upd after update on persons referencing old table as old_rows new table as new_rows for each statement execute function ind_trg_person();
create trigger ind_sale_ins after insert on sales referencing new table as new_rows for each statement execute function ind_trg_sale();
create trigger ind_sale_upd after update on sales referencing old table as old_rows new table as new_rows for each statement execute function ind_trg_sale();
create trigger ind_sale_del after delete on sales referencing old table as old_rows for each statement execute function ind_trg_sale();
create trigger ind_sales_import_done after update of status on sales_imports for each row
  when ((old.status = 'done') is distinct from (new.status = 'done')) execute function ind_trg_sales_import();
create trigger ind_agreement_ins after insert on agreements referencing new table as new_rows for each statement execute function ind_trg_agreement();
create trigger ind_agreement_upd after update on agreements referencing old table as old_rows new table as new_rows for each statement execute function ind_trg_agreement();
create trigger ind_agreement_del after delete on agreements referencing old table as old_rows for each statement execute function ind_trg_agreement();
create trigger ind_pairing_upd after update on pairings referencing old table as old_rows new table as new_rows for each statement execute function ind_trg_pairing();

-- A deleted pairing takes its agreements with it (cascade), after which their pairing cannot be read: subtracted before.
create function ind_trg_pairing_delete() returns trigger language plpgsql as $$
begin
  perform ind_apply(array(select f from agreements a left join orgs w on w.id = old.west_org_id, lateral ind_facts_agreement(a, old.east_org_id, w.region_code) f where a.pairing_id = old.id), -1);
  return old;
end $$;
create trigger ind_pairing_del before delete on pairings for each row execute function ind_trg_pairing_delete();

create trigger ind_training_ins after insert on trainings referencing new table as new_rows for each statement execute function ind_trg_simple('ind_facts_training');
create trigger ind_training_upd after update on trainings referencing old table as old_rows new table as new_rows for each statement execute function ind_trg_simple('ind_facts_training');
create trigger ind_training_del after delete on trainings referencing old table as old_rows for each statement execute function ind_trg_simple('ind_facts_training');
create trigger ind_placement_ins after insert on labor_placements referencing new table as new_rows for each statement execute function ind_trg_simple('ind_facts_labor_placement');
create trigger ind_placement_upd after update on labor_placements referencing old table as old_rows new table as new_rows for each statement execute function ind_trg_simple('ind_facts_labor_placement');
create trigger ind_placement_del after delete on labor_placements referencing old table as old_rows for each statement execute function ind_trg_simple('ind_facts_labor_placement');
create trigger ind_retention_ins after insert on labor_retention referencing new table as new_rows for each statement execute function ind_trg_simple('ind_facts_labor_retention');
create trigger ind_retention_upd after update on labor_retention referencing old table as old_rows new table as new_rows for each statement execute function ind_trg_simple('ind_facts_labor_retention');
create trigger ind_retention_del after delete on labor_retention referencing old table as old_rows for each statement execute function ind_trg_simple('ind_facts_labor_retention');
create trigger ind_donation_ins after insert on donations referencing new table as new_rows for each statement execute function ind_trg_simple('ind_facts_donation');
create trigger ind_donation_upd after update on donations referencing old table as old_rows new table as new_rows for each statement execute function ind_trg_simple('ind_facts_donation');
create trigger ind_donation_del after delete on donations referencing old table as old_rows for each statement execute function ind_trg_simple('ind_facts_donation');
create trigger ind_enterprise_ins after insert on industry_enterprises referencing new table as new_rows for each statement execute function ind_trg_simple('ind_facts_enterprise');
create trigger ind_enterprise_upd after update on industry_enterprises referencing old table as old_rows new table as new_rows for each statement execute function ind_trg_simple('ind_facts_enterprise');
create trigger ind_enterprise_del after delete on industry_enterprises referencing old table as old_rows for each statement execute function ind_trg_simple('ind_facts_enterprise');
create trigger ind_park_ins after insert on industry_parks referencing new table as new_rows for each statement execute function ind_trg_simple('ind_facts_park');
create trigger ind_park_upd after update on industry_parks referencing old table as old_rows new table as new_rows for each statement execute function ind_trg_simple('ind_facts_park');
create trigger ind_park_del after delete on industry_parks referencing old table as old_rows for each statement execute function ind_trg_simple('ind_facts_park');
create trigger ind_workshop_ins after insert on industry_workshops referencing new table as new_rows for each statement execute function ind_trg_simple('ind_facts_workshop');
create trigger ind_workshop_upd after update on industry_workshops referencing old table as old_rows new table as new_rows for each statement execute function ind_trg_simple('ind_facts_workshop');
create trigger ind_workshop_del after delete on industry_workshops referencing old table as old_rows for each statement execute function ind_trg_simple('ind_facts_workshop');
create trigger ind_farming_ins after insert on industry_farming referencing new table as new_rows for each statement execute function ind_trg_simple('ind_facts_farming');
create trigger ind_farming_upd after update on industry_farming referencing old table as old_rows new table as new_rows for each statement execute function ind_trg_simple('ind_facts_farming');
create trigger ind_farming_del after delete on industry_farming referencing old table as old_rows for each statement execute function ind_trg_simple('ind_facts_farming');
create trigger ind_activity_ins after insert on activities referencing new table as new_rows for each statement execute function ind_trg_simple('ind_facts_activity');
create trigger ind_activity_upd after update on activities referencing old table as old_rows new table as new_rows for each statement execute function ind_trg_simple('ind_facts_activity');
create trigger ind_activity_del after delete on activities referencing old table as old_rows for each statement execute function ind_trg_simple('ind_facts_activity');

select ind_rebuild();
