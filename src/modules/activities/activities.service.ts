import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import { orgInScope, regionInScope, type Scope } from '../../platform/access/scope.ts';
import { assertOwner, chooseOwner } from '../../platform/access/ownership.ts';
import { Lookups } from '../references/references.lookups.ts';
import { projectInScope } from '../projects/projects.repository.ts';
import { donationInScope } from '../donations/donations.repository.ts';
import { trainingInScope } from '../training/training.repository.ts';
import * as pairingsRepo from '../pairings/pairings.repository.ts';
import * as repo from './activities.repository.ts';
import { LINK_KINDS, type Activity, type ActivityInput, type ActivityListQuery, type ActivityPatch, type ActivityType } from './activities.contract.ts';

async function present(q: Queryable, ids: number[]): Promise<Activity[]> {
  const d = await repo.load(q, ids);
  const labels = await repo.linkLabels(q, d.links);
  return ids.map((id) => d.rows.find((r) => r.id === id)!).filter(Boolean).map((r) => ({
    id: r.id,
    type: r.type as ActivityType,
    title: r.title,
    startDate: r.start_date,
    endDate: r.end_date,
    countyCode: r.county_code,
    places: d.places.filter((p) => p.activity_id === r.id).map((p) => ({ code: p.code, name: p.name })),
    leadOrgId: r.lead_org_id,
    leadOrgName: r.lead_name,
    orgs: d.orgs.filter((o) => o.activity_id === r.id).map((o) => ({ id: o.id, name: o.name, side: o.side })),
    pairingId: r.pairing_id,
    owningOrgId: r.owning_org_id,
    owningOrgName: r.owning_org_name,
    leader: r.leader,
    delegationSize: r.delegation_size,
    narrative: r.narrative,
    photos: d.photos.filter((p) => p.activity_id === r.id).map((p) => p.file_name),
    links: d.links.filter((l) => l.activity_id === r.id).map((l) => ({ kind: l.kind, id: Number(l.target_id), label: labels.get(`${l.kind}:${l.target_id}`) ?? `${LINK_KINDS[l.kind]} ${l.target_id}` })),
    isDemo: r.is_demo,
  }));
}

export async function getActivity(q: Queryable, scope: Scope, id: number): Promise<Activity> {
  if (!(await repo.inScope(q, scope, id))) throw notFound('工作动态', id);
  return (await present(q, [id]))[0];
}

/** The activity log, newest first; filtered by pairing it is that pairing's timeline. */
export async function listActivities(q: Queryable, scope: Scope, f: ActivityListQuery): Promise<Page<Activity>> {
  const { ids, total } = await repo.list(q, scope, f);
  return { items: await present(q, ids), total, page: f.page, pageSize: f.pageSize };
}

/** Each linked record must exist and be in the caller's scope; the error names the link. */
async function checkLinks(q: Queryable, scope: Scope, links: ActivityInput['links'], pairingId: number | null | undefined) {
  for (const [i, l] of links.entries()) {
    let found: unknown;
    if (l.kind === 'project') found = await q.selectFrom('projects as p').select('p.id').where('p.id', '=', l.id).where(projectInScope(scope)).executeTakeFirst();
    if (l.kind === 'donation') found = await q.selectFrom('donations as d').select('d.id').where('d.id', '=', l.id).where(donationInScope(scope)).executeTakeFirst();
    if (l.kind === 'training') found = await q.selectFrom('trainings as tr').select('tr.id').where('tr.id', '=', l.id).where(trainingInScope(scope)).executeTakeFirst();
    if (l.kind === 'agreement') {
      const a = await q.selectFrom('agreements').select(['id', 'pairing_id']).where('id', '=', l.id).executeTakeFirst();
      found = a && (await pairingsRepo.findById(q, a.pairing_id, scope));
      if (found && pairingId && a!.pairing_id !== pairingId) throw invalidField(`links.${i}`, `协议（编号 ${l.id}）不属于本次活动的结对关系`);
    }
    if (!found) throw invalidField(`links.${i}.id`, `关联的${LINK_KINDS[l.kind]}（编号 ${l.id}）不存在或不在您的数据范围内`);
  }
}

async function resolve(look: Lookups, a: Pick<ActivityInput, 'regionCodes' | 'orgIds' | 'leadOrgId' | 'pairingId' | 'links'>) {
  const scope = look.scope;
  for (const [i, code] of a.regionCodes.entries()) if (!(await look.region(code))) throw invalidField(`regionCodes.${i}`, `未知的区划代码 ${code}`);
  await look.checkRefs([['leadOrgId', 'org', a.leadOrgId], ...a.orgIds.map((id, i) => [`orgIds.${i}`, 'org', id] as [string, 'org', number]), ['pairingId', 'pairing', a.pairingId]]);
  await checkLinks(look.q, scope, a.links, a.pairingId);
  // Participants come from the pairing's two ends; the places visited lie on its west side or in Shanghai.
  const units = [a.leadOrgId, ...a.orgIds];
  const regions = await Promise.all(units.map(async (id) => (id ? (await look.org(id))?.region_code : undefined)));
  await look.checkFitsPairing(a.pairingId, units.map((_, i) => [i === 0 ? 'leadOrgId' : `orgIds.${i - 1}`, regions[i]] as [string, string | null | undefined]).filter(([, c]) => c), 'either');
  const county = a.regionCodes.find((c) => c.length >= 6)?.slice(0, 6) ?? null;
  const orgs = [a.leadOrgId, ...a.orgIds].filter((x): x is number => !!x);
  if (!scope.all && !orgs.some((id) => orgInScope(scope, id)) && !regionInScope(scope, county) && !a.pairingId) {
    throw new AppError('FORBIDDEN', '该工作动态不在您的数据范围内：参与单位、地点或结对关系须属于您的范围', [{ path: 'orgIds', message: '超出数据范围' }]);
  }
  return county;
}

