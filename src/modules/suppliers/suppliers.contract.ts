import { z } from 'zod';
import { pageQuery, ref, regionCode } from '../../platform/contract.ts';

export const SUPPLIER_KINDS = { enterprise: '企业', cooperative: '农民专业合作社', household: '家庭农场', other: '其他' } as const;
/** How poor households gain from the supplier (带贫/联农带农机制). */
export const MECHANISMS = { employment: '就业务工', order: '订单收购', land: '土地流转', dividend: '入股分红', other: '其他' } as const;

const kind = z.enum(Object.keys(SUPPLIER_KINDS) as [keyof typeof SUPPLIER_KINDS, ...(keyof typeof SUPPLIER_KINDS)[]]);
const mechanism = z.enum(Object.keys(MECHANISMS) as [keyof typeof MECHANISMS, ...(keyof typeof MECHANISMS)[]]);

const fields = z.object({
  name: z.string().trim().min(2, '请填写供应主体名称').max(200),
  kind,
  /** Where it is: a county, township or village of a recipient place. */
  regionCode,
  /** 统一社会信用代码 or another registration number; unique when given. */
  registrationNo: z.string().trim().max(40).nullable().optional(),
  contactName: z.string().trim().max(50).nullable().optional(),
  contactPhone: z.string().trim().max(30).nullable().optional(),
  mechanisms: z.array(mechanism).max(5),
  mechanismNote: z.string().trim().max(2000).nullable().optional(),
  householdsLinked: z.number().int().min(0, '不能为负数').max(1_000_000),
  peopleLinked: z.number().int().min(0, '不能为负数').max(10_000_000),
  /** The unit that owns the record (only its scope may change it); by default the creator's own unit. */
  owningOrgId: ref('org').nullable().optional(),
});
export const supplierInput = fields.extend({
  mechanisms: fields.shape.mechanisms.default([]),
  householdsLinked: fields.shape.householdsLinked.default(0),
  peopleLinked: fields.shape.peopleLinked.default(0),
});
export type SupplierInput = z.infer<typeof supplierInput>;
export const supplierPatch = fields.partial();
export type SupplierPatch = z.infer<typeof supplierPatch>;

export const supplier = fields.extend({
  id: z.number().int(),
  registrationNo: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  mechanismNote: z.string().nullable(),
  countyCode: z.string(),
  regionName: z.string().nullable(),
  countyName: z.string().nullable(),
  /** Products by workflow status, e.g. { certified: 3, notice: 1 }. */
  productCounts: z.record(z.string(), z.number().int()),
  owningOrgId: z.number().int().nullable(),
  owningOrgName: z.string().nullable(),
  isDemo: z.boolean(),
});
export type Supplier = z.infer<typeof supplier>;

export const supplierListQuery = pageQuery.extend({
  /** Name or registration number. */
  q: z.string().trim().max(50).optional(),
  county: z.string().regex(/^\d{2,12}$/).optional(),
  kind: kind.optional(),
});
export type SupplierListQuery = z.infer<typeof supplierListQuery>;
