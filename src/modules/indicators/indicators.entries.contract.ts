import { z } from 'zod';
import { isoDate, pageQuery, ref, regionCode } from '../../platform/contract.ts';

/**
 * Figures offices enter beside the computed ones: a target (目标) for an indicator, scope and year,
 * with the document that set it; a reported figure (填报) for a scope and a year, quarter or month,
 * with its source (a document or a bulletin item). Values are in the indicator's unit (万元, 人, % …).
 */
export const ENTRY_KINDS = { target: '目标', reported: '填报数' } as const;
export type EntryKind = keyof typeof ENTRY_KINDS;

const year = z.number({ error: '年度 year 应为整数' }).int('年度 year 应为整数').min(2000, '年度 year 应在 2000–2100 之间').max(2100, '年度 year 应在 2000–2100 之间');
const text = (what: string, max: number) => z.string({ error: `${what}应为文字` }).trim().min(1, `${what}不能为空`).max(max, `${what}不超过 ${max} 字`);

export const entryFields = z.object({
  indicatorCode: z.string({ error: '指标 indicatorCode 应为指标代码' }).trim().min(1, '指标 indicatorCode 不能为空').max(80, '指标代码过长'),
  scopeKind: z.enum(['city', 'district', 'pairing', 'region'], { error: '范围类型 scopeKind 应为 city、district、pairing 或 region' }),
  districtId: ref('org').optional(),
  pairingId: ref('pairing').optional(),
  regionCode: regionCode.refine((c) => c.length <= 9, '地区应为地级、县级或乡级区划代码').optional(),
  year,
  quarter: z.number().int().min(1, '季度应为 1–4').max(4, '季度应为 1–4').optional(),
  month: z.number().int().min(1, '月份应为 1–12').max(12, '月份应为 1–12').optional(),
  value: z.number({ error: '数值 value 应为数字' }).min(0, '数值不能为负数').max(1e12, '数值过大'),
  document: text('依据文件或来源 document ', 500),
  reportedOn: isoDate.optional(),
  note: z.string().max(2000, '备注不超过 2000 字').optional(),
});
export const entryInput = entryFields;
export type EntryInput = z.infer<typeof entryInput>;
// A patch may clear the period (back to the whole year) or the note with null.
export const entryPatch = entryFields.partial().extend({
  quarter: entryFields.shape.quarter.nullable(),
  month: entryFields.shape.month.nullable(),
  note: entryFields.shape.note.nullable(),
});
export type EntryPatch = z.infer<typeof entryPatch>;

export const entry = z.object({
  id: z.number().int(),
  kind: z.enum(['target', 'reported']),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  scopeKind: z.enum(['city', 'district', 'pairing', 'region']),
  scopeName: z.string(),
  districtId: z.number().int().nullable(),
  pairingId: z.number().int().nullable(),
  regionCode: z.string().nullable(),
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  month: z.number().int().nullable(),
  value: z.number(),
  document: z.string(),
  reportedOn: z.string().nullable(),
  note: z.string().nullable(),
  createdBy: z.string(),
  isDemo: z.boolean(),
});
export type Entry = z.infer<typeof entry>;

export const entryListQuery = pageQuery.extend({
  indicator: z.string().max(80).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  scopeKind: z.enum(['city', 'district', 'pairing', 'region']).optional(),
});
export type EntryListQuery = z.infer<typeof entryListQuery>;
