import type { Queryable } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { regionInScope } from '../../platform/access/scope.ts';
import * as repo from './indicators.repository.ts';
import type { PeriodInfo, ScopeChoices, ScopeInfo, ScopeQuery } from './indicators.contract.ts';

/** A scope the caller may see, with the cells it covers. */
export interface ResolvedScope {
  info: ScopeInfo;
  cells: repo.CellScope;
}

const CITY: ScopeInfo = { kind: 'city', id: null, code: null, name: '全市' };

/**
 * The scope asked for, if the caller may see it (else 404, as for an unknown one): the city for a
 * city-wide scope; a district the caller's scope holds; a pairing one of whose sides it holds; a
 * place within its regions. Without one: the caller's own (city, their district, their first region).
 */
export async function resolveScope(q: Queryable, ctx: RequestContext, query: Pick<ScopeQuery, 'district' | 'pairing' | 'region'>): Promise<ResolvedScope> {
  const { scope } = ctx;
  if (query.district !== undefined) {
    const org = await repo.findOrg(q, query.district);
    if (!org || org.side !== 'east' || !(scope.all || scope.orgIds.has(Number(org.id)))) throw notFound('区', query.district);
    return { info: { kind: 'district', id: Number(org.id), code: null, name: org.name }, cells: { kind: 'district', orgIds: await repo.subtree(q, Number(org.id)) } };
  }
  if (query.pairing !== undefined) {
    const p = await repo.findPairing(q, query.pairing);
    if (!p || !(scope.all || scope.orgIds.has(Number(p.east_org_id)) || scope.orgIds.has(Number(p.west_org_id)))) throw notFound('结对关系', query.pairing);
    const eastOrgIds = await repo.subtree(q, Number(p.east_org_id));
    return {
      info: { kind: 'pairing', id: Number(p.id), code: p.west_region, name: `${p.east_name} — ${p.west_name}` },
      cells: { kind: 'pairing', pairingId: Number(p.id), eastOrgIds, westRegion: p.west_region },
    };
  }
  if (query.region !== undefined) {
    const r = await repo.findRegion(q, query.region);
    if (!r || !regionInScope(scope, r.code)) throw notFound('地区', query.region);
    const names = await repo.regionNames(q, [r.code]);
    return { info: { kind: 'region', id: null, code: r.code, name: names.get(r.code) ?? r.name }, cells: { kind: 'region', code: r.code } };
  }
  if (scope.all) return { info: CITY, cells: { kind: 'city' } };
  const own = (await repo.districts(q)).find((d) => scope.orgIds.has(d.id));
  if (own) return resolveScope(q, ctx, { district: own.id });
  if (scope.regionPrefixes.length > 0) return resolveScope(q, ctx, { region: scope.regionPrefixes[0].slice(0, 9) });
  throw notFound('范围', '本人');
}

/** What the caller may choose from: the city, its districts, its pairings in force, its places. */
export async function scopeChoices(q: Queryable, ctx: RequestContext, year: number): Promise<ScopeChoices> {
  const { scope } = ctx;
  const own = await resolveScope(q, ctx, {});
  const districts = (await repo.districts(q)).filter((d) => scope.all || scope.orgIds.has(d.id));
  const pairings = await repo.pairingsInForce(q, year, scope.all ? {} : { visibleOrgIds: [...scope.orgIds] });
  const codes = scope.all ? [...new Set(pairings.map((p) => p.west_region?.slice(0, 6)).filter((c): c is string => !!c && c.length === 6))] : scope.regionPrefixes.map((p) => p.slice(0, 9));
  const names = await repo.regionNames(q, codes);
  return {
    default: own.info,
    city: scope.all,
    districts,
    pairings: pairings.map((p) => ({ id: Number(p.id), name: `${p.east_name} — ${p.west_name}`, countyCode: p.west_region?.slice(0, 6) ?? null })),
    regions: codes.filter((c) => names.has(c)).map((c) => ({ code: c, name: names.get(c)! })).sort((a, b) => a.code.localeCompare(b.code)),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (y: number, m: number) => `${y}-${pad(m)}-01`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The period's months: a year, one quarter, or one month. */
export function periodOf(query: Pick<ScopeQuery, 'year' | 'quarter' | 'month'>): PeriodInfo {
  const { year } = query;
  const [m1, m2] = query.month ? [query.month, query.month] : query.quarter ? [query.quarter * 3 - 2, query.quarter * 3] : [1, 12];
  const label = query.month ? `${year}年${query.month}月` : query.quarter ? `${year}年第${query.quarter}季度` : `${year}年`;
  return { year, quarter: query.quarter ?? null, month: query.month ?? null, from: monthStart(year, m1), to: `${year}-${pad(m2)}-${pad(lastDay(year, m2))}`, label };
}

/** The period as cell months, and the same months a year earlier; a stock is read at the period's end, never after `today`. */
export function windowsOf(period: PeriodInfo, today: Date = new Date()): { cur: repo.Window; prev: repo.Window } {
  const nowMonth = monthStart(today.getUTCFullYear(), today.getUTCMonth() + 1);
  const from = period.from;
  const to = period.to.slice(0, 8) + '01';
  const at = to > nowMonth && from <= nowMonth ? nowMonth : to;
  const back = (m: string) => `${Number(m.slice(0, 4)) - 1}${m.slice(4)}`;
  return { cur: { from, to, at }, prev: { from: back(from), to: back(to), at: back(at) } };
}
