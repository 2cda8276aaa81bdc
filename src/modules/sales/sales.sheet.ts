import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { parseCell, type CellValue, type Column } from '../../platform/excel/columns.ts';
import { writeSheet } from '../../platform/excel/workbook.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { CATEGORIES } from '../products/products.contract.ts';
import { BUYER_TYPES, CHANNELS, DUP_STATUSES, saleInput, type SaleFilters, type SaleInput } from './sales.contract.ts';
import type { SaleRefs } from './sales.refs.ts';
import { allSales } from './sales.service.ts';

/** The sales sheet as offices exchange it (CSV or Excel, same headers). */
export const SALE_COLUMNS: Column[] = [
  { header: '销售日期', key: 'soldOn', kind: 'date', required: true, example: '2024-06-18', note: '汇总一段时间的销售时填起始日' },
  { header: '截止日期', key: 'periodEnd', kind: 'date', note: '汇总一段时间的销售时填写' },
  { header: '供应主体', key: 'supplier', kind: 'text', required: true, example: '香格里拉市高原菌业专业合作社', width: 30, note: '系统中的名称或登记号；不在系统中的照写名称并填县代码' },
  { header: '产品', key: 'product', kind: 'text', example: '松茸', width: 16, note: '该供应主体在系统中的产品名称；可不填，只填品类' },
  { header: '品类', key: 'category', kind: 'enum', labels: CATEGORIES, example: '菌菇', note: '不填产品时必填' },
  { header: '县代码', key: 'countyCode', kind: 'text', example: '533401', note: '供应主体不在系统中时必填' },
  { header: '销售渠道', key: 'channel', kind: 'enum', labels: CHANNELS, required: true, example: '直播带货' },
  { header: '购买方类型', key: 'buyerType', kind: 'enum', labels: BUYER_TYPES, required: true, example: '个人' },
  { header: '计入单位', key: 'credited', kind: 'text', required: true, example: '闵行区', width: 20, note: '计入的东部单位（区、街镇、企业）：系统中的名称或简称，或照写名称' },
  { header: '金额（元）', key: 'amountFen', kind: 'yuan', required: true, example: 527000 },
  { header: '数量', key: 'quantity', kind: 'text', example: '1054', note: '数字，可带小数' },
  { header: '单位', key: 'unit', kind: 'text', example: '斤' },
  { header: '带动户数', key: 'households', kind: 'int', example: 120 },
  { header: '活动编号', key: 'activityId', kind: 'int', note: '系统中工作动态的编号（如展销会、直播）' },
  { header: '备注', key: 'note', kind: 'text', width: 30 },
];
/** The export adds its own columns, which the import recognises and ignores (an edited export goes back in). */
export const EXPORT_COLUMNS: Column[] = [
  { header: '编号', key: 'id', kind: 'int', exportOnly: true },
  ...SALE_COLUMNS,
  { header: '认定产品', key: 'certified', kind: 'text', exportOnly: true },
  { header: '重复核实', key: 'dupStatus', kind: 'text', exportOnly: true },
];

const HEADER_OF: Record<string, string> = {
  ...Object.fromEntries(SALE_COLUMNS.map((c) => [c.key, c.header])),
  productId: '产品', supplierId: '供应主体', supplierName: '供应主体', creditedOrgId: '计入单位', creditedName: '计入单位',
};
export const headerOf = (path: string) => HEADER_OF[path.split('.')[0]] ?? null;

export class CellError extends Error {
  constructor(readonly column: string | null, message: string) {
    super(message);
  }
}

