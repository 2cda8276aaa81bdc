import { z } from 'zod';
import { isoDate } from '../../platform/contract.ts';

export const FUND_KINDS = { allocate: '下达', disburse: '拨付', spend: '支出', return: '退回' } as const;
export const fundKind = z.enum(['allocate', 'disburse', 'spend', 'return']);
export type FundKind = z.infer<typeof fundKind>;

export const fundInput = z.object({
  kind: fundKind,
  /** Integer fen (分). */
  amountFen: z.number().int('金额必须是整数（分）').positive('金额必须大于 0').max(1e15, '金额过大'),
  onDate: isoDate,
  documentNo: z.string().trim().max(100).nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type FundInput = z.infer<typeof fundInput>;

export const signature = z.object({ userId: z.number().int(), displayName: z.string(), side: z.enum(['east', 'west']), signedAt: z.string() });

export const fundTransaction = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  kind: fundKind,
  amountFen: z.number().int(),
  onDate: z.string(),
  documentNo: z.string().nullable(),
  note: z.string().nullable(),
  /** A disbursement is pending until the county side and the Shanghai side have both signed (会签拨付). */
  status: z.enum(['pending', 'effective']),
  signatures: z.array(signature),
  createdAt: z.string(),
});
export type FundTransaction = z.infer<typeof fundTransaction>;
