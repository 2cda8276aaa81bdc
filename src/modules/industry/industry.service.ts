import type { Queryable } from '../../platform/db/database.ts';
import type { Scope } from '../../platform/access/scope.ts';
import * as regionsRepo from '../regions/regions.repository.ts';
import { recordKinds } from '../recordkinds/recordkinds.service.ts';
import * as repo from './industry.repository.ts';
import type { IndustrySummary, IndustryTotals } from './industry.contract.ts';

/** The same list / read / create / update / delete for every 产业合作 record kind (the shared record-kind service). */
export const { listRecords, getRecord, createRecord, createRecordIn, updateRecord, deleteRecord, sheetRecords } = recordKinds(repo.store, repo.orgsByIds);

// ---- totals per county and year (产业合作 in the assessment) ----

/** Areas are summed in hundredths of a 亩 (whole numbers), so no float drift creeps into the totals. */
type Sums = Omit<IndustryTotals, 'parks' | 'farming'> & { parks: Omit<IndustryTotals['parks'], 'areaMu'> & { area: number }; farming: Omit<IndustryTotals['farming'], 'acreageMu'> & { acreage: number } };

function blank(): Sums {
  return {
    enterprises: { count: 0, signedFen: 0, actualFen: 0, jobs: 0, poorEmployed: 0, monitoredEmployed: 0 },
    parks: { count: 0, area: 0, enterprises: 0, jobs: 0 },
    workshops: { count: 0, employees: 0, poorEmployed: 0, monitoredEmployed: 0 },
    farming: { count: 0, acreage: 0, households: 0, contractFen: 0 },
  };
}

function add(a: Sums, b: Partial<Sums>) {
  for (const part of Object.keys(b) as (keyof Sums)[]) {
    const from = b[part] as Record<string, number>;
    const into = a[part] as Record<string, number>;
    for (const k of Object.keys(from)) into[k] += from[k];
  }
}

const finish = (s: Sums): IndustryTotals => ({
  enterprises: s.enterprises,
  parks: { count: s.parks.count, areaMu: s.parks.area / 100, enterprises: s.parks.enterprises, jobs: s.parks.jobs },
  workshops: s.workshops,
  farming: { count: s.farming.count, acreageMu: s.farming.acreage / 100, households: s.farming.households, contractFen: s.farming.contractFen },
});

/**
 * Per county (in scope) and overall for the year: enterprises introduced (signed in the year) with
 * their investment and jobs, parks and bases established by its end, workshops open during it,
 * contract farming signed in it. `sources` names the lists that hold each figure's records.
 */
export async function industrySummary(q: Queryable, scope: Scope, f: { county?: string; year: number }): Promise<IndustrySummary> {
  const t = await repo.totals(q, scope, f.year, f.county);
  const counties = new Map<string, Sums>();
  const total = blank();
  const into = (county: string, part: Partial<Sums>) => {
    add(counties.get(county) ?? counties.set(county, blank()).get(county)!, part);
    add(total, part);
  };
  for (const r of t.enterprises) {
    into(r.county_code, { enterprises: { count: r.count, signedFen: Number(r.signed_fen), actualFen: Number(r.actual_fen), jobs: Number(r.jobs), poorEmployed: Number(r.poor), monitoredEmployed: Number(r.monitored) } });
  }
  for (const r of t.parks) into(r.county_code, { parks: { count: r.count, area: Number(r.area), enterprises: Number(r.enterprises), jobs: Number(r.jobs) } });
  for (const r of t.workshops) into(r.county_code, { workshops: { count: r.count, employees: Number(r.employees), poorEmployed: Number(r.poor), monitoredEmployed: Number(r.monitored) } });
  for (const r of t.farming) into(r.county_code, { farming: { count: r.count, acreage: Number(r.acreage), households: Number(r.households), contractFen: Number(r.contract_fen) } });
  const names = new Map((await regionsRepo.findByCodes(q, [...counties.keys()])).map((r) => [r.code, r.name]));
  const query = `?year=${f.year}${f.county ? `&county=${f.county}` : ''}`;
  return {
    year: f.year,
    county: f.county ?? null,
    counties: [...counties.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([countyCode, c]) => ({ countyCode, countyName: names.get(countyCode) ?? null, ...finish(c) })),
    total: finish(total),
    sources: {
      enterprises: `/industry/enterprises${query}`,
      parks: `/industry/parks${query}`,
      workshops: `/industry/workshops${query}`,
      farming: `/industry/contract-farming${query}`,
    },
  };
}
