import { z } from 'zod';
import { isoDate, ref, regionCode } from '../../platform/contract.ts';
import { INDICATOR_AREAS, scopeInfo, type IndicatorArea } from '../indicators/indicators.contract.ts';

/**
 * 自评报告 (the year-end self-assessment) of a scope — the city, a district, a pairing or a place, as
 * the indicators resolve it — with the paired side's opinions on it (征求意见) and the samples a
 * cross-check team draws from the records behind the figures (交叉核查).
 */

const yearMessage = '年度 year 应为 2000–2100 之间的整数';
const year = z.number({ error: yearMessage }).int({ error: yearMessage }).min(2000, yearMessage).max(2100, yearMessage);
const atMostOne = (q: { district?: number; pairing?: number; region?: string }) => [q.district, q.pairing, q.region].filter((v) => v !== undefined).length <= 1;
const oneScope = { message: '范围只能选一种：district、pairing 或 region', path: ['district'] };
const place = regionCode.refine((c) => c.length <= 9, '地区 region 应为地级、县级或乡级区划代码（4、6 或 9 位）');

/** Which scope and year, in a query: the indicators' names (none = the caller's own scope). */
export const yearScopeQuery = z
  .object({
    district: z.coerce.number().pipe(ref('org')).optional(),
    pairing: z.coerce.number().pipe(ref('pairing')).optional(),
    region: place.optional(),
    year: z.coerce.number({ error: yearMessage }).pipe(year),
  })
  .refine(atMostOne, oneScope);
export type YearScopeQuery = z.infer<typeof yearScopeQuery>;

/** The same in a JSON body. */
const scopeFields = { district: ref('org').optional(), pairing: ref('pairing').optional(), region: place.optional(), year };

export const opinionInput = z
  .object({
    ...scopeFields,
    /** The paired side's unit giving the opinion. */
    fromOrgId: ref('org'),
    opinion: z.string({ error: '意见 opinion 不能为空' }).trim().min(1, '意见 opinion 不能为空').max(5000, '意见 opinion 最多 5000 字'),
    givenOn: isoDate,
  })
  .refine(atMostOne, oneScope);
export type OpinionInput = z.infer<typeof opinionInput>;

export const opinion = z.object({
  id: z.number().int(),
  scope: scopeInfo,
  year: z.number().int(),
  fromOrgId: z.number().int(),
  fromOrgName: z.string(),
  opinion: z.string(),
  givenOn: z.string(),
  recordedBy: z.string(),
  owningOrgName: z.string().nullable(),
  createdAt: z.string(),
});
export type Opinion = z.infer<typeof opinion>;

/** The opinions of a scope and year, and the units of the paired side that may give one (for the form's picker). */
export const opinionList = z.object({
  scope: scopeInfo,
  items: z.array(opinion),
  counterparts: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type OpinionList = z.infer<typeof opinionList>;

export const SEED_MAX = 4_294_967_295;
const seedMessage = '随机种子 seed 应为 0–4294967295 之间的整数';
const perMessage = '每项指标抽取条数 perIndicator 应为 1–50 之间的整数';

export const sampleInput = z
  .object({
    ...scopeFields,
    seed: z.number({ error: seedMessage }).int({ error: seedMessage }).min(0, seedMessage).max(SEED_MAX, seedMessage),
    perIndicator: z.number({ error: perMessage }).int({ error: perMessage }).min(1, perMessage).max(50, perMessage),
  })
  .refine(atMostOne, oneScope);
export type SampleInput = z.infer<typeof sampleInput>;

/** One drawn record: what it showed for which indicator, and the checker's verdict (null = not yet checked). */
export const sampleItem = z.object({
  indicator: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  recordId: z.number().int(),
  label: z.string(),
  date: z.string().nullable(),
  placeName: z.string().nullable(),
  orgName: z.string().nullable(),
  value: z.number(),
  verified: z.boolean().nullable(),
  note: z.string().nullable(),
  checkedBy: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type SampleItem = z.infer<typeof sampleItem>;

export const sampleSummary = z.object({
  id: z.number().int(),
  scope: scopeInfo,
  year: z.number().int(),
  seed: z.number().int(),
  perIndicator: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  count: z.number().int(),
  checked: z.number().int(),
});
export type SampleSummary = z.infer<typeof sampleSummary>;

/** A sample as its checklist: every drawn record, and per indicator how many records there were to draw from. */
export const sample = sampleSummary.extend({
  items: z.array(sampleItem),
  pools: z.array(z.object({ indicator: z.string(), indicatorName: z.string(), total: z.number().int(), drawn: z.number().int() })),
});
export type Sample = z.infer<typeof sample>;

export const sampleItemParams = z.object({
  id: z.coerce.number({ error: '编号 id 应为正整数' }).int({ error: '编号 id 应为正整数' }).positive({ error: '编号 id 应为正整数' }),
  index: z.coerce.number({ error: '序号 index 应为非负整数' }).int({ error: '序号 index 应为非负整数' }).min(0, '序号 index 应为非负整数').max(100_000, '序号 index 超出范围'),
});

export const sampleItemPatch = z.object({
  verified: z.boolean({ error: '核查结果 verified 应为 true 或 false' }),
  note: z.string().trim().max(1000, '备注 note 最多 1000 字').nullable().optional(),
});
export type SampleItemPatch = z.infer<typeof sampleItemPatch>;

/** The list of a scope's samples, newest first. */
export const sampleList = z.object({ items: z.array(sampleSummary) });
export type SampleList = z.infer<typeof sampleList>;

/** What the report of a scope and year will hold, for the page that offers its download. */
export const reportSummary = z.object({
  scope: scopeInfo,
  year: z.number().int(),
  areas: z.array(
    z.object({
      area: z.enum(Object.keys(INDICATOR_AREAS) as [IndicatorArea, ...IndicatorArea[]]),
      areaName: z.string(),
      /** The area's indicators, and how many of them have records behind them in the year. */
      indicators: z.number().int(),
      withRecords: z.number().int(),
    }),
  ),
  opinions: z.number().int(),
  samples: z.number().int(),
});
export type ReportSummary = z.infer<typeof reportSummary>;
