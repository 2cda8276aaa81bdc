import { sql, type Expression, type SqlBool } from 'kysely';
import { containing } from '../../platform/db/like.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { recordInScope, type Scope } from '../../platform/access/scope.ts';
import type { TrainingListQuery } from './training.contract.ts';

export const trainingInScope = (scope: Scope): Expression<SqlBool> =>
  recordInScope(scope, { orgs: ['tr.owning_org_id', 'tr.organiser_org_id'], region: 'tr.county_code', pairing: 'tr.pairing_id' });

/** What counts in a scope's totals: the organiser's and owner's side always; the county's once it has confirmed the training. */
export const trainingCountsIn = (scope: Scope): Expression<SqlBool> =>
  recordInScope(scope, { orgs: ['tr.owning_org_id', 'tr.organiser_org_id'], pairing: 'tr.pairing_id', extra: [sql<SqlBool>`(tr.claim_status = 'confirmed' and ${recordInScope(scope, { orgs: [], region: 'tr.county_code' })})`] });

function base(q: Queryable, scope: Scope) {
  return q
    .selectFrom('trainings as tr')
    .leftJoin('regions as pl', 'pl.code', 'tr.place_region')
    .leftJoin('orgs as og', 'og.id', 'tr.organiser_org_id')
    .leftJoin('orgs as ow', 'ow.id', 'tr.owning_org_id')
    .where(trainingInScope(scope));
}

export async function list(q: Queryable, scope: Scope, f: TrainingListQuery) {
  let query = base(q, scope);
  if (f.county) query = query.where('tr.county_code', 'like', `${f.county.slice(0, 6)}%`);
  if (f.year) query = query.where('tr.start_date', '>=', `${f.year}-01-01`).where('tr.start_date', '<=', `${f.year}-12-31`);
  if (f.q) {
    const like = containing(f.q);
    query = query.where((eb) => eb.or([eb('tr.title', 'like', like), eb('tr.organiser_name', 'like', like)]));
  }
  if (f.targetGroup) query = query.where('tr.target_group', '=', f.targetGroup);
  if (f.kind) query = query.where('tr.kind', '=', f.kind);
  if (f.pairing) query = query.where('tr.pairing_id', '=', f.pairing);
  const [rows, count] = await Promise.all([
    query.selectAll('tr').select(['pl.name as place_name', 'og.name as organiser_org_name', 'ow.name as owning_org_name']).orderBy('tr.start_date', f.order).orderBy('tr.id', f.order).offset((f.page - 1) * f.pageSize).limit(f.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

const detailed = (q: Queryable, scope: Scope) => base(q, scope).selectAll('tr').select(['pl.name as place_name', 'og.name as organiser_org_name', 'ow.name as owning_org_name']);

export async function findById(q: Queryable, scope: Scope, id: number) {
  return detailed(q, scope).where('tr.id', '=', id).executeTakeFirst();
}

/** Many at once (a sheet's new trainings, for their audit entries), by id. */
export async function findByIds(q: Queryable, scope: Scope, ids: number[]) {
  return ids.length ? detailed(q, scope).where(sql<SqlBool>`tr.id = any(${ids}::bigint[])`).orderBy('tr.id').execute() : [];
}
export type TrainingRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

export type TrainingValues = {
  title: string; kind: 'training' | 'shadowing'; organiser_org_id: number | null; organiser_name: string | null; place_region: string | null; in_shanghai: boolean;
  start_date: string; end_date: string; target_group: string; batches: number; participants: number; person_times: number; county_code: string | null;
  pairing_id: number | null; activity_id: number | null; is_demo?: boolean;
  owning_org_id?: number | null; claim_status?: 'pending' | 'confirmed' | 'refused'; claim_note?: string | null; claim_decided_by?: string | null; claim_decided_at?: Date | null;
};
export async function insert(q: Queryable, v: TrainingValues) {
  return (await q.insertInto('trainings').values(v).returning('id').executeTakeFirstOrThrow()).id;
}
export async function update(q: Queryable, id: number, v: Partial<TrainingValues>) {
  await q.updateTable('trainings').set({ ...v, updated_at: new Date() }).where('id', '=', id).execute();
}
export async function remove(q: Queryable, id: number) {
  await q.deleteFrom('trainings').where('id', '=', id).execute();
}

/** 批次 and 人次 per year (by start date) and target group, in scope. */
export async function sums(q: Queryable, scope: Scope, years: number[], county?: string) {
  let query = q.selectFrom('trainings as tr').where(trainingCountsIn(scope)).where(sql<SqlBool>`extract(year from tr.start_date)::int = any(${years}::int[])`);
  if (county) query = query.where('tr.county_code', 'like', `${county.slice(0, 6)}%`).where('tr.claim_status', '=', 'confirmed');
  return query
    .select([sql<number>`extract(year from tr.start_date)::int`.as('year'), 'tr.target_group', sql<number>`sum(tr.batches)::int`.as('batches'), sql<number>`sum(tr.person_times)::int`.as('person_times')])
    .groupBy([sql`1`, 'tr.target_group'])
    .execute();
}
