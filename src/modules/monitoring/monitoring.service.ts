import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import type { z } from 'zod';
import * as projectsRepo from '../projects/projects.repository.ts';
import { projectInScope } from '../projects/projects.repository.ts';
import type { ProjectStatus } from '../projects/projects.contract.ts';
import type { assetInput, inspectionInput, progressInput, Rectification, rectificationInput } from './monitoring.contract.ts';

const today = () => new Date().toISOString().slice(0, 10);

async function openProject(q: Queryable, ctx: RequestContext, projectId: number, allowed?: ProjectStatus[]) {
  const row = await projectsRepo.findById(q, ctx.scope, projectId);
  if (!row) throw notFound('项目', projectId);
  if (allowed && !allowed.includes(row.status as ProjectStatus)) throw new AppError('RULE_VIOLATION', '项目当前状态不能登记此项记录');
  return row;
}

const notFuture = (field: string, date: string) => {
  if (date > today()) throw invalidField(field, '日期不能晚于今天');
};

export async function listProgress(q: Queryable, ctx: RequestContext, projectId: number) {
  await openProject(q, ctx, projectId);
  const rows = await q.selectFrom('project_progress').selectAll().where('project_id', '=', projectId).orderBy('on_date').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, onDate: r.on_date, percent: r.percent, narrative: r.narrative, reportedBy: r.reported_by }));
}

export async function addProgress(db: Db, ctx: RequestContext, projectId: number, input: z.infer<typeof progressInput>) {
  notFuture('onDate', input.onDate);
  return db.transaction().execute(async (trx) => {
    await openProject(trx, ctx, projectId, ['approved', 'in_progress', 'suspended', 'completed']);
    const { id } = await trx.insertInto('project_progress').values({ project_id: projectId, on_date: input.onDate, percent: input.percent, narrative: input.narrative, reported_by: ctx.actor.name }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { entity: 'project_progress', entityId: id, action: 'create', after: { projectId, ...input } });
    return { id, ...input, reportedBy: ctx.actor.name };
  });
}

export async function listInspections(q: Queryable, ctx: RequestContext, projectId: number) {
  await openProject(q, ctx, projectId);
  const rows = await q.selectFrom('project_inspections').selectAll().where('project_id', '=', projectId).orderBy('on_date').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, onDate: r.on_date, inspector: r.inspector, findings: r.findings }));
}

export async function addInspection(db: Db, ctx: RequestContext, projectId: number, input: z.infer<typeof inspectionInput>) {
  notFuture('onDate', input.onDate);
  return db.transaction().execute(async (trx) => {
    await openProject(trx, ctx, projectId);
    const { id } = await trx.insertInto('project_inspections').values({ project_id: projectId, kind: input.kind, on_date: input.onDate, inspector: input.inspector, findings: input.findings }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { entity: 'project_inspection', entityId: id, action: 'create', after: { projectId, ...input } });
    return { id, ...input };
  });
}

type RectificationFilter = { projectId?: number; id?: number; status?: 'open' | 'closed'; overdue?: boolean; county?: string };

function rectificationsQuery(q: Queryable, ctx: RequestContext, f: RectificationFilter) {
  let query = q.selectFrom('rectifications as x').innerJoin('projects as p', 'p.id', 'x.project_id').where(projectInScope(ctx.scope));
  if (f.id) query = query.where('x.id', '=', f.id);
  if (f.projectId) query = query.where('x.project_id', '=', f.projectId);
  if (f.status) query = query.where('x.status', '=', f.status);
  if (f.county) query = query.where('x.county_code', 'like', `${f.county.slice(0, 6)}%`);
  if (f.overdue) query = query.where('x.status', '=', 'open').where('x.deadline', '<', today());
  return query;
}

type RectificationRow = Awaited<ReturnType<typeof selectRectifications>>[number];
const selectRectifications = (query: ReturnType<typeof rectificationsQuery>) => query.selectAll('x').select('p.name as project_name').execute();

