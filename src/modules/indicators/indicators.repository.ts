import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';

/**
 * All SQL of the indicators: sums over the summary cells (migration 0017), the facts behind them
 * (the indicator_facts view: evidence), coverage of paired units, and the scopes' own rows.
 */

/** Which cells a scope covers: the columns of indicator_cells and of indicator_facts alike. */
export type CellScope =
  | { kind: 'city' }
  | { kind: 'district'; orgIds: number[] }
  | { kind: 'pairing'; pairingId: number; eastOrgIds: number[]; westRegion: string | null }
  | { kind: 'region'; code: string };

/** A pairing's work: what names it, and what its east side's units did in its west side's place. */
export function scopeCondition(s: CellScope, a: string): RawBuilder<boolean> {
  const col = (c: string) => sql.ref(`${a}.${c}`);
  switch (s.kind) {
    case 'city':
      return sql<boolean>`true`;
    case 'district':
      return sql<boolean>`${col('east_org_id')} = any(${s.orgIds}::bigint[])`;
    case 'region':
      return sql<boolean>`${col('place')} like ${`${s.code}%`}`;
    case 'pairing':
      if (!s.westRegion) return sql<boolean>`${col('pairing_id')} = ${s.pairingId}`;
      return sql<boolean>`(${col('pairing_id')} = ${s.pairingId} or (${col('east_org_id')} = any(${s.eastOrgIds}::bigint[]) and ${col('place')} like ${`${s.westRegion}%`}))`;
  }
}

/** The city and a district need no place or pairing: their sums come from the east cells, a few per unit and month. */
function cellsOf(s: CellScope) {
  return s.kind === 'city' || s.kind === 'district' ? sql.table('indicator_east_cells') : sql.table('indicator_cells');
}

export interface Window {
  from: string; // first month, YYYY-MM-01
  to: string; // last month, YYYY-MM-01
  /** The month a stock is read at (the period's last month, not after the current one). */
  at: string;
}

/** Flows summed over each window's months, stocks read at each window's month: one query for all. */
export async function cellTotals(q: Queryable, scope: CellScope, flows: string[], stocks: string[], windows: Window[]): Promise<Map<string, number[]>> {
  const cols = windows.map((w, i) =>
    sql`coalesce(sum(c.value) filter (where (c.measure = any(${flows}::text[]) and c.month between ${w.from}::date and ${w.to}::date) or (c.measure = any(${stocks}::text[]) and c.month <= ${w.at}::date)), 0)::bigint as ${sql.ref(`w${i}`)}`,
  );
  const lo = windows.reduce((m, w) => (w.from < m ? w.from : m), windows[0].from);
  const hi = windows.reduce((m, w) => (w.to > m ? w.to : m), windows[0].to);
  const { rows } = await sql<Record<string, string>>`
    select c.measure, ${sql.join(cols)}
    from ${cellsOf(scope)} c
    where ((c.measure = any(${flows}::text[]) and c.month between ${lo}::date and ${hi}::date) or (c.measure = any(${stocks}::text[]) and c.month <= ${hi}::date))
      and ${scopeCondition(scope, 'c')}
    group by c.measure`.execute(q);
  return new Map(rows.map((r) => [r.measure, windows.map((_, i) => Number(r[`w${i}`]))]));
}

export type Group = 'district' | 'county';

/** The same sums grouped by district (the east side's top unit) or by recipient county. */
export async function groupedTotals(q: Queryable, scope: CellScope, by: Group, flows: string[], stocks: string[], w: Window) {
  const inWindow = sql`((c.measure = any(${flows}::text[]) and c.month between ${w.from}::date and ${w.to}::date) or (c.measure = any(${stocks}::text[]) and c.month <= ${w.at}::date))`;
  if (by === 'county') {
    const { rows } = await sql<{ key: string; name: string | null; measure: string; total: string }>`
      select left(c.place, 6) as key, r.name, c.measure, sum(c.value)::bigint as total
      from indicator_cells c left join regions r on r.code = left(c.place, 6)
      where ${inWindow} and length(c.place) >= 6 and ${scopeCondition(scope, 'c')}
      group by 1, 2, 3`.execute(q);
    return rows.map((r) => ({ id: null, code: r.key, name: r.name ?? r.key, measure: r.measure, total: Number(r.total) }));
  }
  const { rows } = await sql<{ id: string; name: string; measure: string; total: string }>`
    with recursive up(id, root) as (
      select o.id, o.id from orgs o where o.parent_id is null and o.side = 'east' and o.region_code like '31%' and length(o.region_code) = 6
      union all select o.id, up.root from orgs o join up on o.parent_id = up.id
    )
    select up.root as id, d.name, c.measure, sum(c.value)::bigint as total
    from ${cellsOf(scope)} c join up on up.id = c.east_org_id join orgs d on d.id = up.root
    where ${inWindow} and ${scopeCondition(scope, 'c')}
    group by 1, 2, 3`.execute(q);
  return rows.map((r) => ({ id: Number(r.id), code: null, name: r.name, measure: r.measure, total: Number(r.total) }));
}

