import { checkRef } from '../references/references.ts';
import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Page } from '../../platform/contract.ts';
import type { Scope } from '../../platform/access/scope.ts';
import * as regionsRepo from '../regions/regions.repository.ts';
import { withPairedCounties } from '../pairings/pairings.repository.ts';
import { getSupplier } from '../suppliers/suppliers.service.ts';
import * as repo from './products.repository.ts';
import { DEPARTMENTS, STATUSES, type Product, type ProductInput, type ProductListQuery, type ProductPatch, type Rules, type Status } from './products.contract.ts';
import { nextActions, stepOf, todayInChina, type StepAction } from './products.workflow.ts';

async function present(q: Queryable, ctx: RequestContext, rows: repo.ProductRow[]): Promise<Product[]> {
  const ids = rows.map((r) => r.id);
  const [opinions, objections, steps, rules] = [await repo.opinions(q, ids), await repo.objections(q, ids), await repo.steps(q, ids), await repo.rules(q)];
  return rows.map((r) => {
    const mine = opinions.filter((o) => o.product_id === r.id);
    const status = r.current_status as Status;
    return {
      id: r.id, supplierId: r.supplier_id, supplierName: r.supplier_name, name: r.name, category: r.category as Product['category'],
      originRegion: r.origin_region, originName: r.origin_name, countyCode: r.county_code, countyName: r.county_name,
      specification: r.specification, priceFen: Number(r.price_fen), unit: r.unit, qualityDocuments: r.quality_documents, benefitNote: r.benefit_note,
      status, appliedOn: r.applied_on, decisionReason: r.decision_reason, noticeStart: r.notice_start, noticeEnd: r.notice_end, batchNo: r.batch_no,
      certifiedOn: r.certified_on, validUntil: r.valid_until, lastReviewedOn: r.last_reviewed_on, endedOn: r.ended_on ?? (status === 'expired' && r.status === 'certified' ? r.valid_until : null), endReason: r.end_reason,
      missingOpinions: rules.required_departments.filter((d) => !mine.some((o) => o.department === d)) as Product['missingOpinions'],
      opinions: mine.map((o) => ({ department: o.department as Product['opinions'][number]['department'], agree: o.agree, comment: o.comment, givenOn: o.given_on, userName: o.user_name })),
      objections: objections.filter((o) => o.product_id === r.id).map((o) => ({ id: o.id, receivedOn: o.received_on, objector: o.objector, content: o.content, resolution: o.resolution, upheld: o.upheld, resolvedOn: o.resolved_on })),
      steps: steps.filter((s) => s.product_id === r.id).map((s) => ({ id: s.id, action: s.action, fromStatus: s.from_status, toStatus: s.to_status, actedOn: s.acted_on, documentNo: s.document_no, comment: s.comment, actorName: s.actor_name, at: new Date(s.created_at).toISOString() })),
      nextActions: nextActions(status, ctx.permissions),
      isDemo: r.is_demo,
    };
  });
}

const reach = (q: Queryable, scope: Scope) => withPairedCounties(q, scope);

export async function getProduct(q: Queryable, ctx: RequestContext, id: number): Promise<Product> {
  const row = await repo.findById(q, await reach(q, ctx.scope), id, todayInChina());
  if (!row) throw notFound('产品', id);
  return (await present(q, ctx, [row]))[0];
}

export async function listProducts(q: Queryable, ctx: RequestContext, f: ProductListQuery): Promise<Page<Product>> {
  const { rows, total } = await repo.list(q, await reach(q, ctx.scope), f, todayInChina());
  return { items: await present(q, ctx, rows), total, page: f.page, pageSize: f.pageSize };
}

async function checkOrigin(q: Queryable, code: string) {
  if (code.startsWith('31')) throw invalidField('originRegion', '产地应在受援地，而不是上海');
  if (!(await regionsRepo.findByCode(q, code))) throw invalidField('originRegion', `未知的区划代码 ${code}`);
}

const notAfterToday = (path: string, date: string) => {
  if (date > todayInChina()) throw invalidField(path, '日期不能晚于今天');
  return date;
};

/** 申请: the supplier must be in reach; the product counts for the supplier's county. */
export async function applyIn(q: Queryable, ctx: RequestContext, v: ProductInput, opts: { isDemo?: boolean } = {}): Promise<Product> {
  await checkRef(q, ctx.scope, 'supplier', v.supplierId, 'supplierId');
  const supplier = await getSupplier(q, ctx.scope, v.supplierId);
  await checkOrigin(q, v.originRegion);
  const appliedOn = notAfterToday('appliedOn', v.appliedOn ?? todayInChina());
  const id = await repo.insert(q, {
    supplier_id: supplier.id, name: v.name, category: v.category, origin_region: v.originRegion, county_code: supplier.countyCode, specification: v.specification,
    price_fen: v.priceFen, unit: v.unit, quality_documents: v.qualityDocuments, benefit_note: v.benefitNote, status: 'applied', applied_on: appliedOn, is_demo: opts.isDemo ?? false,
  });
  await repo.insertStep(q, { product_id: id, action: 'apply', from_status: null, to_status: 'applied', acted_on: appliedOn, document_no: null, comment: null, user_id: ctx.actor.id, actor_name: ctx.actor.name });
  const created = await getProduct(q, ctx, id);
  await writeAudit(q, ctx, { entity: 'product', entityId: id, action: 'apply', after: created });
  return created;
}
export const applyProduct = (db: Db, ctx: RequestContext, v: ProductInput) => db.transaction().execute((trx) => applyIn(trx, ctx, v));

