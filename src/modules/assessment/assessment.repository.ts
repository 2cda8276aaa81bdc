import { sql, type ColumnType, type Generated, type Kysely } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { ScopeKind } from '../indicators/indicators.contract.ts';

/** All SQL of the self-assessment: opinions, samples (migration 0019), and the paired side of a scope. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type ScopeColumns = {
  scope_kind: ScopeKind;
  scope_org_id: number | null;
  scope_pairing_id: number | null;
  scope_region: string | null;
};
type AssessmentOpinionsTable = ScopeColumns & {
  id: Generated<number>;
  year: number;
  from_org_id: number;
  opinion: string;
  given_on: string;
  recorded_by: string;
  owning_org_id: number | null;
  created_at: Generated<Date>;
};
type AssessmentSamplesTable = ScopeColumns & {
  id: Generated<number>;
  scope_name: string;
  year: number;
  seed: number;
  per_indicator: number;
  items: ColumnType<unknown, string, string>;
  pools: ColumnType<unknown, string, string>;
  created_by: string;
  created_at: Timestamp;
};
type AssessmentTables = {
  assessment_opinions: AssessmentOpinionsTable;
  assessment_samples: AssessmentSamplesTable;
};

// The tables are this feature's own: typed here rather than in the platform's schema.
const tables = (q: Queryable) => (q as Kysely<DB>).withTables<AssessmentTables>();

/** A scope as stored: its kind and the one column of that kind. */
export interface StoredScope {
  kind: ScopeKind;
  orgId: number | null;
  pairingId: number | null;
  region: string | null;
}
const scopeValues = (s: StoredScope): ScopeColumns => ({ scope_kind: s.kind, scope_org_id: s.orgId, scope_pairing_id: s.pairingId, scope_region: s.region });
export const scopeOfRow = (r: ScopeColumns): StoredScope => ({ kind: r.scope_kind, orgId: r.scope_org_id == null ? null : Number(r.scope_org_id), pairingId: r.scope_pairing_id == null ? null : Number(r.scope_pairing_id), region: r.scope_region });

// ——— opinions ———

export async function insertOpinion(q: Queryable, s: StoredScope, v: { year: number; from_org_id: number; opinion: string; given_on: string; recorded_by: string; owning_org_id: number | null }) {
  return Number((await tables(q).insertInto('assessment_opinions').values({ ...scopeValues(s), ...v }).returning('id').executeTakeFirstOrThrow()).id);
}

function opinionQuery(q: Queryable) {
  return tables(q)
    .selectFrom('assessment_opinions as a')
    .innerJoin('orgs as f', 'f.id', 'a.from_org_id')
    .leftJoin('orgs as o', 'o.id', 'a.owning_org_id')
    .select(['a.id', 'a.scope_kind', 'a.scope_org_id', 'a.scope_pairing_id', 'a.scope_region', 'a.year', 'a.from_org_id', 'f.name as from_org_name', 'a.opinion', 'a.given_on', 'a.recorded_by', 'o.name as owning_org_name', 'a.created_at']);
}
export type OpinionRow = Awaited<ReturnType<ReturnType<typeof opinionQuery>['executeTakeFirstOrThrow']>>;

/** The rows kept for exactly this scope (a null column matches only null). */
const sameScope = (a: string, s: StoredScope) =>
  sql<boolean>`${sql.ref(`${a}.scope_kind`)} = ${s.kind} and ${sql.ref(`${a}.scope_org_id`)} is not distinct from ${s.orgId}::bigint
    and ${sql.ref(`${a}.scope_pairing_id`)} is not distinct from ${s.pairingId}::bigint and ${sql.ref(`${a}.scope_region`)} is not distinct from ${s.region}::text`;

export async function listOpinions(q: Queryable, s: StoredScope, year: number): Promise<OpinionRow[]> {
  return opinionQuery(q).where('a.year', '=', year).where(sameScope('a', s)).orderBy('a.given_on').orderBy('a.id').execute();
}

export const findOpinion = (q: Queryable, id: number) => opinionQuery(q).where('a.id', '=', id).executeTakeFirstOrThrow();

/**
 * The units of the other side of a scope's pairings in force in the year: for a district (east) the
 * west units it pairs with, for a place (west) the east units paired with it, for the city every west
 * unit paired with Shanghai, for a pairing its two sides (the service keeps the one opposite the caller).
 */
