import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import { orgInScope, regionInScope, type Scope } from '../../platform/access/scope.ts';
import { assertOwner, chooseOwner, claimStatusFor } from '../../platform/access/ownership.ts';
import { Lookups } from '../references/references.lookups.ts';
import * as repo from './training.repository.ts';
import type { Summary, TargetGroup, Training, TrainingInput, TrainingListQuery, TrainingPatch } from './training.contract.ts';

const present = (r: repo.TrainingRow): Training => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  organiserOrgId: r.organiser_org_id,
  organiserName: r.organiser_name,
  organiserOrgName: r.organiser_org_name,
  placeRegion: r.place_region,
  placeName: r.place_name,
  inShanghai: r.in_shanghai,
  startDate: r.start_date,
  endDate: r.end_date,
  targetGroup: r.target_group as TargetGroup,
  batches: r.batches,
  participants: r.participants,
  personTimes: r.person_times,
  countyCode: r.county_code,
  pairingId: r.pairing_id,
  owningOrgId: r.owning_org_id,
  owningOrgName: r.owning_org_name,
  claimStatus: r.claim_status,
  claimNote: r.claim_note,
  activityId: r.activity_id,
  isDemo: r.is_demo,
});

export async function getTraining(q: Queryable, scope: Scope, id: number): Promise<Training> {
  const row = await repo.findById(q, scope, id);
  if (!row) throw notFound('培训', id);
  return present(row);
}

/** Trainings by id as the API shows them (a sheet's new ones, for their audit entries). */
export async function trainingsByIds(q: Queryable, scope: Scope, ids: number[]): Promise<Training[]> {
  return (await repo.findByIds(q, scope, ids)).map(present);
}

export async function listTrainings(q: Queryable, scope: Scope, f: TrainingListQuery): Promise<Page<Training>> {
  const { rows, total } = await repo.list(q, scope, f);
  return { items: rows.map(present), total, page: f.page, pageSize: f.pageSize };
}

async function check(look: Lookups, t: TrainingPatch) {
  if (t.placeRegion && !(await look.region(t.placeRegion))) throw invalidField('placeRegion', `未知的区划代码 ${t.placeRegion}`);
  if (t.countyCode && (await look.region(t.countyCode))?.level !== 3) throw invalidField('countyCode', `${t.countyCode} 不是县级区划代码`);
  await look.checkRefs([['organiserOrgId', 'org', t.organiserOrgId], ['pairingId', 'pairing', t.pairingId], ['activityId', 'activity', t.activityId]]);
  await look.checkFitsPairing(t.pairingId, [['countyCode', t.countyCode]], 'west');
  const pairing = t.pairingId ? await look.pairingInScope(t.pairingId) : null;
  const scope = look.scope;
  if (!scope.all && !pairing && !(t.organiserOrgId && orgInScope(scope, t.organiserOrgId)) && !regionInScope(scope, t.countyCode)) {
    throw new AppError('FORBIDDEN', '该培训不在您的数据范围内：主办单位、受训人员所在县或结对关系须属于您的范围', [{ path: 'countyCode', message: '超出数据范围' }]);
  }
}

const values = (t: TrainingPatch) => ({
  ...(t.title !== undefined && { title: t.title }),
  ...(t.kind !== undefined && { kind: t.kind }),
  ...(t.organiserOrgId !== undefined && { organiser_org_id: t.organiserOrgId }),
  ...(t.organiserName !== undefined && { organiser_name: t.organiserName }),
  ...(t.placeRegion !== undefined && { place_region: t.placeRegion, in_shanghai: !!t.placeRegion?.startsWith('31') }),
  ...(t.startDate !== undefined && { start_date: t.startDate }),
  ...(t.endDate !== undefined && { end_date: t.endDate }),
  ...(t.targetGroup !== undefined && { target_group: t.targetGroup }),
  ...(t.batches !== undefined && { batches: t.batches }),
  ...(t.participants !== undefined && { participants: t.participants }),
  ...(t.personTimes !== undefined && { person_times: t.personTimes }),
  ...(t.countyCode !== undefined && { county_code: t.countyCode }),
  ...(t.pairingId !== undefined && { pairing_id: t.pairingId }),
  ...(t.activityId !== undefined && { activity_id: t.activityId }),
});

export async function createTrainingIn(q: Queryable, ctx: RequestContext, input: TrainingInput, opts: { isDemo?: boolean } = {}): Promise<Training> {
  const id = await repo.insert(q, await trainingRow(new Lookups(q, ctx.scope), ctx, input, opts));
  const created = await getTraining(q, ctx.scope, id);
  await writeAudit(q, ctx, { entity: 'training', entityId: id, action: 'create', after: created });
  return created;
}

