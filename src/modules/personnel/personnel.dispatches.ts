import { refMessage } from '../references/references.ts';
import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import { orgInScope, regionInScope, type Scope } from '../../platform/access/scope.ts';
import * as regionsRepo from '../regions/regions.repository.ts';
import * as orgsRepo from '../orgs/orgs.repository.ts';
import * as repo from './personnel.repository.ts';
import { insertPersonIn, presentDispatch } from './personnel.service.ts';
import { DEFAULT_TERM_YEARS, DISPATCH_CATEGORIES, type Dispatch, type DispatchCategory, type DispatchInput, type DispatchListQuery, type DispatchPatch } from './personnel.contract.ts';

/** The rules of a dispatch (援派): term, host, status, replacement, one post at a time per person. */

export async function listDispatches(q: Queryable, scope: Scope, f: DispatchListQuery): Promise<Page<Dispatch>> {
  const { rows, total } = await repo.listDispatches(q, scope, f);
  return { items: rows.map(presentDispatch), total, page: f.page, pageSize: f.pageSize };
}

export async function getDispatch(q: Queryable, scope: Scope, id: number): Promise<Dispatch> {
  const row = await repo.findDispatch(q, scope, id);
  if (!row) throw notFound('派驻记录', id);
  return presentDispatch(row);
}