/** Flows per year and stocks at each year's end (or `at` for the last year): the charts by year. */
export async function yearlyTotals(q: Queryable, scope: CellScope, flows: string[], stocks: string[], fromYear: number, toYear: number, lastAt: string) {
  const { rows } = await sql<{ year: number; measure: string; total: string }>`
    select y.year, c.measure,
      coalesce(sum(c.value) filter (where (c.measure = any(${flows}::text[]) and extract(year from c.month) = y.year)
        or (c.measure = any(${stocks}::text[]) and c.month <= case when y.year = ${toYear} then ${lastAt}::date else make_date(y.year, 12, 1) end)), 0)::bigint as total
    from generate_series(${fromYear}::int, ${toYear}::int) as y(year)
    join ${cellsOf(scope)} c on (c.measure = any(${flows}::text[]) and c.month between make_date(y.year, 1, 1) and make_date(y.year, 12, 1))
      or (c.measure = any(${stocks}::text[]) and c.month <= make_date(y.year, 12, 1))
    where ${scopeCondition(scope, 'c')}
    group by 1, 2`.execute(q);
  return rows.map((r) => ({ year: Number(r.year), measure: r.measure, total: Number(r.total) }));
}

export interface FactRow {
  kind: string;
  record_id: number;
  measure: string;
  place: string;
  east_org_id: number;
  value: number;
  month: string;
}

/** One measure's facts in a window: a flow's in its months, a stock's held at its month. */
function inWindow(measure: string, stock: boolean, w: Window) {
  return stock
    ? sql`f.measure = ${measure} and f.month <= ${w.at}::date and (f.month_end is null or f.month_end >= ${w.at}::date)`
    : sql`f.measure = ${measure} and f.month between ${w.from}::date and ${w.to}::date`;
}

const byPageOrder = (a: FactRow, b: FactRow) =>
  (a.month < b.month ? 1 : a.month > b.month ? -1 : 0) || Number(b.value) - Number(a.value) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || a.record_id - b.record_id;

/**
 * The records behind measures in a window: one page (latest month first, then the largest), from the
 * fact rows kept beside the records (migration 0020) — one ordered index scan per measure, merged —
 * and the totals per measure over all pages from the summary cells, which count their facts.
 */
export async function facts(q: Queryable, scope: CellScope, measures: string[], stocks: Set<string>, w: Window, page: { limit: number; offset: number }) {
  const found: FactRow[] = [];
  for (const m of measures) {
    const { rows } = await sql<FactRow>`
      select f.kind, f.record_id::int as record_id, f.measure, f.place, f.east_org_id::int as east_org_id, f.value::bigint as value, f.month::text as month
      from indicator_fact_rows f where ${inWindow(m, stocks.has(m), w)} and ${scopeCondition(scope, 'f')}
        and (f.import_id is null or exists (select 1 from sales_imports si where si.id = f.import_id and si.status = 'done'))
      order by f.month desc, f.value desc, f.kind, f.record_id
      limit ${measures.length === 1 ? page.limit : page.offset + page.limit} offset ${measures.length === 1 ? page.offset : 0}`.execute(q);
    found.push(...rows);
  }
  const rows = measures.length === 1 ? found : found.sort(byPageOrder).slice(page.offset, page.offset + page.limit);
  const flows = measures.filter((m) => !stocks.has(m));
  const held = measures.filter((m) => stocks.has(m));
  const totals = await sql<{ measure: string; n: string; total: string }>`
    select c.measure, coalesce(sum(c.n), 0)::bigint as n, coalesce(sum(c.value), 0)::bigint as total from ${cellsOf(scope)} c
    where ((c.measure = any(${flows}::text[]) and c.month between ${w.from}::date and ${w.to}::date) or (c.measure = any(${held}::text[]) and c.month <= ${w.at}::date))
      and ${scopeCondition(scope, 'c')}
    group by c.measure`.execute(q);
  return {
    rows: rows.map((r) => ({ ...r, value: Number(r.value) })),
    totals: new Map(totals.rows.map((t) => [t.measure, { n: Number(t.n), total: Number(t.total) }])),
  };
}