/** One row's cells (by column position) → the API's input, names resolved against the references. */
export function rowInput(cells: unknown[], index: Map<string, number>, refs: SaleRefs): SaleInput {
  const v: Record<string, CellValue> = {};
  for (const col of SALE_COLUMNS) {
    const at = index.get(col.header);
    try {
      v[col.key] = parseCell(col, at ? cells[at - 1] : null);
    } catch (err) {
      throw new CellError(col.header, (err as Error).message);
    }
  }
  let quantity: number | null = null;
  if (v.quantity !== null) {
    quantity = Number(String(v.quantity).replace(/,/g, ''));
    if (!Number.isFinite(quantity) || quantity <= 0) throw new CellError('数量', `应为大于 0 的数字，而不是「${v.quantity}」`);
  }
  const supplier = refs.supplierNamed(String(v.supplier));
  let productId: number | null = null;
  if (v.product !== null) {
    if (!supplier) throw new CellError('产品', `供应主体「${v.supplier}」不在系统中（或不在您的范围内），不能指定产品；请只填品类`);
    const product = refs.productNamed(supplier.id, String(v.product));
    if (!product) throw new CellError('产品', `供应主体「${supplier.name}」没有名为「${v.product}」的产品`);
    productId = product.id;
  }
  const credited = refs.orgNamed(String(v.credited));
  const input = {
    soldOn: v.soldOn, periodEnd: v.periodEnd, productId, category: v.category, supplierId: supplier?.id ?? null, supplierName: supplier ? null : v.supplier,
    countyCode: v.countyCode, channel: v.channel, buyerType: v.buyerType, creditedOrgId: credited?.id ?? null, creditedName: credited ? null : v.credited,
    amountFen: v.amountFen, quantity, unit: v.unit, households: v.households, activityId: v.activityId, note: v.note,
  };
  const parsed = saleInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CellError(headerOf(issue.path.join('.')), issue.message);
  }
  return parsed.data;
}

/** An AppError from the sale's rules → the column it concerns. */
export function cellErrorOf(err: unknown): CellError {
  if (err instanceof CellError) return err;
  if (err instanceof AppError) return new CellError(err.issues[0] ? headerOf(err.issues[0].path) : null, err.issues[0]?.message && err.code === 'VALIDATION' ? err.issues[0].message : err.message);
  throw err;
}

const exampleRow = () => Object.fromEntries(SALE_COLUMNS.map((c) => [c.key, c.example ?? null])) as Record<string, CellValue>;

export const saleTemplateXlsx = () => writeSheet(SALE_COLUMNS, [{ ...exampleRow(), channel: 'livestream', buyerType: 'individual', category: 'fungi', amountFen: 52_700_000 }], { sheetName: '消费帮扶销售', notes: true });

/** The CSV template: UTF-8 with a BOM (Excel opens it as UTF-8), the headers and one example row. */
export function saleTemplateCsv(): Buffer {
  const quote = (s: unknown) => (s == null ? '' : /[",\n]/.test(String(s)) ? `"${String(s).replace(/"/g, '""')}"` : String(s));
  const lines = [SALE_COLUMNS.map((c) => c.header), SALE_COLUMNS.map((c) => quote(c.example))].map((l) => l.join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const EXPORT_MAX = 200_000;

/** The filtered sales as a spreadsheet (up to 200,000 rows), the export audited. */
export async function exportSales(db: Db, ctx: RequestContext, f: SaleFilters) {
  const sales = await allSales(db, ctx.scope, f, EXPORT_MAX);
  await writeAudit(db, ctx, { entity: 'sale', entityId: null, action: 'export', after: { filters: f, rows: sales.length } });
  return writeSheet(EXPORT_COLUMNS, sales.map((s) => ({
    id: s.id, soldOn: s.soldOn, periodEnd: s.periodEnd, supplier: s.supplier, product: s.productName, category: s.category, countyCode: s.countyCode, channel: s.channel, buyerType: s.buyerType,
    credited: s.credited, amountFen: s.amountFen, quantity: s.quantity === null ? null : String(s.quantity), unit: s.unit, households: s.households, activityId: s.activityId, note: s.note,
    certified: s.certified ? '是' : '否', dupStatus: DUP_STATUSES[s.dupStatus],
  })), { sheetName: '消费帮扶销售' });
}
