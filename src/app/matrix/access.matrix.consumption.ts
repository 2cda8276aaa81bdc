import { expect } from 'vitest';
import type { Db } from '../../platform/db/database.ts';
import { systemContext } from '../../platform/context.ts';
import type { Reply } from '../../testing/test-app.ts';
import { xlsxOf, rowsOf } from '../../testing/xlsx.ts';
import type { Ctx, Line } from './access.matrix.lines.ts';
import { createSupplierIn } from '../../modules/suppliers/suppliers.service.ts';
import { applyIn } from '../../modules/products/products.service.ts';
import { giveOpinion, recordObjection, takeStep } from '../../modules/products/products.steps.ts';
import { createSale } from '../../modules/sales/sales.service.ts';
import { insertImport } from '../../modules/sales/sales.repository.ts';
import { addDays, todayInChina } from '../../modules/products/products.workflow.ts';

/**
 * The matrix lines of 消费帮扶 (suppliers, certification, catalogue, sales, imports), with their
 * fixture: "in" records in 香格里拉市 (X), which district A reaches through its pairing; "out"
 * records in 玛沁县 (Y) under district B.
 */
const X = '533401';
const Y = '632621';
type Pair = { in: number; out: number };
export interface ConsumptionFixture {
  supplier: Pair;
  supplierName: { in: string; out: string };
  reviewing: Pair;
  notice: Pair;
  certified: Pair;
  sale: Pair;
  flagged: Pair;
  /** A note only the out-of-scope sale carries (exports must not show it to scoped roles). */
  outMarker: string;
}

const ago = (n: number) => addDays(todayInChina(), -n);
let seq = 0;
const product = async (db: Db, supplierId: number, upTo: 'reviewing' | 'notice' | 'certified' | 'applied') => {
  const p = await db.transaction().execute((trx) => applyIn(trx, systemContext, {
    supplierId, name: `矩阵产品${++seq}`, category: 'fungi', originRegion: '533401101', specification: '1kg', priceFen: 100, unit: '袋', qualityDocuments: [], benefitNote: '订单收购带动脱贫户', appliedOn: ago(40),
  }));
  if (upTo === 'applied') return p.id;
  for (const department of ['agriculture', 'market', 'industry', 'rural'] as const) await giveOpinion(db, systemContext, p.id, { department, agree: true, givenOn: ago(35) });
  if (upTo === 'reviewing') return p.id;
  await takeStep(db, systemContext, p.id, { action: 'decide', approve: true, reason: '矩阵', actedOn: ago(30) });
  await takeStep(db, systemContext, p.id, { action: 'start_notice', noticeStart: upTo === 'notice' ? ago(2) : ago(29) });
  if (upTo === 'notice') return p.id;
  await takeStep(db, systemContext, p.id, { action: 'certify', batchNo: '矩阵批', validUntil: addDays(todayInChina(), 300), actedOn: ago(10) });
  return p.id;
};

export async function buildConsumptionFixture(db: Db, base: { distA: number; distB: number; owner: number }): Promise<ConsumptionFixture> {
  const supplier = async (region: string, name: string, owningOrgId?: number) => (await db.transaction().execute((trx) => createSupplierIn(trx, systemContext, { name, kind: 'cooperative', regionCode: region, mechanisms: [], householdsLinked: 0, peopleLinked: 0, owningOrgId }))).id;
  const s = { in: await supplier(`${X}101`, '矩阵X合作社', base.owner), out: await supplier(`${Y}100`, '矩阵Y合作社') };
  const both = async (upTo: 'reviewing' | 'notice' | 'certified') => ({ in: await product(db, s.in, upTo), out: await product(db, s.out, upTo) });
  const certified = await both('certified');
  const outMarker = '矩阵区外销售';
  const sale = async (side: 'in' | 'out', note: string) =>
    (await createSale(db, systemContext, { soldOn: ago(3), productId: certified[side], channel: 'counter', buyerType: 'individual', creditedOrgId: side === 'in' ? base.distA : base.distB, amountFen: 5000, note, ...(side === 'in' ? { owningOrgId: base.owner } : {}) })).id;
  // The second of two alike sales is flagged as a duplicate.
  const flagged = async (side: 'in' | 'out') => {
    await sale(side, '矩阵重复');
    return sale(side, '矩阵重复');
  };
  const flaggedPair = { in: await flagged('in'), out: await flagged('out') };
  return {
    supplier: s, supplierName: { in: '矩阵X合作社', out: '矩阵Y合作社' }, reviewing: await both('reviewing'), notice: await both('notice'), certified,
    sale: { in: await sale('in', '矩阵销售'), out: await sale('out', outMarker) }, flagged: flaggedPair, outMarker,
  };
}

