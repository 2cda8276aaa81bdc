import { z } from 'zod';
import { isoDate, pageQuery, ref } from '../../platform/contract.ts';

/** Progress reports, inspections (抽检/督查), rectifications (问题整改) and closing assets of a project. */
export const progressInput = z.object({
  onDate: isoDate,
  percent: z.number().int('进度须为整数').min(0, '进度在 0–100 之间').max(100, '进度在 0–100 之间'),
  narrative: z.string().trim().min(1, '请填写进展情况').max(5000),
});
export const progress = progressInput.extend({ id: z.number().int(), reportedBy: z.string() });

export const INSPECTION_KINDS = { spot_check: '抽检', inspection: '督查' } as const;
export const inspectionInput = z.object({
  kind: z.enum(['spot_check', 'inspection']),
  onDate: isoDate,
  inspector: z.string().trim().min(1, '请填写检查人').max(200),
  findings: z.string().trim().min(1, '请填写检查发现').max(5000),
});
export const inspection = inspectionInput.extend({ id: z.number().int() });

export const rectificationInput = z.object({
  finding: z.string().trim().min(1, '请填写问题').max(2000),
  deadline: isoDate,
  owner: z.string().trim().min(1, '请填写责任人').max(200),
  inspectionId: ref('inspection').nullable().optional(),
});
export const rectificationClose = z.object({ closedOn: isoDate, evidence: z.string().trim().min(1, '销号须提供整改佐证').max(5000) });
export const rectification = rectificationInput.extend({
  id: z.number().int(),
  projectId: z.number().int(),
  projectName: z.string(),
  status: z.enum(['open', 'closed']),
  closedOn: z.string().nullable(),
  evidence: z.string().nullable(),
  overdue: z.boolean(),
});
export type Rectification = z.infer<typeof rectification>;
export const rectificationListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  status: z.enum(['open', 'closed']).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  county: z.string().regex(/^\d{2,12}$/).optional(),
});

export const ASSET_KINDS = { operating: '经营性', public_welfare: '公益性', household: '到户类' } as const;
export const assetInput = z.object({
  name: z.string().trim().min(1, '请填写资产名称').max(200),
  kind: z.enum(['operating', 'public_welfare', 'household']),
  valueFen: z.number().int('金额必须是整数（分）').min(0, '金额不能为负'),
  receiverOrgId: ref('org').nullable().optional(),
  receiverName: z.string().trim().min(1, '请填写接收单位').max(200),
  handedOverOn: isoDate,
});
export const asset = assetInput.extend({ id: z.number().int() });
