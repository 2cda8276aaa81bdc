import { z } from 'zod';
import { pageQuery, regionCode, ref } from '../../platform/contract.ts';
import { regionRef } from '../regions/regions.contract.ts';

/** Organisation types, with the labels offices use. The side is a separate field. */
export const ORG_TYPES = {
  coop_office: '合作交流办/领导小组办公室',
  party_government: '党委政府',
  subdistrict: '街道',
  town: '镇',
  department: '委办局/部门',
  soe: '国有企业',
  private_enterprise: '民营企业',
  school: '学校',
  hospital: '医院',
  social_org: '社会组织',
  frontline_group: '前方工作组/援派干部联络组',
  township: '乡镇',
  village_committee: '村委会',
  cooperative: '合作社',
  park: '园区',
  other: '其他',
} as const;
export type OrgType = keyof typeof ORG_TYPES;
export const orgType = z.enum(Object.keys(ORG_TYPES) as [OrgType, ...OrgType[]]);

export const SIDES = { east: '帮扶方', west: '受援方' } as const;
export const side = z.enum(['east', 'west']);
export type Side = z.infer<typeof side>;

const name = z.string().trim().min(2, '名称至少 2 个字').max(100, '名称不超过 100 个字');

const orgFields = z.object({
  name,
  type: orgType,
  side,
  regionCode: regionCode.nullable().optional(),
  parentId: ref('org').nullable().optional(),
  aliases: z.array(z.string().trim().min(1).max(50)).max(20),
  note: z.string().max(2000).nullable().optional(),
});
export const orgInput = orgFields.extend({ aliases: orgFields.shape.aliases.default([]) });
export type OrgInput = z.infer<typeof orgInput>;
// Built from the fields without defaults: a PATCH must leave what it omits untouched.
export const orgPatch = orgFields.partial();
export type OrgPatch = z.infer<typeof orgPatch>;

export const org = z.object({
  id: z.number().int(),
  name: z.string(),
  type: orgType,
  side,
  regionCode: z.string().nullable(),
  region: regionRef.extend({ fullName: z.string() }).nullable(),
  parentId: z.number().int().nullable(),
  parentName: z.string().nullable(),
  aliases: z.array(z.string()),
  note: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Org = z.infer<typeof org>;

export const orgListQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  side: side.optional(),
  type: orgType.optional(),
  /** Organisations located in this region or below it. */
  region: regionCode.optional(),
  parentId: z.coerce.number().int().positive().optional(),
  sort: z.enum(['name', 'type', 'createdAt', 'regionCode']).default('name'),
});
export type OrgListQuery = z.infer<typeof orgListQuery>;

/** For pickers: organisations are public units, so any user may find one by name — only these fields, never details. */
export const orgLookupQuery = z.object({
  q: z.string().trim().max(50).optional(),
  side: side.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const orgLookupItem = z.object({ id: z.number().int(), name: z.string(), side, type: orgType, regionCode: z.string().nullable(), regionFullName: z.string().nullable() });
export type OrgLookupItem = z.infer<typeof orgLookupItem>;
