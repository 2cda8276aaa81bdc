import { z } from 'zod';
import { isoDate, pageQuery, regionCode, ref } from '../../platform/contract.ts';

/**
 * 劳务协作: monthly placements of registered-poor and monitored workers, job fairs, workstations in
 * Shanghai, 6-month retention follow-ups, and the yearly totals computed from them.
 * Cross-field rules (placed ≤ attendees, employed ≤ placed, closed ≥ opened) are checked by the
 * service on the whole record, so a PATCH is held to them too.
 */
export const DESTINATIONS = { shanghai: '转移到上海', other_east: '转移到其他东部地区', local: '就地就近就业' } as const;
export type Destination = keyof typeof DESTINATIONS;
export const destination = z.enum(Object.keys(DESTINATIONS) as [Destination, ...Destination[]]);

const id = z.number().int().positive();
const count = z.number({ error: '须为整数' }).int('须为整数').min(0, '人数（数量）不能为负').max(10_000_000, '数值过大');
const text = (max: number) => z.string().trim().min(1).max(max).nullable().optional();
const county = z.string().regex(/^\d{6}$/, '受援县区划代码应为 6 位数字');
const year = z.number().int().min(2000, '年度应在 2000–2100 之间').max(2100, '年度应在 2000–2100 之间');
const month = z.number().int().min(1, '月份应在 1–12 之间').max(12, '月份应在 1–12 之间');
const common = {
  pairingId: ref('pairing').nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
  /** The unit that owns the record (only its scope may change it); by default the creator's own unit. */
  owningOrgId: ref('org').nullable().optional(),
};
const out = { id: z.number().int(), countyName: z.string().nullable(), isDemo: z.boolean(), owningOrgId: z.number().int().nullable(), owningOrgName: z.string().nullable() };

export const placementFields = z.object({ countyCode: county, year, month, destination, poorCount: count, monitoredCount: count, ...common });
export const placement = placementFields.extend(out);

export const jobFairFields = z.object({
  heldOn: isoDate,
  title: text(200),
  /** Where it was held (any level; in Shanghai or at the recipient side). */
  regionCode,
  /** The recipient county it served; by default the county where it was held (required for fairs in Shanghai). */
  countyCode: county.optional(),
  organiserOrgId: ref('org').nullable().optional(),
  organiserName: text(200),
  employers: count,
  jobsOffered: count,
  attendees: count.nullable().optional(),
  placed: count,
  ...common,
});
export const jobFair = jobFairFields.extend({ ...out, countyCode: z.string(), regionName: z.string().nullable(), organiserOrgName: z.string().nullable() });

export const workstationFields = z.object({
  name: z.string().trim().min(2, '名称至少 2 个字').max(200),
  /** Where the station is, in Shanghai (31…). */
  regionCode: regionCode.refine((c) => c.startsWith('31'), '劳务工作站应设在上海（区划代码以 31 开头）'),
  /** The recipient county (or prefecture, 4 digits) whose workers it serves. */
  countyCode: z.string().regex(/^(\d{4}|\d{6})$/, '服务的受援州或县区划代码应为 4 或 6 位数字'),
  operatingOrgId: ref('org').nullable().optional(),
  operatorName: text(200),
  openedOn: isoDate,
  closedOn: isoDate.nullable().optional(),
  ...common,
});
export const workstation = workstationFields.extend({ ...out, regionName: z.string().nullable(), operatingOrgName: z.string().nullable() });

export const retentionFields = z.object({
  countyCode: county,
  cohortYear: year,
  cohortMonth: month,
  placed: count,
  employedAfter6m: count,
  followedUpOn: isoDate.nullable().optional(),
  ...common,
});
export const retention = retentionFields.extend({ ...out, rate: z.number().nullable() });

export type PlacementInput = z.infer<typeof placementFields>;
export type JobFairInput = z.infer<typeof jobFairFields>;
export type WorkstationInput = z.infer<typeof workstationFields>;
export type RetentionInput = z.infer<typeof retentionFields>;
export type Placement = z.infer<typeof placement>;
export type JobFair = z.infer<typeof jobFair>;
export type Workstation = z.infer<typeof workstation>;
export type Retention = z.infer<typeof retention>;

export const laborListQuery = pageQuery.extend({
  /** County (or prefecture, province) code: records there or below. */
  county: z.string().regex(/^\d{2,6}$/, '区划代码应为 2–6 位数字').optional(),
  /** Placements and cohorts of the year; fairs held in it; workstations open during it. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  month: z.coerce.number().int().min(1).max(12).optional(),
  destination: destination.optional(),
});
export type LaborListQuery = z.infer<typeof laborListQuery>;

export const laborSummaryQuery = z.object({ county: z.string().regex(/^\d{2,6}$/, '区划代码应为 2–6 位数字').optional(), year: z.coerce.number().int().min(2000).max(2100) });

const n = z.number().int();
const people = z.object({ poor: n, monitored: n });
export const laborTotals = z.object({
  placements: z.object({ byDestination: z.record(destination, people), total: people }),
  fairs: z.object({ count: n, employers: n, jobsOffered: n, attendees: n, placed: n }),
  retention: z.object({ cohorts: n, placed: n, employedAfter6m: n, rate: z.number().nullable() }),
  /** Workstations open at some time during the year. */
  workstations: n,
});
export type LaborTotals = z.infer<typeof laborTotals>;
export const laborSummary = z.object({
  year: n,
  county: z.string().nullable(),
  counties: z.array(laborTotals.extend({ countyCode: z.string(), countyName: z.string().nullable() })),
  total: laborTotals,
});
export type LaborSummary = z.infer<typeof laborSummary>;