/** The expected end when none is given: N years after the start, the day before (2019-07-01 → 2022-06-30). */
export function defaultTermEnd(category: DispatchCategory, termStart: string): string | null {
  const years = DEFAULT_TERM_YEARS[category];
  if (!years) return null;
  const d = new Date(`${termStart}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

type Fields = Omit<DispatchPatch, 'personId'> & Pick<DispatchInput, 'category' | 'programme' | 'termStart' | 'status'> & { personId: number };

/** Dates and status: 400 naming the field. Returns the expected end (given or by default). */
function checkTerm(d: Fields): string {
  const termEnd = d.termEnd ?? defaultTermEnd(d.category, d.termStart);
  if (!termEnd) throw invalidField('termEnd', `${DISPATCH_CATEGORIES[d.category]}没有默认任期，请填写预计期满日期`);
  if (termEnd < d.termStart) throw invalidField('termEnd', '期满日期不能早于派驻开始日期');
  if (d.actualEnd && d.actualEnd < d.termStart) throw invalidField('actualEnd', '实际结束日期不能早于派驻开始日期');
  if (d.status === 'returned_early') {
    if (!d.actualEnd) throw invalidField('actualEnd', '提前返回须填写实际结束日期');
    if (d.actualEnd >= termEnd) throw invalidField('actualEnd', `提前返回的实际结束日期应早于预计期满日期 ${termEnd}`);
  }
  if (d.status === 'on_post' && d.actualEnd) throw invalidField('actualEnd', '在岗人员不应有实际结束日期；期满或返回时请同时修改状态');
  return termEnd;
}

/** The host: a west-side organisation and/or a place; the recipient county is derived from it. */
async function hostCounty(q: Queryable, d: Fields): Promise<string> {
  if (!d.hostOrgId && !d.hostRegion) throw invalidField('hostOrgId', '请选择受援单位，或填写受援地区划');
  let place = d.hostRegion ?? null;
  if (d.hostRegion && !(await regionsRepo.findByCode(q, d.hostRegion))) throw invalidField('hostRegion', `未知的区划代码 ${d.hostRegion}`);
  if (d.hostOrgId) {
    const org = await orgsRepo.findById(q, d.hostOrgId);
    if (!org) throw invalidField('hostOrgId', refMessage('org', d.hostOrgId));
    if (org.side !== 'west') throw invalidField('hostOrgId', `「${org.name}」是帮扶方组织，不能作为受援单位`);
    place ??= org.region_code;
  }
  if (!place) throw invalidField('hostRegion', '受援单位没有登记所在地，请填写受援地区划');
  return place.slice(0, 6);
}

/** In scope when the person's origin unit, the host organisation or the host place is. */
function checkScope(scope: Scope, originOrgId: number | null, d: Fields) {
  if (scope.all || (originOrgId && orgInScope(scope, originOrgId)) || (d.hostOrgId && orgInScope(scope, d.hostOrgId)) || regionInScope(scope, d.hostRegion)) return;
  throw new AppError('FORBIDDEN', '该派驻记录不在您的数据范围内：派出单位、受援单位或受援地须属于您的范围', [{ path: 'hostOrgId', message: '超出数据范围' }]);
}

/** 轮换: the replaced dispatch is an earlier one to the same host. */
async function checkReplaces(q: Queryable, scope: Scope, d: Fields, selfId?: number) {
  if (!d.replacesId) return;
  const old = await repo.findDispatch(q, scope, d.replacesId);
  if (!old || old.id === selfId) throw invalidField('replacesId', refMessage('dispatch', d.replacesId));
  const sameHost = (d.hostOrgId && d.hostOrgId === old.host_org_id) || (d.hostRegion && d.hostRegion === old.host_region);
  if (!sameHost) throw invalidField('replacesId', `被接替的派驻记录 ${old.id}（${old.person_name}）不在同一受援单位或地区`);
  if (old.term_start >= d.termStart) throw invalidField('replacesId', `被接替的派驻记录 ${old.id} 开始于 ${old.term_start}，应早于本次派驻`);
}

/** One post at a time: the person's row is locked so two requests cannot both pass. */
async function checkOverlap(q: Queryable, personId: number, start: string, end: string, selfId?: number) {
  const other = (await repo.findOverlapping(q, personId, start, end, selfId))[0];
  if (other) {
    throw new AppError(
      'CONFLICT',
      `该人员已有派驻记录 ${other.id}（${other.term_start} 至 ${other.actual_end ?? other.term_end}），与本次派驻时间重叠`,
      [{ path: 'termStart', message: '与已有派驻时间重叠' }],
      { existingId: other.id },
    );
  }
}

async function validate(trx: Queryable, ctx: RequestContext, d: Fields, originOrgId: number | null, selfId?: number): Promise<repo.DispatchValues> {
  const termEnd = checkTerm(d);
  checkScope(ctx.scope, originOrgId, d);
  const county = await hostCounty(trx, d);
  await checkReplaces(trx, ctx.scope, d, selfId);
  await checkOverlap(trx, d.personId, d.termStart, d.actualEnd ?? termEnd, selfId);
  return {
    person_id: d.personId, category: d.category, team: d.team ?? null, programme: d.programme, batch: d.batch ?? null,
    host_org_id: d.hostOrgId ?? null, host_region: d.hostRegion ?? null, county_code: county, post: d.post ?? null,
    term_start: d.termStart, term_end: termEnd, actual_end: d.actualEnd ?? null, status: d.status, replaces_id: d.replacesId ?? null, note: d.note ?? null,
  };
}

/** The person named by id must be visible to the caller; a 400 otherwise (it is a field of the request). */
async function lockVisiblePerson(trx: Queryable, scope: Scope, personId: number) {
  if (!(await repo.findPerson(trx, scope, personId))) throw invalidField('personId', refMessage('person', personId));
  return (await repo.lockPerson(trx, personId))!;
}

export async function createDispatch(db: Db, ctx: RequestContext, input: DispatchInput, opts: { isDemo?: boolean } = {}): Promise<Dispatch> {
  return db.transaction().execute((trx) => createDispatchIn(trx, ctx, input, opts));
}

/** The same inside a caller's transaction (imports run many of these, each under a savepoint). */
export async function createDispatchIn(trx: Queryable, ctx: RequestContext, input: DispatchInput, opts: { isDemo?: boolean } = {}): Promise<Dispatch> {
  let personId = input.personId;
  let originOrgId: number | null;
  if (input.person) {
    checkScope(ctx.scope, input.person.originOrgId ?? null, { ...input, personId: 0 });
    personId = await insertPersonIn(trx, ctx, input.person, { isDemo: opts.isDemo, prefix: 'person.' });
    originOrgId = input.person.originOrgId ?? null;
  } else {
    originOrgId = (await lockVisiblePerson(trx, ctx.scope, personId!)).origin_org_id;
  }
  const values = await validate(trx, ctx, { ...input, personId: personId! }, originOrgId);
  const id = await repo.insertDispatch(trx, { ...values, is_demo: opts.isDemo ?? false });
  const created = await getDispatch(trx, ctx.scope, id);
  await writeAudit(trx, ctx, { entity: 'dispatch', entityId: id, action: 'create', after: created });
  return created;
}

export async function updateDispatch(db: Db, ctx: RequestContext, id: number, patch: DispatchPatch): Promise<Dispatch> {
  return db.transaction().execute(async (trx) => {
    const before = await getDispatch(trx, ctx.scope, id);
    const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as Fields;
    if (patch.personId !== undefined && patch.personId !== before.personId) await lockVisiblePerson(trx, ctx.scope, next.personId);
    const person = (await repo.lockPerson(trx, next.personId))!;
    await repo.updateDispatch(trx, id, await validate(trx, ctx, next, person.origin_org_id, id));
    const after = await getDispatch(trx, ctx.scope, id);
    await writeAudit(trx, ctx, { entity: 'dispatch', entityId: id, action: 'update', before, after });
    return after;
  });
}

export async function deleteDispatch(db: Db, ctx: RequestContext, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await getDispatch(trx, ctx.scope, id);
    await repo.removeDispatch(trx, id);
    await writeAudit(trx, ctx, { entity: 'dispatch', entityId: id, action: 'delete', before });
  });
}
