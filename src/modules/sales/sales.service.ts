import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import type { Scope } from '../../platform/access/scope.ts';
import { withPairedCounties } from '../pairings/pairings.repository.ts';
import { todayInChina } from '../products/products.workflow.ts';
import { CATEGORIES } from '../products/products.contract.ts';
import { assertOwner, chooseOwner } from '../../platform/access/ownership.ts';
import * as regionsRepo from '../regions/regions.repository.ts';
import * as repo from './sales.repository.ts';
import { SaleRefs } from './sales.refs.ts';
import { checkSale } from './sales.rules.ts';
import { BUYER_TYPES, CHANNELS, type Sale, type SaleFilters, type SaleInput, type SaleListQuery, type SalePatch, type SummaryQuery } from './sales.contract.ts';

const reach = (q: Queryable, scope: Scope) => withPairedCounties(q, scope);

export function present(r: repo.SaleRow): Sale {
  return {
    id: r.id, soldOn: r.sold_on, periodEnd: r.period_end, productId: r.product_id, productName: r.product_name, category: r.category as Sale['category'],
    supplierId: r.supplier_id, supplier: r.supplier_registered_name ?? r.supplier_name ?? '', countyCode: r.county_code, countyName: r.county_name,
    channel: r.channel as Sale['channel'], buyerType: r.buyer_type as Sale['buyerType'], creditedOrgId: r.credited_org_id, credited: r.credited_org_name ?? r.credited_name ?? '',
    amountFen: Number(r.amount_fen), quantity: r.quantity === null ? null : Number(r.quantity), unit: r.unit, households: r.households, activityId: r.activity_id,
    certified: r.certified, dupStatus: r.dup_status, importId: r.import_id, sourceRow: r.source_row, note: r.note, isDemo: r.is_demo,
    owningOrgId: r.owning_org_id, owningOrgName: r.owning_org_name, claimStatus: r.claim_status, claimNote: r.claim_note,
  };
}

export async function getSale(q: Queryable, scope: Scope, id: number): Promise<Sale> {
  const row = await repo.findById(q, await reach(q, scope), id);
  if (!row) throw notFound('销售记录', id);
  return present(row);
}

export async function listSales(q: Queryable, scope: Scope, f: SaleListQuery): Promise<Page<Sale>> {
  const { rows, total } = await repo.list(q, await reach(q, scope), f);
  return { items: rows.map(present), total, page: f.page, pageSize: f.pageSize };
}

/** Every sale of a filtered list, a slice at a time by id (no offsets), refused above `max` rows. */
export async function allSales(q: Queryable, scope: Scope, f: SaleFilters, max: number): Promise<Sale[]> {
  const reached = await reach(q, scope);
  const total = await repo.count(q, reached, f);
  if (total > max) throw new AppError('VALIDATION', `符合条件的销售有 ${total} 条，超过单次导出上限 ${max} 条：请按年度、县或渠道缩小范围`, [{ path: 'filters', message: '导出行数过多' }]);
  const out: Sale[] = [];
  for (let after = 0; ; ) {
    const rows = await repo.slice(q, reached, f, after, 5_000);
    out.push(...rows.map(present));
    if (rows.length < 5_000) return out;
    after = rows[rows.length - 1].id;
  }
}

async function refsFor(q: Queryable, scope: Scope, v: SaleInput) {
  return SaleRefs.load(q, await reach(q, scope), todayInChina(), {
    products: v.productId ? [v.productId] : [], suppliers: v.supplierId ? [v.supplierId] : [], orgs: v.creditedOrgId ? [v.creditedOrgId] : [], activities: v.activityId ? [v.activityId] : [],
  });
}

/** A sale alike in supplier, channel, date, amount and credited unit to one already counted is stored flagged, not counted. */
export async function createSaleIn(q: Queryable, ctx: RequestContext, v: SaleInput, opts: { isDemo?: boolean } = {}): Promise<Sale> {
  const values = checkSale(v, await refsFor(q, ctx.scope, v));
  const flagged = (await repo.existingKeys(q, [values.dup_key])).size > 0;
  const id = await repo.insert(q, { ...values, owning_org_id: chooseOwner(ctx, v.owningOrgId, [values.credited_org_id]), dup_status: flagged ? 'flagged' : 'unique', is_demo: opts.isDemo ?? false });
  const created = await getSale(q, ctx.scope, id);
  await writeAudit(q, ctx, { entity: 'sale', entityId: id, action: 'create', after: created });
  return created;
}
export const createSale = (db: Db, ctx: RequestContext, v: SaleInput) => db.transaction().execute((trx) => createSaleIn(trx, ctx, v));

