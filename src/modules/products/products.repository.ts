import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { containing } from '../../platform/db/like.ts';
import { regionCodeInScope, type Scope } from '../../platform/access/scope.ts';
import type { CatalogueQuery, ProductListQuery } from './products.contract.ts';

/** The status as it stands today: a certified product past its valid-until date is expired, swept or not. */
export const effectiveStatus = (today: string): RawBuilder<string> =>
  sql<string>`case when p.status = 'certified' and p.valid_until < ${today}::date then 'expired' else p.status end`;

/** `scope` is already widened by the pairings: products are scoped by their supplier's county. */
function base(q: Queryable, scope: Scope, today: string) {
  return q
    .selectFrom('products as p')
    .innerJoin('suppliers as s', 's.id', 'p.supplier_id')
    .leftJoin('regions as o', 'o.code', 'p.origin_region')
    .leftJoin('regions as c', 'c.code', 'p.county_code')
    .where(regionCodeInScope(scope, 'p.county_code'))
    .selectAll('p')
    .select(['s.name as supplier_name', 'o.name as origin_name', 'c.name as county_name', effectiveStatus(today).as('current_status')]);
}

export async function list(q: Queryable, scope: Scope, f: ProductListQuery, today: string) {
  let query = base(q, scope, today);
  if (f.q) query = query.where((eb) => eb.or([eb('p.name', 'like', containing(f.q!)), eb('s.name', 'like', containing(f.q!)), eb('p.batch_no', 'like', containing(f.q!))]));
  if (f.county) query = query.where('p.county_code', 'like', `${f.county.slice(0, 6)}%`);
  if (f.category) query = query.where('p.category', '=', f.category);
  if (f.supplier) query = query.where('p.supplier_id', '=', f.supplier);
  if (f.status) query = query.where(effectiveStatus(today), 'in', f.status.split(','));
  const [rows, count] = await Promise.all([
    query.orderBy('p.updated_at', f.order === 'asc' ? 'asc' : 'desc').orderBy('p.id', 'desc').offset((f.page - 1) * f.pageSize).limit(f.pageSize).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findById(q: Queryable, scope: Scope, id: number, today: string) {
  return base(q, scope, today).where('p.id', '=', id).executeTakeFirst();
}
export type ProductRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

/** Locks the product row for a workflow step (two reviewers cannot both move it). */
export async function lock(q: Queryable, id: number) {
  await q.selectFrom('products').select('id').where('id', '=', id).forUpdate().execute();
}

const none = [0];
export const opinions = (q: Queryable, ids: number[]) =>
  q.selectFrom('product_opinions as po').leftJoin('users as u', 'u.id', 'po.user_id').selectAll('po').select('u.display_name as user_name').where('po.product_id', 'in', ids.length ? ids : none).orderBy('po.id').execute();
export const objections = (q: Queryable, ids: number[]) => q.selectFrom('product_objections').selectAll().where('product_id', 'in', ids.length ? ids : none).orderBy('id').execute();
export const steps = (q: Queryable, ids: number[]) => q.selectFrom('product_steps').selectAll().where('product_id', 'in', ids.length ? ids : none).orderBy('id').execute();
export const lastStep = (q: Queryable, id: number) => q.selectFrom('product_steps').selectAll().where('product_id', '=', id).orderBy('id', 'desc').limit(1).executeTakeFirst();

type Values = {
  supplier_id: number; name: string; category: string; origin_region: string; county_code: string; specification: string; price_fen: number; unit: string;
  quality_documents: string[]; benefit_note: string; status: string; applied_on: string; is_demo?: boolean;
};
export async function insert(q: Queryable, v: Values) {
  return (await q.insertInto('products').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

type State = Partial<{
  name: string; category: string; origin_region: string; county_code: string; specification: string; price_fen: number; unit: string; quality_documents: string[]; benefit_note: string;
  status: string; decision_reason: string | null; notice_start: string | null; notice_end: string | null; batch_no: string | null; certified_on: string | null; valid_until: string | null;
  last_reviewed_on: string | null; ended_on: string | null; end_reason: string | null;
}>;
export async function update(q: Queryable, id: number, v: State) {
  await q.updateTable('products').set({ ...v, updated_at: new Date() }).where('id', '=', id).execute();
}
export async function remove(q: Queryable, id: number) {
  await q.deleteFrom('products').where('id', '=', id).execute();
}

export async function insertStep(q: Queryable, v: { product_id: number; action: string; from_status: string | null; to_status: string; acted_on: string; document_no: string | null; comment: string | null; user_id: number | null; actor_name: string }) {
  await q.insertInto('product_steps').values(v).execute();
}

export async function upsertOpinion(q: Queryable, v: { product_id: number; department: string; agree: boolean; comment: string | null; given_on: string; user_id: number | null }) {
  await q
    .insertInto('product_opinions')
    .values(v)
    .onConflict((oc) => oc.columns(['product_id', 'department']).doUpdateSet({ agree: v.agree, comment: v.comment, given_on: v.given_on, user_id: v.user_id }))
    .execute();
}

export async function insertObjection(q: Queryable, v: { product_id: number; received_on: string; objector: string | null; content: string }) {
  return (await q.insertInto('product_objections').values(v).returning('id').executeTakeFirstOrThrow()).id;
}
export async function resolveObjection(q: Queryable, id: number, v: { upheld: boolean; resolution: string; resolved_on: string }) {
  await q.updateTable('product_objections').set(v).where('id', '=', id).execute();
}

export async function hasSales(q: Queryable, id: number) {
  return !!(await q.selectFrom('sales').select('id').where('product_id', '=', id).limit(1).executeTakeFirst());
}

export async function statusCounts(q: Queryable, scope: Scope, today: string, county?: string) {
  let query = q.selectFrom('products as p').where(regionCodeInScope(scope, 'p.county_code'));
  if (county) query = query.where('p.county_code', 'like', `${county.slice(0, 6)}%`);
  return query.select([effectiveStatus(today).as('status'), sql<number>`count(*)::int`.as('n')]).groupBy(sql`1`).execute();
}

// ---- rules ----
export const rules = (q: Queryable) => q.selectFrom('certification_rules').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
export async function updateRules(q: Queryable, v: { required_departments: string[]; notice_days: number; max_valid_months: number }) {
  await q.updateTable('certification_rules').set({ ...v, updated_at: new Date() }).where('id', '=', 1).execute();
}

// ---- expiry ----
/** Certified or delisted products whose validity ended before today, locked for the sweep. */
export async function dueToExpire(q: Queryable, today: string) {
  return q.selectFrom('products').select(['id', 'status', 'valid_until']).where('status', 'in', ['certified', 'delisted']).where('valid_until', '<', today).forUpdate().skipLocked().execute();
}

// ---- the public catalogue: certified and valid, no contact or registration data ----
function catalogueBase(q: Queryable, f: CatalogueQuery, today: string) {
  let query = q
    .selectFrom('products as p')
    .innerJoin('suppliers as s', 's.id', 'p.supplier_id')
    .where('p.status', '=', 'certified')
    .where('p.valid_until', '>=', today);
  if (f.q) query = query.where((eb) => eb.or([eb('p.name', 'like', containing(f.q!)), eb('s.name', 'like', containing(f.q!))]));
  if (f.county) query = query.where('p.county_code', 'like', `${f.county.slice(0, 6)}%`);
  if (f.category) query = query.where('p.category', '=', f.category);
  if (f.supplier) query = query.where('s.name', 'like', containing(f.supplier));
  return query;
}

export async function catalogue(q: Queryable, f: CatalogueQuery, today: string) {
  const query = catalogueBase(q, f, today);
  const [rows, count, counties, categories] = await Promise.all([
    query
      .leftJoin('regions as c', 'c.code', 'p.county_code')
      .select(['p.id', 'p.name', 'p.category', 'p.county_code', 'c.name as county_name', 's.name as supplier_name', 'p.specification', 'p.price_fen', 'p.unit', 'p.batch_no', 'p.certified_on', 'p.valid_until'])
      .orderBy('p.county_code').orderBy('p.category').orderBy('p.name').orderBy('p.id')
      .offset((f.page - 1) * f.pageSize).limit(f.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    catalogueBase(q, { ...f, county: undefined }, today).leftJoin('regions as c', 'c.code', 'p.county_code').select(['p.county_code', 'c.name', sql<number>`count(*)::int`.as('n')]).groupBy(['p.county_code', 'c.name']).orderBy('p.county_code').execute(),
    catalogueBase(q, { ...f, category: undefined }, today).select(['p.category', sql<number>`count(*)::int`.as('n')]).groupBy('p.category').orderBy('p.category').execute(),
  ]);
  return { rows, total: Number(count.n), counties, categories };
}
