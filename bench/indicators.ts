import { sql } from 'kysely';
import type { Database } from '../src/platform/db/database.ts';
import { systemContext } from '../src/platform/context.ts';
import { computeIndicators } from '../src/modules/indicators/indicators.service.ts';
import { INDICATORS, measuresOf, STOCK_MEASURES } from '../src/modules/indicators/indicators.definitions.ts';

/**
 * The dashboard's figures (every indicator of the city for a year, from the summary cells) against
 * the physical reference: the plain SQL aggregate over the raw tables (the indicator_facts view)
 * giving the same sums, timed in the same run, with a check that the figures are equal.
 */
export async function benchIndicators(database: Database, year: number) {
  const db = database.db;
  const flows = measuresOf(INDICATORS).filter((m) => !STOCK_MEASURES.has(m));
  const raw = () => sql<{ measure: string; total: string }>`
    select measure, sum(value)::bigint as total from indicator_facts
    where measure = any(${flows}::text[]) and month between ${`${year}-01-01`}::date and ${`${year}-12-01`}::date group by measure`.execute(db);
  const dashboard = () => computeIndicators(db, systemContext, { year });
  const time = async (work: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      await work();
      ms.push(performance.now() - t);
    }
    return ms.sort((a, b) => a - b);
  };
  const [rawMs, dashMs] = [await time(raw), await time(dashboard)];
  const reference = new Map((await raw()).rows.map((r) => [r.measure, Number(r.total)]));
  const figures = await dashboard();
  const sums = INDICATORS.filter((d) => d.kind === 'sum');
  const equal = sums.every((d) => (d.kind === 'sum' ? d.measures.reduce((s, m) => s + (reference.get(m) ?? 0), 0) : 0) === figures.items.find((i) => i.code === d.code)!.raw);
  const p = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];
  return { rawP50: p(rawMs, 0.5), dashP50: p(dashMs, 0.5), dashP95: p(dashMs, 0.95), ratio: p(dashMs, 0.95) / p(rawMs, 0.5), equal };
}
