import { sql, type Expression, type Selectable, type SqlBool } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import type { LaborTables } from '../../platform/db/schema.ts';
import { recordInScope, regionCodeInScope, type Scope } from '../../platform/access/scope.ts';
import { kindStore, loose } from '../recordkinds/recordkinds.repository.ts';
import type { LaborListQuery } from './labor.contract.ts';

/**
 * The four labor record kinds share one shape: a recipient county, an optional pairing, a note.
 * Each is in scope through its county, its pairing, its organisation (organiser, operator) and, for
 * records in Shanghai, its place there.
 */
export const KINDS = {
  placement: { table: 'labor_placements', org: null, shanghai: false, sort: ['x.year', 'x.month', 'x.county_code', 'x.destination'] },
  fair: { table: 'labor_job_fairs', org: 'organiser_org_id', shanghai: true, sort: ['x.held_on'] },
  workstation: { table: 'labor_workstations', org: 'operating_org_id', shanghai: true, sort: ['x.opened_on', 'x.name'] },
  retention: { table: 'labor_retention', org: null, shanghai: false, sort: ['x.cohort_year', 'x.cohort_month', 'x.county_code'] },
} as const;
export type Kind = keyof typeof KINDS;
export type RowOf<K extends Kind> = Selectable<LaborTables[(typeof KINDS)[K]['table']]>;

export function laborInScope(kind: Kind, scope: Scope): Expression<SqlBool> {
  const k = KINDS[kind];
  return recordInScope(scope, { orgs: ['x.owning_org_id', ...(k.org ? [`x.${k.org}`] : [])], region: 'x.county_code', pairing: 'x.pairing_id', extra: k.shanghai ? [regionCodeInScope(scope, 'x.region_code')] : [] });
}

const yearOf = (y: number) => [`${y}-01-01`, `${y}-12-31`] as const;

function filtered(q: Queryable, kind: Kind, scope: Scope, f: Partial<LaborListQuery>) {
  let query = loose(q).selectFrom(`${KINDS[kind].table} as x`).where(laborInScope(kind, scope));
  if (f.county) query = query.where('x.county_code', 'like', `${f.county}%`);
  if (f.year) {
    const [from, to] = yearOf(f.year);
    if (kind === 'placement') query = query.where('x.year', '=', f.year);
    if (kind === 'retention') query = query.where('x.cohort_year', '=', f.year);
    if (kind === 'fair') query = query.where('x.held_on', '>=', from).where('x.held_on', '<=', to);
    if (kind === 'workstation') query = query.where('x.opened_on', '<=', to).where((eb) => eb.or([eb('x.closed_on', 'is', null), eb('x.closed_on', '>=', from)]));
  }
  if (f.month) {
    if (kind === 'placement') query = query.where('x.month', '=', f.month);
    if (kind === 'retention') query = query.where('x.cohort_month', '=', f.month);
    if (kind === 'fair') query = query.where(sql<SqlBool>`extract(month from x.held_on) = ${f.month}`);
  }
  if (f.destination && kind === 'placement') query = query.where('x.destination', '=', f.destination);
  return query;
}

/** list / find / insert / update / remove over the four tables (the shared record-kind machinery). */
export const store = kindStore<Kind, LaborListQuery>({ table: (k) => KINDS[k].table, sort: (k) => KINDS[k].sort, filtered, idOrder: 'asc' });

export async function orgNames(q: Queryable, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  return new Map((await q.selectFrom('orgs').select(['id', 'name']).where('id', 'in', ids).execute()).map((o) => [o.id, o.name]));
}

// ---- the yearly totals, grouped by county ----

const byCounty = (q: Queryable, kind: Kind, scope: Scope, year: number, county?: string) => filtered(q, kind, scope, { year, county }).groupBy('x.county_code').select('x.county_code');

export async function totals(q: Queryable, scope: Scope, year: number, county?: string) {
  const int = (col: string) => sql<number>`coalesce(sum(${sql.ref(col)}), 0)::int`;
  const [placements, fairs, retention, workstations] = await Promise.all([
    filtered(q, 'placement', scope, { year, county })
      .groupBy(['x.county_code', 'x.destination'])
      .select(['x.county_code', 'x.destination', int('x.poor_count').as('poor'), int('x.monitored_count').as('monitored')])
      .execute() as Promise<{ county_code: string; destination: string; poor: number; monitored: number }[]>,
    byCounty(q, 'fair', scope, year, county)
      .select([sql<number>`count(*)::int`.as('count'), int('x.employers').as('employers'), int('x.jobs_offered').as('jobs_offered'), int('x.attendees').as('attendees'), int('x.placed').as('placed')])
      .execute() as Promise<{ county_code: string; count: number; employers: number; jobs_offered: number; attendees: number; placed: number }[]>,
    byCounty(q, 'retention', scope, year, county)
      .select([sql<number>`count(*)::int`.as('cohorts'), int('x.placed').as('placed'), int('x.employed_after_6m').as('employed')])
      .execute() as Promise<{ county_code: string; cohorts: number; placed: number; employed: number }[]>,
    byCounty(q, 'workstation', scope, year, county).select(sql<number>`count(*)::int`.as('count')).execute() as Promise<{ county_code: string; count: number }[]>,
  ]);
  return { placements, fairs, retention, workstations };
}
