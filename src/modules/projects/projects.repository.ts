import { sql, type Expression, type SqlBool } from 'kysely';
import { containing } from '../../platform/db/like.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { recordInScope, type Scope } from '../../platform/access/scope.ts';
import type { ProjectListQuery } from './projects.contract.ts';

/** A project is in scope through its east-side unit, its owner, its place, or its pairing. */
export function projectInScope(scope: Scope): Expression<SqlBool> {
  return recordInScope(scope, { orgs: ['p.owning_org_id', 'p.east_org_id', 'p.owner_org_id'], region: 'p.region_code', pairing: 'p.pairing_id' });
}

const planned = sql<number>`(p.fund_shanghai_fen + p.fund_integrated_fen + p.fund_social_fen + p.fund_self_fen)`;
const overdue = sql<number>`(select count(*)::int from project_milestones m where m.project_id = p.id and m.done_on is null and m.due_on < current_date)`;
const openRect = sql<number>`(select count(*)::int from rectifications x where x.project_id = p.id and x.status = 'open')`;

function base(q: Queryable, scope: Scope) {
  return q
    .selectFrom('projects as p')
    .leftJoin('regions as r', 'r.code', 'p.region_code')
    .leftJoin('regions as c', 'c.code', 'p.county_code')
    .leftJoin('orgs as e', 'e.id', 'p.east_org_id')
    .leftJoin('orgs as ow', 'ow.id', 'p.owning_org_id')
    .where(projectInScope(scope));
}

function summaryColumns<Q extends ReturnType<typeof base>>(query: Q) {
  return query
    .selectAll('p')
    .select(['r.name as region_name', 'c.name as county_name', 'e.name as east_org_name', 'ow.name as owning_org_name'])
    .select([planned.as('planned_fen'), overdue.as('overdue_milestones'), openRect.as('open_rectifications')]);
}

const SORT = { code: 'p.code', name: 'p.name', startYear: 'p.start_year', plannedFen: sql`5`, status: 'p.status' } as const;

