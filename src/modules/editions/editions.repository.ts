import { sql } from 'kysely';
import type { Queryable } from '../../platform/db/database.ts';
import { orgIdInScope, type Scope } from '../../platform/access/scope.ts';
import { activityInScope } from '../activities/activities.repository.ts';
import type { EditionListQuery } from './editions.contract.ts';

const withPublisher = (q: Queryable) =>
  q.selectFrom('bulletin_editions as e').innerJoin('orgs as o', 'o.id', 'e.publisher_org_id').selectAll('e').select([
    'o.name as publisher_name',
    sql<number>`(select count(*)::int from bulletin_edition_items i where i.edition_id = e.id)`.as('item_count'),
  ]);

export const findEdition = (q: Queryable, scope: Scope, id: number) =>
  withPublisher(q).where('e.id', '=', id).where(orgIdInScope(scope, 'e.publisher_org_id')).executeTakeFirst();
export type EditionRow = NonNullable<Awaited<ReturnType<typeof findEdition>>>;

/** The edition row locked for a change (its status decides what may change). */
export const lockEdition = (q: Queryable, id: number) => q.selectFrom('bulletin_editions').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();

export async function listEditions(q: Queryable, scope: Scope, f: EditionListQuery) {
  let query = q.selectFrom('bulletin_editions as e').where(orgIdInScope(scope, 'e.publisher_org_id'));
  if (f.publisher) query = query.where('e.publisher_org_id', '=', f.publisher);
  if (f.year) query = query.where('e.year', '=', f.year);
  if (f.status) query = query.where('e.status', '=', f.status);
  const [ids, count] = await Promise.all([
    query.select('e.id').orderBy('e.issued_on', 'desc').orderBy('e.id', 'desc').offset((f.page - 1) * f.pageSize).limit(f.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const rows = ids.length ? await withPublisher(q).where('e.id', 'in', ids.map((r) => r.id)).execute() : [];
  return { rows: ids.map((r) => rows.find((x) => x.id === r.id)!), total: Number(count.n) };
}

export const items = (q: Queryable, editionId: number) =>
  q.selectFrom('bulletin_edition_items').selectAll().where('edition_id', '=', editionId).orderBy('position').execute();

/** Serialises numbering per publisher: two editions composed at once cannot take the same number. */
export const lockPublisher = (q: Queryable, orgId: number) => q.selectFrom('orgs').select('id').where('id', '=', orgId).forUpdate().executeTakeFirst();

type Series = { publisherOrgId: number; title: string; supplement: boolean };

export async function lastNumbers(q: Queryable, s: Series, year: number) {
  const r = await q
    .selectFrom('bulletin_editions')
    .where('publisher_org_id', '=', s.publisherOrgId).where('title', '=', s.title).where('supplement', '=', s.supplement)
    .select([sql<number>`coalesce(max(issue_no) filter (where year = ${year}), 0)::int`.as('issue'), sql<number>`coalesce(max(total_no), 0)::int`.as('total')])
    .executeTakeFirstOrThrow();
  return { issue: Number(r.issue), total: Number(r.total) };
}

/** The edition of the series already holding a number (第N期 of a year, or 总第M期), other than `except`. */
export function holderOf(q: Queryable, s: Series, n: { year: number; issueNo: number } | { totalNo: number }, except: number | null) {
  let query = q.selectFrom('bulletin_editions').select(['id', 'status', 'year', 'issue_no', 'total_no'])
    .where('publisher_org_id', '=', s.publisherOrgId).where('title', '=', s.title).where('supplement', '=', s.supplement);
  query = 'totalNo' in n ? query.where('total_no', '=', n.totalNo) : query.where('year', '=', n.year).where('issue_no', '=', n.issueNo);
  if (except !== null) query = query.where('id', '<>', except);
  return query.executeTakeFirst();
}

type Values = {
  publisher_org_id: number; title: string; supplement: boolean; year: number; issue_no: number; total_no: number; issued_on: string; editor: string;
  period_from: string | null; period_to: string | null; pairing_id: number | null; county_code: string | null; with_toc: boolean; distribution: string;
  copies: number | null; corrects_id: number | null; created_by: string;
};

export async function insertEdition(q: Queryable, v: Values) {
  return (await q.insertInto('bulletin_editions').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateEdition(q: Queryable, id: number, v: Partial<Omit<Values, 'publisher_org_id' | 'created_by'>> & { status?: 'draft' | 'review' | 'issued'; submitted_by?: string | null; return_reason?: string | null; issued_by?: string; issued_at?: Date }) {
  await q.updateTable('bulletin_editions').set({ ...v, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function deleteEdition(q: Queryable, id: number) {
  await q.deleteFrom('bulletin_editions').where('id', '=', id).execute();
}

export async function replaceItems(q: Queryable, editionId: number, rows: { section: string | null; title: string; body: string; activity_id: number | null }[]) {
  await q.deleteFrom('bulletin_edition_items').where('edition_id', '=', editionId).execute();
  if (rows.length) await q.insertInto('bulletin_edition_items').values(rows.map((r, i) => ({ ...r, edition_id: editionId, position: i + 1 }))).execute();
}

/** Activities in the caller's scope (and the publisher's) touching a period, optionally of one pairing or county, oldest first. */
export async function activitiesIn(q: Queryable, scope: Scope, publisher: Scope | null, f: { from: string; to: string; pairing?: number | null; county?: string | null }) {
  let query = q.selectFrom('activities as a').where(activityInScope(scope));
  if (publisher) query = query.where(activityInScope(publisher));
  query = query.where('a.end_date', '>=', f.from).where('a.start_date', '<=', f.to);
  if (f.pairing) query = query.where('a.pairing_id', '=', f.pairing);
  if (f.county) query = query.where('a.county_code', '=', f.county);
  return (await query.select('a.id').orderBy('a.start_date').orderBy('a.id').limit(200).execute()).map((r) => r.id);
}

/** The records activities produced, with what a bulletin says of them (amounts, counts). */
export async function linkedRecords(q: Queryable, activityIds: number[]) {
  const ids = activityIds.length ? activityIds : [0];
  const linked = (kind: string) => sql<boolean>`exists (select 1 from activity_links l where l.kind = ${kind} and l.target_id = t.id and l.activity_id = any(${ids}::bigint[]))`;
  const [links, agreements, donations, projects, trainings] = await Promise.all([
    q.selectFrom('activity_links').select(['activity_id', 'kind', 'target_id']).where('activity_id', 'in', ids).execute(),
    q.selectFrom('agreements as t').select(['t.id', 't.title', 't.year', 't.pledged_fen']).where(linked('agreement')).execute(),
    q.selectFrom('donations as t').leftJoin('orgs as o', 'o.id', 't.donor_org_id').select(['t.id', 't.kind', 't.value_fen', 't.purpose', sql<string | null>`coalesce(o.name, t.donor_name)`.as('donor')]).where(linked('donation')).execute(),
    q.selectFrom('projects as t').select(['t.id', 't.name', 't.fund_shanghai_fen']).where(linked('project')).execute(),
    q.selectFrom('trainings as t').select(['t.id', 't.title', 't.participants', 't.person_times']).where(linked('training')).execute(),
  ]);
  return { links, agreements, donations, projects, trainings };
}
