import { z } from 'zod';
import { isoDate, pageQuery, ref, claimStatus } from '../../platform/contract.ts';
import { categoryEnum } from '../products/products.contract.ts';

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const CHANNELS = {
  exhibition_center: '展销中心', counter: '专柜', ecommerce: '电商平台', livestream: '直播带货', p832: '832平台', union: '工会采购', canteen: '机关食堂', supermarket: '商超', fair: '展销会', other: '其他',
} as const;
export const BUYER_TYPES = { budget_unit: '预算单位', union: '工会', enterprise: '企业', individual: '个人' } as const;
export const DUP_STATUSES = { unique: '正常', flagged: '疑似重复（待核实）', duplicate: '重复（不计入）', distinct: '已核实非重复' } as const;
export const SUMMARY_BY = { county: '县', channel: '渠道', month: '月份', category: '品类', credited: '计入单位', buyer: '购买方类型' } as const;

export const channelEnum = z.enum(keys(CHANNELS));
export const buyerEnum = z.enum(keys(BUYER_TYPES));
export const dupStatusEnum = z.enum(keys(DUP_STATUSES));
const text = (max: number) => z.string().trim().max(max);

const fields = z.object({
  /** The day of the sale, or the first day of the period it sums up (with periodEnd). */
  soldOn: isoDate,
  periodEnd: isoDate.nullable().optional(),
  /** A product in the registry; or just a category (and the supplier). */
  productId: ref('product').nullable().optional(),
  category: categoryEnum.nullable().optional(),
  supplierId: ref('supplier').nullable().optional(),
  /** A supplier outside the registry, by name (then countyCode is needed). */
  supplierName: text(200).nullable().optional(),
  countyCode: z.string().regex(/^\d{6}$/, '县代码应为 6 位数字').nullable().optional(),
  channel: channelEnum,
  buyerType: buyerEnum,
  /** The east-side unit the sale counts for: an organisation, or a name (an enterprise outside the registry). */
  creditedOrgId: ref('org').nullable().optional(),
  creditedName: text(200).nullable().optional(),
  amountFen: z.number().int('金额必须是整数（分）').positive('金额必须大于 0').max(1e14, '金额过大'),
  quantity: z.number().positive('数量必须大于 0').nullable().optional(),
  unit: text(20).nullable().optional(),
  households: z.number().int().min(0).max(10_000_000, '户数过大').nullable().optional(),
  activityId: ref('activity').nullable().optional(),
  note: text(500).nullable().optional(),
  /** The unit that owns the record (only its scope may change it); by default the creator's own unit. */
  owningOrgId: ref('org').nullable().optional(),
});
export const saleInput = fields;
export type SaleInput = z.infer<typeof saleInput>;
export const salePatch = fields.partial();
export type SalePatch = z.infer<typeof salePatch>;

export const sale = z.object({
  id: z.number().int(),
  soldOn: z.string(),
  periodEnd: z.string().nullable(),
  productId: z.number().int().nullable(),
  productName: z.string().nullable(),
  category: categoryEnum,
  supplierId: z.number().int().nullable(),
  supplier: z.string(),
  countyCode: z.string(),
  countyName: z.string().nullable(),
  channel: channelEnum,
  buyerType: buyerEnum,
  creditedOrgId: z.number().int().nullable(),
  credited: z.string(),
  amountFen: z.number().int(),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  households: z.number().int().nullable(),
  activityId: z.number().int().nullable(),
  /** The product was certified and valid on the day of the sale. */
  certified: z.boolean(),
  dupStatus: dupStatusEnum,
  importId: z.number().int().nullable(),
  owningOrgId: z.number().int().nullable(),
  owningOrgName: z.string().nullable(),
  /** Whether the credited unit has confirmed the credit (it counts in that unit's totals once confirmed). */
  claimStatus: claimStatus,
  claimNote: z.string().nullable(),
  sourceRow: z.number().int().nullable(),
  note: z.string().nullable(),
  isDemo: z.boolean(),
});
export type Sale = z.infer<typeof sale>;

export const saleFilters = z.object({
  q: z.string().trim().max(50).optional(),
  county: z.string().regex(/^\d{2,12}$/).optional(),
  channel: channelEnum.optional(),
  buyerType: buyerEnum.optional(),
  category: categoryEnum.optional(),
  supplier: z.coerce.number().int().positive().optional(),
  product: z.coerce.number().int().positive().optional(),
  credited: z.coerce.number().int().positive().optional(),
  activity: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  dupStatus: dupStatusEnum.optional(),
  importId: z.coerce.number().int().positive().optional(),
});
export const saleListQuery = pageQuery.merge(saleFilters).extend({ order: z.enum(['asc', 'desc']).default('desc') });
export type SaleListQuery = z.infer<typeof saleListQuery>;
export type SaleFilters = z.infer<typeof saleFilters>;

export const duplicateDecision = z.object({ decision: z.enum(['duplicate', 'distinct']), comment: text(500).nullable().optional() });

export const summaryQuery = saleFilters.extend({ by: z.enum(keys(SUMMARY_BY)) });
export type SummaryQuery = z.infer<typeof summaryQuery>;
/** Counted sales only: a flagged or confirmed duplicate is left out and reported apart. */
export const summary = z.object({
  by: z.string(),
  rows: z.array(z.object({ key: z.string(), label: z.string(), amountFen: z.number().int(), count: z.number().int(), households: z.number().int() })),
  totalFen: z.number().int(),
  count: z.number().int(),
  certifiedFen: z.number().int(),
  /** certifiedFen / totalFen, 4 decimals; null when nothing was sold. */
  certifiedShare: z.number().nullable(),
  flagged: z.object({ count: z.number().int(), amountFen: z.number().int() }),
});

export const IMPORT_STATUSES = { queued: '排队中', checking: '校验中', loading: '写入中', done: '已完成', failed: '失败' } as const;
export const salesImport = z.object({
  id: z.number().int(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  skipInvalid: z.boolean(),
  status: z.enum(keys(IMPORT_STATUSES)),
  phaseNote: z.string().nullable(),
  /** 0–100: checking is the first half (bytes read), loading the second (rows written). */
  progress: z.number(),
  totalBytes: z.number().int(),
  rowsRead: z.number().int(),
  rowsValid: z.number().int(),
  rowsLoaded: z.number().int(),
  errorCount: z.number().int(),
  /** The first 200 row errors: spreadsheet row number (header = row 1), column, reason. */
  errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), reason: z.string() })),
  duplicates: z.number().int(),
  actorName: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type SalesImport = z.infer<typeof salesImport>;
export const importUploadQuery = z.object({
  fileName: text(200).min(1).default('sales.csv'),
  skipInvalid: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
