import { z } from 'zod';
import { isoDate, pageQuery, regionCode, ref } from '../../platform/contract.ts';

export const ACTIVITY_TYPES = {
  visit: '考察/调研',
  meeting: '座谈会/联席会议',
  signing: '签约仪式',
  donation_ceremony: '捐赠仪式',
  training: '培训',
  free_clinic: '义诊',
  fair: '展销会/展销活动',
  livestream: '直播带货',
  condolence: '慰问',
  conference: '会议',
  other: '其他',
} as const;
export type ActivityType = keyof typeof ACTIVITY_TYPES;
export const activityType = z.enum(Object.keys(ACTIVITY_TYPES) as [ActivityType, ...ActivityType[]]);

export const LINK_KINDS = { agreement: '协议', donation: '捐赠', project: '项目', training: '培训' } as const;
export const linkKind = z.enum(['agreement', 'donation', 'project', 'training']);
/** A linked record: its kind names what `id` refers to (each checked in scope, like every reference). */
export const link = z.object({ kind: linkKind, id: z.number().int().positive().meta({ refBy: 'kind' }) });

const fields = z.object({
  type: activityType,
  title: z.string().trim().min(2, '标题至少 2 个字').max(200),
  startDate: isoDate,
  endDate: isoDate,
  /** Places, down to villages; the first county among them is the activity's county. */
  regionCodes: z.array(regionCode).max(50),
  leadOrgId: ref('org').nullable().optional(),
  orgIds: z.array(ref('org')).max(100),
  pairingId: ref('pairing').nullable().optional(),
  /** The unit that owns the record (only its scope may change it); by default the creator's own unit. */
  owningOrgId: ref('org').nullable().optional(),
  leader: z.string().trim().max(200).nullable().optional(),
  delegationSize: z.number().int('人数须为整数').min(0, '人数不能为负').max(10_000_000, '人数过大').nullable().optional(),
  narrative: z.string().max(20_000).nullable().optional(),
  photos: z.array(z.string().trim().min(1).max(255)).max(50),
  links: z.array(link).max(200),
});
const datesInOrder = (a: { startDate?: string; endDate?: string }) => !a.startDate || !a.endDate || a.endDate >= a.startDate;
const datesIssue = { message: '结束日期不能早于开始日期', path: ['endDate'] };

export const activityInput = fields
  .extend({ regionCodes: fields.shape.regionCodes.default([]), orgIds: fields.shape.orgIds.default([]), photos: fields.shape.photos.default([]), links: fields.shape.links.default([]) })
  .refine(datesInOrder, datesIssue);
export type ActivityInput = z.infer<typeof activityInput>;
export const activityPatch = fields.partial().refine(datesInOrder, datesIssue);
export type ActivityPatch = z.infer<typeof activityPatch>;

export const linkedRecord = link.extend({ label: z.string() });

export const activity = z.object({
  id: z.number().int(),
  type: activityType,
  title: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  countyCode: z.string().nullable(),
  places: z.array(z.object({ code: z.string(), name: z.string() })),
  leadOrgId: z.number().int().nullable(),
  leadOrgName: z.string().nullable(),
  orgs: z.array(z.object({ id: z.number().int(), name: z.string(), side: z.enum(['east', 'west']) })),
  pairingId: z.number().int().nullable(),
  owningOrgId: z.number().int().nullable(),
  owningOrgName: z.string().nullable(),
  leader: z.string().nullable(),
  delegationSize: z.number().int().nullable(),
  narrative: z.string().nullable(),
  photos: z.array(z.string()),
  links: z.array(linkedRecord),
  isDemo: z.boolean(),
});
export type Activity = z.infer<typeof activity>;

export const activityListQuery = pageQuery.extend({
  type: activityType.optional(),
  pairing: z.coerce.number().int().positive().optional(),
  county: z.string().regex(/^\d{2,12}$/, '区划代码应为数字').optional(),
  org: z.coerce.number().int().positive().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().trim().max(50).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;
