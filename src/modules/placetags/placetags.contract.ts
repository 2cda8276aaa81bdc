import { z } from 'zod';
import { pageQuery, regionCode } from '../../platform/contract.ts';

/**
 * The statuses a place holds by year according to an official list: county tags (on a 6-digit
 * county code) and village tags (on a 12-digit village code). Labels are what users read and type.
 */
export const COUNTY_TAGS = { poverty_county: '脱贫县', key_county: '国家乡村振兴重点帮扶县' } as const;
export const VILLAGE_TAGS = { poverty_village: '脱贫村', deep_poverty_village: '深度贫困村', relocation_site: '易地搬迁安置点' } as const;
export const PLACE_TAGS = { ...COUNTY_TAGS, ...VILLAGE_TAGS } as const;
export type PlaceTagCode = keyof typeof PLACE_TAGS;
export type VillageTagCode = keyof typeof VILLAGE_TAGS;
export const PLACE_TAG_CODES = Object.keys(PLACE_TAGS) as PlaceTagCode[];
export const VILLAGE_TAG_CODES = Object.keys(VILLAGE_TAGS) as VillageTagCode[];
export const placeTagCode = z.enum(PLACE_TAG_CODES as [PlaceTagCode, ...PlaceTagCode[]]);
export const villageTagCode = z.enum(VILLAGE_TAG_CODES as [VillageTagCode, ...VillageTagCode[]]);

/** Whether a tag lies on a county (6 digits) or a village (12 digits). */
export const isCountyTag = (tag: PlaceTagCode) => tag in COUNTY_TAGS;

const year = z.number({ error: '年度应为整数' }).int('年度应为整数').min(1949, '年度应在 1949–2100 之间').max(2100, '年度应在 1949–2100 之间');

export const placeTagInput = z
  .object({
    /** A county (6 digits) for a county tag, a village (12 digits) for a village tag. */
    regionCode,
    tag: placeTagCode,
    yearFrom: year,
    /** The last year in force; null (or left out) = still in force. */
    yearTo: year.nullable().optional(),
    /** The document that lists the place (its title or 文号). */
    sourceDocument: z.string().trim().min(1, '须填写依据文件（文件名称或文号）').max(500, '依据文件最多 500 个字'),
  })
  .refine((t) => t.yearTo == null || t.yearTo >= t.yearFrom, { message: '截止年度不能早于起始年度', path: ['yearTo'] })
  .refine((t) => (isCountyTag(t.tag) ? t.regionCode.length === 6 : t.regionCode.length === 12), {
    message: '县级标识（脱贫县、国家乡村振兴重点帮扶县）须用 6 位县级区划代码，村级标识（脱贫村、深度贫困村、易地搬迁安置点）须用 12 位村级区划代码',
    path: ['regionCode'],
  });
export type PlaceTagInput = z.infer<typeof placeTagInput>;

export const placeTag = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  /** The full path, e.g. 云南省 迪庆藏族自治州 香格里拉市 小中甸镇 联合村民委员会. */
  regionFullName: z.string(),
  tag: placeTagCode,
  yearFrom: z.number().int(),
  yearTo: z.number().int().nullable(),
  sourceDocument: z.string(),
  createdBy: z.string(),
  isDemo: z.boolean(),
});
export type PlaceTag = z.infer<typeof placeTag>;

export const placeTagFilters = z.object({
  /** Tags of this region and every place below it. */
  region: regionCode.optional(),
  tag: placeTagCode.optional(),
  /** Only tags in force that year. */
  year: z.coerce.number({ error: '年度 year 应为整数' }).int('年度 year 应为整数').min(1949, '年度 year 应在 1949–2100 之间').max(2100, '年度 year 应在 1949–2100 之间').optional(),
});
export type PlaceTagFilters = z.infer<typeof placeTagFilters>;
export const placeTagListQuery = pageQuery.extend(placeTagFilters.shape);
export type PlaceTagListQuery = z.infer<typeof placeTagListQuery>;
