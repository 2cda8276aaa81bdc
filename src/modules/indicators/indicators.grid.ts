import type { Queryable } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import * as repo from './indicators.repository.ts';
import { BY_CODE, STOCK_MEASURES, UNITS, measuresOf, type IndicatorDef } from './indicators.definitions.ts';
import { periodOf, resolveScope, windowsOf } from './indicators.scope.ts';
import { clock } from './indicators.service.ts';
import { TEN_HAVES, type Grid, type ScopeQuery, type TenHave } from './indicators.contract.ts';

/**
 * 十有 as data: a cell holds when one of its indicators is above zero for the pairing and year;
 * its evidence is that indicator's records for the pairing (the first listed when none holds).
 */
export const TEN_HAVE_RULES: Record<TenHave, string[]> = {
  agreement: ['agreements'],
  plan: ['projects'],
  funds: ['fund_allocated'],
  projects: ['projects_started'],
  cadres: ['cadres_on_post'],
  talent: ['professionals_on_post'],
  visits: ['visits'],
  meetings: ['joint_meetings'],
  measures: ['enterprises', 'workshops', 'labor_placed', 'sales', 'training_person_times_east', 'training_person_times_west', 'donation_cash', 'donation_goods'],
  results: ['beneficiaries', 'enterprise_jobs', 'labor_retained', 'workshop_employees'],
};

/** The 十有 of every pairing in force in the year within the scope (a page of them): one query over the cells. */
export async function tenHaves(q: Queryable, ctx: RequestContext, query: ScopeQuery & { page?: number; pageSize?: number }): Promise<Grid> {
  const scope = await resolveScope(q, ctx, query);
  const period = periodOf({ year: query.year });
  const { cur } = windowsOf(period, clock.today());
  const c = scope.cells;
  const visible = ctx.scope.all ? {} : { visibleOrgIds: [...ctx.scope.orgIds] };
  const all = await repo.pairingsInForce(q, query.year, {
    ...visible,
    ...(c.kind === 'district' ? { eastIds: c.orgIds } : c.kind === 'pairing' ? { pairingId: c.pairingId } : c.kind === 'region' ? { westPrefix: c.code } : {}),
  });
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 100;
  const shown = all.slice((page - 1) * pageSize, page * pageSize);
  const defs = [...new Set(Object.values(TEN_HAVE_RULES).flat())].map((code) => BY_CODE.get(code)!);
  const measures = measuresOf(defs);
  const totals = await repo.pairingTotals(
    q,
    shown.map((p) => ({ id: Number(p.id), eastOrgId: Number(p.east_org_id), westRegion: p.west_region })),
    measures.filter((m) => !STOCK_MEASURES.has(m)),
    measures.filter((m) => STOCK_MEASURES.has(m)),
    cur,
  );
  const valueOf = (pairingId: number, def: IndicatorDef) =>
    def.kind === 'sum' || def.kind === 'stock' ? def.measures.reduce((s, m) => s + totals.filter((t) => t.id === pairingId && t.measure === m).reduce((a, t) => a + t.total, 0), 0) : 0;

  const items = shown.map((p) => {
    const id = Number(p.id);
    const cells: Grid['items'][number]['cells'] = {};
    for (const have of Object.keys(TEN_HAVES) as TenHave[]) {
      const rules = TEN_HAVE_RULES[have].map((code) => BY_CODE.get(code)!);
      const held = rules.find((d) => valueOf(id, d) > 0) ?? rules[0];
      const raw = valueOf(id, held);
      cells[have] = { have: raw > 0, indicator: held.code, value: Math.round((raw / UNITS[held.unit].divisor) * 1e6) / 1e6 };
    }
    return { pairingId: id, eastOrgName: p.east_name, westOrgName: p.west_name, countyCode: p.west_region?.slice(0, 6) ?? null, cells, count: Object.values(cells).filter((x) => x.have).length };
  });
  return { year: query.year, items, total: all.length, page, pageSize };
}
