import { z } from 'zod';
import { isoDate, pageQuery, ref } from '../../platform/contract.ts';

/** An edition is one 期 of a publisher's bulletin; 草稿 → 审核 → 印发, frozen once issued. */
export const EDITION_STATUSES = { draft: '草稿', review: '待审核', issued: '已印发' } as const;
export type EditionStatus = keyof typeof EDITION_STATUSES;
export const editionStatus = z.enum(['draft', 'review', 'issued']);

const names = z.array(z.string().trim().min(1, '不能为空').max(100)).max(50);
/** 版记: 报 (to superiors), 送 (to peers), 发 (to subordinates). */
export const distribution = z.object({ bao: names.default([]), song: names.default([]), fa: names.default([]) });
export type Distribution = z.infer<typeof distribution>;

const header = z.object({
  publisherOrgId: ref('org'),
  title: z.string().trim().min(2, '刊名至少 2 个字').max(50),
  /** 增刊: numbered apart from the regular issues. */
  supplement: z.boolean(),
  issuedOn: isoDate,
  editor: z.string().trim().min(2, '编辑单位至少 2 个字').max(100),
  /** 第N期 within the year of issuedOn; the next free number when omitted. */
  issueNo: z.number().int('期号须为整数').positive('期号须为正整数').max(9999),
  /** 总第M期 over all years; the next free number when omitted. */
  totalNo: z.number().int('总期号须为整数').positive('总期号须为正整数').max(99999),
  periodFrom: isoDate.nullable(),
  periodTo: isoDate.nullable(),
  pairingId: ref('pairing').nullable(),
  countyCode: z.string().regex(/^\d{6}$/, '县级区划代码应为 6 位数字').nullable(),
  withToc: z.boolean(),
  distribution,
  copies: z.number().int('份数须为整数').positive('份数须为正整数').max(100000).nullable(),
  /** 更正: the issued edition this one corrects. */
  correctsId: ref('edition').nullable(),
});
const periodInOrder = (v: { periodFrom?: string | null; periodTo?: string | null }) => !v.periodFrom || !v.periodTo || v.periodTo >= v.periodFrom;
const periodIssue = { message: '截止日期不能早于起始日期', path: ['periodTo'] };

export const editionInput = header
  .extend({
    supplement: header.shape.supplement.default(false),
    issueNo: header.shape.issueNo.optional(),
    totalNo: header.shape.totalNo.optional(),
    periodFrom: header.shape.periodFrom.optional(),
    periodTo: header.shape.periodTo.optional(),
    pairingId: header.shape.pairingId.optional(),
    countyCode: header.shape.countyCode.optional(),
    withToc: header.shape.withToc.default(false),
    distribution: distribution.default({ bao: [], song: [], fa: [] }),
    copies: header.shape.copies.optional(),
    correctsId: header.shape.correctsId.optional(),
    /** 组稿: draft one item per recorded activity of the period and scope. */
    compose: z.boolean().default(true),
  })
  .refine(periodInOrder, periodIssue);
export type EditionInput = z.infer<typeof editionInput>;
export const editionPatch = header.omit({ publisherOrgId: true }).partial().refine(periodInOrder, periodIssue);
export type EditionPatch = z.infer<typeof editionPatch>;

export const itemInput = z.object({
  section: z.string().trim().max(40).nullable().optional(),
  title: z.string().trim().min(2, '标题至少 2 个字').max(200),
  body: z.string().trim().min(1, '正文不能为空').max(20_000),
  activityId: ref('activity').nullable().optional(),
});
export type ItemInput = z.infer<typeof itemInput>;
/** The edition's items in their new order: reorder, edit, add and remove in one change. */
export const itemsInput = z.object({ items: z.array(itemInput).max(200, '一期最多 200 条') });

export const editionItem = z.object({
  id: z.number().int(),
  position: z.number().int(),
  section: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  activityId: z.number().int().nullable(),
});
export type EditionItem = z.infer<typeof editionItem>;
/** An item drafted from a recorded activity, not yet part of an edition. */
export const candidateItem = editionItem.omit({ id: true, position: true }).extend({ date: z.string() });
export type CandidateItem = z.infer<typeof candidateItem>;

export const editionSummary = z.object({
  id: z.number().int(),
  publisherOrgId: z.number().int(),
  publisherName: z.string(),
  title: z.string(),
  supplement: z.boolean(),
  year: z.number().int(),
  issueNo: z.number().int(),
  totalNo: z.number().int(),
  /** 2024年第3期（总第45期） as printed on the masthead. */
  numberLabel: z.string(),
  issuedOn: z.string(),
  editor: z.string(),
  status: editionStatus,
  itemCount: z.number().int(),
  createdBy: z.string(),
  issuedBy: z.string().nullable(),
  issuedAt: z.string().nullable(),
});
export type EditionSummary = z.infer<typeof editionSummary>;
export const edition = editionSummary.extend({
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  pairingId: z.number().int().nullable(),
  countyCode: z.string().nullable(),
  withToc: z.boolean(),
  distribution: z.object({ bao: z.array(z.string()), song: z.array(z.string()), fa: z.array(z.string()) }),
  copies: z.number().int().nullable(),
  correctsId: z.number().int().nullable(),
  correctsLabel: z.string().nullable(),
  submittedBy: z.string().nullable(),
  /** Why the edition came back from review (until it is submitted again). */
  returnReason: z.string().nullable(),
  createdAt: z.string(),
  items: z.array(editionItem),
});
export type Edition = z.infer<typeof edition>;

export const editionListQuery = pageQuery.pick({ page: true, pageSize: true }).extend({
  publisher: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  status: editionStatus.optional(),
});
export type EditionListQuery = z.infer<typeof editionListQuery>;

export const candidateQuery = z
  .object({
    from: isoDate,
    to: isoDate,
    /** Only what this publisher reports on: activities of the organisations in its region or below it. */
    publisher: z.coerce.number().int().positive().optional(),
    pairing: z.coerce.number().int().positive().optional(),
    county: z.string().regex(/^\d{6}$/, '县级区划代码应为 6 位数字').optional(),
  })
  .refine((v) => v.to >= v.from, { message: '截止日期不能早于起始日期', path: ['to'] });
export type CandidateQuery = z.infer<typeof candidateQuery>;

export const nextNumbersQuery = z.object({
  publisher: z.coerce.number().int().positive(),
  title: z.string().trim().min(2).max(50),
  supplement: z.enum(['true', 'false']).default('false').transform((s) => s === 'true'),
  year: z.coerce.number().int().min(1990).max(2100),
});
export const nextNumbers = z.object({ issueNo: z.number().int(), totalNo: z.number().int() });

export const returnInput = z.object({ reason: z.string().trim().min(2, '请写明退回原因').max(500) });

// Shared with the web app (the item editor): section order and heading numerals.
export const SECTION_ORDER = ['重要活动', '产业合作', '消费帮扶', '社会帮扶', '人才交流', '劳务协作', '工作动态'];

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n];
  if (n < 20) return `十${NUMERALS[n - 10]}`;
  return `${NUMERALS[Math.floor(n / 10)]}十${n % 10 ? NUMERALS[n % 10] : ''}`;
}