export async function updateSale(db: Db, ctx: RequestContext, id: number, patch: SalePatch): Promise<Sale> {
  return db.transaction().execute(async (trx) => {
    const before = await getSale(trx, ctx.scope, id);
    assertOwner(ctx, before, '销售记录');
    if (patch.owningOrgId !== undefined) chooseOwner(ctx, patch.owningOrgId, []);
    const merged: SaleInput = { ...before, supplierName: before.supplierId ? null : before.supplier, creditedName: before.creditedOrgId ? null : before.credited, ...patch };
    const values = checkSale(merged, await refsFor(trx, ctx.scope, merged));
    // A changed key is checked again; a reviewed decision on an unchanged key stands.
    const rekeyed = (await repo.findById(trx, { all: true }, id))!.dup_key !== values.dup_key;
    const dup = rekeyed ? ((await repo.existingKeys(trx, [values.dup_key], { exceptId: id })).size ? 'flagged' : 'unique') : undefined;
    // A credit confirmed by one unit does not carry over to another.
    const recredited = values.credited_org_id !== before.creditedOrgId;
    const { owning_org_id: _owner, claim_status: claim, ...rest } = values;
    await repo.update(trx, id, {
      ...rest,
      ...(dup ? { dup_status: dup } : {}),
      ...(patch.owningOrgId !== undefined && { owning_org_id: patch.owningOrgId }),
      ...(recredited && { claim_status: claim, claim_note: null, claim_decided_by: null, claim_decided_at: null }),
    });
    const after = await getSale(trx, ctx.scope, id);
    await writeAudit(trx, ctx, { entity: 'sale', entityId: id, action: 'update', before, after });
    return after;
  });
}

export async function deleteSale(db: Db, ctx: RequestContext, id: number) {
  await db.transaction().execute(async (trx) => {
    const before = await getSale(trx, ctx.scope, id);
    assertOwner(ctx, before, '销售记录');
    await repo.remove(trx, id);
    await writeAudit(trx, ctx, { entity: 'sale', entityId: id, action: 'delete', before });
  });
}

/** 核实: a flagged sale is a duplicate (never counted) or a distinct sale (counted). */
export async function decideDuplicate(db: Db, ctx: RequestContext, id: number, v: { decision: 'duplicate' | 'distinct'; comment?: string | null }) {
  return db.transaction().execute(async (trx) => {
    const before = await getSale(trx, ctx.scope, id);
    if (before.dupStatus === 'unique') throw new AppError('RULE_VIOLATION', '该销售记录未被标记为疑似重复，无需核实');
    await repo.update(trx, id, { dup_status: v.decision });
    const after = await getSale(trx, ctx.scope, id);
    await writeAudit(trx, ctx, { entity: 'sale', entityId: id, action: `duplicate:${v.decision}`, before, after: { ...after, comment: v.comment ?? null } });
    return after;
  });
}

/** Counted sales grouped by county, channel, month, category, credited unit or buyer; certified share; flagged apart. */
export async function salesSummary(q: Queryable, scope: Scope, f: SummaryQuery) {
  const { rows, totals } = await repo.summary(q, await reach(q, scope), f);
  const labels = new Map<string, string>();
  if (f.by === 'county') for (const r of await regionsRepo.findByCodes(q, rows.map((x) => x.key))) labels.set(r.code, r.name);
  if (f.by === 'credited') {
    const ids = rows.filter((r) => r.key.startsWith('o')).map((r) => Number(r.key.slice(1)));
    for (const o of ids.length ? await q.selectFrom('orgs').select(['id', 'name']).where('id', 'in', ids).execute() : []) labels.set(`o${o.id}`, o.name);
  }
  const label = (key: string) =>
    (key === '?' ? '（待计入单位确认）' : undefined) ?? labels.get(key) ?? (f.by === 'channel' ? CHANNELS[key as keyof typeof CHANNELS] : f.by === 'buyer' ? BUYER_TYPES[key as keyof typeof BUYER_TYPES] : f.by === 'category' ? CATEGORIES[key as keyof typeof CATEGORIES] : f.by === 'credited' ? key.slice(1) : key) ?? key;
  const total = Number(totals.total);
  return {
    by: f.by,
    rows: rows.map((r) => ({ key: r.key, label: label(r.key), amountFen: Number(r.amount), count: r.n, households: Number(r.households) })),
    totalFen: total,
    count: totals.n,
    certifiedFen: Number(totals.certified),
    certifiedShare: total > 0 ? Math.round((Number(totals.certified) / total) * 10_000) / 10_000 : null,
    flagged: { count: totals.flagged_n, amountFen: Number(totals.flagged_fen) },
  };
}