/**
 * Runs one workflow step: locks the product, checks the status and the caller's permission against
 * the workflow table and the step's date against the last one, lets `change` do the step's own
 * rules and writes, then records the step and its audit row.
 */
export async function runStep(
  q: Queryable,
  ctx: RequestContext,
  id: number,
  action: StepAction,
  input: { actedOn?: string; documentNo?: string | null; comment?: string | null },
  change: (p: Product, actedOn: string) => Promise<{ to?: Status; comment?: string | null } | void>,
): Promise<Product> {
  await repo.lock(q, id);
  const before = await getProduct(q, ctx, id);
  const step = stepOf(action);
  if (!ctx.permissions.has(step.permission)) throw new AppError('FORBIDDEN', `您的角色不能进行「${stepLabel(action)}」`);
  if (!step.from.includes(before.status)) {
    throw new AppError('RULE_VIOLATION', `产品当前状态为「${STATUSES[before.status]}」，不能进行「${stepLabel(action)}」`, [{ path: 'action', message: '步骤顺序不对' }], { status: before.status });
  }
  const actedOn = notAfterToday('actedOn', input.actedOn ?? todayInChina());
  const last = before.steps.at(-1);
  if (last && actedOn < last.actedOn) throw invalidField('actedOn', `日期 ${actedOn} 早于上一步「${stepLabel(last.action as StepAction)}」的日期 ${last.actedOn}`);
  const outcome = (await change(before, actedOn)) ?? undefined;
  const to = outcome?.to ?? step.to ?? before.status;
  if (to !== before.status) await repo.update(q, id, { status: to });
  await repo.insertStep(q, { product_id: id, action, from_status: before.status, to_status: to, acted_on: actedOn, document_no: input.documentNo ?? null, comment: outcome?.comment ?? input.comment ?? null, user_id: ctx.actor.id, actor_name: ctx.actor.name });
  const after = await getProduct(q, ctx, id);
  await writeAudit(q, ctx, { entity: 'product', entityId: id, action, before: strip(before), after: strip(after) });
  return after;
}

const stepLabel = (a: string) => ({ edit: '修改申请', withdraw: '撤回申请', opinion: '初审意见', decide: '审定', start_notice: '公示', objection: '登记异议', resolve_objection: '处理异议', certify: '认定', annual_review: '年度复核', delist: '下架', relist: '重新上架', revoke: '撤销', expire: '到期', apply: '申请' })[a] ?? a;
/** The audit keeps the record, not its history (the steps are their own rows). */
const strip = ({ steps: _s, nextActions: _n, ...rest }: Product) => rest;

export async function updateProduct(db: Db, ctx: RequestContext, id: number, patch: ProductPatch) {
  return db.transaction().execute((trx) =>
    runStep(trx, ctx, id, 'edit', {}, async () => {
      if (patch.originRegion) await checkOrigin(trx, patch.originRegion);
      await repo.update(trx, id, {
        name: patch.name, category: patch.category, origin_region: patch.originRegion, specification: patch.specification, price_fen: patch.priceFen,
        unit: patch.unit, quality_documents: patch.qualityDocuments, benefit_note: patch.benefitNote,
      });
      return { comment: `修改：${Object.keys(patch).join('、')}` };
    }),
  );
}

/** 撤回: an application nobody has reviewed yet is removed with its history (the audit keeps it). */
export async function withdrawProduct(db: Db, ctx: RequestContext, id: number) {
  await db.transaction().execute(async (trx) => {
    await repo.lock(trx, id);
    const before = await getProduct(trx, ctx, id);
    if (!stepOf('withdraw').from.includes(before.status)) throw new AppError('RULE_VIOLATION', `产品当前状态为「${STATUSES[before.status]}」，只有未初审的申请可以撤回`);
    await repo.remove(trx, id);
    await writeAudit(trx, ctx, { entity: 'product', entityId: id, action: 'withdraw', before: strip(before) });
  });
}

export async function getRules(q: Queryable): Promise<Rules> {
  const r = await repo.rules(q);
  return { requiredDepartments: r.required_departments as Rules['requiredDepartments'], noticeDays: r.notice_days, maxValidMonths: r.max_valid_months };
}

export async function setRules(db: Db, ctx: RequestContext, v: Rules): Promise<Rules> {
  return db.transaction().execute(async (trx) => {
    const before = await getRules(trx);
    await repo.updateRules(trx, { required_departments: [...new Set(v.requiredDepartments)], notice_days: v.noticeDays, max_valid_months: v.maxValidMonths });
    const after = await getRules(trx);
    await writeAudit(trx, ctx, { entity: 'certification_rules', entityId: 1, action: 'update', before, after });
    return after;
  });
}

export async function statusCounts(q: Queryable, scope: Scope, county?: string) {
  const rows = await repo.statusCounts(q, await reach(q, scope), todayInChina(), county);
  return (Object.keys(STATUSES) as Status[]).map((s) => ({ status: s, label: STATUSES[s], count: rows.find((r) => r.status === s)?.n ?? 0 }));
}

export const departmentLabel = (d: string) => DEPARTMENTS[d as keyof typeof DEPARTMENTS] ?? d;