export async function list(q: Queryable, scope: Scope, f: ProjectListQuery) {
  let query = base(q, scope);
  if (f.q) {
    const like = containing(f.q);
    query = query.where((eb) => eb.or([eb('p.name', 'like', like), eb('p.code', 'like', like)]));
  }
  if (f.year) query = query.where('p.start_year', '<=', f.year).where('p.end_year', '>=', f.year);
  if (f.level) query = query.where('p.level', '=', f.level);
  if (f.category) query = query.where('p.category', '=', f.category);
  if (f.status) query = query.where('p.status', '=', f.status);
  if (f.county) query = query.where('p.region_code', 'like', `${f.county}%`);
  if (f.overdue !== undefined) query = query.where(f.overdue ? sql<SqlBool>`${overdue} > 0` : sql<SqlBool>`${overdue} = 0`);
  const [rows, count] = await Promise.all([
    summaryColumns(query)
      .orderBy(f.sort === 'plannedFen' ? planned : SORT[f.sort], f.order)
      .orderBy('p.id')
      .offset((f.page - 1) * f.pageSize)
      .limit(f.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findById(q: Queryable, scope: Scope, id: number) {
  return summaryColumns(base(q, scope).where('p.id', '=', id)).executeTakeFirst();
}
export type ProjectRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

/** Locks the project row: fund transactions, signatures and transitions of one project run one at a time. */
export async function lock(q: Queryable, id: number) {
  return q.selectFrom('projects').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The projects in scope with these codes, locked (in id order) for a sheet of fund transactions. */
export async function lockByCodes(q: Queryable, scope: Scope, codes: string[]) {
  if (!codes.length) return [];
  return q
    .selectFrom('projects as p')
    .select(['p.id', 'p.code', 'p.status', 'p.approved_fen', 'p.county_code'])
    .where(sql<boolean>`p.code = any(${codes}::text[])`)
    .where(projectInScope(scope))
    .orderBy('p.id')
    .forUpdate()
    .execute();
}

export async function children(q: Queryable, id: number) {
  const [budgetItems, outputs, milestones, attachments, history] = await Promise.all([
    q.selectFrom('project_budget_items').selectAll().where('project_id', '=', id).orderBy('sort').orderBy('id').execute(),
    q.selectFrom('project_outputs').selectAll().where('project_id', '=', id).orderBy('id').execute(),
    q.selectFrom('project_milestones').selectAll().where('project_id', '=', id).orderBy('due_on').orderBy('id').execute(),
    q.selectFrom('project_attachments').selectAll().where('project_id', '=', id).orderBy('id').execute(),
    q
      .selectFrom('project_transitions as t')
      .leftJoin('users as u', 'u.id', 't.actor_id')
      .selectAll('t')
      .select('u.display_name')
      .where('t.project_id', '=', id)
      .orderBy('t.id')
      .execute(),
  ]);
  return { budgetItems, outputs, milestones, attachments, history };
}

export type FundSums = { allocated: number; disbursed: number; pendingDisbursement: number; spent: number; returned: number };

export async function fundSums(q: Queryable, id: number): Promise<FundSums> {
  return (await fundSumsOf(q, [id])).get(id)!;
}

/** Each project's money so far, by kind (effective, and disbursements pending their signatures). */
export async function fundSumsOf(q: Queryable, ids: number[]): Promise<Map<number, FundSums>> {
  const rows = ids.length
    ? await q
        .selectFrom('fund_transactions')
        .select(['project_id', 'kind', 'status', sql<number>`sum(amount_fen)::bigint`.as('total')])
        .where(sql<boolean>`project_id = any(${ids}::bigint[])`)
        .groupBy(['project_id', 'kind', 'status'])
        .execute()
    : [];
  const sums = new Map(ids.map((id) => [id, { allocated: 0, disbursed: 0, pendingDisbursement: 0, spent: 0, returned: 0 }]));
  const into = { allocate: 'allocated', return: 'returned', spend: 'spent' } as const;
  for (const r of rows) {
    const s = sums.get(r.project_id)!;
    if (r.kind === 'disburse') s[r.status === 'effective' ? 'disbursed' : 'pendingDisbursement'] += Number(r.total);
    else if (r.status === 'effective') s[into[r.kind as keyof typeof into]] += Number(r.total);
  }
  return sums;
}

export type ProjectValues = {
  code: string; name: string; start_year: number; end_year: number; level: string; category: string; pairing_id: number | null;
  region_code: string; county_code: string; owner_name: string | null; owner_org_id: number | null; east_org_id: number | null;
  fund_shanghai_fen: number; fund_integrated_fen: number; fund_social_fen: number; fund_self_fen: number;
  content: string | null; benefit_mechanism: string | null; expected_benefits: string | null;
  households: number | null; people: number | null; poor_households: number | null; poor_people: number | null; owning_org_id?: number | null; is_demo?: boolean;
};

export async function insert(q: Queryable, v: ProjectValues) {
  return (await q.insertInto('projects').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function update(q: Queryable, id: number, v: Partial<ProjectValues & { status: string; approved_fen: number | null; approval_doc_no: string | null; suspended_from: string | null }>) {
  await q.updateTable('projects').set({ ...v, updated_at: new Date() }).where('id', '=', id).execute();
}

export interface ChildLists {
  budgetItems?: { item: string; amountFen: number }[];
  outputs?: { description: string; quantity: number; unit: string }[];
  milestones?: { name: string; dueOn: string; doneOn?: string | null }[];
  attachments?: { fileName: string; note?: string | null }[];
}

/** Replaces each list that is given (a plan is edited as a whole); a new project has nothing to delete. */
export async function replaceChildren(q: Queryable, id: number, c: ChildLists, fresh = false) {
  const del = async (table: 'project_budget_items' | 'project_outputs' | 'project_milestones' | 'project_attachments') => {
    if (!fresh) await q.deleteFrom(table).where('project_id', '=', id).execute();
  };
  if (c.budgetItems) {
    await del('project_budget_items');
    if (c.budgetItems.length) await q.insertInto('project_budget_items').values(c.budgetItems.map((b, i) => ({ project_id: id, item: b.item, amount_fen: b.amountFen, sort: i }))).execute();
  }
  if (c.outputs) {
    await del('project_outputs');
    if (c.outputs.length) await q.insertInto('project_outputs').values(c.outputs.map((o) => ({ project_id: id, description: o.description, quantity: o.quantity, unit: o.unit }))).execute();
  }
  if (c.milestones) {
    await del('project_milestones');
    if (c.milestones.length) await q.insertInto('project_milestones').values(c.milestones.map((m) => ({ project_id: id, name: m.name, due_on: m.dueOn, done_on: m.doneOn ?? null }))).execute();
  }
  if (c.attachments) {
    await del('project_attachments');
    if (c.attachments.length) await q.insertInto('project_attachments').values(c.attachments.map((a) => ({ project_id: id, file_name: a.fileName, note: a.note ?? null }))).execute();
  }
}

export async function codeTaken(q: Queryable, code: string, exceptId?: number) {
  let query = q.selectFrom('projects').select('id').where('code', '=', code);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return !!(await query.executeTakeFirst());
}

/** The codes among those given, and every code under one of the prefixes (533401-2024-), for numbering. */
export async function codesAmong(q: Queryable, codes: string[], prefixes: string[]): Promise<string[]> {
  if (!codes.length && !prefixes.length) return [];
  const rows = await q
    .selectFrom('projects')
    .select('code')
    .where((eb) => eb.or([...(codes.length ? [eb('code', '=', sql<string>`any(${codes}::text[])`)] : []), ...prefixes.map((p) => eb('code', 'like', `${p}%`))]))
    .execute();
  return rows.map((r) => r.code);
}

export async function insertTransition(q: Queryable, v: { project_id: number; from_status: string; to_status: string; actor_id: number | null; actor_name: string; on_date: string; document_no: string | null; approved_fen: number | null; comment: string | null }) {
  await q.insertInto('project_transitions').values(v).execute();
}

export async function openRectifications(q: Queryable, id: number) {
  return Number((await q.selectFrom('rectifications').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', id).where('status', '=', 'open').executeTakeFirstOrThrow()).n);
}

export async function assetCount(q: Queryable, id: number) {
  return Number((await q.selectFrom('project_assets').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', id).executeTakeFirstOrThrow()).n);
}

export async function setMilestoneDone(q: Queryable, projectId: number, milestoneId: number, doneOn: string | null) {
  const r = await q.updateTable('project_milestones').set({ done_on: doneOn }).where('id', '=', milestoneId).where('project_id', '=', projectId).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
