import { z } from 'zod';
import { pageQuery, ref, regionCode } from '../../platform/contract.ts';

/**
 * 考核指标: figures computed live from the records, for a scope (city, a district, a pairing, a
 * prefecture, county or township) and a period (a year, a quarter or a month of it), each with the
 * same period a year earlier (同比) and the records behind it (evidence).
 */

/** The areas of the annual assessment (2017 考核办法, with 消费帮扶 added later). */
export const INDICATOR_AREAS = {
  leadership: '组织领导',
  talent: '人才交流',
  funds: '资金使用',
  industry: '产业合作',
  labor: '劳务协作',
  hand_in_hand: '携手奔小康',
  consumption: '消费帮扶',
} as const;
export type IndicatorArea = keyof typeof INDICATOR_AREAS;

export const SCOPE_KINDS = { city: '全市', district: '区', pairing: '结对关系', region: '地区' } as const;
export type ScopeKind = keyof typeof SCOPE_KINDS;

const yearParam = z.coerce.number({ error: '年度 year 应为整数' }).int({ error: '年度 year 应为整数' }).min(2000, '年度 year 应在 2000–2100 之间').max(2100, '年度 year 应在 2000–2100 之间');

/** Which scope and period: at most one of district, pairing, region (none = the caller's own scope). */
export const scopeQuery = z
  .object({
    district: z.coerce.number().pipe(ref('org')).optional(),
    pairing: z.coerce.number().pipe(ref('pairing')).optional(),
    region: regionCode.refine((c) => c.length <= 9, '地区 region 应为地级、县级或乡级区划代码（4、6 或 9 位）').optional(),
    year: yearParam,
    quarter: z.coerce.number({ error: '季度 quarter 应为 1–4' }).int({ error: '季度 quarter 应为 1–4' }).min(1, '季度 quarter 应为 1–4').max(4, '季度 quarter 应为 1–4').optional(),
    month: z.coerce.number({ error: '月份 month 应为 1–12' }).int({ error: '月份 month 应为 1–12' }).min(1, '月份 month 应为 1–12').max(12, '月份 month 应为 1–12').optional(),
  })
  .refine((q) => [q.district, q.pairing, q.region].filter((v) => v !== undefined).length <= 1, { message: '范围只能选一种：district、pairing 或 region', path: ['district'] })
  .refine((q) => q.quarter === undefined || q.month === undefined, { message: '季度 quarter 与月份 month 只能选一个', path: ['quarter'] });
export type ScopeQuery = z.infer<typeof scopeQuery>;

export const scopeInfo = z.object({
  kind: z.enum(['city', 'district', 'pairing', 'region']),
  id: z.number().int().nullable(),
  code: z.string().nullable(),
  name: z.string(),
});
export type ScopeInfo = z.infer<typeof scopeInfo>;

export const periodInfo = z.object({
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  month: z.number().int().nullable(),
  from: z.string(),
  to: z.string(),
  label: z.string(),
});
export type PeriodInfo = z.infer<typeof periodInfo>;

/** The figure an office reported for the same scope and period (填报), beside the computed one. */
export const reportedOverlay = z.object({
  id: z.number().int(),
  value: z.number(),
  source: z.string(),
  reportedBy: z.string(),
  reportedOn: z.string(),
  /** True when the reported figure and the computed one differ (beyond rounding of the unit). */
  differs: z.boolean(),
});

/** The target set for the scope and year, pro-rated to the period's end (进度). */
export const targetOverlay = z.object({
  id: z.number().int(),
  value: z.number(),
  document: z.string(),
  /** Target × the share of the year elapsed at the period's end (or today, for the current year). */
  expected: z.number(),
  /** value ÷ target, in % (null when the target is 0). */
  progress: z.number().nullable(),
  status: z.enum(['on_track', 'behind', 'far_behind', 'met']),
});

export const indicatorValue = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  area: z.enum(Object.keys(INDICATOR_AREAS) as [IndicatorArea, ...IndicatorArea[]]),
  /** The figure in its unit (万元, 人, 个, %, 亩 …); null for a ratio whose denominator is 0. */
  value: z.number().nullable(),
  /** The exact base figure (fen for money, 0.01 亩 for areas, the count itself otherwise); null for ratios. */
  raw: z.number().nullable(),
  /** The same period a year earlier. */
  previous: z.number().nullable(),
  /** 同比: % change for sums and counts, percentage points for ratios; null when there is no base. */
  yoy: z.number().nullable(),
  yoyKind: z.enum(['percent', 'points']),
  /** Whether the figure can be drilled down to records (every indicator can: ratios through their parts). */
  evidence: z.boolean(),
  reported: reportedOverlay.nullable(),
  target: targetOverlay.nullable(),
});
export type IndicatorValue = z.infer<typeof indicatorValue>;

export const indicatorReport = z.object({ scope: scopeInfo, period: periodInfo, items: z.array(indicatorValue) });
export type IndicatorReport = z.infer<typeof indicatorReport>;

