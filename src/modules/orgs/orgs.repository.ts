import { sql } from 'kysely';
import { containing } from '../../platform/db/like.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { OrgListQuery } from './orgs.contract.ts';
import { orgIdInScope, type Scope } from '../../platform/access/scope.ts';

const SORT = { name: 'o.name', type: 'o.type', createdAt: 'o.created_at', regionCode: 'o.region_code' } as const;

function baseQuery(q: Queryable) {
  return q.selectFrom('orgs as o').leftJoin('orgs as p', 'p.id', 'o.parent_id');
}

const columns = [
  'o.id', 'o.name', 'o.type', 'o.side', 'o.region_code', 'o.parent_id', 'o.aliases', 'o.note', 'o.is_demo',
  'o.created_at', 'o.updated_at', 'p.name as parent_name',
] as const;

export type OrgRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

export async function findById(q: Queryable, id: number) {
  return baseQuery(q).select(columns).where('o.id', '=', id).executeTakeFirst();
}

export async function findByIds(q: Queryable, ids: number[]) {
  if (!ids.length) return [];
  return q.selectFrom('orgs').select(['id', 'name', 'region_code', 'side']).where('id', 'in', ids).execute();
}

export async function list(q: Queryable, scope: Scope, f: OrgListQuery) {
  let query = baseQuery(q).where(orgIdInScope(scope, 'o.id'));
  if (f.q) {
    const like = containing(f.q);
    query = query.where((eb) => eb.or([eb('o.name', 'like', like), sql<boolean>`${f.q} = any(o.aliases)`]));
  }
  if (f.side) query = query.where('o.side', '=', f.side);
  if (f.type) query = query.where('o.type', '=', f.type);
  if (f.region) query = query.where('o.region_code', 'like', `${f.region}%`);
  if (f.parentId) query = query.where('o.parent_id', '=', f.parentId);
  const [rows, count] = await Promise.all([
    query
      .select(columns)
      .orderBy(SORT[f.sort], f.order)
      .orderBy('o.id')
      .offset((f.page - 1) * f.pageSize)
      .limit(f.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insert(q: Queryable, values: { name: string; type: string; side: 'east' | 'west'; region_code: string | null; parent_id: number | null; aliases: string[]; note: string | null; is_demo?: boolean }) {
  const { id } = await q.insertInto('orgs').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function update(q: Queryable, id: number, values: Partial<{ name: string; type: string; side: 'east' | 'west'; region_code: string | null; parent_id: number | null; aliases: string[]; note: string | null }>) {
  await q.updateTable('orgs').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function remove(q: Queryable, id: number) {
  await q.deleteFrom('orgs').where('id', '=', id).execute();
}

export async function findByName(q: Queryable, name: string, exceptId?: number) {
  let query = q.selectFrom('orgs').select(['id', 'name']).where('name', '=', name);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

/** Exact name or alias (香市, 区侨联): how bulletins and the CLI name organisations. */
export async function findByNameOrAlias(q: Queryable, text: string) {
  return q
    .selectFrom('orgs')
    .select(['id', 'name', 'side', 'region_code'])
    .where((eb) => eb.or([eb('name', '=', text), sql<boolean>`${text} = any(aliases)`]))
    .orderBy('id')
    .execute();
}

/** Organisations named by any of the names (exactly, or by an alias), for a sheet's rows at once. */
export async function findByNamesOrAliases(q: Queryable, names: string[]) {
  if (!names.length) return [];
  return q
    .selectFrom('orgs')
    .select(['id', 'name', 'side', 'region_code', 'aliases'])
    .where((eb) => eb.or([eb('name', '=', sql<string>`any(${names}::text[])`), sql<boolean>`aliases && ${names}::text[]`]))
    .orderBy('id')
    .execute();
}

/** The organisation and everything below it, with depth. */
export async function subtree(q: Queryable, id: number) {
  const r = await sql<{ id: number; name: string; parent_id: number | null; depth: number }>`
    with recursive t(id, name, parent_id, depth) as (
      select id, name, parent_id, 0 from orgs where id = ${id}
      union all
      select o.id, o.name, o.parent_id, t.depth + 1 from orgs o join t on o.parent_id = t.id where t.depth < 20
    )
    select id, name, parent_id, depth from t order by depth, name`.execute(q);
  return r.rows;
}

/** Ancestors of a prospective parent, to refuse a cycle. */
export async function ancestorIds(q: Queryable, id: number): Promise<number[]> {
  const r = await sql<{ id: number }>`
    with recursive t(id, parent_id, depth) as (
      select id, parent_id, 0 from orgs where id = ${id}
      union all
      select o.id, o.parent_id, t.depth + 1 from orgs o join t on o.id = t.parent_id where t.depth < 50
    )
    select id from t`.execute(q);
  return r.rows.map((x) => x.id);
}

export async function countDependents(q: Queryable, id: number) {
  const r = await sql<{ children: number; pairings: number }>`
    select (select count(*)::int from orgs where parent_id = ${id}) as children,
           (select count(*)::int from pairings where east_org_id = ${id} or west_org_id = ${id}) as pairings`.execute(q);
  return r.rows[0];
}

export async function lockById(q: Queryable, ids: number[]) {
  return q.selectFrom('orgs').select(['id', 'name', 'side', 'region_code', 'type']).where('id', 'in', ids).forUpdate().execute();
}
