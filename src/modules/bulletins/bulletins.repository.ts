import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import type { Scope } from '../../platform/access/scope.ts';
import { activityInScope } from '../activities/activities.repository.ts';

export const findBySha = (q: Queryable, sha256: string) => q.selectFrom('bulletin_documents').select('id').where('sha256', '=', sha256).executeTakeFirst();
export const findDocument = (q: Queryable, id: number) => q.selectFrom('bulletin_documents').selectAll().where('id', '=', id).executeTakeFirst();
export type DocumentRow = NonNullable<Awaited<ReturnType<typeof findDocument>>>;

export async function insertDocument(q: Queryable, v: { sha256: string; file_name: string; year: number | null; year_basis: string; issued_on: string | null; text: string; user_id: number | null; actor_name: string }) {
  return (await q.insertInto('bulletin_documents').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertDrafts(q: Queryable, rows: { document_id: number; item_no: number; title: string; section: string | null; date_start: string | null; date_end: string | null; kind: string; facts: string; span_start: number; span_end: number }[]) {
  if (rows.length) await q.insertInto('bulletin_drafts').values(rows).execute();
}

export const drafts = (q: Queryable, documentId: number) => q.selectFrom('bulletin_drafts').selectAll().where('document_id', '=', documentId).orderBy('item_no').execute();
export type DraftRow = Awaited<ReturnType<typeof drafts>>[number];
export const findDraft = (q: Queryable, id: number) => q.selectFrom('bulletin_drafts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export async function decide(q: Queryable, id: number, v: { status: 'accepted' | 'rejected'; activity_id: number | null; decided_by: string }) {
  await q.updateTable('bulletin_drafts').set({ ...v, decided_at: new Date() }).where('id', '=', id).execute();
}

/** Documents the user imported (every document for a global scope), newest first, with their drafts' counts. */
export async function listDocuments(q: Queryable, userId: number | null, all: boolean, page: number, pageSize: number) {
  let query = q.selectFrom('bulletin_documents as d');
  if (!all) query = userId === null ? query.where(sql<boolean>`false`) : query.where('d.user_id', '=', userId);
  const [rows, count] = await Promise.all([
    query
      .select(['d.id', 'd.file_name', 'd.year', 'd.year_basis', 'd.issued_on', 'd.actor_name', 'd.created_at', 'd.user_id'])
      .select([
        sql<number>`(select count(*)::int from bulletin_drafts x where x.document_id = d.id and x.status = 'pending')`.as('pending'),
        sql<number>`(select count(*)::int from bulletin_drafts x where x.document_id = d.id and x.status = 'accepted')`.as('accepted'),
        sql<number>`(select count(*)::int from bulletin_drafts x where x.document_id = d.id and x.status = 'rejected')`.as('rejected'),
      ])
      .orderBy('d.id', 'desc').offset((page - 1) * pageSize).limit(pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Activities in scope starting on a day, to offer as the same event reported again. */
export const activitiesOn = (q: Queryable, scope: Scope, days: string[]) =>
  days.length ? q.selectFrom('activities as a').where(activityInScope(scope)).where('a.start_date', 'in', days).select(['a.id', 'a.title', 'a.start_date']).execute() : Promise.resolve([]);