export const indicatorDefinition = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  area: z.string(),
  kind: z.enum(['sum', 'stock', 'ratio', 'coverage']),
  description: z.string(),
  parts: z.array(z.string()),
  yoy: z.enum(['percent', 'points']),
});
export type IndicatorDefinitionOut = z.infer<typeof indicatorDefinition>;

export const evidenceQuery = z.intersection(scopeQuery, pageQuery.extend({ pageSize: pageQuery.shape.pageSize, part: z.string().max(80).optional() }));
export type EvidenceQuery = z.infer<typeof evidenceQuery>;

/** One record behind a figure, with the value it contributes (in the indicator's unit and exactly). */
export const evidenceRow = z.object({
  /** The record kind (project, fund_transaction, sale, donation …) and its id, for a link. */
  kind: z.string(),
  kindLabel: z.string(),
  id: z.number().int(),
  label: z.string(),
  date: z.string().nullable(),
  place: z.string().nullable(),
  placeName: z.string().nullable(),
  orgName: z.string().nullable(),
  /** For a ratio: which part (numerator or denominator indicator) the record counts in. */
  part: z.string(),
  /** Where the record is shown when it has no page of its own (a fund transaction: its project). */
  parent: z.object({ kind: z.string(), id: z.number().int() }).optional(),
  /** What the record contributes, in words (the measure's definition). */
  measure: z.string().optional(),
  value: z.number(),
  raw: z.number(),
});
export type EvidenceRow = z.infer<typeof evidenceRow>;

export const evidencePage = z.object({
  indicator: indicatorDefinition,
  scope: scopeInfo,
  period: periodInfo,
  items: z.array(evidenceRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The sum of every record's raw value over all pages (per part for a ratio). */
  sums: z.record(z.string(), z.number()),
});
export type EvidencePage = z.infer<typeof evidencePage>;

/** A ranking of districts or of counties by one indicator, for the scope's year. */
export const rankingQuery = z.intersection(scopeQuery, z.object({ by: z.enum(['district', 'county']), indicator: z.string().max(80) }));
export const ranking = z.object({
  indicator: indicatorDefinition,
  period: periodInfo,
  items: z.array(z.object({ id: z.number().int().nullable(), code: z.string().nullable(), name: z.string(), value: z.number().nullable(), raw: z.number().nullable() })),
});
export type Ranking = z.infer<typeof ranking>;

/** One year's figures over several years, for the charts by year. */
export const seriesQuery = z.intersection(scopeQuery, z.object({ codes: z.string().max(2000), from: z.coerce.number().int().min(2000).max(2100).optional() }));
export const series = z.object({
  years: z.array(z.number().int()),
  items: z.array(z.object({ code: z.string(), name: z.string(), unit: z.string(), values: z.array(z.number().nullable()) })),
});
export type Series = z.infer<typeof series>;

/** 十有: per pairing and year, ten cells each derived from records. */
export const TEN_HAVES = {
  agreement: '有协议',
  plan: '有计划',
  funds: '有资金',
  projects: '有项目',
  cadres: '有干部',
  talent: '有人才',
  visits: '有互访',
  meetings: '有联席会议',
  measures: '有措施',
  results: '有成效',
} as const;
export type TenHave = keyof typeof TEN_HAVES;

export const gridCell = z.object({
  have: z.boolean(),
  /** The indicator whose records are this cell's evidence, and its figure for the pairing and year. */
  indicator: z.string(),
  value: z.number().nullable(),
});
export const gridRow = z.object({
  pairingId: z.number().int(),
  eastOrgName: z.string(),
  westOrgName: z.string(),
  countyCode: z.string().nullable(),
  cells: z.record(z.string(), gridCell),
  count: z.number().int(),
});
export const gridQuery = z.intersection(scopeQuery, pageQuery.extend({ pageSize: z.coerce.number().int().min(1).max(500).default(100) }));
export const grid = z.object({ year: z.number().int(), items: z.array(gridRow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type Grid = z.infer<typeof grid>;
export type GridRow = z.infer<typeof gridRow>;

export const codeParam = z.object({ code: z.string().max(80) });

/** What is behind its target, for the caller's scope (built by indicators.targets.*). */
export const warningItem = z.object({
  targetId: z.number().int(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  scope: scopeInfo,
  value: z.number().nullable(),
  target: z.number(),
  expected: z.number(),
  progress: z.number().nullable(),
  status: z.enum(['behind', 'far_behind']),
});
export const warnings = z.object({ year: z.number().int(), asOf: z.string(), items: z.array(warningItem) });
export type Warnings = z.infer<typeof warnings>;

/** The scopes a caller may choose (their own by default). */
export const scopeChoices = z.object({
  default: scopeInfo,
  city: z.boolean(),
  districts: z.array(z.object({ id: z.number().int(), name: z.string() })),
  pairings: z.array(z.object({ id: z.number().int(), name: z.string(), countyCode: z.string().nullable() })),
  regions: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type ScopeChoices = z.infer<typeof scopeChoices>;