const ids = (res: Reply<any>) => (res.body.items as { id: number }[]).map((x) => x.id);
const pick = (c: Ctx, p: Pair) => (c.inScope ? p.in : p.out);
const cf = (c: Ctx) => c.f.consumption;
const listLine = (url: string, out: (c: Ctx) => number): Line => ({ scoping: 'list', request: (c) => ({ method: 'GET', url, check: (res, all) => expect(ids(res).includes(out(c))).toBe(all) }) });
const record = (url: (c: Ctx) => string, method = 'GET', body?: (c: Ctx) => unknown): Line => ({ scoping: 'record', request: (c) => ({ method, url: url(c), body: body?.(c) }) });
const userId = async (c: Ctx) => (await c.r.db.selectFrom('users').select('id').where('username', '=', c.username).executeTakeFirstOrThrow()).id;
const anImport = async (c: Ctx, owner: number | null) => insertImport(c.r.db, { file_name: 'matrix.csv', format: 'csv', skip_invalid: false, total_bytes: 1, user_id: owner, actor_name: 'matrix' });
const saleBody = (c: Ctx) =>
  c.inScope
    ? { soldOn: ago(5), supplierId: cf(c).supplier.in, category: 'tea', channel: 'fair', buyerType: 'enterprise', creditedName: '矩阵企业', amountFen: 1234 }
    : { soldOn: ago(5), supplierName: '区外合作社', countyCode: Y, category: 'tea', channel: 'fair', buyerType: 'enterprise', creditedOrgId: c.f.distB, amountFen: 1234 };