export async function counterparts(q: Queryable, s: StoredScope, year: number): Promise<{ id: number; name: string; side: string }[]> {
  const inForce = sql`p.start_date <= ${`${year}-12-31`}::date and (p.end_date is null or p.end_date >= ${`${year}-01-01`}::date) and p.status <> 'suspended'`;
  let rows: { id: string; name: string; side: string }[];
  if (s.kind === 'pairing') {
    rows = (await sql<{ id: string; name: string; side: string }>`
      select o.id, o.name, o.side from pairings p join orgs o on o.id in (p.east_org_id, p.west_org_id) where p.id = ${s.pairingId}`.execute(q)).rows;
  } else if (s.kind === 'region') {
    rows = (await sql<{ id: string; name: string; side: string }>`
      select distinct e.id, e.name, e.side from pairings p join orgs w on w.id = p.west_org_id join orgs e on e.id = p.east_org_id
      where w.region_code like ${`${s.region}%`} and ${inForce}`.execute(q)).rows;
  } else {
    const east = s.kind === 'district'
      ? sql`p.east_org_id in (with recursive down(id) as (select ${s.orgId}::bigint union all select o.id from orgs o join down on o.parent_id = down.id) select id from down)`
      : sql`true`;
    rows = (await sql<{ id: string; name: string; side: string }>`
      select distinct w.id, w.name, w.side from pairings p join orgs w on w.id = p.west_org_id where ${east} and ${inForce}`.execute(q)).rows;
  }
  return rows.map((r) => ({ id: Number(r.id), name: r.name, side: r.side })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export const orgSide = async (q: Queryable, id: number | null | undefined) =>
  id == null ? null : ((await q.selectFrom('orgs').select('side').where('id', '=', id).executeTakeFirst())?.side ?? null);

// ——— samples ———

export async function insertSample(q: Queryable, s: StoredScope, v: { scope_name: string; year: number; seed: number; per_indicator: number; items: unknown[]; pools: unknown[]; created_by: string }) {
  const row = { ...scopeValues(s), ...v, items: JSON.stringify(v.items), pools: JSON.stringify(v.pools) };
  return Number((await tables(q).insertInto('assessment_samples').values(row).returning('id').executeTakeFirstOrThrow()).id);
}

const sampleColumns = ['s.id', 's.scope_kind', 's.scope_org_id', 's.scope_pairing_id', 's.scope_region', 's.scope_name', 's.year', 's.seed', 's.per_indicator', 's.items', 's.pools', 's.created_by', 's.created_at'] as const;

export async function findSample(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}) {
  const qb = tables(q).selectFrom('assessment_samples as s').select(sampleColumns).where('s.id', '=', id);
  return (opts.forUpdate ? qb.forUpdate() : qb).executeTakeFirst();
}
export type SampleRow = NonNullable<Awaited<ReturnType<typeof findSample>>>;

/** The samples of a scope and year, newest first, each with its item and checked counts (not its items). */
export async function listSamples(q: Queryable, s: StoredScope, year: number) {
  return tables(q)
    .selectFrom('assessment_samples as s')
    .select(['s.id', 's.scope_kind', 's.scope_org_id', 's.scope_pairing_id', 's.scope_region', 's.scope_name', 's.year', 's.seed', 's.per_indicator', 's.created_by', 's.created_at'])
    .select(sql<number>`jsonb_array_length(s.items)`.as('count'))
    .select(sql<number>`(select count(*) from jsonb_array_elements(s.items) e where e->>'verified' is not null)`.as('checked'))
    .where('s.year', '=', year)
    .where(sameScope('s', s))
    .orderBy('s.id', 'desc')
    .limit(100)
    .execute();
}
export type SampleSummaryRow = Awaited<ReturnType<typeof listSamples>>[number];

export async function countSamples(q: Queryable, s: StoredScope, year: number): Promise<number> {
  const row = await tables(q).selectFrom('assessment_samples as s').select((eb) => eb.fn.countAll<number>().as('n')).where('s.year', '=', year).where(sameScope('s', s)).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateSampleItems(q: Queryable, id: number, items: unknown[]) {
  await tables(q).updateTable('assessment_samples').set({ items: JSON.stringify(items) }).where('id', '=', id).execute();
}
