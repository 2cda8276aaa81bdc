import { sql, type Expression, type SqlBool } from 'kysely';
import { containing } from '../../platform/db/like.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { recordInScope, type Scope } from '../../platform/access/scope.ts';
import type { DonationListQuery } from './donations.contract.ts';

export const donationInScope = (scope: Scope): Expression<SqlBool> =>
  recordInScope(scope, { orgs: ['d.owning_org_id', 'd.donor_org_id', 'd.recipient_org_id'], region: 'd.county_code', pairing: 'd.pairing_id' });

/**
 * What counts in a scope's totals: the donor's and owner's side always; the recipient's side (its
 * unit or county) only once the recipient has confirmed the donation (认领).
 */
export const donationCountsIn = (scope: Scope): Expression<SqlBool> =>
  recordInScope(scope, { orgs: ['d.owning_org_id', 'd.donor_org_id'], pairing: 'd.pairing_id', extra: [sql<SqlBool>`(d.claim_status = 'confirmed' and ${recordInScope(scope, { orgs: ['d.recipient_org_id'], region: 'd.county_code' })})`] });

function base(q: Queryable, scope: Scope) {
  return q
    .selectFrom('donations as d')
    .leftJoin('orgs as dn', 'dn.id', 'd.donor_org_id')
    .leftJoin('orgs as rc', 'rc.id', 'd.recipient_org_id')
    .leftJoin('regions as rg', 'rg.code', 'd.recipient_region')
    .leftJoin('orgs as ow', 'ow.id', 'd.owning_org_id')
    .where(donationInScope(scope));
}

const columns = ['dn.name as donor_org_name', 'rc.name as recipient_org_name', 'rg.name as recipient_region_name', 'ow.name as owning_org_name'] as const;

export async function list(q: Queryable, scope: Scope, f: DonationListQuery) {
  let query = base(q, scope);
  if (f.kind) query = query.where('d.kind', '=', f.kind);
  if (f.q) {
    const like = containing(f.q);
    query = query.where((eb) => eb.or([eb('d.donor_name', 'like', like), eb('dn.name', 'like', like), eb('rc.name', 'like', like), eb('d.purpose', 'like', like)]));
  }
  if (f.county) query = query.where('d.county_code', 'like', `${f.county.slice(0, 6)}%`);
  if (f.pairing) query = query.where('d.pairing_id', '=', f.pairing);
  if (f.year) query = query.where('d.donated_on', '>=', `${f.year}-01-01`).where('d.donated_on', '<=', `${f.year}-12-31`);
  const [rows, count] = await Promise.all([
    query.selectAll('d').select(columns).orderBy('d.donated_on', f.order).orderBy('d.id', f.order).offset((f.page - 1) * f.pageSize).limit(f.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findById(q: Queryable, scope: Scope, id: number) {
  return base(q, scope).selectAll('d').select(columns).where('d.id', '=', id).executeTakeFirst();
}

/** Many at once (a sheet's new donations, for their audit entries), by id. */
export async function findByIds(q: Queryable, scope: Scope, ids: number[]) {
  return ids.length ? base(q, scope).selectAll('d').select(columns).where(sql<SqlBool>`d.id = any(${ids}::bigint[])`).orderBy('d.id').execute() : [];
}
export type DonationRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

export async function items(q: Queryable, ids: number[]) {
  if (!ids.length) return [];
  return q.selectFrom('donation_items').selectAll().where('donation_id', 'in', ids).orderBy('id').execute();
}

export type DonationValues = { donor_org_id: number | null; donor_name: string | null; recipient_org_id: number | null; recipient_region: string | null; county_code: string | null; kind: 'cash' | 'goods'; value_fen: number; purpose: string | null; donated_on: string; pairing_id: number | null; activity_id: number | null; owning_org_id?: number | null; claim_status?: 'pending' | 'confirmed' | 'refused'; claim_note?: string | null; claim_decided_by?: string | null; claim_decided_at?: Date | null; is_demo?: boolean };

export async function insert(q: Queryable, v: DonationValues) {
  return (await q.insertInto('donations').values(v).returning('id').executeTakeFirstOrThrow()).id;
}
export async function update(q: Queryable, id: number, v: Partial<DonationValues>) {
  await q.updateTable('donations').set({ ...v, updated_at: new Date() }).where('id', '=', id).execute();
}
export async function remove(q: Queryable, id: number) {
  await q.deleteFrom('donations').where('id', '=', id).execute();
}
export async function replaceItems(q: Queryable, id: number, list: { item: string; quantity: number; unit: string; valueFen?: number | null }[]) {
  await q.deleteFrom('donation_items').where('donation_id', '=', id).execute();
  if (list.length) await q.insertInto('donation_items').values(list.map((i) => ({ donation_id: id, item: i.item, quantity: i.quantity, unit: i.unit, value_fen: i.valueFen ?? null }))).execute();
}

/** Totals in scope grouped by pairing, county or year: cash and goods apart. */
export async function totals(q: Queryable, scope: Scope, by: 'pairing' | 'county' | 'year', f: { county?: string; year?: number }) {
  const key = by === 'pairing' ? sql<string>`coalesce(d.pairing_id::text, '')` : by === 'county' ? sql<string>`case when d.claim_status = 'confirmed' then coalesce(d.county_code, '') else '?' end` : sql<string>`extract(year from d.donated_on)::int::text`;
  let query = q.selectFrom('donations as d').where(donationCountsIn(scope));
  if (f.county) query = query.where('d.county_code', 'like', `${f.county.slice(0, 6)}%`).where('d.claim_status', '=', 'confirmed');
  if (f.year) query = query.where('d.donated_on', '>=', `${f.year}-01-01`).where('d.donated_on', '<=', `${f.year}-12-31`);
  return query
    .select([
      key.as('key'),
      sql<number>`coalesce(sum(case when d.kind = 'cash' then d.value_fen end), 0)::bigint`.as('cash_fen'),
      sql<number>`coalesce(sum(case when d.kind = 'goods' then d.value_fen end), 0)::bigint`.as('goods_fen'),
      sql<number>`count(*)::int`.as('n'),
    ])
    .groupBy(key)
    .orderBy(key)
    .execute();
}
