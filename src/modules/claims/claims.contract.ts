import { z } from 'zod';
import { claimStatus, pageQuery } from '../../platform/contract.ts';

/** The record kinds whose figure may be credited to another unit (认领). */
export const CLAIM_KINDS = { sale: '消费帮扶销售', donation: '社会帮扶捐赠', training: '培训' } as const;
export const claimKind = z.enum(['sale', 'donation', 'training']);
export type ClaimKind = z.infer<typeof claimKind>;

export const claimListQuery = pageQuery.extend({
  /** incoming: credited to units in my scope, for me to confirm; outgoing: made by units in my scope, to see what was decided. */
  direction: z.enum(['incoming', 'outgoing']).default('incoming'),
  status: claimStatus.optional(),
});
export type ClaimListQuery = z.infer<typeof claimListQuery>;

export const claimParams = z.object({ kind: claimKind, id: z.coerce.number().int().positive() });
export const claimDecision = z.object({ reason: z.string().trim().max(500).nullable().optional() });
export const claimRefusal = z.object({ reason: z.string().trim().min(1, '请填写拒绝理由').max(500) });

export const claim = z.object({
  kind: claimKind,
  id: z.number().int(),
  /** What the record is: the sale's supplier and channel, the donation's donor, the training's title. */
  title: z.string(),
  onDate: z.string(),
  amountFen: z.number().int().nullable(),
  /** The unit (or county) the figure is credited to, and the unit that recorded it. */
  namedUnit: z.string(),
  owningOrgName: z.string().nullable(),
  status: claimStatus,
  note: z.string().nullable(),
  decidedBy: z.string().nullable(),
});
export type Claim = z.infer<typeof claim>;
