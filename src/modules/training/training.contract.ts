import { z } from 'zod';
import { isoDate, pageQuery, regionCode, ref , claimStatus } from '../../platform/contract.ts';

export const TRAINING_KINDS = { training: '培训', shadowing: '跟岗学习' } as const;
export const TARGET_GROUPS = {
  officials: '党政干部',
  teachers: '教师',
  doctors: '医生',
  rural_leaders: '乡村振兴带头人',
  skilled_workers: '技能工人',
  technicians: '专业技术人员',
  other: '其他',
} as const;
export type TargetGroup = keyof typeof TARGET_GROUPS;
export const targetGroup = z.enum(Object.keys(TARGET_GROUPS) as [TargetGroup, ...TargetGroup[]]);

const count = z.number().int('须为整数').min(0, '不能为负数').max(10_000_000, '数值过大');
const fields = z.object({
  title: z.string().trim().min(2, '标题至少 2 个字').max(200),
  kind: z.enum(['training', 'shadowing']),
  organiserOrgId: ref('org').nullable().optional(),
  organiserName: z.string().trim().max(200).nullable().optional(),
  /** Where it took place; a Shanghai code (31…) means 在沪培训. */
  placeRegion: regionCode.nullable().optional(),
  startDate: isoDate,
  endDate: isoDate,
  targetGroup,
  batches: count.min(1, '批次至少为 1'),
  participants: count,
  personTimes: count,
  /** The recipient county whose people were trained. */
  countyCode: z.string().regex(/^\d{6}$/, '县级区划代码应为 6 位数字').nullable().optional(),
  pairingId: ref('pairing').nullable().optional(),
  activityId: ref('activity').nullable().optional(),
  /** The unit that owns the record (only its scope may change it); by default the creator's own unit. */
  owningOrgId: ref('org').nullable().optional(),
});
const checks = <T extends z.ZodType<Partial<z.infer<typeof fields>>>>(s: T) =>
  s
    .refine((t) => !t.startDate || !t.endDate || t.endDate >= t.startDate, { message: '结束日期不能早于开始日期', path: ['endDate'] })
    .refine((t) => t.personTimes === undefined || t.participants === undefined || t.personTimes >= t.participants, { message: '人次不能少于人数', path: ['personTimes'] });
export const trainingInput = checks(fields);
/** The fields without their checks, for forms that take a subset (a bulletin item accepted with its training). */
export const trainingFields = fields;
export type TrainingInput = z.infer<typeof fields>;
export const trainingPatch = checks(fields.partial());
export type TrainingPatch = Partial<TrainingInput>;

export const training = fields.extend({
  id: z.number().int(),
  inShanghai: z.boolean(),
  organiserOrgId: z.number().int().nullable(),
  organiserName: z.string().nullable(),
  /** The registered organiser's name, when organiserOrgId is set. */
  organiserOrgName: z.string().nullable(),
  placeRegion: z.string().nullable(),
  placeName: z.string().nullable(),
  countyCode: z.string().nullable(),
  pairingId: z.number().int().nullable(),
  activityId: z.number().int().nullable(),
  owningOrgId: z.number().int().nullable(),
  owningOrgName: z.string().nullable(),
  /** Whether the county has confirmed it (it counts in the county's totals once confirmed). */
  claimStatus: claimStatus,
  claimNote: z.string().nullable(),
  isDemo: z.boolean(),
});
export type Training = z.infer<typeof training>;

export const trainingListQuery = pageQuery.extend({
  /** Title or organiser name. */
  q: z.string().trim().max(50).optional(),
  county: z.string().regex(/^\d{2,12}$/).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  targetGroup: targetGroup.optional(),
  kind: z.enum(['training', 'shadowing']).optional(),
  pairing: z.coerce.number().int().positive().optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type TrainingListQuery = z.infer<typeof trainingListQuery>;

export const summaryQuery = z.object({ year: z.coerce.number().int().min(2001).max(2100), county: z.string().regex(/^\d{2,12}$/).optional() });
/** 批次 and 人次 of a year beside the year before, and the change as bulletins state it ("同比增长 …%"). */
export const summary = z.object({
  year: z.number().int(),
  batches: z.number().int(),
  personTimes: z.number().int(),
  previous: z.object({ batches: z.number().int(), personTimes: z.number().int() }),
  /** Percent change, one decimal; null when the previous year had none. */
  batchesChangePct: z.number().nullable(),
  personTimesChangePct: z.number().nullable(),
  byTargetGroup: z.array(z.object({ targetGroup, batches: z.number().int(), personTimes: z.number().int() })),
});
export type Summary = z.infer<typeof summary>;
