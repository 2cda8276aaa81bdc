import { sql, type Expression, type SqlBool } from 'kysely';
import { containing } from '../../platform/db/like.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { orgIdInScope, recordInScope, regionCodeInScope, type Scope } from '../../platform/access/scope.ts';
import type { DispatchListQuery, PersonListQuery } from './personnel.contract.ts';

/** A dispatch is in scope through its person's origin unit, its host organisation or its host place. */
export function dispatchInScope(scope: Scope): Expression<SqlBool> {
  return recordInScope(scope, { orgs: ['p.origin_org_id', 'd.host_org_id'], region: 'd.host_region' });
}

/** A person is in scope through their origin unit or through one of their dispatches. */
export function personInScope(scope: Scope): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${orgIdInScope(scope, 'p.origin_org_id')} or exists (select 1 from dispatches d where d.person_id = p.id and (${orgIdInScope(scope, 'd.host_org_id')} or ${regionCodeInScope(scope, 'd.host_region')})))`;
}

const like = (s: string) => containing(s);
const effectiveEnd = sql<string>`coalesce(d.actual_end, d.term_end)`;

// ---- persons ----

function persons(q: Queryable, scope: Scope) {
  return q.selectFrom('persons as p').leftJoin('orgs as o', 'o.id', 'p.origin_org_id').where(personInScope(scope));
}

export async function listPersons(q: Queryable, scope: Scope, f: PersonListQuery) {
  let query = persons(q, scope);
  if (f.q) query = query.where('p.name', 'like', like(f.q));
  if (f.originOrg) query = query.where('p.origin_org_id', '=', f.originOrg);
  const [rows, count] = await Promise.all([
    query.selectAll('p').select('o.name as origin_org_name').orderBy('p.name', f.order).orderBy('p.id').offset((f.page - 1) * f.pageSize).limit(f.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findPerson(q: Queryable, scope: Scope, id: number) {
  return persons(q, scope).selectAll('p').select('o.name as origin_org_name').where('p.id', '=', id).executeTakeFirst();
}
export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

export type PersonValues = { name: string; sex: 'male' | 'female' | null; origin_org_id: number | null; origin_unit: string | null; phone: string | null; note: string | null };

export async function insertPerson(q: Queryable, v: PersonValues & { is_demo?: boolean }) {
  return (await q.insertInto('persons').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updatePerson(q: Queryable, id: number, v: Partial<PersonValues>) {
  await q.updateTable('persons').set({ ...v, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function removePerson(q: Queryable, id: number) {
  await q.deleteFrom('persons').where('id', '=', id).execute();
}

/** Locks the person: dispatches of one person are checked for overlap one request at a time. */
export async function lockPerson(q: Queryable, id: number) {
  return q.selectFrom('persons').select(['id', 'origin_org_id']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function countDispatchesOf(q: Queryable, personId: number) {
  return Number((await q.selectFrom('dispatches').select((eb) => eb.fn.countAll<number>().as('n')).where('person_id', '=', personId).executeTakeFirstOrThrow()).n);
}

// ---- dispatches ----

function dispatches(q: Queryable, scope: Scope) {
  return q
    .selectFrom('dispatches as d')
    .innerJoin('persons as p', 'p.id', 'd.person_id')
    .leftJoin('orgs as o', 'o.id', 'p.origin_org_id')
    .leftJoin('orgs as h', 'h.id', 'd.host_org_id')
    .leftJoin('regions as c', 'c.code', 'd.county_code')
    .where(dispatchInScope(scope));
}

const dispatchColumns = ['p.name as person_name', 'p.origin_org_id', 'p.origin_unit', 'o.name as origin_org_name', 'h.name as host_org_name', 'c.name as county_name'] as const;
const SORT = { termStart: 'd.term_start', name: 'p.name', county: 'd.county_code' } as const;

/** On post at some time during the year (up to the actual end when there is one). */
const onPostDuring = (year: number) => sql<SqlBool>`d.term_start <= ${`${year}-12-31`} and ${effectiveEnd} >= ${`${year}-01-01`}`;

export async function listDispatches(q: Queryable, scope: Scope, f: Partial<DispatchListQuery> & Pick<DispatchListQuery, 'page' | 'pageSize' | 'order' | 'sort'>) {
  let query = dispatches(q, scope);
  if (f.q) query = query.where((eb) => eb.or([eb('p.name', 'like', like(f.q!)), eb('d.post', 'like', like(f.q!))]));
  if (f.personId) query = query.where('d.person_id', '=', f.personId);
  if (f.category) query = query.where('d.category', '=', f.category);
  if (f.team) query = query.where('d.team', '=', f.team);
  if (f.programme) query = query.where('d.programme', '=', f.programme);
  if (f.batch) query = query.where('d.batch', '=', f.batch);
  if (f.status) query = query.where('d.status', '=', f.status);
  if (f.county) query = query.where('d.county_code', 'like', `${f.county}%`);
  if (f.year) query = query.where(onPostDuring(f.year));
  const [rows, count] = await Promise.all([
    query.selectAll('d').select(dispatchColumns).orderBy(SORT[f.sort], f.order).orderBy('d.id').offset((f.page - 1) * f.pageSize).limit(f.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findDispatch(q: Queryable, scope: Scope, id: number) {
  return dispatches(q, scope).selectAll('d').select(dispatchColumns).where('d.id', '=', id).executeTakeFirst();
}
export type DispatchRow = NonNullable<Awaited<ReturnType<typeof findDispatch>>>;

export type DispatchValues = {
  person_id: number; category: string; team: 'education' | 'medical' | null; programme: string; batch: string | null;
  host_org_id: number | null; host_region: string | null; county_code: string; post: string | null;
  term_start: string; term_end: string; actual_end: string | null; status: 'on_post' | 'rotated' | 'returned_early'; replaces_id: number | null; note: string | null;
};

export async function insertDispatch(q: Queryable, v: DispatchValues & { is_demo?: boolean }) {
  return (await q.insertInto('dispatches').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateDispatch(q: Queryable, id: number, v: DispatchValues) {
  await q.updateTable('dispatches').set({ ...v, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function removeDispatch(q: Queryable, id: number) {
  await q.deleteFrom('dispatches').where('id', '=', id).execute();
}

/** The person's other dispatches whose term (to the actual end when known) overlaps [start, end]. */
export async function findOverlapping(q: Queryable, personId: number, start: string, end: string, exceptId?: number) {
  let query = q
    .selectFrom('dispatches as d')
    .select(['d.id', 'd.term_start', 'd.term_end', 'd.actual_end'])
    .where('d.person_id', '=', personId)
    .where('d.term_start', '<=', end)
    .where(sql<SqlBool>`${effectiveEnd} >= ${start}`);
  if (exceptId) query = query.where('d.id', '<>', exceptId);
  return query.orderBy('d.term_start').execute();
}

// ---- the yearly counts ----

/**
 * People on post during the year by county and category, by county and 组团式 team, by county,
 * and overall — distinct people in each group (grouping sets, one pass).
 */
export async function onPostCounts(q: Queryable, scope: Scope, year: number, county?: string) {
  let query = q
    .selectFrom('dispatches as d')
    .innerJoin('persons as p', 'p.id', 'd.person_id')
    .where(dispatchInScope(scope))
    .where(onPostDuring(year));
  if (county) query = query.where('d.county_code', 'like', `${county}%`);
  return query
    .select([
      'd.county_code',
      'd.category',
      'd.team',
      sql<number>`count(distinct d.person_id)::int`.as('people'),
      sql<number>`grouping(d.county_code)::int`.as('g_county'),
      sql<number>`grouping(d.category)::int`.as('g_category'),
      sql<number>`grouping(d.team)::int`.as('g_team'),
    ])
    .groupBy(sql`grouping sets ((d.county_code, d.category), (d.county_code, d.team), (d.county_code), (d.category), (d.team), ())`)
    .execute();
}

/** For imports: the person of this name from this sending unit (a registered org, or its name as text). */
export async function findPersonByNameAndOrigin(q: Queryable, name: string, origin: { orgId: number | null; unit: string }) {
  return q
    .selectFrom('persons')
    .select('id')
    .where('name', '=', name)
    .where((eb) => (origin.orgId ? eb('origin_org_id', '=', origin.orgId) : eb('origin_unit', '=', origin.unit)))
    .executeTakeFirst();
}