const columns = (a: ActivityPatch) => ({
  ...(a.type !== undefined && { type: a.type }),
  ...(a.title !== undefined && { title: a.title }),
  ...(a.startDate !== undefined && { start_date: a.startDate }),
  ...(a.endDate !== undefined && { end_date: a.endDate }),
  ...(a.leadOrgId !== undefined && { lead_org_id: a.leadOrgId }),
  ...(a.pairingId !== undefined && { pairing_id: a.pairingId }),
  ...(a.leader !== undefined && { leader: a.leader }),
  ...(a.delegationSize !== undefined && { delegation_size: a.delegationSize }),
  ...(a.narrative !== undefined && { narrative: a.narrative }),
});

export async function createActivityIn(q: Queryable, ctx: RequestContext, a: ActivityInput, opts: { isDemo?: boolean } = {}): Promise<Activity> {
  const id = await repo.insert(q, await activityRow(new Lookups(q, ctx.scope), ctx, a, opts));
  await repo.replaceChildren(q, id, a);
  const [created] = await present(q, [id]);
  await writeAudit(q, ctx, { entity: 'activity', entityId: id, action: 'create', after: created });
  return created;
}

/** A new activity's stored row once its rules pass (a form's, or each row of a sheet's against the sheet's lookups). */
export async function activityRow(look: Lookups, ctx: RequestContext, a: ActivityInput, opts: { isDemo?: boolean } = {}): Promise<repo.ActivityValues> {
  const county = await resolve(look, a);
  const pairing = a.pairingId ? await look.pairingInScope(a.pairingId) : null;
  return {
    owning_org_id: chooseOwner(ctx, a.owningOrgId, [pairing?.east_id, a.leadOrgId, ...a.orgIds]),
    type: a.type, title: a.title, start_date: a.startDate, end_date: a.endDate, county_code: county, lead_org_id: a.leadOrgId ?? null, pairing_id: a.pairingId ?? null,
    leader: a.leader ?? null, delegation_size: a.delegationSize ?? null, narrative: a.narrative ?? null, is_demo: opts.isDemo ?? false,
  };
}

/** Activities by id as the API shows them (a sheet's new ones, for their audit entries), a few thousand per read (its names are matched in memory). */
export async function activitiesByIds(q: Queryable, ids: number[]): Promise<Activity[]> {
  const out: Activity[] = [];
  for (let i = 0; i < ids.length; i += 2500) out.push(...(await present(q, ids.slice(i, i + 2500))));
  return out;
}

export const createActivity = (db: Db, ctx: RequestContext, a: ActivityInput, opts: { isDemo?: boolean } = {}) =>
  db.transaction().execute((trx) => createActivityIn(trx, ctx, a, opts));

/** Links added to an activity (those it has are kept), each checked like a form's: for records created with it in one transaction. */
export async function addActivityLinksIn(q: Queryable, ctx: RequestContext, id: number, links: ActivityInput['links']): Promise<Activity> {
  const before = await getActivity(q, ctx.scope, id);
  await checkLinks(q, ctx.scope, links, before.pairingId);
  await repo.replaceChildren(q, id, { links: [...before.links.map((l) => ({ kind: l.kind, id: l.id })), ...links] });
  const [after] = await present(q, [id]);
  await writeAudit(q, ctx, { entity: 'activity', entityId: id, action: 'update', before, after });
  return after;
}

export async function updateActivity(db: Db, ctx: RequestContext, id: number, patch: ActivityPatch): Promise<Activity> {
  return db.transaction().execute(async (trx) => {
    const before = await getActivity(trx, ctx.scope, id);
    assertOwner(ctx, before, '工作动态');
    if (patch.owningOrgId !== undefined) chooseOwner(ctx, patch.owningOrgId, []);
    const merged = {
      regionCodes: patch.regionCodes ?? before.places.map((p) => p.code),
      orgIds: patch.orgIds ?? before.orgs.map((o) => o.id),
      leadOrgId: patch.leadOrgId === undefined ? before.leadOrgId : patch.leadOrgId,
      pairingId: patch.pairingId === undefined ? before.pairingId : patch.pairingId,
      links: patch.links ?? [],
    };
    if ((patch.endDate ?? before.endDate) < (patch.startDate ?? before.startDate)) throw invalidField('endDate', '结束日期不能早于开始日期');
    const county = await resolve(new Lookups(trx, ctx.scope), merged);
    await repo.update(trx, id, { ...columns(patch), county_code: county, ...(patch.owningOrgId !== undefined && { owning_org_id: patch.owningOrgId }) });
    await repo.replaceChildren(trx, id, patch);
    const [after] = await present(trx, [id]);
    await writeAudit(trx, ctx, { entity: 'activity', entityId: id, action: 'update', before, after });
    return after;
  });
}

export async function deleteActivity(db: Db, ctx: RequestContext, id: number) {
  await db.transaction().execute(async (trx) => {
    const before = await getActivity(trx, ctx.scope, id);
    assertOwner(ctx, before, '工作动态');
    await repo.remove(trx, id);
    await writeAudit(trx, ctx, { entity: 'activity', entityId: id, action: 'delete', before });
  });
}
