import type { Queryable } from '../../platform/db/database.ts';

export async function listForProject(q: Queryable, projectId: number) {
  return q.selectFrom('fund_transactions').selectAll().where('project_id', '=', projectId).orderBy('on_date').orderBy('id').execute();
}

export async function findById(q: Queryable, id: number) {
  return q.selectFrom('fund_transactions').selectAll().where('id', '=', id).executeTakeFirst();
}
export type FundRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

export async function signaturesOf(q: Queryable, ids: number[]) {
  if (!ids.length) return [];
  return q
    .selectFrom('fund_signatures as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.transaction_id', 's.user_id', 'u.display_name', 's.side', 's.signed_at'])
    .where('s.transaction_id', 'in', ids)
    .orderBy('s.signed_at')
    .execute();
}

export type FundValues = { project_id: number; county_code: string; kind: 'allocate' | 'disburse' | 'spend' | 'return'; amount_fen: number; on_date: string; document_no: string | null; note: string | null; status: 'pending' | 'effective'; created_by: number | null };

export async function insert(q: Queryable, v: FundValues) {
  return (await q.insertInto('fund_transactions').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function sign(q: Queryable, transactionId: number, userId: number, side: 'east' | 'west') {
  await q.insertInto('fund_signatures').values({ transaction_id: transactionId, user_id: userId, side }).execute();
}

export async function makeEffective(q: Queryable, id: number) {
  await q.updateTable('fund_transactions').set({ status: 'effective' }).where('id', '=', id).execute();
}

export async function signerSide(q: Queryable, userId: number) {
  const row = await q.selectFrom('users as u').leftJoin('orgs as o', 'o.id', 'u.org_id').select(['o.side', 'o.name']).where('u.id', '=', userId).executeTakeFirst();
  return row?.side ?? null;
}
