import type { Queryable } from '../../platform/db/database.ts';
import * as repo from './indicators.repository.ts';
import type { ResolvedScope } from './indicators.scope.ts';

/**
 * 结对覆盖 for a scope and year: the scope's recipient areas (a place: itself; a pairing: its west
 * side's county; a district or the city: the counties its pairings reach) and the pairings that
 * count (a place: any; a pairing or district: the east side's units'; the city: all).
 */
async function areasAndPairings(q: Queryable, s: ResolvedScope, year: number) {
  const c = s.cells;
  if (c.kind === 'region') {
    const ps = await repo.pairingsInForce(q, year, { westPrefix: c.code });
    return { areas: [c.code], pairingIds: ps.map((p) => Number(p.id)) };
  }
  const ps = await repo.pairingsInForce(q, year, c.kind === 'city' ? {} : { eastIds: c.kind === 'district' ? c.orgIds : c.eastOrgIds });
  const counties = c.kind === 'pairing'
    ? (c.westRegion && c.westRegion.length >= 6 ? [c.westRegion.slice(0, 6)] : [])
    : [...new Set(ps.map((p) => p.west_region).filter((r): r is string => !!r && r.length >= 6).map((r) => r.slice(0, 6)))];
  const inArea = ps.filter((p) => p.west_region && counties.some((a) => p.west_region!.startsWith(a)));
  return { areas: counties, pairingIds: inArea.map((p) => Number(p.id)) };
}

export async function coverageUnits(q: Queryable, s: ResolvedScope, level: repo.CoverageLevel, year: number) {
  const { areas, pairingIds } = await areasAndPairings(q, s, year);
  return repo.coverage(q, level, areas, pairingIds, year);
}

export async function coverageCounts(q: Queryable, s: ResolvedScope, level: repo.CoverageLevel, year: number) {
  const { areas, pairingIds } = await areasAndPairings(q, s, year);
  return repo.coverageCount(q, level, areas, pairingIds, year);
}