export const CONSUMPTION_LINES: Record<string, Line> = {
  'GET /api/v1/suppliers': listLine('/api/v1/suppliers?pageSize=200', (c) => cf(c).supplier.out),
  'POST /api/v1/suppliers': { scoping: 'create', request: (c) => ({ method: 'POST', url: '/api/v1/suppliers', body: { name: c.r.name('矩阵新主体'), kind: 'enterprise', regionCode: c.inScope ? `${X}102` : `${Y}100` } }) },
  'GET /api/v1/suppliers/:id': record((c) => `/api/v1/suppliers/${pick(c, cf(c).supplier)}`),
  'PATCH /api/v1/suppliers/:id': record((c) => `/api/v1/suppliers/${pick(c, cf(c).supplier)}`, 'PATCH', () => ({ contactName: '矩阵联系人' })),
  'DELETE /api/v1/suppliers/:id': {
    scoping: 'record',
    request: async (c) => ({ method: 'DELETE', url: `/api/v1/suppliers/${(await c.r.db.transaction().execute((trx) => createSupplierIn(trx, systemContext, { name: c.r.name('矩阵待删'), kind: 'other', regionCode: c.inScope ? X : Y, mechanisms: [], householdsLinked: 0, peopleLinked: 0, ...(c.inScope ? { owningOrgId: c.r.owner } : {}) }))).id}` }),
  },

  'GET /api/v1/products': listLine('/api/v1/products?pageSize=200', (c) => cf(c).certified.out),
  'POST /api/v1/products': {
    scoping: 'create',
    outOfScope: 400, // a supplier out of reach is refused as a reference, like an unknown one
    request: (c) => ({ method: 'POST', url: '/api/v1/products', body: { supplierId: pick(c, cf(c).supplier), name: c.r.name('矩阵申请'), category: 'tea', originRegion: c.inScope ? X : Y, specification: '250g', priceFen: 3000, unit: '盒', benefitNote: '带动脱贫户务工' } }),
  },
  'GET /api/v1/products/status-counts': {
    scoping: 'list',
    request: (c) => ({ method: 'GET', url: `/api/v1/products/status-counts?county=${c.inScope ? X : Y}`, check: (res, all, inScope) => expect(res.body.find((s: { status: string }) => s.status === 'certified').count > 0).toBe(inScope || all) }),
  },
  'GET /api/v1/products/:id': record((c) => `/api/v1/products/${pick(c, cf(c).certified)}`),
  'PATCH /api/v1/products/:id': record((c) => `/api/v1/products/${pick(c, cf(c).reviewing)}`, 'PATCH', () => ({ specification: '2kg' })),
  'DELETE /api/v1/products/:id': { scoping: 'record', request: async (c) => ({ method: 'DELETE', url: `/api/v1/products/${await product(c.r.db, pick(c, cf(c).supplier), 'applied')}` }) },
  'POST /api/v1/products/:id/opinions': record((c) => `/api/v1/products/${pick(c, cf(c).reviewing)}/opinions`, 'POST', () => ({ department: 'commerce', agree: true })),
  'POST /api/v1/products/:id/objections': record((c) => `/api/v1/products/${pick(c, cf(c).notice)}/objections`, 'POST', () => ({ content: '矩阵异议' })),
  'POST /api/v1/products/:id/objections/:objectionId/resolve': {
    scoping: 'record',
    request: async (c) => {
      const id = pick(c, cf(c).notice);
      const objection = (await recordObjection(c.r.db, systemContext, id, { content: '矩阵待处理异议' })).objections.at(-1)!;
      return { method: 'POST', url: `/api/v1/products/${id}/objections/${objection.id}/resolve`, body: { upheld: false, resolution: '异议不成立' } };
    },
  },
  'POST /api/v1/products/:id/steps': record((c) => `/api/v1/products/${pick(c, cf(c).certified)}/steps`, 'POST', () => ({ action: 'annual_review', passed: true })),
  'GET /api/v1/certification/rules': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/certification/rules' }) },
  'PUT /api/v1/certification/rules': {
    scoping: 'none',
    request: () => ({ method: 'PUT', url: '/api/v1/certification/rules', body: { requiredDepartments: ['agriculture', 'market', 'industry', 'rural'], noticeDays: 7, maxValidMonths: 36 } }),
  },
  'GET /api/v1/public/catalogue': {
    scoping: 'none',
    request: (c) => ({ method: 'GET', url: '/api/v1/public/catalogue?pageSize=200', check: (res) => expect(ids(res)).toEqual(expect.arrayContaining([cf(c).certified.in, cf(c).certified.out])) }),
  },
  'GET /api/v1/public/catalogue/export.xlsx': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/public/catalogue/export.xlsx' }) },

  'GET /api/v1/sales': listLine('/api/v1/sales?pageSize=200', (c) => cf(c).sale.out),
  'POST /api/v1/sales': { scoping: 'create', request: (c) => ({ method: 'POST', url: '/api/v1/sales', body: saleBody(c) }) },
  'GET /api/v1/sales/:id': record((c) => `/api/v1/sales/${pick(c, cf(c).sale)}`),
  'PATCH /api/v1/sales/:id': record((c) => `/api/v1/sales/${pick(c, cf(c).sale)}`, 'PATCH', () => ({ households: 3 })),
  'DELETE /api/v1/sales/:id': {
    scoping: 'record',
    request: async (c) => ({ method: 'DELETE', url: `/api/v1/sales/${(await createSale(c.r.db, systemContext, { ...saleBody(c), amountFen: 100 + ++seq, ...(c.inScope ? { owningOrgId: c.r.owner } : {}) } as never)).id}` }),
  },
  'POST /api/v1/sales/:id/duplicate': record((c) => `/api/v1/sales/${pick(c, cf(c).flagged)}/duplicate`, 'POST', () => ({ decision: 'distinct' })),
  'GET /api/v1/sales/summary': {
    scoping: 'list',
    request: (c) => ({ method: 'GET', url: `/api/v1/sales/summary?by=channel&county=${c.inScope ? X : Y}`, check: (res, all, inScope) => expect(res.body.totalFen > 0).toBe(inScope || all) }),
  },
  'GET /api/v1/sales/import-template.xlsx': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/sales/import-template.xlsx' }) },
  'GET /api/v1/sales/import-template.csv': { scoping: 'none', request: () => ({ method: 'GET', url: '/api/v1/sales/import-template.csv' }) },
  'GET /api/v1/sales/export.xlsx': {
    scoping: 'list',
    request: (c) => ({ method: 'GET', url: '/api/v1/sales/export.xlsx', check: async (res, all) => expect(JSON.stringify(await rowsOf(res.raw.rawPayload)).includes(cf(c).outMarker)).toBe(all) }),
  },
  // Rows are checked against the uploader's scope in the background (sales.import.test.ts); the upload itself is not scoped.
  'POST /api/v1/sales/imports': {
    scoping: 'none',
    request: async (c) => ({
      method: 'POST',
      url: '/api/v1/sales/imports?fileName=matrix.xlsx',
      body: await xlsxOf([['销售日期', '供应主体', '品类', '销售渠道', '购买方类型', '计入单位', '金额（元）'], [ago(1), cf(c).supplierName.in, '茶叶', '商超', '企业', '矩阵企业', 12]]),
      ok: [202],
    }),
  },
  'GET /api/v1/sales/imports': {
    scoping: 'list',
    request: async (c) => {
      const other = await anImport(c, null);
      return { method: 'GET', url: '/api/v1/sales/imports?pageSize=200', check: (res, all) => expect(ids(res).includes(other)).toBe(all) };
    },
  },
  'GET /api/v1/sales/imports/:id': { scoping: 'record', request: async (c) => ({ method: 'GET', url: `/api/v1/sales/imports/${await anImport(c, c.inScope ? await userId(c) : null)}` }) },
};
