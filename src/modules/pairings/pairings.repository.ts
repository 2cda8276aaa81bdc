import { sql, type ExpressionBuilder } from 'kysely';
import { containing } from '../../platform/db/like.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { orgIdInScope, type Scope } from '../../platform/access/scope.ts';

type Eb = ExpressionBuilder<DB & { p: DB['pairings']; e: DB['orgs']; w: DB['orgs'] }, 'p' | 'e' | 'w'>;

export interface PairingFilter {
  scope: Scope;
  type?: string;
  status?: string;
  orgIds?: number[];
  region?: string;
  year?: number;
  q?: string;
  ids?: number[];
}

const SORT = { startDate: 'p.start_date', type: 'p.type', createdAt: 'p.created_at' } as const;

function base(q: Queryable) {
  return q
    .selectFrom('pairings as p')
    .innerJoin('orgs as e', 'e.id', 'p.east_org_id')
    .innerJoin('orgs as w', 'w.id', 'p.west_org_id');
}

/** In force at some time during the year. */
export function inForceDuring(year: number) {
  return (eb: Eb) =>
    eb.and([
      eb('p.start_date', '<=', `${year}-12-31`),
      eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', `${year}-01-01`)]),
    ]);
}

function filtered(q: Queryable, f: PairingFilter) {
  let query = base(q).where((eb) => eb.or([orgIdInScope(f.scope, 'p.east_org_id'), orgIdInScope(f.scope, 'p.west_org_id')]));
  if (f.ids) query = query.where('p.id', 'in', f.ids.length ? f.ids : [0]);
  if (f.type) query = query.where('p.type', '=', f.type);
  if (f.status) query = query.where('p.status', '=', f.status as 'active');
  if (f.orgIds) {
    const ids = f.orgIds.length ? f.orgIds : [0];
    query = query.where((eb) => eb.or([eb('p.east_org_id', 'in', ids), eb('p.west_org_id', 'in', ids)]));
  }
  if (f.region) {
    const like = `${f.region}%`;
    query = query.where((eb) => eb.or([eb('w.region_code', 'like', like), eb('e.region_code', 'like', like)]));
  }
  if (f.year) query = query.where(inForceDuring(f.year));
  if (f.q) {
    const like = containing(f.q);
    query = query.where((eb) => eb.or([eb('e.name', 'like', like), eb('w.name', 'like', like), eb('p.note', 'like', like)]));
  }
  return query;
}

const columns = [
  'p.id', 'p.type', 'p.start_date', 'p.end_date', 'p.status', 'p.note', 'p.is_demo', 'p.created_at', 'p.updated_at',
  'e.id as east_id', 'e.name as east_name', 'e.type as east_type', 'e.region_code as east_region',
  'w.id as west_id', 'w.name as west_name', 'w.type as west_type', 'w.region_code as west_region',
] as const;

/** The listed columns plus the pairing's agreement count and pledged total. */
function selected(q: Queryable, f: PairingFilter) {
  return filtered(q, f)
    .select(columns)
    .select([
      sql<number>`(select count(*)::int from agreements a where a.pairing_id = p.id)`.as('agreement_count'),
      sql<number>`(select coalesce(sum(a.pledged_fen), 0)::bigint from agreements a where a.pairing_id = p.id)`.as('pledged_fen'),
    ]);
}