/** Each record kind's name, date and unit for the evidence list (one query per kind present). */
const LABELS: Record<string, (ids: number[]) => RawBuilder<{ id: number; label: string; date: string | null; org: string | null; parent_id?: number }>> = {
  fund_transaction: (ids) => sql`select t.id, t.project_id as parent_id, p.code || ' ' || p.name || ' · ' || case t.kind when 'allocate' then '下达' when 'disburse' then '拨付' when 'spend' then '支出' else '退回' end
      || coalesce('（' || t.document_no || '）', '') as label, t.on_date::text as date, null as org from fund_transactions t join projects p on p.id = t.project_id where t.id = any(${ids}::bigint[])`,
  project: (ids) => sql`select p.id, p.code || ' ' || p.name as label, null as date, coalesce(p.owner_name, (select o.name from orgs o where o.id = p.owner_org_id)) as org from projects p where p.id = any(${ids}::bigint[])`,
  dispatch: (ids) => sql`select d.id, pe.name || coalesce(' · ' || d.post, '') || coalesce('（' || d.batch || '）', '') as label, d.term_start::text as date, coalesce((select o.name from orgs o where o.id = d.host_org_id), null) as org
      from dispatches d join persons pe on pe.id = d.person_id where d.id = any(${ids}::bigint[])`,
  training: (ids) => sql`select t.id, t.title as label, t.start_date::text as date, coalesce((select o.name from orgs o where o.id = t.organiser_org_id), t.organiser_name) as org from trainings t where t.id = any(${ids}::bigint[])`,
  labor_placement: (ids) => sql`select l.id, l.year || '年' || l.month || '月 ' || case l.destination when 'shanghai' then '到上海就业' when 'other_east' then '到其他东部省份就业' else '就近就地就业' end as label,
      make_date(l.year, l.month, 1)::text as date, null as org from labor_placements l where l.id = any(${ids}::bigint[])`,
  labor_retention: (ids) => sql`select l.id, l.cohort_year || '年' || l.cohort_month || '月转移人员稳岗跟踪' as label, l.followed_up_on::text as date, null as org from labor_retention l where l.id = any(${ids}::bigint[])`,
  donation: (ids) => sql`select d.id, coalesce((select o.name from orgs o where o.id = d.donor_org_id), d.donor_name) || ' 捐赠' || coalesce('：' || d.purpose, '') as label, d.donated_on::text as date,
      coalesce((select o.name from orgs o where o.id = d.donor_org_id), d.donor_name) as org from donations d where d.id = any(${ids}::bigint[])`,
  sale: (ids) => sql`select s.id, coalesce((select p.name from products p where p.id = s.product_id), s.category) || ' · ' || coalesce((select x.name from suppliers x where x.id = s.supplier_id), s.supplier_name) as label,
      s.sold_on::text as date, coalesce((select o.name from orgs o where o.id = s.credited_org_id), s.credited_name) as org from sales s where s.id = any(${ids}::bigint[])`,
  industry_enterprise: (ids) => sql`select e.id, e.name as label, e.signed_on::text as date, coalesce((select o.name from orgs o where o.id = e.origin_org_id), e.origin_name) as org from industry_enterprises e where e.id = any(${ids}::bigint[])`,
  industry_park: (ids) => sql`select p.id, p.name as label, p.established_on::text as date, null as org from industry_parks p where p.id = any(${ids}::bigint[])`,
  industry_workshop: (ids) => sql`select w.id, w.name as label, w.opened_on::text as date, coalesce((select o.name from orgs o where o.id = w.operator_org_id), w.operator_name) as org from industry_workshops w where w.id = any(${ids}::bigint[])`,
  industry_farming: (ids) => sql`select f.id, f.product || ' 订单农业' as label, f.signed_on::text as date, coalesce((select o.name from orgs o where o.id = f.buyer_org_id), f.buyer_name) as org from industry_farming f where f.id = any(${ids}::bigint[])`,
  activity: (ids) => sql`select a.id, a.title || coalesce('（' || a.leader || '带队）', '') as label, a.start_date::text as date, (select o.name from orgs o where o.id = a.lead_org_id) as org from activities a where a.id = any(${ids}::bigint[])`,
  agreement: (ids) => sql`select a.id, coalesce(a.title, a.year || '年度协议') || coalesce('（' || a.document_no || '）', '') as label, a.signed_on::text as date, null as org from agreements a where a.id = any(${ids}::bigint[])`,
};

