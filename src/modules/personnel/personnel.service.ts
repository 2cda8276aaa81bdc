import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import { orgInScope, type Scope } from '../../platform/access/scope.ts';
import * as regionsRepo from '../regions/regions.repository.ts';
import * as orgsRepo from '../orgs/orgs.repository.ts';
import * as repo from './personnel.repository.ts';
import {
  DISPATCH_CATEGORIES, DISPATCH_TEAMS, type Dispatch, type DispatchCategory, type Person, type PersonDetail, type PersonInput, type PersonListQuery,
  type PersonnelSummary, type PersonPatch,
} from './personnel.contract.ts';

export function presentPerson(r: repo.PersonRow): Person {
  return { id: r.id, name: r.name, sex: r.sex, originOrgId: r.origin_org_id, originOrgName: r.origin_org_name, originUnit: r.origin_unit, phone: r.phone, note: r.note, isDemo: r.is_demo };
}

export function presentDispatch(r: repo.DispatchRow): Dispatch {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    originOrgId: r.origin_org_id,
    originName: r.origin_org_name ?? r.origin_unit,
    category: r.category as Dispatch['category'],
    team: r.team,
    programme: r.programme as Dispatch['programme'],
    batch: r.batch,
    hostOrgId: r.host_org_id,
    hostOrgName: r.host_org_name,
    hostRegion: r.host_region,
    countyCode: r.county_code,
    countyName: r.county_name,
    post: r.post,
    termStart: r.term_start,
    termEnd: r.term_end,
    actualEnd: r.actual_end,
    status: r.status,
    replacesId: r.replaces_id,
    note: r.note,
    isDemo: r.is_demo,
  };
}

export async function listPersons(q: Queryable, scope: Scope, f: PersonListQuery): Promise<Page<Person>> {
  const { rows, total } = await repo.listPersons(q, scope, f);
  return { items: rows.map(presentPerson), total, page: f.page, pageSize: f.pageSize };
}

/** A person with the dispatches the caller may see; outside the scope the person does not exist. */
export async function getPerson(q: Queryable, scope: Scope, id: number): Promise<PersonDetail> {
  const row = await repo.findPerson(q, scope, id);
  if (!row) throw notFound('人员', id);
  const { rows } = await repo.listDispatches(q, scope, { personId: id, page: 1, pageSize: 200, order: 'asc', sort: 'termStart' });
  return { ...presentPerson(row), dispatches: rows.map(presentDispatch) };
}

/** The sending unit: a registered east-side organisation, or its name as text. */
async function checkOrigin(q: Queryable, p: { originOrgId?: number | null; originUnit?: string | null }, prefix = '') {
  if (!p.originOrgId && !p.originUnit) throw invalidField(`${prefix}originOrgId`, '请选择派出单位，或填写派出单位名称');
  if (p.originOrgId) {
    const org = await orgsRepo.findById(q, p.originOrgId);
    if (!org) throw invalidField(`${prefix}originOrgId`, `组织 ${p.originOrgId} 不存在`);
    if (org.side !== 'east') throw invalidField(`${prefix}originOrgId`, `「${org.name}」是受援方组织，不能作为派出单位`);
  }
}

const personValues = (p: PersonInput): repo.PersonValues => ({
  name: p.name, sex: p.sex ?? null, origin_org_id: p.originOrgId ?? null, origin_unit: p.originUnit ?? null, phone: p.phone ?? null, note: p.note ?? null,
});

/** Inside a caller's transaction (a dispatch may register its person with it). */
export async function insertPersonIn(trx: Queryable, ctx: RequestContext, input: PersonInput, opts: { isDemo?: boolean; prefix?: string } = {}) {
  await checkOrigin(trx, input, opts.prefix);
  const id = await repo.insertPerson(trx, { ...personValues(input), is_demo: opts.isDemo ?? false });
  await writeAudit(trx, ctx, { entity: 'person', entityId: id, action: 'create', after: { id, ...input } });
  return id;
}

/**
 * A person registered on their own must come from a unit in the caller's scope; a frontline group or
 * county registers a person together with the dispatch that brings them into its scope.
 */
export async function createPerson(db: Db, ctx: RequestContext, input: PersonInput, opts: { isDemo?: boolean } = {}): Promise<PersonDetail> {
  if (!ctx.scope.all && !(input.originOrgId && orgInScope(ctx.scope, input.originOrgId))) {
    throw new AppError('FORBIDDEN', '派出单位不在您的数据范围内；派驻到您范围内的人员，请在登记派驻时一并登记', [{ path: 'originOrgId', message: '超出数据范围' }]);
  }
  return db.transaction().execute(async (trx) => getPerson(trx, ctx.scope, await insertPersonIn(trx, ctx, input, opts)));
}

export async function updatePerson(db: Db, ctx: RequestContext, id: number, patch: PersonPatch): Promise<PersonDetail> {
  return db.transaction().execute(async (trx) => {
    const before = await getPerson(trx, ctx.scope, id);
    const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as PersonInput;
    await checkOrigin(trx, next);
    await repo.updatePerson(trx, id, personValues(next));
    if (!(await repo.findPerson(trx, ctx.scope, id))) {
      throw new AppError('FORBIDDEN', '修改后该人员将不在您的数据范围内', [{ path: 'originOrgId', message: '超出数据范围' }]);
    }
    const after = await getPerson(trx, ctx.scope, id);
    await writeAudit(trx, ctx, { entity: 'person', entityId: id, action: 'update', before, after });
    return after;
  });
}

export async function deletePerson(db: Db, ctx: RequestContext, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await getPerson(trx, ctx.scope, id);
    await repo.lockPerson(trx, id);
    if ((await repo.countDispatchesOf(trx, id)) > 0) throw new AppError('CONFLICT', `「${before.name}」仍有派驻记录，请先删除其派驻记录`);
    await repo.removePerson(trx, id);
    await writeAudit(trx, ctx, { entity: 'person', entityId: id, action: 'delete', before });
  });
}

// ---- the yearly counts for the assessment (人才交流) ----

const zeros = <K extends string>(keys: Record<K, string>) => Object.fromEntries(Object.keys(keys).map((k) => [k, 0])) as Record<K, number>;

/** People on post during the year, per county: by category, by 组团式 team, and distinct people in all. */
export async function personnelSummary(q: Queryable, scope: Scope, f: { county?: string; year: number }): Promise<PersonnelSummary> {
  const rows = await repo.onPostCounts(q, scope, f.year, f.county);
  const blank = () => ({ byCategory: zeros(DISPATCH_CATEGORIES), teams: zeros(DISPATCH_TEAMS), total: 0 });
  const total = blank();
  const byCounty = new Map<string, ReturnType<typeof blank>>();
  for (const r of rows) {
    const target = r.g_county ? total : (byCounty.get(r.county_code) ?? byCounty.set(r.county_code, blank()).get(r.county_code)!);
    if (!r.g_category) target.byCategory[r.category as DispatchCategory] = r.people;
    else if (!r.g_team) {
      if (r.team) target.teams[r.team] = r.people;
    } else target.total = r.people;
  }
  const names = new Map((await regionsRepo.findByCodes(q, [...byCounty.keys()])).map((r) => [r.code, r.name]));
  return {
    year: f.year,
    county: f.county ?? null,
    counties: [...byCounty.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([countyCode, c]) => ({ countyCode, countyName: names.get(countyCode) ?? null, ...c })),
    total,
  };
}
