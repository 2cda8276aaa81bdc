import { z } from 'zod';
import { isoDate, pageQuery, regionCode, ref } from '../../platform/contract.ts';

/**
 * 产业合作 / 招商引资: enterprises introduced to a recipient county (origin, industry, signed and
 * actual investment, jobs and of them registered-poor and monitored people), industrial parks and
 * bases (亩), assistance workshops (帮扶车间) with their employees, and contract farming (订单农业).
 * Money is integer fen, areas are 亩 with at most two decimals. Cross-field rules (of the jobs, how
 * many went to poor or monitored people; a workshop's dates in order) are checked by the service on
 * the whole record, so a PATCH is held to them too.
 */
export const INDUSTRIES = {
  agri_processing: '农产品加工',
  planting_breeding: '特色种养殖',
  culture_tourism: '文化旅游',
  manufacturing: '制造业',
  new_energy: '新能源',
  trade_logistics: '商贸物流',
  ecommerce: '电子商务',
  biomedicine: '生物医药',
  other: '其他',
} as const;
export type Industry = keyof typeof INDUSTRIES;
export const industry = z.enum(Object.keys(INDUSTRIES) as [Industry, ...Industry[]], { error: `行业应为以下之一：${Object.values(INDUSTRIES).join('、')}` });

export const PARK_KINDS = { park: '产业园区', planting_base: '种植基地', breeding_base: '养殖基地', other: '其他' } as const;
export type ParkKind = keyof typeof PARK_KINDS;
export const parkKind = z.enum(Object.keys(PARK_KINDS) as [ParkKind, ...ParkKind[]], { error: `类型应为以下之一：${Object.values(PARK_KINDS).join('、')}` });

/** A count of people, jobs, households or enterprises, named in its messages. */
const count = (what: string) => z.number({ error: `${what}须为整数` }).int(`${what}须为整数`).min(0, `${what}不能为负`).max(10_000_000, `${what}数值过大`);
/** Money in fen (the UI shows 元 / 万元). */
const fen = (what: string) => z.number({ error: `${what}须为整数（分）` }).int(`${what}须为整数（分）`).min(0, `${what}不能为负`).max(1e15, `${what}数值过大`);
/** An area in 亩, at most two decimals. */
const mu = (what: string) =>
  z.number({ error: `${what}须为数字（亩）` }).min(0, `${what}不能为负`).max(100_000_000, `${what}数值过大`)
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, `${what}最多两位小数`);
const name = (what: string) => z.string({ error: `请填写${what}` }).trim().min(2, `${what}至少 2 个字`).max(200, `${what}最多 200 个字`);
const text = (max: number) => z.string().trim().min(1).max(max).nullable().optional();
const county = z.string({ error: '请选择受援县' }).regex(/^\d{6}$/, '受援县区划代码应为 6 位数字');
/** A township (9 digits) or village (12 digits) of the county. */
const place = z.string().regex(/^(\d{9}|\d{12})$/, '乡镇或村的区划代码应为 9 或 12 位数字').nullable().optional();

const common = {
  pairingId: ref('pairing').nullable().optional(),
  note: z.string().max(2000, '备注最多 2000 个字').nullable().optional(),
  /** The unit that owns the record (only its scope may change it); by default the creator's own unit. */
  owningOrgId: ref('org').nullable().optional(),
};
const out = { id: z.number().int(), countyName: z.string().nullable(), placeName: z.string().nullable(), isDemo: z.boolean(), owningOrgId: z.number().int().nullable(), owningOrgName: z.string().nullable() };

/** 引进企业: an enterprise brought to a recipient county, by whom (an east unit, or a name) and from where. */
export const enterpriseFields = z.object({
  name: name('企业名称'),
  /** The east-side unit that introduced it (or the enterprise's own parent registered as an organisation). */
  originOrgId: ref('org').nullable().optional(),
  /** Origin outside the registry (e.g. 上海某集团有限公司, 央企中国旅游集团). */
  originName: text(200),
  /** Where it comes from (by default the origin unit's region). */
  originRegion: regionCode.nullable().optional(),
  countyCode: county,
  placeCode: place,
  industry,
  signedFen: fen('签约投资额'),
  /** Invested to date; may exceed the signed amount. */
  actualFen: fen('实际到位投资').optional(),
  signedOn: isoDate,
  jobs: count('带动就业人数'),
  poorEmployed: count('脱贫人口就业人数'),
  monitoredEmployed: count('监测对象就业人数'),
  activityId: ref('activity').nullable().optional(),
  ...common,
});
export const enterprise = enterpriseFields.extend({
  ...out, actualFen: z.number().int(), originOrgName: z.string().nullable(), originRegion: z.string().nullable(), originRegionName: z.string().nullable(), origin: z.string(),
});