const presentRectification = (r: RectificationRow): Rectification => ({
  id: r.id,
  projectId: r.project_id,
  projectName: r.project_name,
  finding: r.finding,
  deadline: r.deadline,
  owner: r.owner,
  inspectionId: r.inspection_id,
  status: r.status,
  closedOn: r.closed_on,
  evidence: r.evidence,
  overdue: r.status === 'open' && r.deadline < today(),
});

/** Rectifications in scope, open ones first by deadline: what an office must chase. Paged like every list. */
export async function listRectifications(q: Queryable, ctx: RequestContext, f: RectificationFilter & { page: number; pageSize: number }): Promise<Page<Rectification>> {
  const query = rectificationsQuery(q, ctx, f);
  const [rows, count] = await Promise.all([
    query.selectAll('x').select('p.name as project_name').orderBy('x.status', 'desc').orderBy('x.deadline').orderBy('x.id').offset((f.page - 1) * f.pageSize).limit(f.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentRectification), total: Number(count.n), page: f.page, pageSize: f.pageSize };
}

async function getRectification(q: Queryable, ctx: RequestContext, id: number): Promise<Rectification> {
  const [row] = await selectRectifications(rectificationsQuery(q, ctx, { id }));
  if (!row) throw notFound('整改事项', id);
  return presentRectification(row);
}

export async function addRectification(db: Db, ctx: RequestContext, projectId: number, input: z.infer<typeof rectificationInput>) {
  return db.transaction().execute(async (trx) => {
    const project = await openProject(trx, ctx, projectId);
    if (input.inspectionId && !(await trx.selectFrom('project_inspections').select('id').where('id', '=', input.inspectionId).where('project_id', '=', projectId).executeTakeFirst())) {
      throw invalidField('inspectionId', `检查记录 ${input.inspectionId} 不属于该项目`);
    }
    const { id } = await trx
      .insertInto('rectifications')
      .values({ project_id: projectId, county_code: project.county_code, inspection_id: input.inspectionId ?? null, finding: input.finding, deadline: input.deadline, owner: input.owner })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { entity: 'rectification', entityId: id, action: 'create', after: { projectId, ...input } });
    return getRectification(trx, ctx, id);
  });
}

export async function closeRectification(db: Db, ctx: RequestContext, id: number, input: { closedOn: string; evidence: string }) {
  notFuture('closedOn', input.closedOn);
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('rectifications').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !(await projectsRepo.findById(trx, ctx.scope, row.project_id))) throw notFound('整改事项', id);
    if (row.status === 'closed') throw new AppError('CONFLICT', '该整改事项已销号');
    await trx.updateTable('rectifications').set({ status: 'closed', closed_on: input.closedOn, evidence: input.evidence }).where('id', '=', id).execute();
    await writeAudit(trx, ctx, { entity: 'rectification', entityId: id, action: 'close', before: { status: 'open' }, after: { status: 'closed', ...input } });
    return getRectification(trx, ctx, id);
  });
}

export async function listAssets(q: Queryable, ctx: RequestContext, projectId: number) {
  await openProject(q, ctx, projectId);
  const rows = await q.selectFrom('project_assets').selectAll().where('project_id', '=', projectId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, valueFen: Number(r.value_fen), receiverOrgId: r.receiver_org_id, receiverName: r.receiver_name, handedOverOn: r.handed_over_on }));
}

/** Assets are registered when the project is completed or accepted, before 资产移交. */
export async function addAsset(db: Db, ctx: RequestContext, projectId: number, input: z.infer<typeof assetInput>) {
  notFuture('handedOverOn', input.handedOverOn);
  return db.transaction().execute(async (trx) => {
    await openProject(trx, ctx, projectId, ['completed', 'accepted']);
    const { id } = await trx
      .insertInto('project_assets')
      .values({ project_id: projectId, name: input.name, kind: input.kind, value_fen: input.valueFen, receiver_org_id: input.receiverOrgId ?? null, receiver_name: input.receiverName, handed_over_on: input.handedOverOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { entity: 'project_asset', entityId: id, action: 'create', after: { projectId, ...input } });
    return { id, ...input, receiverOrgId: input.receiverOrgId ?? null };
  });
}
