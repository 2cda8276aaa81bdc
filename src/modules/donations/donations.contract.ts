import { z } from 'zod';
import { claimStatus, isoDate, pageQuery, regionCode, ref } from '../../platform/contract.ts';

export const DONATION_KINDS = { cash: '资金', goods: '物资' } as const;
const fen = z.number().int('金额必须是整数（分）').min(0, '金额不能为负').max(1e15, '金额过大');

export const donationItem = z.object({
  item: z.string().trim().min(1, '请填写物品').max(200),
  quantity: z.number().positive('数量必须大于 0'),
  unit: z.string().trim().min(1, '请填写单位').max(20),
  valueFen: fen.nullable().optional(),
});

const fields = z.object({
  donorOrgId: ref('org').nullable().optional(),
  /** A named donor outside the registry (e.g. 三家律师事务所, 爱心人士). */
  donorName: z.string().trim().max(200).nullable().optional(),
  recipientOrgId: ref('org').nullable().optional(),
  recipientRegion: regionCode.nullable().optional(),
  kind: z.enum(['cash', 'goods']),
  /** Cash amount, or the declared value of goods (分). For goods with valued items, their sum. */
  valueFen: fen.nullable().optional(),
  items: z.array(donationItem).max(100),
  purpose: z.string().trim().max(2000).nullable().optional(),
  donatedOn: isoDate,
  pairingId: ref('pairing').nullable().optional(),
  activityId: ref('activity').nullable().optional(),
  /** The unit that owns the record (only its scope may change it); by default the creator's own unit. */
  owningOrgId: ref('org').nullable().optional(),
});
export const donationInput = fields.extend({ items: fields.shape.items.default([]) });
export type DonationInput = z.infer<typeof donationInput>;
export const donationPatch = fields.partial();
export type DonationPatch = z.infer<typeof donationPatch>;

export const donation = z.object({
  id: z.number().int(),
  donorOrgId: z.number().int().nullable(),
  donorName: z.string().nullable(),
  donor: z.string(),
  recipientOrgId: z.number().int().nullable(),
  recipientRegion: z.string().nullable(),
  recipient: z.string(),
  countyCode: z.string().nullable(),
  kind: z.enum(['cash', 'goods']),
  valueFen: z.number().int(),
  items: z.array(donationItem.extend({ id: z.number().int() })),
  purpose: z.string().nullable(),
  donatedOn: z.string(),
  pairingId: z.number().int().nullable(),
  activityId: z.number().int().nullable(),
  owningOrgId: z.number().int().nullable(),
  owningOrgName: z.string().nullable(),
  /** Whether the recipient has confirmed it (it counts in the recipient's totals once confirmed). */
  claimStatus: claimStatus,
  claimNote: z.string().nullable(),
  isDemo: z.boolean(),
});
export type Donation = z.infer<typeof donation>;

export const donationListQuery = pageQuery.extend({
  /** Donor name, recipient or purpose. */
  q: z.string().trim().max(50).optional(),
  kind: z.enum(['cash', 'goods']).optional(),
  county: z.string().regex(/^\d{2,12}$/).optional(),
  pairing: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type DonationListQuery = z.infer<typeof donationListQuery>;

export const totalsQuery = z.object({
  by: z.enum(['pairing', 'county', 'year']),
  county: z.string().regex(/^\d{2,12}$/).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
/** Cash and in-kind value are summed separately, never added together. */
export const totalsRow = z.object({ key: z.string(), label: z.string(), cashFen: z.number().int(), goodsFen: z.number().int(), count: z.number().int() });
