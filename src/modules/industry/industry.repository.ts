import { sql, type Expression, type Selectable, type SqlBool } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import type { IndustryTables } from '../../platform/db/schema.ts';
import { containing } from '../../platform/db/like.ts';
import { recordInScope, type Scope } from '../../platform/access/scope.ts';
import { kindStore, loose } from '../recordkinds/recordkinds.repository.ts';
import type { IndustryListQuery } from './industry.contract.ts';

/**
 * The four 产业合作 record kinds share one shape: a recipient county (and place), an optional
 * pairing, an owning unit, a note. Each is in scope through its county, its pairing, its owning
 * unit and its own organisation (the enterprise's origin, the workshop's operator, the buyer).
 * `period` says which records a year holds: signed in it, established by its end, or open during it.
 */
export const KINDS = {
  enterprise: { table: 'industry_enterprises', org: 'origin_org_id', period: { signed: 'signed_on' }, sort: ['x.signed_on', 'x.name'], search: ['x.name', 'x.origin_name'] },
  park: { table: 'industry_parks', org: null, period: { by: 'established_on' }, sort: ['x.established_on', 'x.name'], search: ['x.name'] },
  workshop: { table: 'industry_workshops', org: 'operator_org_id', period: { open: ['opened_on', 'closed_on'] }, sort: ['x.opened_on', 'x.name'], search: ['x.name', 'x.operator_name'] },
  farming: { table: 'industry_farming', org: 'buyer_org_id', period: { signed: 'signed_on' }, sort: ['x.signed_on', 'x.product'], search: ['x.product', 'x.buyer_name'] },
} as const;
export type Kind = keyof typeof KINDS;
export type RowOf<K extends Kind> = Selectable<IndustryTables[(typeof KINDS)[K]['table']]>;

export function industryInScope(kind: Kind, scope: Scope): Expression<SqlBool> {
  const k = KINDS[kind];
  return recordInScope(scope, { orgs: ['x.owning_org_id', ...(k.org ? [`x.${k.org}`] : [])], region: 'x.county_code', pairing: 'x.pairing_id' });
}

type Filters = Partial<Pick<IndustryListQuery, 'county' | 'year' | 'q' | 'pairing' | 'industry' | 'kind'>>;

function filtered(q: Queryable, kind: Kind, scope: Scope, f: Filters) {
  const k = KINDS[kind];
  let query = loose(q).selectFrom(`${k.table} as x`).where(industryInScope(kind, scope));
  if (f.county) query = query.where('x.county_code', 'like', `${f.county}%`);
  if (f.year) {
    const [from, to] = [`${f.year}-01-01`, `${f.year}-12-31`];
    const p = k.period as { signed?: string; by?: string; open?: readonly [string, string] };
    if (p.signed) query = query.where(`x.${p.signed}`, '>=', from).where(`x.${p.signed}`, '<=', to);
    if (p.by) query = query.where(`x.${p.by}`, '<=', to);
    if (p.open) {
      const [opened, closed] = p.open;
      query = query.where(`x.${opened}`, '<=', to).where((eb) => eb.or([eb(`x.${closed}`, 'is', null), eb(`x.${closed}`, '>=', from)]));
    }
  }
  if (f.q) {
    const like = containing(f.q);
    query = query.where((eb) => eb.or([
      ...k.search.map((col) => eb(col, 'like', like)),
      ...(k.org ? [sql<SqlBool>`exists (select 1 from orgs o where o.id = ${sql.ref(`x.${k.org}`)} and o.name like ${like})`] : []),
    ]));
  }
  if (f.pairing) query = query.where('x.pairing_id', '=', f.pairing);
  if (f.industry && kind === 'enterprise') query = query.where('x.industry', '=', f.industry);
  if (f.kind && kind === 'park') query = query.where('x.kind', '=', f.kind);
  return query;
}

/** list / find / insert / update / remove over the four tables (the shared record-kind machinery). */
export const store = kindStore<Kind, IndustryListQuery>({ table: (k) => KINDS[k].table, sort: (k) => KINDS[k].sort, filtered, idOrder: 'asked' });

export async function orgsByIds(q: Queryable, ids: number[]) {
  if (ids.length === 0) return new Map<number, { name: string; side: 'east' | 'west'; region_code: string | null }>();
  return new Map((await q.selectFrom('orgs').select(['id', 'name', 'side', 'region_code']).where('id', 'in', ids).execute()).map((o) => [o.id, o]));
}

// ---- the yearly totals, grouped by county ----

const int = (col: string) => sql<number>`coalesce(sum(${sql.ref(col)}), 0)::bigint`;
const big = (col: string) => sql<number>`coalesce(sum(${sql.ref(col)}), 0)::bigint`;
/** A sum of 亩 in hundredths, exact (numeric), as a whole number. */
const hundredths = (col: string) => sql<number>`(coalesce(sum(${sql.ref(col)}), 0) * 100)::bigint`;
const counted = sql<number>`count(*)::int`;

export async function totals(q: Queryable, scope: Scope, year: number, county?: string) {
  const by = (kind: Kind) => filtered(q, kind, scope, { year, county }).groupBy('x.county_code').select('x.county_code');
  const [enterprises, parks, workshops, farming] = await Promise.all([
    by('enterprise')
      .select([counted.as('count'), big('x.signed_fen').as('signed_fen'), big('x.actual_fen').as('actual_fen'), int('x.jobs').as('jobs'), int('x.poor_employed').as('poor'), int('x.monitored_employed').as('monitored')])
      .execute() as Promise<{ county_code: string; count: number; signed_fen: number; actual_fen: number; jobs: number; poor: number; monitored: number }[]>,
    by('park')
      .select([counted.as('count'), hundredths('x.area_mu').as('area'), int('x.enterprises').as('enterprises'), int('x.jobs').as('jobs')])
      .execute() as Promise<{ county_code: string; count: number; area: number; enterprises: number; jobs: number }[]>,
    by('workshop')
      .select([counted.as('count'), int('x.employees').as('employees'), int('x.poor_employed').as('poor'), int('x.monitored_employed').as('monitored')])
      .execute() as Promise<{ county_code: string; count: number; employees: number; poor: number; monitored: number }[]>,
    by('farming')
      .select([counted.as('count'), hundredths('x.acreage_mu').as('acreage'), int('x.households').as('households'), big('x.contract_fen').as('contract_fen')])
      .execute() as Promise<{ county_code: string; count: number; acreage: number; households: number; contract_fen: number }[]>,
  ]);
  return { enterprises, parks, workshops, farming };
}