export async function labels(q: Queryable, kind: string, ids: number[]) {
  const query = LABELS[kind];
  if (!query || ids.length === 0) return new Map<number, { label: string; date: string | null; org: string | null; parent?: { kind: string; id: number } }>();
  const { rows } = await query(ids).execute(q);
  // A fund transaction has no page of its own: its project's is where it is shown.
  const parent = (r: { parent_id?: number }) => (r.parent_id ? { kind: 'project', id: Number(r.parent_id) } : undefined);
  return new Map(rows.map((r) => [Number(r.id), { label: r.label, date: r.date, org: r.org, parent: parent(r) }]));
}

export async function orgNames(q: Queryable, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await q.selectFrom('orgs').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

export async function regionNames(q: Queryable, codes: string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const { rows } = await sql<{ code: string; name: string }>`
    select r.code, coalesce((select c.name from regions c where c.code = left(r.code, 6) and length(r.code) > 6), '') || r.name as name
    from regions r where r.code = any(${codes}::text[])`.execute(q);
  return new Map(rows.map((r) => [r.code, r.name]));
}

// ---- scopes ----

/** An organisation and every unit below it. */
export async function subtree(q: Queryable, orgId: number): Promise<number[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive down(id) as (select ${orgId}::bigint union all select o.id from orgs o join down on o.parent_id = down.id)
    select id from down`.execute(q);
  return rows.map((r) => Number(r.id));
}

export const findOrg = (q: Queryable, id: number) => q.selectFrom('orgs').select(['id', 'name', 'side', 'parent_id', 'region_code']).where('id', '=', id).executeTakeFirst();

export async function findPairing(q: Queryable, id: number) {
  return q
    .selectFrom('pairings as p')
    .innerJoin('orgs as e', 'e.id', 'p.east_org_id')
    .innerJoin('orgs as w', 'w.id', 'p.west_org_id')
    .select(['p.id', 'p.east_org_id', 'p.west_org_id', 'e.name as east_name', 'w.name as west_name', 'w.region_code as west_region'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export const findRegion = (q: Queryable, code: string) => q.selectFrom('regions').select(['code', 'name', 'level']).where('code', '=', code).executeTakeFirst();

/** The districts: the east side's top units located in a Shanghai district. */
export async function districts(q: Queryable) {
  const { rows } = await sql<{ id: string; name: string }>`
    select o.id, o.name from orgs o where o.parent_id is null and o.side = 'east' and o.region_code like '31%' and length(o.region_code) = 6 order by o.region_code, o.id`.execute(q);
  return rows.map((r) => ({ id: Number(r.id), name: r.name }));
}

/** Pairings in force in the year with their sides' names and the west side's place. */
export async function pairingsInForce(q: Queryable, year: number, where: { eastIds?: number[]; westPrefix?: string; pairingId?: number; visibleOrgIds?: number[] }) {
  let query = q
    .selectFrom('pairings as p')
    .innerJoin('orgs as e', 'e.id', 'p.east_org_id')
    .innerJoin('orgs as w', 'w.id', 'p.west_org_id')
    .select(['p.id', 'p.east_org_id', 'e.name as east_name', 'w.name as west_name', 'w.region_code as west_region'])
    .where('p.start_date', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', `${year}-01-01`)]))
    .where('p.status', '<>', 'suspended');
  if (where.eastIds) query = query.where('p.east_org_id', 'in', where.eastIds.length ? where.eastIds : [0]);
  if (where.westPrefix) query = query.where('w.region_code', 'like', `${where.westPrefix}%`);
  if (where.pairingId) query = query.where('p.id', '=', where.pairingId);
  if (where.visibleOrgIds) {
    const ids = where.visibleOrgIds.length ? where.visibleOrgIds : [0];
    query = query.where((eb) => eb.or([eb('p.east_org_id', 'in', ids), eb('p.west_org_id', 'in', ids)]));
  }
  return query.orderBy('e.name').orderBy('w.name').orderBy('p.id').execute();
}

// ---- coverage ----

export type CoverageLevel = 'townships' | 'villages' | 'deep_poverty_villages';

/**
 * Paired units of the areas: every township or village (or 深度贫困村 tagged in force that year)
 * under the area prefixes, and which of them a pairing in `pairingIds` reaches. One row per unit.
 */
export async function coverage(q: Queryable, level: CoverageLevel, areas: string[], pairingIds: number[], year: number) {
  if (areas.length === 0) return [];
  const lvl = level === 'townships' ? 4 : 5;
  const tagged = level === 'deep_poverty_villages'
    ? sql`and exists (select 1 from place_tags t where t.region_code = r.code and t.tag = 'deep_poverty_village' and t.year_from <= ${year} and (t.year_to is null or t.year_to >= ${year}))`
    : sql``;
  const { rows } = await sql<{ code: string; name: string; pairing_id: string | null; east_name: string | null; east_org_id: string | null }>`
    select r.code, r.name, cov.id as pairing_id, cov.east_name, cov.east_org_id
    from unnest(${areas}::text[]) a(p)
    cross join lateral (select r.code, r.name from regions r where r.code >= a.p and r.code <= a.p || '999999999999' and r.level = ${lvl}) r
    left join lateral (
      select p.id, e.name as east_name, p.east_org_id from pairings p join orgs w on w.id = p.west_org_id join orgs e on e.id = p.east_org_id
      where w.region_code = r.code and p.id = any(${pairingIds}::bigint[]) order by p.id limit 1
    ) cov on true
    where true ${tagged}
    order by r.code`.execute(q);
  return rows.map((r) => ({ code: r.code, name: r.name, pairingId: r.pairing_id === null ? null : Number(r.pairing_id), eastName: r.east_name, eastOrgId: r.east_org_id === null ? null : Number(r.east_org_id) }));
}

/** The sums of many pairings at once (the 十有 grid): each pairing's own cells and its east units' in its place. */
export async function pairingTotals(q: Queryable, pairings: { id: number; eastOrgId: number; westRegion: string | null }[], flows: string[], stocks: string[], w: Window) {
  if (pairings.length === 0) return [];
  const { rows } = await sql<{ id: string; measure: string; total: string }>`
    with recursive pp(id, east, wr) as (
      select * from unnest(${pairings.map((p) => p.id)}::bigint[], ${pairings.map((p) => p.eastOrgId)}::bigint[], ${pairings.map((p) => p.westRegion)}::text[])
    ), down(pid, org) as (
      select pp.id, pp.east from pp union all select d.pid, o.id from orgs o join down d on o.parent_id = d.org
    )
    select pp.id, c.measure, sum(c.value)::bigint as total
    from pp join indicator_cells c on c.pairing_id = pp.id
      or (pp.wr is not null and c.place like pp.wr || '%' and c.east_org_id in (select d.org from down d where d.pid = pp.id))
    where (c.measure = any(${flows}::text[]) and c.month between ${w.from}::date and ${w.to}::date) or (c.measure = any(${stocks}::text[]) and c.month <= ${w.at}::date)
    group by 1, 2`.execute(q);
  return rows.map((r) => ({ id: Number(r.id), measure: r.measure, total: Number(r.total) }));
}

/** The same as `coverage`, counted in the database: units under the areas, and those a pairing reaches. */
export async function coverageCount(q: Queryable, level: CoverageLevel, areas: string[], pairingIds: number[], year: number) {
  if (areas.length === 0) return { total: 0, paired: 0 };
  const lvl = level === 'townships' ? 4 : 5;
  const tagged = (col: string) => level === 'deep_poverty_villages'
    ? sql`and exists (select 1 from place_tags t where t.region_code = ${sql.ref(col)} and t.tag = 'deep_poverty_village' and t.year_from <= ${year} and (t.year_to is null or t.year_to >= ${year}))`
    : sql``;
  const { rows } = await sql<{ total: string; paired: string }>`
    select
      (select coalesce(sum(c.n), 0) from unnest(${areas}::text[]) a(p),
        lateral (select count(*) as n from regions r where r.code >= a.p and r.code <= a.p || '999999999999' and r.level = ${lvl} ${tagged('r.code')}) c) as total,
      (select count(distinct r.code) from pairings p join orgs w on w.id = p.west_org_id join regions r on r.code = w.region_code and r.level = ${lvl}
        where p.id = any(${pairingIds}::bigint[]) and exists (select 1 from unnest(${areas}::text[]) a(p) where r.code like a.p || '%') ${tagged('r.code')}) as paired`.execute(q);
  return { total: Number(rows[0].total), paired: Number(rows[0].paired) };
}
