import type { Queryable } from '../../platform/db/database.ts';
import type { Scope } from '../../platform/access/scope.ts';
import * as regionsRepo from '../regions/regions.repository.ts';
import { recordKinds } from '../recordkinds/recordkinds.service.ts';
import * as repo from './labor.repository.ts';
import { rateOf } from './labor.kinds.ts';
import { DESTINATIONS, type Destination, type LaborSummary, type LaborTotals } from './labor.contract.ts';

/** The same list / read / create / update / delete for every labor record kind (the shared record-kind service). */
export const { listRecords, getRecord, createRecord, createRecordIn, updateRecord, deleteRecord, sheetRecords } = recordKinds(repo.store, repo.orgNames);

// ---- totals per county and year (劳务协作 in the assessment) ----

function blank(): LaborTotals {
  const destinations = Object.fromEntries(Object.keys(DESTINATIONS).map((d) => [d, { poor: 0, monitored: 0 }])) as Record<Destination, { poor: number; monitored: number }>;
  return {
    placements: { byDestination: destinations, total: { poor: 0, monitored: 0 } },
    fairs: { count: 0, employers: 0, jobsOffered: 0, attendees: 0, placed: 0 },
    retention: { cohorts: 0, placed: 0, employedAfter6m: 0, rate: null },
    workstations: 0,
  };
}

/** Adds b into a (rates are recomputed from the sums, never averaged). */
function add(a: LaborTotals, b: Omit<Partial<LaborTotals>, 'placements'> & { placements?: { destination: Destination; poor: number; monitored: number } }) {
  if (b.placements) {
    const { destination, poor, monitored } = b.placements;
    a.placements.byDestination[destination].poor += poor;
    a.placements.byDestination[destination].monitored += monitored;
    a.placements.total.poor += poor;
    a.placements.total.monitored += monitored;
  }
  if (b.fairs) for (const k of Object.keys(b.fairs) as (keyof LaborTotals['fairs'])[]) a.fairs[k] += b.fairs[k];
  if (b.retention) {
    a.retention.cohorts += b.retention.cohorts;
    a.retention.placed += b.retention.placed;
    a.retention.employedAfter6m += b.retention.employedAfter6m;
    a.retention.rate = rateOf(a.retention.employedAfter6m, a.retention.placed);
  }
  if (b.workstations) a.workstations += b.workstations;
}

/** Per county (in scope) and overall for the year: placements by destination, job fairs, retention rate, workstations open. */
export async function laborSummary(q: Queryable, scope: Scope, f: { county?: string; year: number }): Promise<LaborSummary> {
  const t = await repo.totals(q, scope, f.year, f.county);
  const counties = new Map<string, LaborTotals>();
  const total = blank();
  const into = (county: string, part: Parameters<typeof add>[1]) => {
    add(counties.get(county) ?? counties.set(county, blank()).get(county)!, part);
    add(total, part);
  };
  for (const r of t.placements) into(r.county_code, { placements: { destination: r.destination as Destination, poor: r.poor, monitored: r.monitored } });
  for (const r of t.fairs) into(r.county_code, { fairs: { count: r.count, employers: r.employers, jobsOffered: r.jobs_offered, attendees: r.attendees, placed: r.placed } });
  for (const r of t.retention) into(r.county_code, { retention: { cohorts: r.cohorts, placed: r.placed, employedAfter6m: r.employed, rate: null } });
  for (const r of t.workstations) into(r.county_code, { workstations: r.count });
  const names = new Map((await regionsRepo.findByCodes(q, [...counties.keys()])).map((r) => [r.code, r.name]));
  return {
    year: f.year,
    county: f.county ?? null,
    counties: [...counties.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([countyCode, c]) => ({ countyCode, countyName: names.get(countyCode) ?? null, ...c })),
    total,
  };
}
