import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useTestApp, type Caller } from '../../testing/test-app.ts';
import { loadDemoData } from '../../app/demo.ts';
import { INDICATORS, UNITS } from './indicators.definitions.ts';
import type { EvidencePage, IndicatorReport } from './indicators.contract.ts';

/**
 * The indicators over the demo records: every figure equals the sum of its evidence rows' own
 * values, the summary cells equal a recomputation from the records after every kind of change,
 * and the figures asked of hand-written SQL over the raw tables agree.
 */
const t = useTestApp();
let minhang: number;
let changning: number;
let districtUser: Caller;
let countyUser: Caller;

const get = async <T = any>(url: string, as: Caller = t.admin) => {
  const res = await t.call<T>('GET', url, undefined, as);
  return res;
};
const values = async (query: string, as: Caller = t.admin) => {
  const res = await get<IndicatorReport>(`/api/v1/indicators/values?${query}`, as);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return new Map(res.body.items.map((i) => [i.code, i]));
};
const allEvidence = async (code: string, query: string, as: Caller = t.admin) => {
  const rows: EvidencePage['items'] = [];
  let first: EvidencePage | undefined;
  for (let page = 1; ; page++) {
    const res = await get<EvidencePage>(`/api/v1/indicators/${code}/evidence?${query}&page=${page}&pageSize=200`, as);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    first ??= res.body;
    rows.push(...res.body.items);
    if (rows.length >= res.body.total || res.body.items.length === 0) break;
  }
  return { rows, page: first! };
};
// The fact rows as the view has them: its columns, staged rows of imports not done left out.
const FACT_COLUMNS = sql.raw('kind, record_id, measure, place, east_org_id, pairing_id, month, month_end, value');
const VISIBLE = sql.raw("(import_id is null or exists (select 1 from sales_imports si where si.id = import_id and si.status = 'done'))");

/** The cells (sums and counts), the east cells and the fact rows kept by the triggers, against the same recomputed from the records. */
const cellsDiffer = async () => {
  const db = t.database.db;
  const { rows } = await sql<{ n: string }>`
    with kept as (select measure, month, place, east_org_id, pairing_id, value, n from indicator_cells where value <> 0 or n <> 0),
    fresh as (
      select measure, month, place, east_org_id, pairing_id, sum(v)::bigint as value, sum(c)::bigint as n from (
        select measure, month, place, east_org_id, pairing_id, value as v, 1 as c from indicator_facts
        union all select measure, (month_end + interval '1 month')::date, place, east_org_id, pairing_id, -value, -1 from indicator_facts where month_end is not null
      ) x group by 1, 2, 3, 4, 5 having sum(v) <> 0 or sum(c) <> 0)
    select count(*) as n from ((select * from kept except select * from fresh) union all (select * from fresh except select * from kept)) d`.execute(db);
  const facts = await sql<{ n: string }>`
    select count(*) as n from ((select ${FACT_COLUMNS} from indicator_fact_rows where ${VISIBLE} except all select * from indicator_facts) union all (select * from indicator_facts except all select ${FACT_COLUMNS} from indicator_fact_rows where ${VISIBLE})) d`.execute(db);
  const east = await sql<{ n: string }>`
    with kept as (select measure, month, east_org_id, value, n from indicator_east_cells where value <> 0 or n <> 0),
    fresh as (select measure, month, east_org_id, sum(value)::bigint as value, sum(n)::bigint as n from indicator_cells group by 1, 2, 3 having sum(value) <> 0 or sum(n) <> 0)
    select count(*) as n from ((select * from kept except select * from fresh) union all (select * from fresh except select * from kept)) d`.execute(db);
  return Number(rows[0].n) + Number(facts.rows[0].n) + Number(east.rows[0].n);
};

