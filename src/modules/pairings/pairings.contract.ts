import { z } from 'zod';
import { isoDate, pageQuery, ref } from '../../platform/contract.ts';
import { regionRef } from '../regions/regions.contract.ts';
import { placeTagCode, villageTagCode } from '../placetags/placetags.contract.ts';

export const PAIRING_TYPES = {
  east_west: '东西部协作',
  counterpart: '对口支援',
  xieshou: '携手奔小康',
  village_enterprise: '村企结对',
  school: '校校结对',
  hospital: '院院结对',
  department: '部门结对',
  other: '其他',
} as const;
export type PairingType = keyof typeof PAIRING_TYPES;
export const pairingType = z.enum(Object.keys(PAIRING_TYPES) as [PairingType, ...PairingType[]]);

export const PAIRING_STATUSES = { active: '有效', suspended: '暂停', ended: '已结束' } as const;
export const pairingStatus = z.enum(['active', 'suspended', 'ended']);

const pairingFields = z.object({
  type: pairingType,
  eastOrgId: ref('org'),
  westOrgId: ref('org'),
  startDate: isoDate,
  endDate: isoDate.nullable().optional(),
  status: pairingStatus,
  note: z.string().max(2000).nullable().optional(),
});
const endNotBeforeStart = (p: { startDate?: string; endDate?: string | null }) => !p.startDate || !p.endDate || p.endDate >= p.startDate;
const endIssue = { message: '结束日期不能早于开始日期', path: ['endDate'] };

export const pairingInput = pairingFields.extend({ status: pairingStatus.default('active') }).refine(endNotBeforeStart, endIssue);
export type PairingInput = z.infer<typeof pairingInput>;
// Built from the fields without defaults: a PATCH must leave what it omits untouched.
export const pairingPatch = pairingFields.partial().refine(endNotBeforeStart, endIssue);
export type PairingPatch = z.infer<typeof pairingPatch>;

const orgSummary = z.object({ id: z.number().int(), name: z.string(), type: z.string(), regionCode: z.string().nullable(), regionName: z.string().nullable() });

export const pairing = z.object({
  id: z.number().int(),
  type: pairingType,
  eastOrg: orgSummary,
  westOrg: orgSummary,
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: pairingStatus,
  note: z.string().nullable(),
  isDemo: z.boolean(),
  agreementCount: z.number().int(),
  pledgedFen: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Pairing = z.infer<typeof pairing>;

export const pairingListQuery = pageQuery.extend({
  type: pairingType.optional(),
  status: pairingStatus.optional(),
  /** An organisation id: pairings of it and of all its sub-units (either side). */
  org: z.coerce.number().int().positive().optional(),
  /** A region code: pairings whose recipient unit lies in that region or below. */
  region: z.string().regex(/^\d{2,12}$/, '区划代码应为数字').optional(),
  /** Pairings in force at some time during this year. */
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  q: z.string().trim().max(50).optional(),
  sort: z.enum(['startDate', 'type', 'createdAt']).default('startDate'),
});
export type PairingListQuery = z.infer<typeof pairingListQuery>;

const agreementFields = z.object({
  year: z.number().int().min(1990, '年度应在 1990–2100 之间').max(2100, '年度应在 1990–2100 之间'),
  title: z.string().max(200).nullable().optional(),
  signedOn: isoDate.nullable().optional(),
  /** Pledged amount in fen (分), an exact integer. */
  pledgedFen: z.number().int('金额必须是整数（分）').min(0, '金额不能为负'),
  documentNo: z.string().max(100).nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
});
export const agreementInput = agreementFields.extend({ pledgedFen: agreementFields.shape.pledgedFen.default(0) });
export type AgreementInput = z.infer<typeof agreementInput>;
export const agreementPatch = agreementFields.partial();

export const agreement = z.object({
  id: z.number().int(),
  pairingId: z.number().int(),
  year: z.number().int(),
  title: z.string().nullable(),
  signedOn: z.string().nullable(),
  pledgedFen: z.number().int(),
  documentNo: z.string().nullable(),
  note: z.string().nullable(),
});
export type Agreement = z.infer<typeof agreement>;

export const coverageQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() });

const coveredBy = z.object({ pairingId: z.number().int(), type: pairingType, eastOrgId: z.number().int(), eastOrgName: z.string() });

export const coverageUnit = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  paired: z.boolean(),
  pairings: z.array(coveredBy),
  villages: z.object({ total: z.number().int(), paired: z.number().int() }).optional(),
  /** A village's tags in force that year (脱贫村, 深度贫困村 …), when it has any. */
  tags: z.array(placeTagCode).optional(),
});
export type CoverageUnit = z.infer<typeof coverageUnit>;

export const coverage = z.object({
  region: regionRef.extend({ fullName: z.string() }),
  year: z.number().int(),
  /** Pairings whose recipient is the region itself (e.g. the county ↔ district pairing). */
  own: z.array(coveredBy),
  totals: z.object({ townships: z.number().int(), pairedTownships: z.number().int(), villages: z.number().int(), pairedVillages: z.number().int() }),
  byType: z.array(z.object({ type: pairingType, townships: z.number().int(), villages: z.number().int(), pairings: z.number().int() })),
  /** The townships of a county (or the counties of a prefecture), each paired or not. */
  units: z.array(coverageUnit),
  /** The villages, when the region is a county or a township. */
  villages: z.array(coverageUnit).optional(),
  /** The region's own tags in force that year (脱贫县, 国家乡村振兴重点帮扶县), from place_tags. */
  regionTags: z.array(placeTagCode),
  /**
   * The denominators: per village tag, the villages under the region carrying it in force that year,
   * how many of them are paired, and the share (percent, one decimal; null when there are none).
   */
  villageTags: z.array(z.object({ tag: villageTagCode, villages: z.number().int(), pairedVillages: z.number().int(), pairedPct: z.number().nullable() })),
});
export type Coverage = z.infer<typeof coverage>;

export const orgGraphQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() });
export const orgGraph = z.object({
  org: z.object({ id: z.number().int(), name: z.string() }),
  /** The organisation and its sub-units, with the depth below it. */
  units: z.array(z.object({ id: z.number().int(), name: z.string(), parentId: z.number().int().nullable(), depth: z.number().int() })),
  pairings: z.array(pairing),
  counterparts: z.array(z.object({ orgId: z.number().int(), name: z.string(), regionCode: z.string().nullable(), regionName: z.string().nullable(), pairingTypes: z.array(pairingType) })),
});
export type OrgGraph = z.infer<typeof orgGraph>;
