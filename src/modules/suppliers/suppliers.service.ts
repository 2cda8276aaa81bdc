import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import { regionInScope, type Scope } from '../../platform/access/scope.ts';
import { assertOwner, chooseOwner } from '../../platform/access/ownership.ts';
import * as regionsRepo from '../regions/regions.repository.ts';
import { withPairedCounties } from '../pairings/pairings.repository.ts';
import * as repo from './suppliers.repository.ts';
import type { Supplier, SupplierInput, SupplierListQuery, SupplierPatch } from './suppliers.contract.ts';

async function present(q: Queryable, rows: repo.SupplierRow[]): Promise<Supplier[]> {
  const counts = await repo.productCounts(q, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as Supplier['kind'],
    regionCode: r.region_code,
    regionName: r.region_name,
    countyCode: r.county_code,
    countyName: r.county_name,
    registrationNo: r.registration_no,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    mechanisms: r.mechanisms as Supplier['mechanisms'],
    mechanismNote: r.mechanism_note,
    householdsLinked: r.households_linked,
    peopleLinked: r.people_linked,
    productCounts: Object.fromEntries(counts.filter((c) => c.supplier_id === r.id).map((c) => [c.status, c.n])),
    owningOrgId: r.owning_org_id,
    owningOrgName: r.owning_org_name,
    isDemo: r.is_demo,
  }));
}

export async function getSupplier(q: Queryable, scope: Scope, id: number): Promise<Supplier> {
  const row = await repo.findById(q, await withPairedCounties(q, scope), id);
  if (!row) throw notFound('供应主体', id);
  return (await present(q, [row]))[0];
}

export async function listSuppliers(q: Queryable, scope: Scope, f: SupplierListQuery): Promise<Page<Supplier>> {
  const { rows, total } = await repo.list(q, await withPairedCounties(q, scope), f);
  return { items: await present(q, rows), total, page: f.page, pageSize: f.pageSize };
}

/** A supplier sits in a recipient county (not in Shanghai), inside the caller's reach; registration numbers are unique. */
async function check(q: Queryable, scope: Scope, v: SupplierInput, selfId?: number) {
  if (v.regionCode.length < 6) throw invalidField('regionCode', '请选择到县（或乡镇、村）一级的区划');
  if (v.regionCode.startsWith('31')) throw invalidField('regionCode', '供应主体应位于受援地，而不是上海');
  if (!(await regionsRepo.findByCode(q, v.regionCode))) throw invalidField('regionCode', `未知的区划代码 ${v.regionCode}`);
  const county = v.regionCode.slice(0, 6);
  if (!regionInScope(await withPairedCounties(q, scope), county)) {
    throw new AppError('FORBIDDEN', `${county} 不在您的数据范围内`, [{ path: 'regionCode', message: '超出数据范围' }]);
  }
  if (v.registrationNo) {
    const other = await repo.findByRegistration(q, v.registrationNo, selfId);
    if (other) throw new AppError('CONFLICT', `登记号 ${v.registrationNo} 已属于供应主体「${other.name}」`, [{ path: 'registrationNo', message: '登记号重复' }], { existingId: other.id });
  }
  return county;
}

const values = (v: SupplierInput, county: string) => ({
  name: v.name, kind: v.kind, region_code: v.regionCode, county_code: county, registration_no: v.registrationNo || null, contact_name: v.contactName ?? null,
  contact_phone: v.contactPhone ?? null, mechanisms: v.mechanisms, mechanism_note: v.mechanismNote ?? null, households_linked: v.householdsLinked, people_linked: v.peopleLinked,
});

export async function createSupplierIn(q: Queryable, ctx: RequestContext, v: SupplierInput, opts: { isDemo?: boolean } = {}): Promise<Supplier> {
  const county = await check(q, ctx.scope, v);
  const id = await repo.insert(q, { ...values(v, county), owning_org_id: chooseOwner(ctx, v.owningOrgId, []), is_demo: opts.isDemo ?? false });
  const created = await getSupplier(q, ctx.scope, id);
  await writeAudit(q, ctx, { entity: 'supplier', entityId: id, action: 'create', after: created });
  return created;
}
export const createSupplier = (db: Db, ctx: RequestContext, v: SupplierInput) => db.transaction().execute((trx) => createSupplierIn(trx, ctx, v));

export async function updateSupplier(db: Db, ctx: RequestContext, id: number, patch: SupplierPatch): Promise<Supplier> {
  return db.transaction().execute(async (trx) => {
    const before = await getSupplier(trx, ctx.scope, id);
    assertOwner(ctx, before, '供应主体', { regionCode: before.countyCode });
    if (patch.owningOrgId !== undefined) chooseOwner(ctx, patch.owningOrgId, []);
    const merged: SupplierInput = { ...before, ...patch };
    const county = await check(trx, ctx.scope, merged, id);
    await repo.update(trx, id, { ...values(merged, county), owning_org_id: merged.owningOrgId ?? null });
    const after = await getSupplier(trx, ctx.scope, id);
    await writeAudit(trx, ctx, { entity: 'supplier', entityId: id, action: 'update', before, after });
    return after;
  });
}

export async function deleteSupplier(db: Db, ctx: RequestContext, id: number) {
  await db.transaction().execute(async (trx) => {
    const before = await getSupplier(trx, ctx.scope, id);
    assertOwner(ctx, before, '供应主体', { regionCode: before.countyCode });
    if (await repo.hasDependents(trx, id)) throw new AppError('CONFLICT', `供应主体「${before.name}」已有产品或销售记录，不能删除`);
    await repo.remove(trx, id);
    await writeAudit(trx, ctx, { entity: 'supplier', entityId: id, action: 'delete', before });
  });
}
