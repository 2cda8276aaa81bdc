import { z } from 'zod';
import { isoDate, pageQuery, regionCode, ref } from '../../platform/contract.ts';

/** 援派: dispatched cadres and professionals, their terms at the recipient side, and the yearly counts. */
const labels = <T extends Record<string, string>>(m: T) => z.enum(Object.keys(m) as [keyof T & string, ...(keyof T & string)[]]);

export const SEXES = { male: '男', female: '女' } as const;
export const DISPATCH_CATEGORIES = { cadre: '党政干部', teacher: '专业技术人才（教师）', doctor: '专业技术人才（医生）', agri: '专业技术人才（农技）', other: '其他' } as const;
export const DISPATCH_TEAMS = { education: '组团式教育', medical: '组团式医疗' } as const;
export const PROGRAMMES = { dian: '援滇', qing: '援青', jiang: '援疆', zang: '援藏', qian: '援黔', sanxia: '援三峡库区', other: '其他' } as const;
export const DISPATCH_STATUSES = { on_post: '在岗', rotated: '期满轮换', returned_early: '提前返回' } as const;
/** Expected term in years when the end is not given (3 for cadres, 1 for teachers and doctors). */
export const DEFAULT_TERM_YEARS: Partial<Record<DispatchCategory, number>> = { cadre: 3, teacher: 1, doctor: 1 };

export type DispatchCategory = keyof typeof DISPATCH_CATEGORIES;
export type DispatchStatus = keyof typeof DISPATCH_STATUSES;
export const sex = labels(SEXES);
export const dispatchCategory = labels(DISPATCH_CATEGORIES);
export const dispatchTeam = labels(DISPATCH_TEAMS);
export const programme = labels(PROGRAMMES);
export const dispatchStatus = labels(DISPATCH_STATUSES);

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

const personFields = z.object({
  name: z.string().trim().min(2, '姓名至少 2 个字').max(50, '姓名不超过 50 个字'),
  /** Often unknown in a bulletin. */
  sex: sex.nullable().optional(),
  /** The sending unit (派出单位) when it is a registered east-side organisation … */
  originOrgId: ref('org').nullable().optional(),
  /** … or its name as text. One of the two is required. */
  originUnit: text(200),
  phone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/, '电话号码格式不正确').nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
});
export const personInput = personFields;
export type PersonInput = z.infer<typeof personInput>;
export const personPatch = personFields.partial();
export type PersonPatch = z.infer<typeof personPatch>;

const dispatchFields = z.object({
  personId: ref('person'),
  category: dispatchCategory,
  team: dispatchTeam.nullable().optional(),
  programme,
  batch: text(50),
  hostOrgId: ref('org').nullable().optional(),
  hostRegion: regionCode.nullable().optional(),
  post: text(200),
  termStart: isoDate,
  /** Expected end; when not given: 3 years for cadres, 1 year for teachers and doctors. */
  termEnd: isoDate.nullable().optional(),
  actualEnd: isoDate.nullable().optional(),
  status: dispatchStatus,
  replacesId: ref('dispatch').nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
});
/** A dispatch names an existing person (personId) or registers one with it (person). */
export const dispatchInput = dispatchFields
  .extend({ personId: ref('person').optional(), person: personInput.optional(), status: dispatchStatus.default('on_post') })
  .refine((d) => (d.personId === undefined) !== (d.person === undefined), { message: '请选择人员（personId）或一并登记人员（person），二者取一', path: ['personId'] });
export type DispatchInput = z.infer<typeof dispatchInput>;
// Built from the fields without defaults: a PATCH must leave what it omits untouched.
export const dispatchPatch = dispatchFields.partial();
export type DispatchPatch = z.infer<typeof dispatchPatch>;

export const dispatch = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  originOrgId: z.number().int().nullable(),
  originName: z.string().nullable(),
  category: dispatchCategory,
  team: dispatchTeam.nullable(),
  programme,
  batch: z.string().nullable(),
  hostOrgId: z.number().int().nullable(),
  hostOrgName: z.string().nullable(),
  hostRegion: z.string().nullable(),
  countyCode: z.string(),
  countyName: z.string().nullable(),
  post: z.string().nullable(),
  termStart: z.string(),
  termEnd: z.string(),
  actualEnd: z.string().nullable(),
  status: dispatchStatus,
  replacesId: z.number().int().nullable(),
  note: z.string().nullable(),
  isDemo: z.boolean(),
});
export type Dispatch = z.infer<typeof dispatch>;

export const person = z.object({
  id: z.number().int(),
  name: z.string(),
  sex: sex.nullable(),
  originOrgId: z.number().int().nullable(),
  originOrgName: z.string().nullable(),
  originUnit: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  isDemo: z.boolean(),
});
export type Person = z.infer<typeof person>;
/** A person with the dispatches the caller may see. */
export const personDetail = person.extend({ dispatches: z.array(dispatch) });
export type PersonDetail = z.infer<typeof personDetail>;

const county = z.string().regex(/^\d{2,6}$/, '区划代码应为 2–6 位数字');
const year = z.coerce.number().int().min(2000).max(2100);

export const personListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  originOrg: z.coerce.number().int().positive().optional(),
});
export type PersonListQuery = z.infer<typeof personListQuery>;

export const dispatchListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  personId: z.coerce.number().int().positive().optional(),
  category: dispatchCategory.optional(),
  team: dispatchTeam.optional(),
  programme: programme.optional(),
  batch: z.string().trim().max(50).optional(),
  status: dispatchStatus.optional(),
  /** The host place's county (or prefecture, province) code: dispatches there or below. */
  county: county.optional(),
  /** On post at some time during this year. */
  year: year.optional(),
  sort: z.enum(['termStart', 'name', 'county']).default('termStart'),
});
export type DispatchListQuery = z.infer<typeof dispatchListQuery>;

export const personnelSummaryQuery = z.object({ county: county.optional(), year });
const counts = z.object({
  byCategory: z.record(dispatchCategory, z.number().int()),
  teams: z.record(dispatchTeam, z.number().int()),
  /** Distinct people on post (one person in two categories in a year counts once here). */
  total: z.number().int(),
});
export const personnelSummary = z.object({
  year: z.number().int(),
  county: z.string().nullable(),
  counties: z.array(counts.extend({ countyCode: z.string(), countyName: z.string().nullable() })),
  total: counts,
});
export type PersonnelSummary = z.infer<typeof personnelSummary>;
