import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase } from '../../../testing/test-db.ts';
import type { Database } from '../../../platform/db/database.ts';
import { systemContext } from '../../../platform/context.ts';
import { computeIndicators, indicatorEvidence } from '../../indicators/indicators.service.ts';
import { loadScaleDemo, type ScaleOutcome } from './scale.load.ts';
import { SCALES, type ScaleSizes } from './scale.plan.ts';

// A thousandth of the national scale: the same generator, in seconds.
const TINY: ScaleSizes = { projects: 300, fundTransactions: 3_000, sales: 4_000, activities: 300, dispatches: 100, trainings: 100, donations: 100, enterprises: 40, suppliers: 30, laborEveryMonths: 12 };

// The fact rows as the view has them: its columns, staged rows of imports not done left out.
const FACT_COLUMNS = sql.raw('kind, record_id, measure, place, east_org_id, pairing_id, month, month_end, value');
const VISIBLE = sql.raw("(import_id is null or exists (select 1 from sales_imports si where si.id = import_id and si.status = 'done'))");

let a: Database, b: Database, c: Database;
let outcome: ScaleOutcome;

/** One text per table, in id order: equal texts mean equal rows. */
async function fingerprint(d: Database) {
  const out: Record<string, string> = {};
  for (const table of ['projects', 'fund_transactions', 'sales', 'activities', 'dispatches', 'labor_placements', 'pairings']) {
    const cols = (await sql<{ c: string }>`select column_name as c from information_schema.columns where table_name = ${table} and column_name not in ('created_at', 'updated_at') order by ordinal_position`.execute(d.db)).rows.map((r) => r.c);
    const { rows } = await sql<{ h: string; n: string }>`select md5(string_agg(row(${sql.join(cols.map((x) => sql.ref(`t.${x}`)))})::text, '|' order by t.id)) as h, count(*) as n from ${sql.table(table)} t`.execute(d.db);
    out[table] = `${rows[0].n}:${rows[0].h}`;
  }
  return out;
}

beforeAll(async () => {
  [a, b, c] = [await openTestDatabase(), await openTestDatabase(), await openTestDatabase()];
  outcome = await loadScaleDemo(a.db, { scale: 'city', seed: 42, sizes: TINY });
  await loadScaleDemo(b.db, { scale: 'city', seed: 42, sizes: TINY });
  await loadScaleDemo(c.db, { scale: 'city', seed: 43, sizes: TINY });
}, 600_000);

describe('the scale demo (xiezuo demo --scale)', () => {
  it('holds the sixteen districts, each paired with its counties, and the sizes asked for', async () => {
    const districts = await sql<{ n: string }>`select count(distinct p.east_org_id) as n from pairings p where p.type in ('east_west', 'counterpart')`.execute(a.db);
    expect(Number(districts.rows[0].n)).toBe(16);
    const count = async (t: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(t)}`.execute(a.db)).rows[0].n);
    expect(await count('projects')).toBe(TINY.projects);
    expect(await count('sales')).toBe(TINY.sales);
    expect(await count('activities')).toBe(TINY.activities);
    expect(await count('dispatches')).toBe(TINY.dispatches);
    expect(await count('fund_transactions')).toBeGreaterThanOrEqual(TINY.fundTransactions * 0.95);
    expect(outcome.tables.find((t) => t.table === 'sales')!.rows).toBe(TINY.sales);
    // National is ten times city in every kind.
    expect(SCALES.national.sales).toBe(SCALES.city.sales * 10);
    expect(SCALES.national.projects).toBe(100_000);
  });

  it('gives the same rows for the same seed, on any engine and date, and other rows for another', async () => {
    const [fa, fb, fc] = [await fingerprint(a), await fingerprint(b), await fingerprint(c)];
    expect(fb).toEqual(fa);
    expect(fc.sales).not.toBe(fa.sales);
    expect(fc.projects).not.toBe(fa.projects);
    expect(fc.pairings).toBe(fa.pairings); // the places are the plan's, not the seed's
  });

  it('has figures that are the sums of its records, and evidence that pages to them', async () => {
    const one = async (q: ReturnType<typeof sql<{ v: string | null }>>) => Number((await q.execute(a.db)).rows[0].v ?? 0);
    const figures = new Map((await computeIndicators(a.db, systemContext, { year: 2025 })).items.map((i) => [i.code, i]));
    const allocated = await one(sql`select sum(amount_fen) as v from fund_transactions where kind = 'allocate' and on_date between '2025-01-01' and '2025-12-31'`);
    expect(allocated).toBeGreaterThan(0);
    expect(figures.get('fund_allocated')!.raw).toBe(allocated);
    const sales = await one(sql`select sum(amount_fen) as v from sales where sold_on between '2025-01-01' and '2025-12-31'`);
    expect(figures.get('sales')!.raw).toBe(sales);
    const evidence = await indicatorEvidence(a.db, systemContext, 'sales', { year: 2025, page: 2, pageSize: 50 });
    expect(evidence.total).toBe(await one(sql`select count(*) as v from sales where sold_on between '2025-01-01' and '2025-12-31'`));
    expect(evidence.sums.sales).toBe(sales);
    expect(evidence.items).toHaveLength(50);
    // The rebuilt fact rows are the view's facts exactly.
    const differ = await one(sql`select count(*) as v from ((select ${FACT_COLUMNS} from indicator_fact_rows where ${VISIBLE} except all select * from indicator_facts) union all (select * from indicator_facts except all select ${FACT_COLUMNS} from indicator_fact_rows where ${VISIBLE})) d`);
    expect(differ).toBe(0);
  });

  it('has a long tail: the busiest district does several times the work of the quietest', async () => {
    const { rows } = await sql<{ n: string }>`select count(*) as n from projects group by east_org_id order by 1 desc`.execute(a.db);
    expect(Number(rows[0].n)).toBeGreaterThan(3 * Number(rows[rows.length - 1].n));
  });

  it('keeps every rule: references, checks and unique codes hold after the load, and triggers are back on', async () => {
    const triggers = await sql<{ n: string }>`select count(*) as n from pg_trigger where not tgisinternal and tgenabled = 'D'`.execute(a.db);
    expect(Number(triggers.rows[0].n)).toBe(0);
    const fks = await sql<{ n: string }>`select count(*) as n from pg_constraint where conrelid = 'sales'::regclass and contype = 'f'`.execute(a.db);
    expect(Number(fks.rows[0].n)).toBeGreaterThanOrEqual(4);
    const id = Number((await sql<{ id: string }>`insert into activities (type, title, start_date, end_date) values ('visit', '新增', '2026-01-05', '2026-01-05') returning id`.execute(a.db)).rows[0].id);
    expect(id).toBe(TINY.activities + 1);
  });

  it('refuses a database that already holds organisations', async () => {
    await expect(loadScaleDemo(a.db, { scale: 'city', seed: 42, sizes: TINY })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('空数据库') });
  });
});