beforeAll(async () => {
  await loadDemoData(t.database.db);
  const org = async (name: string) => Number((await t.database.db.selectFrom('orgs').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id);
  minhang = await org('上海市闵行区人民政府');
  changning = await org('上海市长宁区人民政府');
  districtUser = (await t.userWith({ roles: ['district_admin'], orgId: await org('闵行区合作交流办'), scopes: [{ orgId: minhang }] })).caller;
  countyUser = (await t.userWith({ roles: ['recipient_clerk'], orgId: await org('香格里拉市人民政府'), scopes: [{ regionCode: '533401' }] })).caller;
});

describe('indicators over the records', () => {
  it('lists the definitions with unit and area', async () => {
    const res = await get('/api/v1/indicators');
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(INDICATORS.length);
    expect(res.body.find((d: { code: string }) => d.code === 'fund_allocated')).toMatchObject({ unit: '万元', area: 'funds', kind: 'sum' });
  });

  it('gives every sum and stock as the sum of its evidence rows, in every scope, on this engine', async () => {
    const pairing = Number((await sql<{ id: string }>`select p.id from pairings p join orgs w on w.id = p.west_org_id where p.east_org_id = ${minhang} and w.region_code = '533401'`.execute(t.database.db)).rows[0].id);
    const scopes = ['', `district=${minhang}`, `pairing=${pairing}`, 'region=533401', 'region=5334'];
    let checked = 0;
    for (const scope of scopes) {
      for (const year of [2020, 2024]) {
        const query = `year=${year}${scope ? `&${scope}` : ''}`;
        const figures = await values(query);
        for (const def of INDICATORS.filter((d) => d.kind === 'sum' || d.kind === 'stock')) {
          const fig = figures.get(def.code)!;
          const { rows, page } = await allEvidence(def.code, query);
          const byHand = rows.reduce((s, r) => s + r.raw, 0);
          expect(byHand, `${def.code} ${query}`).toBe(fig.raw);
          expect(page.sums[def.code]).toBe(fig.raw);
          expect(rows.every((r) => !/^#\d+$/.test(r.label))).toBe(true);
          if (fig.raw) checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('agrees with plain SQL over the raw tables', async () => {
    const db = t.database.db;
    const one = async (q: ReturnType<typeof sql<{ v: string | null }>>) => Number((await q.execute(db)).rows[0].v ?? 0);
    const fig = await values('year=2020&region=533401');
    const allocated = await one(sql`select sum(t.amount_fen) as v from fund_transactions t join projects p on p.id = t.project_id
      where t.kind = 'allocate' and t.status = 'effective' and p.region_code like '533401%' and t.on_date between '2020-01-01' and '2020-12-31'`);
    expect(allocated).toBeGreaterThan(0);
    expect(fig.get('fund_allocated')!.raw).toBe(allocated);
    expect(fig.get('fund_allocated')!.value).toBe(allocated / UNITS.wan_yuan.divisor);
    const sales = await one(sql`select sum(s.amount_fen) as v from sales s left join sales_imports si on si.id = s.import_id
      where s.county_code = '533401' and s.dup_status in ('unique', 'distinct') and (s.import_id is null or si.status = 'done') and s.sold_on between '2020-01-01' and '2020-12-31'`);
    expect(fig.get('sales')!.raw).toBe(sales);
    const people = await one(sql`select sum(person_times) as v from trainings where county_code = '533401' and claim_status = 'confirmed' and in_shanghai and start_date between '2020-01-01' and '2020-12-31'`);
    expect(fig.get('training_person_times_east')!.raw).toBe(people);
    const rate = fig.get('fund_spend_rate')!;
    expect(rate.value).toBeCloseTo((fig.get('fund_spent')!.raw! / fig.get('fund_allocated')!.raw!) * 100, 2);
  });

  it('keeps the cells equal to the records after inserts, updates, deletes and claims', async () => {
    expect(await cellsDiffer()).toBe(0);
    const db = t.database.db;
    await sql`update sales set claim_status = 'pending' where id = (select min(id) from sales)`.execute(db);
    await sql`update projects set status = 'completed' where id = (select min(id) from projects where status = 'in_progress')`.execute(db);
    await sql`update projects set east_org_id = ${changning} where id = (select max(id) from projects)`.execute(db);
    await sql`update dispatches set actual_end = term_start + 40, status = 'returned_early' where id = (select min(id) from dispatches)`.execute(db);
    await sql`delete from donation_items where donation_id = (select min(id) from donations)`.execute(db);
    await sql`delete from donations where id = (select min(id) from donations)`.execute(db);
    await sql`update industry_workshops set closed_on = '2024-06-15'`.execute(db);
    await sql`update persons set origin_org_id = ${changning} where id = (select min(person_id) from dispatches)`.execute(db);
    await sql`update trainings set claim_status = 'refused' where id = (select min(id) from trainings)`.execute(db);
    await sql`update pairings set east_org_id = ${changning} where id = (select min(pairing_id) from agreements)`.execute(db);
    expect(await cellsDiffer()).toBe(0);
    // A bulk import's rows count once it is done, and stop counting when it is undone.
    const imp = Number((await sql<{ id: string }>`insert into sales_imports (file_name, format, status, actor_name) values ('t.csv', 'csv', 'loading', 'test') returning id`.execute(db)).rows[0].id);
    await sql`insert into sales (sold_on, category, supplier_id, county_code, channel, buyer_type, credited_org_id, amount_fen, dup_key, import_id)
      select sold_on + 1, category, supplier_id, county_code, channel, buyer_type, credited_org_id, amount_fen + 1, dup_key || 'i', ${imp} from sales where import_id is null limit 5`.execute(db);
    expect(await cellsDiffer()).toBe(0);
    await sql`update sales_imports set status = 'done' where id = ${imp}`.execute(db);
    expect(await cellsDiffer()).toBe(0);
    await sql`update sales_imports set status = 'failed' where id = ${imp}`.execute(db);
    expect(await cellsDiffer()).toBe(0);
  });

  it('reads stocks at the period end: a dispatch counts in the months of its term only', async () => {
    const db = t.database.db;
    const { rows } = await sql<{ term_start: string; term_end: string }>`select term_start::text, term_end::text from dispatches where actual_end is null and category = 'cadre' order by id limit 1`.execute(db);
    if (rows.length === 0) return;
    const start = rows[0].term_start;
    const year = Number(start.slice(0, 4));
    const during = await values(`year=${year}`);
    const { rows: ev } = await allEvidence('cadres_on_post', `year=${year}`);
    expect(ev.reduce((s, r) => s + r.raw, 0)).toBe(during.get('cadres_on_post')!.raw);
    const before = await values(`year=${year - 1}&month=1`);
    expect(before.get('cadres_on_post')!.raw).toBeLessThanOrEqual(during.get('cadres_on_post')!.raw!);
  });

  it('answers a period with no records with zeros, not errors', async () => {
    const fig = await values('year=2001&quarter=2');
    expect(fig.get('fund_allocated')).toMatchObject({ value: 0, raw: 0, previous: 0, yoy: null });
    expect(fig.get('fund_spend_rate')!.value).toBeNull();
    const ev = await allEvidence('sales', 'year=2001');
    expect(ev.rows).toEqual([]);
  });

  it('ranks districts and counties, and gives series by year', async () => {
    const r = await get(`/api/v1/indicators/ranking?year=2020&by=county&indicator=fund_allocated`);
    expect(r.status).toBe(200);
    const fig = await values('year=2020');
    expect(r.body.items.reduce((s: number, i: { raw: number }) => s + i.raw, 0)).toBe(fig.get('fund_allocated')!.raw);
    expect(r.body.items[0].name).not.toMatch(/^\d+$/);
    const d = await get(`/api/v1/indicators/ranking?year=2020&by=district&indicator=project_start_rate`);
    expect(d.status).toBe(200);
    const s = await get(`/api/v1/indicators/series?year=2024&from=2019&codes=fund_allocated,labor_placed`);
    expect(s.status).toBe(200);
    expect(s.body.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    expect(s.body.items[0].values[1]).toBe(fig.get('fund_allocated')!.value);
  });

  it('builds the 十有 grid from the records, each cell naming its indicator', async () => {
    const res = await get(`/api/v1/indicators/grid?year=2020`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    const row = res.body.items.find((r: { count: number }) => r.count > 0);
    expect(row).toBeTruthy();
    const [have, cell] = Object.entries(row.cells as Record<string, { have: boolean; indicator: string; value: number }>).find(([, c]) => c.have)!;
    const fig = await values(`year=2020&pairing=${row.pairingId}`);
    expect(fig.get(cell.indicator)!.value, have).toBe(cell.value);
    const xlsx = await get(`/api/v1/indicators/grid/export?year=2020`);
    expect(xlsx.status).toBe(200);
  });

  it('shows a district user their district and refuses the city and other districts as unknown', async () => {
    const own = await get<IndicatorReport>('/api/v1/indicators/values?year=2020', districtUser);
    expect(own.status).toBe(200);
    expect(own.body.scope).toMatchObject({ kind: 'district', id: minhang });
    expect((await get(`/api/v1/indicators/values?year=2020&district=${changning}`, districtUser)).status).toBe(404);
    expect((await get(`/api/v1/indicators/values?year=2020&region=533401`, districtUser)).status).toBe(404);
    const county = await get<IndicatorReport>('/api/v1/indicators/values?year=2020', countyUser);
    expect(county.body.scope).toMatchObject({ kind: 'region', code: '533401' });
    expect((await get(`/api/v1/indicators/values?year=2020&region=6326`, countyUser)).status).toBe(404);
    expect((await get(`/api/v1/indicators/sales/evidence?year=2020&district=${changning}`, districtUser)).status).toBe(404);
  });

  it('refuses an unknown indicator and bad periods with a clear answer', async () => {
    const unknown = await get('/api/v1/indicators/nope/evidence?year=2020');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('指标');
    const bad = await get('/api/v1/indicators/values?year=20x');
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe('year');
    expect((await get('/api/v1/indicators/values?year=2020&quarter=2&month=3')).status).toBe(400);
    expect((await get('/api/v1/indicators/values?year=2020&district=1&region=533401')).status).toBe(400);
  });

  it('exports the evidence of a figure', async () => {
    const res = await get('/api/v1/indicators/fund_allocated/evidence/export?year=2020');
    expect(res.status).toBe(200);
    expect(String(res.raw.headers['content-type'])).toContain('spreadsheetml');
  });
});
