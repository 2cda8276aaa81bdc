import { z } from 'zod';
import { regionCode } from '../../platform/contract.ts';

export const REGION_LEVELS = { 1: '省级', 2: '地级', 3: '县级', 4: '乡级', 5: '村级' } as const;

export const regionRef = z.object({ code: z.string(), name: z.string(), level: z.number().int() });
export type RegionRef = z.infer<typeof regionRef>;

export const region = regionRef.extend({
  shortName: z.string(),
  parentCode: z.string().nullable(),
  /** From the province down to this region itself. */
  path: z.array(regionRef),
  fullName: z.string(),
  childCount: z.number().int().optional(),
});
export type Region = z.infer<typeof region>;

export const searchQuery = z.object({
  q: z.string().trim().min(1, '请输入地名').max(60, '地名过长'),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  /** Only regions under this code (e.g. a county when resolving a village of its bulletin). */
  within: regionCode.optional(),
});

export const candidate = z.object({
  region,
  match: z.enum(['exact', 'short', 'compound', 'prefix']),
  score: z.number(),
});
export type Candidate = z.infer<typeof candidate>;

export const searchResult = z.object({
  query: z.string(),
  ambiguous: z.boolean(),
  candidates: z.array(candidate),
});
export type SearchResult = z.infer<typeof searchResult>;

export const codeParam = z.object({ code: regionCode });
export const childrenQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
