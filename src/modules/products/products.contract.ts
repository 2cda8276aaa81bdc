import { z } from 'zod';
import { isoDate, pageQuery, regionCode, ref } from '../../platform/contract.ts';

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const CATEGORIES = {
  grain_oil: '粮油', meat_egg: '肉蛋', fungi: '菌菇', tea: '茶叶', fruit_veg: '果蔬', herbs: '中药材', dairy: '乳制品', processed: '加工食品', crafts: '手工艺品', other: '其他',
} as const;
export type Category = keyof typeof CATEGORIES;
/** The departments whose 初审 opinion a certification may require (which ones: certification_rules). */
export const DEPARTMENTS = { agriculture: '农业农村', market: '市场监管', industry: '工业和信息化', rural: '乡村振兴', commerce: '商务', finance: '财政' } as const;
export const STATUSES = {
  applied: '已申请', reviewing: '初审中', approved: '审定通过', rejected: '未通过', notice: '公示中', certified: '已认定', delisted: '已下架', revoked: '已撤销', expired: '已过期',
} as const;
export type Status = keyof typeof STATUSES;
export const STEP_ACTIONS = {
  apply: '申请', opinion: '初审意见', decide: '审定', start_notice: '公示', objection: '公示异议', resolve_objection: '异议处理', certify: '认定', annual_review: '年度复核',
  delist: '下架', relist: '重新上架', revoke: '撤销', expire: '到期', edit: '修改申请', withdraw: '撤回申请',
} as const;
export const END_REASONS = { quality: '质量安全不合格', price: '价格违规', mechanism: '带贫机制失效', supplier: '主体资格变化', other: '其他' } as const;

export const categoryEnum = z.enum(keys(CATEGORIES));
export const departmentEnum = z.enum(keys(DEPARTMENTS));
export const statusEnum = z.enum(keys(STATUSES));
const endReason = z.enum(keys(END_REASONS));
const fen = z.number().int('价格必须是整数（分）').positive('价格必须大于 0').max(1e12, '价格过大');
const text = (max: number) => z.string().trim().max(max);

/** 申请: the product, where it comes from, its price, its quality papers (by name) and how it helps the poor. */
const fields = z.object({
  supplierId: ref('supplier'),
  name: text(100).min(1, '请填写产品名称'),
  category: categoryEnum,
  originRegion: regionCode,
  specification: text(200).min(1, '请填写规格'),
  priceFen: fen,
  unit: text(20).min(1, '请填写计价单位'),
  qualityDocuments: z.array(text(200).min(1)).max(20),
  benefitNote: text(2000).min(4, '请说明带贫（联农带农）情况'),
  appliedOn: isoDate.optional(),
});
export const productInput = fields.extend({ qualityDocuments: fields.shape.qualityDocuments.default([]) });
export type ProductInput = z.infer<typeof productInput>;
/** Only an application not yet decided can be edited. */
export const productPatch = fields.omit({ supplierId: true, appliedOn: true }).partial();
export type ProductPatch = z.infer<typeof productPatch>;

export const opinion = z.object({ department: departmentEnum, agree: z.boolean(), comment: z.string().nullable(), givenOn: z.string(), userName: z.string().nullable() });
export const objection = z.object({
  id: z.number().int(), receivedOn: z.string(), objector: z.string().nullable(), content: z.string(),
  resolution: z.string().nullable(), upheld: z.boolean().nullable(), resolvedOn: z.string().nullable(),
});
export const step = z.object({
  id: z.number().int(), action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(), actedOn: z.string(),
  documentNo: z.string().nullable(), comment: z.string().nullable(), actorName: z.string(), at: z.string(),
});