/** A new training's stored row once its rules pass (a form's, or each row of a sheet's against the sheet's lookups). */
export async function trainingRow(look: Lookups, ctx: RequestContext, input: TrainingInput, opts: { isDemo?: boolean } = {}): Promise<repo.TrainingValues> {
  await check(look, input);
  return {
    owning_org_id: chooseOwner(ctx, input.owningOrgId, [input.organiserOrgId, input.pairingId ? (await look.pairingInScope(input.pairingId))?.east_id : null]),
    // A training held for a county counts in its totals once the county confirms it, unless the creator covers the county.
    claim_status: claimStatusFor(ctx.scope, { regionCode: input.countyCode }),
    title: input.title,
    kind: input.kind,
    organiser_org_id: input.organiserOrgId ?? null,
    organiser_name: input.organiserName ?? null,
    place_region: input.placeRegion ?? null,
    in_shanghai: !!input.placeRegion?.startsWith('31'),
    start_date: input.startDate,
    end_date: input.endDate,
    target_group: input.targetGroup,
    batches: input.batches,
    participants: input.participants,
    person_times: input.personTimes,
    county_code: input.countyCode ?? null,
    pairing_id: input.pairingId ?? null,
    activity_id: input.activityId ?? null,
    is_demo: opts.isDemo ?? false,
  };
}

export const createTraining = (db: Db, ctx: RequestContext, input: TrainingInput, opts: { isDemo?: boolean } = {}) =>
  db.transaction().execute((trx) => createTrainingIn(trx, ctx, input, opts));

export async function updateTraining(db: Db, ctx: RequestContext, id: number, patch: TrainingPatch): Promise<Training> {
  return db.transaction().execute(async (trx) => {
    const before = await getTraining(trx, ctx.scope, id);
    assertOwner(ctx, before, '培训');
    if (patch.owningOrgId !== undefined) chooseOwner(ctx, patch.owningOrgId, []);
    const merged = { ...before, ...patch };
    if (merged.endDate < merged.startDate) throw invalidField('endDate', '结束日期不能早于开始日期');
    if (merged.personTimes < merged.participants) throw invalidField('personTimes', '人次不能少于人数');
    await check(new Lookups(trx, ctx.scope), merged);
    const countyChanged = patch.countyCode !== undefined && patch.countyCode !== before.countyCode;
    await repo.update(trx, id, {
      ...values(patch),
      ...(patch.owningOrgId !== undefined && { owning_org_id: patch.owningOrgId }),
      ...(countyChanged && { claim_status: claimStatusFor(ctx.scope, { regionCode: patch.countyCode }), claim_note: null, claim_decided_by: null, claim_decided_at: null }),
    });
    const after = await getTraining(trx, ctx.scope, id);
    await writeAudit(trx, ctx, { entity: 'training', entityId: id, action: 'update', before, after });
    return after;
  });
}

export async function deleteTraining(db: Db, ctx: RequestContext, id: number) {
  await db.transaction().execute(async (trx) => {
    const before = await getTraining(trx, ctx.scope, id);
    assertOwner(ctx, before, '培训');
    await repo.remove(trx, id);
    await writeAudit(trx, ctx, { entity: 'training', entityId: id, action: 'delete', before });
  });
}

const change = (now: number, before: number) => (before === 0 ? null : Math.round(((now - before) / before) * 1000) / 10);

/** 批次 and 人次 of a year against the year before: the "同比分别增长 …%" of the bulletins, computed. */
export async function trainingSummary(q: Queryable, scope: Scope, year: number, county?: string): Promise<Summary> {
  const rows = await repo.sums(q, scope, [year, year - 1], county);
  const total = (y: number, k: 'batches' | 'person_times') => rows.filter((r) => r.year === y).reduce((s, r) => s + Number(r[k]), 0);
  const current = rows.filter((r) => r.year === year);
  return {
    year,
    batches: total(year, 'batches'),
    personTimes: total(year, 'person_times'),
    previous: { batches: total(year - 1, 'batches'), personTimes: total(year - 1, 'person_times') },
    batchesChangePct: change(total(year, 'batches'), total(year - 1, 'batches')),
    personTimesChangePct: change(total(year, 'person_times'), total(year - 1, 'person_times')),
    byTargetGroup: current.map((r) => ({ targetGroup: r.target_group as TargetGroup, batches: Number(r.batches), personTimes: Number(r.person_times) })),
  };
}
