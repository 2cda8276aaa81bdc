import type { Db } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { z } from 'zod';
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

type Read = { value: CellValue } | { error: CellError };
/** Values that repeat (dates, names, labels) are read once per file, up to this many per column; the amount rarely repeats. */
const REMEMBERED = 10_000;
const repeats = (key: string) => key !== 'amountFen';

/** Remembers what a function gave for each value, up to a limit (then starts over). */
function remembering<T>(read: (raw: unknown) => T): (raw: unknown) => T {
  const seen = new Map<unknown, T>();
  return (raw) => {
    if (raw !== null && typeof raw === 'object') return read(raw); // a Date or rich text from a workbook
    let r = seen.get(raw);
    if (r === undefined) {
      if (seen.size >= REMEMBERED) seen.clear();
      seen.set(raw, (r = read(raw)));
    }
    return r;
  };
}

function readCell(col: Column, raw: unknown): Read {
  try {
    return { value: parseCell(col, raw) };
  } catch (err) {
    return { error: new CellError(col.header, (err as Error).message) };
  }
}

/** The quantity cell's text as a number (thousands separators allowed). */
function readQuantity(text: unknown): Read {
  if (text === null) return { value: null };
  const quantity = Number(String(text).replace(/,/g, ''));
  if (!Number.isFinite(quantity) || quantity <= 0) return { error: new CellError('数量', `应为大于 0 的数字，而不是「${text}」`) };
  return { value: quantity };
}

type Checked = { ok: true; value: unknown } | { ok: false; error: CellError };
const FIELD_SCHEMAS = Object.entries(saleInput.shape) as [keyof SaleInput & string, z.ZodType][];

/**
 * saleInput, field by field: the same values and, for a bad row, the same first issue as parsing
 * the object whole (it has no rule across fields), but each field's repeated values checked once.
 */
export class FieldChecks {
  private readonly fields = FIELD_SCHEMAS.map(([key, schema]) => {
    const check = (v: unknown): Checked => {
      const r = schema.safeParse(v);
      return r.success ? { ok: true, value: r.data } : { ok: false, error: new CellError(headerOf([key, ...r.error.issues[0].path].join('.')), r.error.issues[0].message) };
    };
    return { key, check: repeats(key) ? remembering(check) : check };
  });

  /** The input checked, in place: a field is written only when the schema changes its value (a trim). */
  check(input: { [K in keyof SaleInput]?: unknown }): SaleInput {
    for (const { key, check } of this.fields) {
      const r = check(input[key]);
      if (!r.ok) throw r.error;
      if (r.value !== input[key]) input[key] = r.value;
    }
    return input as SaleInput;
  }
}

/**
 * A file's rows (cells by column position) → the API's input, names resolved against the
 * references. One per import: each column's repeated values are parsed once.
 */
export class RowReader {
  private readonly columns: { at: number | undefined; read: (raw: unknown) => Read }[];
  private readonly quantity = remembering(readQuantity);
  private readonly fields = new FieldChecks();

  constructor(index: Map<string, number>, private readonly refs: SaleRefs) {
    this.columns = SALE_COLUMNS.map((col) => {
      const read = (raw: unknown) => readCell(col, raw);
      return { at: index.get(col.header), read: repeats(col.key) ? remembering(read) : read };
    });
  }

  input(cells: unknown[]): SaleInput {
    const v: Record<string, CellValue> = {};
    for (let i = 0; i < SALE_COLUMNS.length; i++) {
      const { at, read } = this.columns[i];
      const r = read(at ? (cells[at - 1] ?? null) : null);
      if ('error' in r) throw r.error;
      v[SALE_COLUMNS[i].key] = r.value;
    }
    const quantity = this.quantity(v.quantity);
    if ('error' in quantity) throw quantity.error;
    const supplier = this.refs.supplierNamed(String(v.supplier));
    let productId: number | null = null;
    if (v.product !== null) {
      if (!supplier) throw new CellError('产品', `供应主体「${v.supplier}」不在系统中（或不在您的范围内），不能指定产品；请只填品类`);
      const product = this.refs.productNamed(supplier.id, String(v.product));
      if (!product) throw new CellError('产品', `供应主体「${supplier.name}」没有名为「${v.product}」的产品`);
      productId = product.id;
    }
    const credited = this.refs.orgNamed(String(v.credited));
    return this.fields.check({
      soldOn: v.soldOn, periodEnd: v.periodEnd, productId, category: v.category, supplierId: supplier?.id ?? null, supplierName: supplier ? null : v.supplier,
      countyCode: v.countyCode, channel: v.channel, buyerType: v.buyerType, creditedOrgId: credited?.id ?? null, creditedName: credited ? null : v.credited,
      amountFen: v.amountFen, quantity: quantity.value, unit: v.unit, households: v.households, activityId: v.activityId, note: v.note,
    });
  }
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