export const product = z.object({
  id: z.number().int(),
  supplierId: z.number().int(),
  supplierName: z.string(),
  name: z.string(),
  category: categoryEnum,
  originRegion: z.string(),
  originName: z.string().nullable(),
  countyCode: z.string(),
  countyName: z.string().nullable(),
  specification: z.string(),
  priceFen: z.number().int(),
  unit: z.string(),
  qualityDocuments: z.array(z.string()),
  benefitNote: z.string(),
  /** The effective status: a certified product past its valid-until date reads as expired even before the sweep records it. */
  status: statusEnum,
  appliedOn: z.string(),
  decisionReason: z.string().nullable(),
  noticeStart: z.string().nullable(),
  noticeEnd: z.string().nullable(),
  batchNo: z.string().nullable(),
  certifiedOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  lastReviewedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  /** Departments whose opinion the rules require and that have not given it yet. */
  missingOpinions: z.array(departmentEnum),
  opinions: z.array(opinion),
  objections: z.array(objection),
  steps: z.array(step),
  /** The workflow steps the caller may take now (by status and permission). */
  nextActions: z.array(z.string()),
  isDemo: z.boolean(),
});
export type Product = z.infer<typeof product>;

export const productListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  county: z.string().regex(/^\d{2,12}$/).optional(),
  category: categoryEnum.optional(),
  /** One status, or several separated by commas (the queue of a role). */
  status: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/).optional(),
  supplier: z.coerce.number().int().positive().optional(),
});
export type ProductListQuery = z.infer<typeof productListQuery>;

export const opinionInput = z.object({ department: departmentEnum, agree: z.boolean(), comment: text(2000).nullable().optional(), givenOn: isoDate.optional() });
export type OpinionInput = z.infer<typeof opinionInput>;
export const objectionInput = z.object({ receivedOn: isoDate.optional(), objector: text(100).nullable().optional(), content: text(2000).min(2, '请填写异议内容') });
export type ObjectionInput = z.infer<typeof objectionInput>;
export const resolveInput = z.object({ upheld: z.boolean(), resolution: text(2000).min(2, '请填写处理意见'), resolvedOn: isoDate.optional() });
export type ResolveInput = z.infer<typeof resolveInput>;

const stepBase = { actedOn: isoDate.optional(), documentNo: text(100).nullable().optional(), comment: text(2000).nullable().optional() };
/** One workflow step; which fields it needs depends on the action. */
export const stepInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('decide'), approve: z.boolean(), reason: text(2000).min(2, '请填写审定理由'), ...stepBase }),
  z.object({ action: z.literal('start_notice'), noticeStart: isoDate, noticeDays: z.number().int().min(1).max(90).optional(), ...stepBase }),
  z.object({ action: z.literal('certify'), batchNo: text(50).min(1, '请填写认定批次号'), validUntil: isoDate, ...stepBase }),
  z.object({ action: z.literal('annual_review'), passed: z.boolean(), reason: endReason.optional(), ...stepBase }),
  z.object({ action: z.literal('delist'), reason: endReason, ...stepBase }),
  z.object({ action: z.literal('relist'), ...stepBase }),
  z.object({ action: z.literal('revoke'), reason: endReason, ...stepBase }),
]);
export type StepInput = z.infer<typeof stepInput>;

export const rules = z.object({
  requiredDepartments: z.array(departmentEnum).min(1, '至少需要一个部门的初审意见'),
  noticeDays: z.number().int().min(1).max(90),
  maxValidMonths: z.number().int().min(1).max(120),
});
export type Rules = z.infer<typeof rules>;

export const statusCount = z.object({ status: statusEnum, label: z.string(), count: z.number().int() });

/** The public catalogue: certified and valid products only, and only what a buyer needs. */
export const catalogueItem = z.object({
  id: z.number().int(), name: z.string(), category: categoryEnum, categoryLabel: z.string(), countyCode: z.string(), countyName: z.string().nullable(),
  supplierName: z.string(), specification: z.string(), priceFen: z.number().int(), unit: z.string(), batchNo: z.string(), certifiedOn: z.string(), validUntil: z.string(),
});
export const catalogueQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  county: z.string().regex(/^\d{2,12}$/).optional(),
  category: categoryEnum.optional(),
  supplier: z.string().trim().max(100).optional(),
});
export type CatalogueQuery = z.infer<typeof catalogueQuery>;
export const catalogue = z.object({
  items: z.array(catalogueItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
  counties: z.array(z.object({ code: z.string(), name: z.string().nullable(), count: z.number().int() })),
  categories: z.array(z.object({ code: categoryEnum, label: z.string(), count: z.number().int() })),
});
