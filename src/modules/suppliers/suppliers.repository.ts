import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { containing } from '../../platform/db/like.ts';
import { orgIdInScope, regionCodeInScope, type Scope } from '../../platform/access/scope.ts';
import type { SupplierListQuery } from './suppliers.contract.ts';

/** `scope` here is already widened by the pairings (withPairedCounties): suppliers are scoped by their county. */
function base(q: Queryable, scope: Scope) {
  return q
    .selectFrom('suppliers as s')
    .leftJoin('regions as r', 'r.code', 's.region_code')
    .leftJoin('regions as c', 'c.code', 's.county_code')
    .leftJoin('orgs as ow', 'ow.id', 's.owning_org_id')
    .where((eb) => eb.or([regionCodeInScope(scope, 's.county_code'), orgIdInScope(scope, 's.owning_org_id')]))
    .selectAll('s')
    .select(['r.name as region_name', 'c.name as county_name', 'ow.name as owning_org_name']);
}

export async function list(q: Queryable, scope: Scope, f: SupplierListQuery) {
  let query = base(q, scope);
  if (f.q) query = query.where((eb) => eb.or([eb('s.name', 'like', containing(f.q!)), eb('s.registration_no', 'like', containing(f.q!))]));
  if (f.county) query = query.where('s.region_code', 'like', `${f.county}%`);
  if (f.kind) query = query.where('s.kind', '=', f.kind);
  const [rows, count] = await Promise.all([
    query.orderBy('s.name', f.order).orderBy('s.id').offset((f.page - 1) * f.pageSize).limit(f.pageSize).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findById(q: Queryable, scope: Scope, id: number) {
  return base(q, scope).where('s.id', '=', id).executeTakeFirst();
}
export type SupplierRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

export async function findByRegistration(q: Queryable, registrationNo: string, exceptId?: number) {
  let query = q.selectFrom('suppliers').select(['id', 'name']).where('registration_no', '=', registrationNo);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

/** Products per supplier and status, for the list. */
export async function productCounts(q: Queryable, ids: number[]) {
  if (!ids.length) return [];
  return q.selectFrom('products').select(['supplier_id', 'status', sql<number>`count(*)::int`.as('n')]).where('supplier_id', 'in', ids).groupBy(['supplier_id', 'status']).execute();
}

export async function hasDependents(q: Queryable, id: number) {
  const row = await q
    .selectNoFrom([
      sql<boolean>`exists (select 1 from products where supplier_id = ${id})`.as('products'),
      sql<boolean>`exists (select 1 from sales where supplier_id = ${id})`.as('sales'),
    ])
    .executeTakeFirstOrThrow();
  return row.products || row.sales;
}

type Values = {
  owning_org_id?: number | null;
  name: string; kind: string; region_code: string; county_code: string; registration_no: string | null; contact_name: string | null; contact_phone: string | null;
  mechanisms: string[]; mechanism_note: string | null; households_linked: number; people_linked: number; is_demo?: boolean;
};
export async function insert(q: Queryable, v: Values) {
  return (await q.insertInto('suppliers').values(v).returning('id').executeTakeFirstOrThrow()).id;
}
export async function update(q: Queryable, id: number, v: Partial<Values>) {
  await q.updateTable('suppliers').set({ ...v, updated_at: new Date() }).where('id', '=', id).execute();
}
export async function remove(q: Queryable, id: number) {
  await q.deleteFrom('suppliers').where('id', '=', id).execute();
}

/** Every supplier in scope by name and registration number, for resolving import rows. */
export async function allInScope(q: Queryable, scope: Scope) {
  return q.selectFrom('suppliers as s').select(['s.id', 's.name', 's.registration_no', 's.county_code']).where(regionCodeInScope(scope, 's.county_code')).execute();
}