/** 产业园区 / 种植基地 / 养殖基地 in a recipient county. */
export const parkFields = z.object({
  name: name('园区（基地）名称'),
  kind: parkKind,
  countyCode: county,
  placeCode: place,
  areaMu: mu('面积'),
  /** Built, recognised or put into use: it counts from that year on. */
  establishedOn: isoDate,
  enterprises: count('入驻企业数'),
  jobs: count('带动就业人数'),
  ...common,
});
export const park = parkFields.extend(out);

/** 帮扶车间: a workshop employing local people, run by an organisation (or a named operator). */
export const workshopFields = z.object({
  name: name('车间名称'),
  countyCode: county,
  placeCode: place,
  operatorOrgId: ref('org').nullable().optional(),
  operatorName: text(200),
  openedOn: isoDate,
  closedOn: isoDate.nullable().optional(),
  employees: count('吸纳就业人数'),
  poorEmployed: count('脱贫人口就业人数'),
  monitoredEmployed: count('监测对象就业人数'),
  ...common,
});
export const workshop = workshopFields.extend({ ...out, operatorOrgName: z.string().nullable(), operator: z.string() });

/** 订单农业: a contract for a product grown in a county, with its buyer, acreage, households and value. */
export const farmingFields = z.object({
  product: name('产品'),
  buyerOrgId: ref('org').nullable().optional(),
  buyerName: text(200),
  countyCode: county,
  placeCode: place,
  acreageMu: mu('种植（养殖）规模'),
  households: count('带动农户数'),
  contractFen: fen('合同金额'),
  signedOn: isoDate,
  activityId: ref('activity').nullable().optional(),
  ...common,
});
export const farming = farmingFields.extend({ ...out, buyerOrgName: z.string().nullable(), buyer: z.string() });

export type EnterpriseInput = z.infer<typeof enterpriseFields>;
export type ParkInput = z.infer<typeof parkFields>;
export type WorkshopInput = z.infer<typeof workshopFields>;
export type FarmingInput = z.infer<typeof farmingFields>;
export type Enterprise = z.infer<typeof enterprise>;
export type Park = z.infer<typeof park>;
export type Workshop = z.infer<typeof workshop>;
export type Farming = z.infer<typeof farming>;

const yearParam = z.coerce.number({ error: '年度应为 2000–2100 之间的整数' }).int('年度应为整数').min(2000, '年度应在 2000–2100 之间').max(2100, '年度应在 2000–2100 之间');
const countyParam = z.string().regex(/^\d{2,6}$/, '区划代码应为 2–6 位数字');

/**
 * The filters of every list, the same as the summary's: with `year` a list holds exactly the records
 * its figure of the summary counts (enterprises and contracts signed in the year, parks established
 * by its end, workshops open during it), so an indicator can drill down to them.
 */
export const industryListQuery = pageQuery.extend({
  /** County (or prefecture, province) code: records there or below. */
  county: countyParam.optional(),
  year: yearParam.optional(),
  /** Name (enterprise, park, workshop, product), origin, operator or buyer. */
  q: z.string().trim().max(50).optional(),
  pairing: z.coerce.number({ error: '结对关系编号应为正整数' }).int('结对关系编号应为正整数').positive('结对关系编号应为正整数').max(Number.MAX_SAFE_INTEGER, '结对关系编号过大').optional(),
  /** Enterprises of one industry. */
  industry: industry.optional(),
  /** Parks and bases of one kind. */
  kind: parkKind.optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type IndustryListQuery = z.infer<typeof industryListQuery>;

export const industrySummaryQuery = z.object({ county: countyParam.optional(), year: yearParam });

const n = z.number().int();
export const industryTotals = z.object({
  /** Enterprises whose contract was signed in the year: investment signed and to date, jobs created and of them poor / monitored people. */
  enterprises: z.object({ count: n, signedFen: n, actualFen: n, jobs: n, poorEmployed: n, monitoredEmployed: n }),
  /** Parks and bases established by the year's end (亩). */
  parks: z.object({ count: n, areaMu: z.number(), enterprises: n, jobs: n }),
  /** Workshops open at some time during the year. */
  workshops: z.object({ count: n, employees: n, poorEmployed: n, monitoredEmployed: n }),
  /** Contract farming signed in the year (亩, households, value). */
  farming: z.object({ count: n, acreageMu: z.number(), households: n, contractFen: n }),
});
export type IndustryTotals = z.infer<typeof industryTotals>;
export const industrySummary = z.object({
  year: n,
  county: z.string().nullable(),
  counties: z.array(industryTotals.extend({ countyCode: z.string(), countyName: z.string().nullable() })),
  total: industryTotals,
  /** Where each figure's records are listed: the list path with the same filters (relative to /api/v1). */
  sources: z.object({ enterprises: z.string(), parks: z.string(), workshops: z.string(), farming: z.string() }),
});
export type IndustrySummary = z.infer<typeof industrySummary>;