export async function list(q: Queryable, f: PairingFilter, page: { offset: number; limit: number; sort: keyof typeof SORT; order: 'asc' | 'desc' }) {
  const query = filtered(q, f);
  const [rows, count] = await Promise.all([
    selected(q, f)
      .orderBy(SORT[page.sort], page.order)
      .orderBy('p.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function all(q: Queryable, f: PairingFilter) {
  return selected(q, f).orderBy('p.start_date').orderBy('p.id').execute();
}

export type PairingRow = Awaited<ReturnType<typeof all>>[number];

export async function findById(q: Queryable, id: number, scope: Scope) {
  return selected(q, { ids: [id], scope }).executeTakeFirst();
}

/** Pairings of the same two units and type whose dates overlap the given range. */
export async function findOverlapping(q: Queryable, p: { type: string; eastOrgId: number; westOrgId: number; startDate: string; endDate: string | null }, exceptId?: number) {
  let query = q
    .selectFrom('pairings')
    .select(['id', 'start_date', 'end_date'])
    .where('type', '=', p.type)
    .where('east_org_id', '=', p.eastOrgId)
    .where('west_org_id', '=', p.westOrgId)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', p.startDate)]));
  if (p.endDate) query = query.where('start_date', '<=', p.endDate);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.execute();
}

export async function insert(q: Queryable, v: { type: string; east_org_id: number; west_org_id: number; start_date: string; end_date: string | null; status: 'active' | 'suspended' | 'ended'; note: string | null; is_demo?: boolean }) {
  const { id } = await q.insertInto('pairings').values(v).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function update(q: Queryable, id: number, v: Partial<{ type: string; east_org_id: number; west_org_id: number; start_date: string; end_date: string | null; status: 'active' | 'suspended' | 'ended'; note: string | null }>) {
  await q.updateTable('pairings').set({ ...v, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function remove(q: Queryable, id: number) {
  await q.deleteFrom('pairings').where('id', '=', id).execute();
}

/** Recipient-side pairings in force in a year under a region prefix, with the recipient's code. */
export async function coveringUnder(q: Queryable, scope: Scope, prefix: string, year: number) {
  return base(q)
    .where((eb) => eb.or([orgIdInScope(scope, 'p.east_org_id'), orgIdInScope(scope, 'p.west_org_id')]))
    .select(['p.id as pairing_id', 'p.type', 'e.id as east_id', 'e.name as east_name', 'w.region_code as west_region'])
    .where('w.region_code', 'like', `${prefix}%`)
    .where(inForceDuring(year))
    .where('p.status', '<>', 'suspended')
    .orderBy('p.id')
    .execute();
}

// ---- agreements ----

export async function listAgreements(q: Queryable, pairingId: number) {
  return q.selectFrom('agreements').selectAll().where('pairing_id', '=', pairingId).orderBy('year').orderBy('id').execute();
}

export async function findAgreement(q: Queryable, id: number) {
  return q.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
}

export type AgreementRow = NonNullable<Awaited<ReturnType<typeof findAgreement>>>;

export async function insertAgreement(q: Queryable, v: { pairing_id: number; year: number; title: string | null; signed_on: string | null; pledged_fen: number; document_no: string | null; note: string | null }) {
  const { id } = await q.insertInto('agreements').values(v).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateAgreement(q: Queryable, id: number, v: Partial<{ year: number; title: string | null; signed_on: string | null; pledged_fen: number; document_no: string | null; note: string | null }>) {
  await q.updateTable('agreements').set({ ...v, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function removeAgreement(q: Queryable, id: number) {
  await q.deleteFrom('agreements').where('id', '=', id).execute();
}

/**
 * A scope widened by its pairings: the recipient counties of every pairing one of whose sides is in
 * scope join the scope's regions. An east district sees the suppliers and sales of its paired
 * counties (a township or village pairing reaches its county).
 */
export async function withPairedCounties(q: Queryable, scope: Scope): Promise<Scope> {
  if (scope.all) return scope;
  const rows = await base(q)
    .where((eb) => eb.or([orgIdInScope(scope, 'p.east_org_id'), orgIdInScope(scope, 'p.west_org_id')]))
    .where('w.region_code', 'is not', null)
    .select('w.region_code as west_region')
    .distinct()
    .execute();
  const counties = rows.map((r) => r.west_region!.slice(0, 6)).filter((c) => c.length >= 4);
  return { all: false, orgIds: scope.orgIds, regionPrefixes: [...new Set([...scope.regionPrefixes, ...counties])] };
}
